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


@lru_cache(maxsize=1024)  # one message is normalised dozens of times by the readers, and so are their labels
def normalise(text: str) -> str:
    """Lower case, accents removed, apostrophes and dashes made plain, spaces folded."""
    text = strip_accents(text.lower()).replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=4096)
def plain_words(text: str) -> tuple:
    """The message's words and numbers, lower case without accents: "Één keer, hè?" -> ("een", "keer", "he")."""
    return tuple(re.findall(r"[a-z0-9]+", normalise(text)))


CLAUSE_ENDS = (",", ".", ";", "!", "?", "+", "/", "maar", "wel", "ja", "behalve")


def clause_words(text: str) -> list:
    """The message's words, numbers and punctuation marks, lower case without accents: "ja, nie" -> ["ja", ",", "nie"]."""
    return list(_clause_words(text))


@lru_cache(maxsize=256)  # read by most readers of one message
def _clause_words(text: str) -> tuple:
    return tuple(re.findall(r"\d+(?:[.,]\d+)?|[a-z]+|[^\sa-z\d]", normalise(text)))


def negated(words: list, negators: tuple = ("niet",)) -> set:
    """Indexes of the words a negator negates: the rest of its clause, at most four words ("niet altijd",
    "niet echt man of vrouw", "geen bloed"), up to a comma, "maar" or "wel"."""
    out: set = set()
    for i, word in enumerate(words):
        if word not in negators or "weet" in words[max(0, i - 2) : i]:  # "weet ik niet" negates nothing after it
            continue
        for j in range(i + 1, min(len(words), i + 5)):
            if words[j] in CLAUSE_ENDS:
                break
            out.add(j)
    return out


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


# Endings that make another form of the same word: "zwart" -> "zwarte", "zelfmoord" -> "zelfmoorden",
# "puistje" -> "puistjes"; a doubled consonant before "en" or "e" too ("slik" -> "slikken").
ENDINGS = ("e", "en", "s", "n", "t", "te", "ten", "de", "den", "je", "jes", "tje", "tjes", "es")


def inflected(word: str, target: str) -> bool:
    """``word`` is ``target`` with a Dutch ending added or dropped ("zwarte" / "zwart", "slik" / "slikken")."""
    short, long = sorted((word, target), key=len)
    if len(short) < 4 or not long.startswith(short) or short == long:
        return False
    ending = long[len(short) :]
    return ending in ENDINGS or (ending[0] == short[-1] and ending[1:] in ("en", "e"))


@lru_cache(maxsize=16384)  # the readers compare each word of a message with their terms, several readers the same
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
