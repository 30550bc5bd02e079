"""The NLU training data never holds a message of an evaluation set, and no message has two intents.

The frozen sets (tests/frozen*), the development sets (tests/dev) and the held-out set (tests/heldout) measure how
the assistant reads messages it has never seen; a training example equal to one of them (ignoring case, accents and
punctuation) would make that figure dishonest, and so would a frozen message that a development set repeats.
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


def _texts(node) -> list:
    """Every "text" of an evaluation file, whatever its layout (lists of rows, or lists under named keys)."""
    if isinstance(node, dict):
        return ([node["text"]] if isinstance(node.get("text"), str) else []) + [
            text for key, value in node.items() if key != "text" for text in _texts(value)]  # fmt: skip
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return []


def _set_texts(paths) -> dict:
    texts = {}
    for path in paths:
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            texts[_key(text)] = str(path.relative_to(ROOT))
    return texts


FROZEN = sorted(p for folder in sorted(ROOT.glob("tests/frozen*")) for p in folder.glob("*.yml"))
DEVELOPMENT = sorted((ROOT / "tests" / "dev").glob("**/*.yml"))


def _evaluation_texts() -> dict:
    texts = _set_texts([*FROZEN, *DEVELOPMENT, ROOT / "tests" / "heldout" / "answers.yml"])
    for _, text in _examples(ROOT / "tests" / "heldout" / "nlu.yml"):
        texts[_key(text)] = "tests/heldout/nlu.yml"
    return texts


def test_the_training_data_is_large_enough_to_mean_something():
    assert len(TRAINING) > 1000
    assert len(_evaluation_texts()) > 1250


def test_no_training_example_is_a_message_of_an_evaluation_set():
    """Only how many, and where: the message itself is not printed, so a failure shows no frozen message."""
    evaluation = _evaluation_texts()
    leaked = defaultdict(int)
    for intent, text in TRAINING:
        if _key(text) in evaluation:
            leaked[f"{intent} example equal to a message of {evaluation[_key(text)]}"] += 1
    assert dict(leaked) == {}


def test_no_frozen_message_stands_in_a_development_set():
    """A frozen figure is a held-out figure only over messages that stand nowhere else (three words or more: a
    lone "ja" or "stop" is in every set). Counts only, no message printed."""
    frozen = {key: path for key, path in _set_texts(FROZEN).items() if len(key.split()) >= 3}
    development = _set_texts(DEVELOPMENT)
    shared = defaultdict(int)
    for key, path in frozen.items():
        if key in development:
            shared[f"{path} and {development[key]}"] += 1
    assert dict(shared) == {}


def test_no_message_is_an_example_of_two_intents():
    intents = defaultdict(set)
    for intent, text in TRAINING:
        intents[_key(text)].add(intent)
    assert {text: sorted(names) for text, names in intents.items() if len(names) > 1} == {}
