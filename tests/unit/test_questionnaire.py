"""bot.questionnaire is the code's copy of spec section 1: prove they agree."""

import re
from pathlib import Path

import pytest

from bot.questionnaire import ASSOCIATED_TAXA, CODE, CODE_LIST, ITEM_IDS, ITEMS, NUMBER, PROTECTIVE_TAXA, asked_items

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "intake-spec.md"


@pytest.fixture(scope="module")
def section1():
    if not SPEC.exists():
        pytest.skip(f"the spec is not beside this checkout ({SPEC})")
    text = SPEC.read_text(encoding="utf-8")
    return text[text.index("## 1. Items") : text.index("## 2. Scores")]


def table_rows(section: str) -> dict:
    """First-column id of every table row -> the whole row."""
    return {m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z0-9_]+)` \|.*$", section, re.M)}


def test_same_items_in_the_same_order(section1):
    assert list(table_rows(section1)) == list(ITEM_IDS)


def codes_in(text: str) -> list:
    """The backticked codes of a spec row or sentence, item ids left out."""
    return [code for code in re.findall(r"`([a-z0-9_]+)`", text) if code not in ITEM_IDS]


def test_codes_and_ranges_match_the_spec(section1):
    rows = table_rows(section1)
    pss_codes = codes_in(re.search(r"^\"How often.*$", section1, re.M).group(0))
    for it in ITEMS:
        row = rows[it.id]
        if it.kind in (CODE, CODE_LIST) and it.id not in ("taxa_low", "taxa_high"):
            values_cell = row.split("|")[3]  # | id | type | values / codes | ...
            expected = pss_codes if it.id.startswith("pss_") else codes_in(values_cell)
            assert expected == list(it.codes), it.id
        if it.kind == NUMBER:
            assert f"{int(it.minimum)}..{int(it.maximum)}" in row, it.id
            assert ("integer" in row) is it.integer, it.id


def test_taxa_match_the_spec(section1):
    protective = re.search(r"protective: (.*?);", section1).group(1)
    associated = re.search(r"NAFLD-associated: (.*?)\.\n", section1).group(1)
    assert tuple(protective.split(", ")) == PROTECTIVE_TAXA
    assert tuple(associated.split(", ")) == ASSOCIATED_TAXA


def test_branching():
    ids = lambda answers: [it.id for it in asked_items(answers)]  # noqa: E731
    everything = ids({"audit_c_frequency": "monthly", "skin_complaints": ["acne"], "microbiome_test": "yes"})
    assert everything == list(ITEM_IDS)
    fewest = ids({"audit_c_frequency": "never", "skin_complaints": [], "microbiome_test": "no"})
    assert set(ITEM_IDS) - set(fewest) == {"audit_c_quantity", "audit_c_binge", "skin_impact", "taxa_low", "taxa_high"}
    # An unanswered frequency still asks quantity and binge; unanswered complaints do not ask the impact.
    assert "audit_c_quantity" in ids({"audit_c_frequency": None})
    assert "skin_impact" not in ids({"skin_complaints": None})


def test_scoring_tables_use_the_questionnaires_codes_and_items():
    from bot.questionnaire import ITEMS_BY_ID
    from bot.scoring.alcohol import BINGE_POINTS, FREQUENCY_MIDPOINT_PER_WEEK, FREQUENCY_POINTS
    from bot.scoring.magnesium import MG_PER_UNIT
    from bot.scoring.microbiome import ANTIBIOTICS_POINTS, DIET_THRESHOLDS
    from bot.scoring.stress import PSS_POINTS

    frequency = ITEMS_BY_ID["audit_c_frequency"].codes
    assert tuple(FREQUENCY_POINTS) == frequency == tuple(FREQUENCY_MIDPOINT_PER_WEEK)
    assert tuple(BINGE_POINTS) == ITEMS_BY_ID["audit_c_binge"].codes
    assert tuple(PSS_POINTS) == ITEMS_BY_ID["pss_1"].codes
    assert set(ANTIBIOTICS_POINTS) < set(ITEMS_BY_ID["med_antibiotics_12m"].codes)
    assert all(ITEMS_BY_ID[item].section == "diet" for item in MG_PER_UNIT)
    assert all(ITEMS_BY_ID[t.item_id].section == "diet" for t in DIET_THRESHOLDS)


READERS = {
    "yes_no", "sex", "number", "audit_frequency", "drinks", "audit_binge", "pss", "medicine", "antibiotics",
    "diabetes", "skin_list", "taxa_list", "red_flag_list",
}  # fmt: skip


def test_every_item_names_one_of_the_readers():
    assert {it.reader for it in ITEMS} == READERS
    assert all(it.reader == "number" for it in ITEMS if it.section == "diet")


def test_every_item_carries_its_wording_and_coded_items_their_labels_as_buttons():
    for it in ITEMS:
        assert it.name and it.text and it.why and it.meaning and it.hint, it.id
        if it.kind == CODE:
            assert it.buttons == tuple(it.labels.values()), it.id


def test_the_derived_tables_read_the_items():
    from bot.labels import code_label
    from bot.questionnaire import ITEMS_BY_ID

    assert ITEMS_BY_ID["pss_3"].why == ITEMS_BY_ID["pss_1"].why  # one shared text
    assert ITEMS_BY_ID["egfr"].name == "nierfunctie (eGFR)"
    assert code_label("pss_2", "fairly_often") == "vaak" and code_label("taxa_low", "Dorea") == "Dorea"


ROOT = Path(__file__).resolve().parents[2]
# Modules that must take every item from the items, not name one (consent is the interview's own start).
ID_FREE = ("bot/questionnaire_texts.py", "bot/labels.py", "bot/advice/explain.py", "bot/advice/library.py",
           "bot/evaluation.py", "bot/advice/selection.py", "bot/areas.py", "bot/bands.py",
           "bot/dialogue/results.py", "bot/reports.py", "bot/templates/report.html", "channels/web.py",
           "channels/clinic.py", "channels/templates/clinic.html", "channels/templates/chat.html",
           "channels/static/chat.js", "channels/static/clinic.js")  # fmt: skip


@pytest.mark.parametrize("path", ID_FREE)
def test_module_names_no_item(path):
    source = (ROOT / path).read_text(encoding="utf-8")
    assert [i for i in ITEM_IDS if i != "consent" and f'"{i}"' in source] == []
