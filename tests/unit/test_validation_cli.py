"""Answer validation and the `python -m bot.scoring` command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.scoring import compute_scores
from bot.validation import AnswerError, validate_answers
from tests.answers import WORKED_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]


def run_cli(stdin: str):
    return subprocess.run(
        [sys.executable, "-m", "bot.scoring"], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60
    )


REFUSALS = [
    # (answers, item named, words of what is allowed)
    ({"audit_c_frequency": "sometimes"}, "audit_c_frequency",
     "never, monthly_or_less, 2_4_per_month, 2_3_per_week, 4_plus_per_week"),
    ({"favourite_colour": "blue"}, "favourite_colour", "allowed item ids: consent, sex, age"),
    ({"sex": "f"}, "sex", "one of female, male, other"),
    ({"age": 17}, "age", "an integer from 18 to 110"),
    ({"age": 111}, "age", "an integer from 18 to 110"),
    ({"age": 40.5}, "age", "not a whole number"),
    ({"age": "veertig"}, "age", "not a number"),
    ({"age": True}, "age", "not a number"),
    ({"veg_fruit_per_day": 21}, "veg_fruit_per_day", "a number from 0 to 20"),
    ({"veg_fruit_per_day": -1}, "veg_fruit_per_day", "a number from 0 to 20"),
    ({"nuts_per_week": 22}, "nuts_per_week", "a number from 0 to 21"),
    ({"audit_c_quantity": 0}, "audit_c_quantity", "an integer from 1 to 50"),
    ({"audit_c_quantity": 51}, "audit_c_quantity", "an integer from 1 to 50"),
    ({"audit_c_quantity": 2.5}, "audit_c_quantity", "not a whole number"),
    ({"sleep_hours": 17}, "sleep_hours", "a number from 0 to 16"),
    ({"egfr": 4}, "egfr", "an integer from 5 to 150"),
    ({"skin_impact": 11}, "skin_impact", "a number from 0 to 10"),
    ({"pss_2": 2}, "pss_2", "one of never, almost_never, sometimes, fairly_often, very_often"),
    ({"med_ppi": True}, "med_ppi", "one of yes, no"),
    ({"skin_complaints": "acne"}, "skin_complaints", "not a list"),
    ({"skin_complaints": ["acne", "warts"]}, "skin_complaints", "a list of acne, rosacea, eczema"),
    ({"taxa_low": ["odoribacter"]}, "taxa_low", "Odoribacter, Coprococcus"),
    ({"red_flags": ["headache"]}, "red_flags", "blood_in_stool, black_stool"),
]  # fmt: skip


@pytest.mark.parametrize("answers, item_id, allowed", REFUSALS)
def test_validation_names_item_and_allowed(answers, item_id, allowed):
    with pytest.raises(AnswerError) as caught:
        validate_answers(answers)
    assert caught.value.item_id == item_id
    message = str(caught.value)
    assert message.startswith(f"{item_id}: ")
    assert allowed in message
    assert "\n" not in message


def test_validation_canonical_forms():
    valid = validate_answers({"age": 40.0, "veg_fruit_per_day": 2.5, "egfr": None, "skin_complaints": ["acne", "acne"]})
    assert valid == {"age": 40, "veg_fruit_per_day": 2.5, "egfr": None, "skin_complaints": ["acne"]}
    assert isinstance(valid["age"], int)


def test_not_an_object_is_refused():
    with pytest.raises(AnswerError, match="JSON object"):
        validate_answers([1, 2])


class TestCli:
    def test_worked_example(self):
        result = run_cli(json.dumps(WORKED_EXAMPLE))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert json.loads(result.stdout) == compute_scores(WORKED_EXAMPLE)
        assert json.loads(result.stdout)["microbiome_score"] == 90
        assert result.stdout.count("\n") == 1

    def test_issue_example_refusal(self):
        result = run_cli('{"audit_c_frequency": "sometimes"}')
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr == (
            "audit_c_frequency: 'sometimes' is not allowed; allowed: one of never, monthly_or_less, "
            "2_4_per_month, 2_3_per_week, 4_plus_per_week, or null\n"
        )

    @pytest.mark.parametrize("answers, item_id, allowed", REFUSALS)
    def test_each_refusal(self, answers, item_id, allowed):
        result = run_cli(json.dumps(answers))
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith(f"{item_id}: ") and allowed in lines[0]

    @pytest.mark.parametrize("stdin, words", [("{not json", "not valid JSON"), ("[1, 2]", "JSON object"), ("", "JSON")])
    def test_bad_input(self, stdin, words):
        result = run_cli(stdin)
        assert (result.returncode, result.stdout) == (2, "")
        assert len(result.stderr.splitlines()) == 1 and words in result.stderr
