"""Every pattern of the crisis and safety lexicons and every phrase of the keyword layer matches at least one
training example in data/: the lexicons generalize from the training data, and hold nothing that exists only for
one evaluation sentence."""

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from bot.parsing import crisis, safety, signals
from bot.parsing.text import has_phrase, similar

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def training() -> tuple:
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in (block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    texts.append(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.strip()[2:]))
    return tuple(texts)


@lru_cache(maxsize=1)
def folded() -> tuple:
    return tuple(crisis._folded(text) for text in training())


@lru_cache(maxsize=1)
def plain() -> tuple:
    return tuple(safety.plain(text) for text in training())


CRISIS = [p.pattern for p in crisis.PATTERNS + crisis.EVERYDAY]
SAFETY = list(safety.VIOLENCE_ON_THEIR_OWN + safety.DANGER_ON_THEIR_OWN + safety.DANGER_NOW + safety.NOT_VIOLENCE)
PHRASES = [(signal, phrase) for table in (signals.PHRASES, signals.SHORT_ONLY) for signal, phrases in table.items()
           for phrase in phrases]  # fmt: skip


@pytest.mark.parametrize("pattern", CRISIS)
def test_every_crisis_pattern_matches_a_training_example(pattern):
    assert any(re.search(pattern, text) for text in folded())


@pytest.mark.parametrize("pattern", SAFETY)
def test_every_safety_pattern_matches_a_training_example(pattern):
    assert any(re.search(pattern, text) for text in plain())


@pytest.mark.parametrize("signal, phrase", PHRASES)
def test_every_keyword_phrase_stands_in_a_training_example(signal, phrase):
    assert any(has_phrase(text, phrase) for text in training())


def test_every_crisis_word_stands_in_a_training_example():
    words = {word for text in folded() for word in text.split()}
    assert [w for w in crisis.WORDS if not any(similar(word, w) for word in words)] == []
