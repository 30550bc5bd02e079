"""The words a report uses: the known taxa (from ``bot.questionnaire``), the level words, and the shape of
a bacterium's name the assistant does not know. OCR mistakes ("0doribacter", "Normaa1") are folded back."""

from __future__ import annotations

import re
from typing import Optional

from rapidfuzz.distance import Levenshtein

from bot.questionnaire import TAXA
from bot.report_reading.reading import HIGH, LOW, NORMAL

# Characters OCR puts in place of letters.
CONFUSABLE = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "€": "e", "®": "e", "@": "a", "$": "s"})
NOT_A_LETTER = re.compile(r"[^a-zàáâäèéêëìíîïòóôöùúûü]")

# Level phrases, longest first; each with the level and how it is written when shown.
LEVEL_PHRASES = (
    (("binnen", "de", "norm"), NORMAL, "Binnen de norm"),
    (("boven", "de", "norm"), HIGH, "Boven de norm"),
    (("onder", "de", "norm"), LOW, "Onder de norm"),
    (("licht", "verlaagd"), LOW, "Licht verlaagd"),
    (("licht", "verhoogd"), HIGH, "Licht verhoogd"),
    (("sterk", "verlaagd"), LOW, "Sterk verlaagd"),
    (("sterk", "verhoogd"), HIGH, "Sterk verhoogd"),
    (("zeer", "laag"), LOW, "Zeer laag"),
    (("zeer", "hoog"), HIGH, "Zeer hoog"),
    (("te", "laag"), LOW, "Te laag"),
    (("te", "hoog"), HIGH, "Te hoog"),
    (("verlaagd",), LOW, "Verlaagd"),
    (("verhoogd",), HIGH, "Verhoogd"),
    (("normaal",), NORMAL, "Normaal"),
    (("laag",), LOW, "Laag"),
    (("hoog",), HIGH, "Hoog"),
)
LEVEL_WORDS = {phrase[0]: (level, written) for phrase, level, written in LEVEL_PHRASES if len(phrase) == 1}
# Real words one letter from a level word ("de lever verhoogt ..."): never a level.
NOT_LEVELS = frozenset({"verhoogt", "verlaagt", "normale", "verhogen", "verlagen"})
FUZZY_LEVEL_LENGTH = 6  # level words this long may have one OCR error ("Norrnaal" has two, "Normaa1" none)

_FOLDED_TAXA = {taxon.lower(): taxon for taxon in TAXA}
# Endings of bacterial genus, family and phylum names (Latin): "-aceae", "-coccus", "-bacter", "-ella", ...
LATIN_ENDINGS = ("aceae", "ales", "ella", "coccus", "cocci", "bacter", "bacterium", "bacillus", "monas", "ium",
                 "ia", "us", "um", "ae", "es", "is", "io", "ota", "a")  # fmt: skip
# Report words with a Latin ending that are no bacterium ("Legenda: Laag, Normaal, Hoog").
NOT_TAXA = frozenset({"legenda", "status", "bacteria", "flora", "microbiota", "media", "data", "criteria",
                      "formula", "schema", "agenda", "extra", "diagnosis", "analysis", "basis", "remarks",
                      "opmerkingen", "referentie", "resultaat"})  # fmt: skip
NAME_SHAPE = re.compile(r"^[A-Z][a-z]{4,}$")
SPECIES_SHAPE = re.compile(r"^[a-z]{4,}$")


def fold(text: str) -> str:
    """Lower case, OCR's stand-ins for letters replaced, everything but letters dropped."""
    return NOT_A_LETTER.sub("", text.lower().translate(CONFUSABLE))


def allowed_distance(name: str) -> int:
    """Edits an OCR'd taxon name may differ by: 1 for short names, 2 from 8 letters ("Ruminococcus" stays 4
    edits from "Ruminococcaceae", "Prevotellaceae" 4 from "Prevotella")."""
    return 1 if len(name) < 8 else 2


def known_taxon(text: str) -> Optional[str]:
    """The known taxon this word names, allowing a few OCR errors; None when it is none, or when two taxa
    are equally near (never a guess)."""
    word = fold(text)
    if len(word) < 4:
        return None
    if word in _FOLDED_TAXA:
        return _FOLDED_TAXA[word]
    scored = sorted((Levenshtein.distance(word, folded), taxon) for folded, taxon in _FOLDED_TAXA.items())
    (best, taxon), (second, _) = scored[0], scored[1]
    if best <= allowed_distance(taxon) and best < second:
        return taxon
    return None


def level_word(text: str) -> Optional[str]:
    """The folded level word this word is ("Verlaagd", "normaal:", "Normaa1"), or None."""
    word = fold(text)
    if word in LEVEL_WORDS:
        return word
    if len(word) >= FUZZY_LEVEL_LENGTH and word not in NOT_LEVELS:
        for level in LEVEL_WORDS:
            if len(level) >= FUZZY_LEVEL_LENGTH and Levenshtein.distance(word, level) <= 1:
                return level
    return None


def level_phrase(texts: list) -> Optional[tuple]:
    """(number of words, level, written) of the level phrase that ``texts`` starts with, or None."""
    folded = [fold(t) for t in texts[:3]]
    for phrase, level, written in LEVEL_PHRASES:
        if len(phrase) == 1:
            word = level_word(texts[0]) if texts else None
            if word == phrase[0]:
                return 1, level, written
        elif tuple(folded[: len(phrase)]) == phrase:
            return len(phrase), level, written
    return None


def looks_like_taxon(text: str) -> bool:
    """A capitalised Latin-looking name ("Akkermansia", "Bifidobacterium") that is no known taxon."""
    word = text.strip(".,:;()*")
    if not NAME_SHAPE.match(word) or word.lower() in NOT_TAXA or known_taxon(word) or level_word(word):
        return False
    return word.lower().endswith(LATIN_ENDINGS)


def looks_like_species(text: str) -> bool:
    """The species word after a genus ("muciniphila", "prausnitzii")."""
    word = text.strip(".,:;()*")
    return bool(SPECIES_SHAPE.match(word)) and not level_word(word) and word.endswith(LATIN_ENDINGS + ("ii", "i"))
