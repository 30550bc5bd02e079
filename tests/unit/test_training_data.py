"""The NLU training data never holds a message of an evaluation set, and no message has two intents.

The frozen sets (tests/frozen, tests/frozen2, tests/frozen3), the development sets (tests/dev) and the held-out set
(tests/heldout) measure how the assistant reads messages it has never seen; a training example equal to
one of them (ignoring case, accents and punctuation) would make that figure dishonest.
"""

from collections import defaultdict
from pathlib import Path

import yaml

from bot.parsing.text import plain_words

ROOT = Path(__file__).resolve().parents[2]


def _key(text: str) -> str:
    return " ".join(plain_words(text)) or text.strip()


def _examples(path: Path) -> list:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
    return [
        (row["intent"], line.strip()[2:])
        for row in rows
        if "intent" in row
        for line in row["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


TRAINING = [example for path in sorted((ROOT / "data" / "nlu").glob("*.yml")) for example in _examples(path)]


def _evaluation_texts() -> dict:
    texts = {}
    for name in ("questions", "crisis", "everyday"):
        document = yaml.safe_load((ROOT / "tests" / "frozen" / f"{name}.yml").read_text(encoding="utf-8"))
        for rows in document.values():
            for row in rows:
                texts[_key(row["text"])] = f"tests/frozen/{name}.yml"
    frozen = [ROOT / "tests" / name / "questions.yml" for name in ("frozen2", "frozen3")]
    for path in [*frozen, *sorted((ROOT / "tests" / "dev").glob("*.yml"))]:
        for row in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            texts[_key(row["text"])] = str(path.relative_to(ROOT))
    for _, text in _examples(ROOT / "tests" / "heldout" / "nlu.yml"):
        texts[_key(text)] = "tests/heldout/nlu.yml"
    for case in yaml.safe_load((ROOT / "tests" / "heldout" / "answers.yml").read_text(encoding="utf-8")):
        texts[_key(case["text"])] = "tests/heldout/answers.yml"
    return texts


def test_the_training_data_is_large_enough_to_mean_something():
    assert len(TRAINING) > 1000
    assert len(_evaluation_texts()) > 1250


def test_no_training_example_is_a_message_of_an_evaluation_set():
    evaluation = _evaluation_texts()
    leaked = [f"{intent}: {text!r} ({evaluation[_key(text)]})" for intent, text in TRAINING if _key(text) in evaluation]
    assert leaked == []


def test_no_message_is_an_example_of_two_intents():
    intents = defaultdict(set)
    for intent, text in TRAINING:
        intents[_key(text)].add(intent)
    assert {text: sorted(names) for text, names in intents.items() if len(names) > 1} == {}
