"""Tokens and fuzzy word matching for Dutch answers, on the project's spaCy pipeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.dutch_pipeline import load
from bot.parsing.lexicon import is_common


@dataclass(frozen=True)
class Token:
    text: str  # lower case, accents kept
    plain: str  # lower case, accents removed (één -> een)
    lemma: str


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower case, accents removed, apostrophes and dashes made plain, spaces folded."""
    text = strip_accents(text.lower()).replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=4096)
def plain_words(text: str) -> tuple:
    """The message's words and numbers, lower case without accents: "Één keer, hè?" -> ("een", "keer", "he")."""
    return tuple(re.findall(r"[a-z0-9]+", normalise(text)))


def has_phrase(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` as whole words: the one phrase matcher of bot/parsing."""
    return f" {' '.join(plain_words(phrase))} " in f" {' '.join(plain_words(text))} "


@lru_cache(maxsize=2048)
def tokens(text: str) -> tuple:
    """The message's tokens, with lemmas from the Dutch pipeline."""
    doc = load()(text.lower())
    return tuple(
        Token(t.text, strip_accents(t.text), strip_accents(t.lemma_ or t.text).lower()) for t in doc if not t.is_space
    )


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance with adjacent swaps counting 1 (optimal string alignment, by rapidfuzz),
    cut off above ``limit``."""
    return OSA.distance(a, b, score_cutoff=limit)


def typo_budget(word: str) -> int:
    """How many typos a word of this length may carry and still match: none below 5 letters."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def inflected(word: str, target: str) -> bool:
    """``word`` is ``target`` with an ending added or dropped ("zwarte" / "zwart", "zelfmoorden" / "zelfmoord")."""
    short, long = sorted((word, target), key=len)
    return len(short) >= 4 and long.startswith(short)


def similar(word: str, target: str) -> bool:
    """``word`` is ``target``, a form of it, or a small typo of it; a common Dutch word is never read as a typo of
    another word ("geven" is not "leven", "even" is not "zeven": bot.parsing.lexicon)."""
    if word == target:
        return True
    budget = typo_budget(target)
    if budget == 0 or abs(len(word) - len(target)) > budget:
        return False
    if is_common(word) and not inflected(word, target):
        return False
    return edit_distance(word, target, budget) <= budget
