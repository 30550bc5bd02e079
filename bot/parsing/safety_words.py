"""The words of a message made standard before the safety reader (``bot.parsing.safety``) looks for its concepts.

The safety concepts are written in standard Dutch. Patients write Flemish, chat spelling, English, learners' Dutch,
typos and diminutives; each of these is made standard by a mechanism, never by a phrase per message:

- the variants table of every reader (``bot.parsing.variants.standardise``): "kheb", "nie", "spuw", "my stool";
- a diminutive becomes its noun when the noun is a more common word ("oogjes" -> "oog", "kilootjes" -> "kilo",
  "papiertje" -> "papier");
- a rare word one edit away from a term of the safety concepts themselves (``terms``) is that term ("ontlassing"
  -> "ontlasting", "buijpijn" -> "buikpijn", "slikke" -> "slikken"); a word that is no Dutch word at all is
  corrected one edit away into a common word ("afgevalen" -> "afgevallen").

A word that a concept names as it is, or begins with, is left as it is ("gaatjes" stays "gaatjes").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.parsing.lexicon import corrected, is_common, is_known, zipf
from bot.parsing.variants import standardise

# Diminutive endings: "-etje(s)" (balletje), "-pje(s)" (bloempje), "-tje(s)" (papiertje), "-je(s)" (oogje).
DIMINUTIVE_ENDINGS = ("etjes", "etje", "pjes", "pje", "tjes", "tje", "jes", "je")
DIMINUTIVE_ZIPF = 4.0  # a diminutive this common is a word of its own ("beetje", "meisje"): kept
NOUN_ZIPF = 2.5  # the noun a diminutive becomes must be at least this common (and more common than the diminutive)


def undiminished(word: str) -> str:
    """The noun of a diminutive ("oogjes" -> "oog", "kilootje" -> "kilo", "papiertje" -> "papier"), else ``word``."""
    if len(word) < 5 or not word.isalpha() or zipf(word) >= DIMINUTIVE_ZIPF:
        return word
    stems = [word[: -len(ending)] for ending in DIMINUTIVE_ENDINGS if word.endswith(ending)]
    # "kiloo|tje", "boterhamm|etje": a letter doubled before the ending
    nouns = [noun for stem in stems if len(stem) >= 3 for noun in (stem, re.sub(r"(\w)\1$", r"\1", stem))]
    nouns = [noun for noun in nouns if zipf(noun) >= NOUN_ZIPF and zipf(noun) > zipf(word)]
    return max(nouns, key=len, default=word)  # the longest noun: "bietjes" is "biet", not "bie"


def standard_word(word: str, terms: frozenset, prefixes: tuple) -> str:
    """One word made standard: a concept's own word stays, a diminutive becomes its noun, a typo its word."""
    if word in terms or word.startswith(prefixes) or not word.isalpha():
        return word
    noun = undiminished(word)
    if noun != word:
        return noun
    if not is_common(word):  # a rare word one edit from a concept's term is that term: "slikke" -> "slikken"
        term = nearest_term(word, terms)
        if term:
            return term
    return word if is_known(word) else corrected(word)


def nearest_term(word: str, terms: frozenset):
    """The term one edit away from ``word`` (the most common if several), or None."""
    near = [t for t in terms if abs(len(t) - len(word)) <= 1 and OSA.distance(word, t, score_cutoff=1) <= 1]
    return max(near, key=zipf, default=None)


@lru_cache(maxsize=8)
def terms(patterns: tuple) -> tuple:
    """The literal words (five letters or more) of the concepts' regular expressions: (all of them, the ones a
    pattern lets grow, e.g. ``gaatje\\w*``)."""
    words, grown = set(), set()
    for pattern in patterns:
        for match in re.finditer(r"(?<![\\\w])([a-z]{5,})(\\w\*)?", pattern):
            words.add(match.group(1))
            if match.group(2):
                grown.add(match.group(1))
    return frozenset(words), tuple(sorted(grown))


@lru_cache(maxsize=4096)
def standard_text(text: str, patterns: tuple) -> str:
    """``text`` with its variants made standard Dutch, and every word made standard (``standard_word``)."""
    vocabulary, grown = terms(patterns)
    text = standardise(text)
    return re.sub(r"[^\W\d_]+", lambda m: standard_word(m.group(0).lower(), vocabulary, grown), text)
