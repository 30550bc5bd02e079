"""Tokens and fuzzy word matching for Dutch answers, on the project's spaCy pipeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.dutch_pipeline import load


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
    """Damerau-Levenshtein distance (adjacent swaps count 1), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def typo_budget(word: str) -> int:
    """How many typos a word of this length may carry and still match: none below 5 letters."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


# Real words one letter from a word the parsers fold typos into, never read as that typo: "geven" is not
# "leven" (crisis wording), "even" is not "zeven" and "tegen" not "negen" (numbers).
REAL_WORDS = frozenset(("nemen", "vissen", "kissen", "wissen", "geven", "lezen", "beven", "heven", "weven", "leven", "even", "tegen", "regen", "degen",
                        "zegen", "zaken", "taken", "raken", "laken", "maten", "manen", "messen", "gissen", "dringen",
                        "zingen"))  # fmt: skip


def similar(word: str, target: str) -> bool:
    """``word`` is ``target`` or a small typo of it (never a different real word of ``REAL_WORDS``)."""
    if word == target:
        return True
    if word in REAL_WORDS:
        return False
    budget = typo_budget(target)
    return budget > 0 and edit_distance(word, target, budget) <= budget
