"""The Dutch lexicon the answer readers lean on: word frequencies, typo correction and compound heads.

- ``zipf(word)``: how common a word is in Dutch, on the Zipf scale of wordfreq's Dutch list (a word seen once per
  million words has 3; "tegen" 6.1, "zeven" 5.0, "dikwijls" 3.9, "zelfmort" 0: no word at all). Accents are
  ignored, as everywhere in bot/parsing.
- ``is_common(word)``: a real Dutch word of everyday use (Zipf ``COMMON_ZIPF`` or more). Such a word is never read
  as a typo of another word ("geven" is not "leven", "even" not "zeven").
- ``corrected(word, protected)``: a word that is no word at all ("nooti", "regelmatg") becomes the readers' own term
  one edit away ("panotprazol" -> "pantoprazol"), or else the most common word one edit away (SymSpell over the
  common words); a medicine or bacterium name is never corrected into a Dutch word.
- ``compound_head(word)``: the last part of a compound ("havermoutpap" -> "pap", "huidklachten" -> "klachten",
  "ouderdomsvlekken" -> "vlekken"), from compound-split's scored splits, keeping only a split whose parts are
  words of the lexicon; a common word is never split ("spinazie" is no "spin" + "azie").

Everything loads on first use and is cached: importing this module does no work. The word list and the compound
tables are compact tries (``bot.parsing.lexicon_tables``), the same values.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from bot.parsing import lexicon_tables

COMMON_ZIPF = 2.8  # the least common REAL_WORDS-like words ("degen", "beven", "weven") are 2.9; typos sit below
SPELLER_ZIPF = 3.0  # the words a typo may be corrected into: seen at least once per million words
KNOWN_ZIPF = 1.0  # wordfreq's floor: any word in its list is a word, not a typo to correct
PART_ZIPF = 2.5  # a compound's modifier must be a word at least this common; its head a common word
SPELLER_MIN_LENGTH = 5  # shorter words are too close to each other to correct (see text.typo_budget)
LINKING = ("s", "e", "en")  # "ouderdoms|vlekken", "zonne|vlekken": a modifier's linking letters


_plain = lexicon_tables.plain


def _frequencies() -> Any:
    """Accent-free Dutch word -> Zipf value (the highest of its spellings): a compact table (lexicon_tables)."""
    return lexicon_tables.tables()["zipf"]


@lru_cache(maxsize=16384)  # asked for the same words many times per message
def zipf(word: str) -> float:
    """How common ``word`` is in Dutch (Zipf scale, 0 when it is no word in the list)."""
    return _frequencies().get(_plain(word), 0.0)


def is_common(word: str) -> bool:
    return zipf(word) >= COMMON_ZIPF


def is_known(word: str) -> bool:
    """Any word of the Dutch list, however rare: never corrected into another one."""
    return zipf(word) >= KNOWN_ZIPF


@lru_cache(maxsize=1)
def _speller():
    """SymSpell over the common words, each with its frequency: the most frequent of the closest wins."""
    from symspellpy import SymSpell

    speller = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
    for word, value in _frequencies().items():
        if value >= SPELLER_ZIPF:
            speller.create_dictionary_entry(word, int(10 ** (value + 3)))
    return speller


@lru_cache(maxsize=8192)
def corrected(word: str, protected: tuple = ()) -> str:
    """``word``, or the term of ``protected`` or else the common word one edit away, when ``word`` is no word at
    all. The readers' own terms come first: a medicine or bacterium name is never corrected into a Dutch word."""
    if len(word) < SPELLER_MIN_LENGTH or not word.isalpha() or is_known(word) or word in protected:
        return word
    from rapidfuzz import process
    from rapidfuzz.distance import OSA
    from symspellpy import Verbosity

    term = process.extractOne(word, protected, scorer=OSA.distance, score_cutoff=1) if protected else None
    if term:
        return term[0]
    suggestions = _speller().lookup(word, Verbosity.CLOSEST, max_edit_distance=1)
    return suggestions[0].term if suggestions and suggestions[0].distance == 1 else word


@lru_cache(maxsize=1)
def _splitter():
    """compound-split's splitter with its Dutch tables only. Its module imports the German tables as well, 266 MB
    in every process that reads answers (the Rasa server and the action server); an empty stand-in keeps them out,
    and ``split_compound(word, lang="nl")`` reads the Dutch tables alone, from the tries of ``lexicon_tables``
    (95 MB as the module's dicts), so the splits are the same."""
    import sys
    import types

    if "compound_split.de_ngram_probs" not in sys.modules:
        german = types.ModuleType("compound_split.de_ngram_probs", "Not loaded: only Dutch is split here.")
        german.prefix, german.infix, german.suffix = {}, {}, {}
        sys.modules[german.__name__] = german
    if "compound_split.nl_ngram_probs" not in sys.modules:  # the Dutch tables as compact tries (lexicon_tables)
        dutch = types.ModuleType("compound_split.nl_ngram_probs", "compound-split's Dutch tables, as tries.")
        for name in lexicon_tables.COMPOUND_TABLES:
            setattr(dutch, name, lexicon_tables.tables()[name])
        sys.modules[dutch.__name__] = dutch
    from compound_split import char_split

    return char_split


def _is_part(part: str) -> bool:
    return zipf(part) >= PART_ZIPF or any(part.endswith(s) and zipf(part[: -len(s)]) >= PART_ZIPF for s in LINKING)


@lru_cache(maxsize=4096)
def compound_parts(word: str) -> Optional[tuple]:
    """(modifier, head) of a Dutch compound whose parts are both words, else None: "volkorenbrood" ->
    ("volkoren", "brood"); "spinazie", "leven" -> None."""
    word = _plain(word)
    if len(word) < 7 or not word.isalpha() or is_common(word):  # a common word is a word of its own
        return None
    for _score, first, second in _splitter().split_compound(word, lang="nl")[:5]:
        first, second = first.lower(), second.lower()
        if len(first) >= 3 and len(second) >= 3 and _is_part(first) and is_common(second):
            return first, second
    return None


def compound_head(word: str) -> str:
    """The head of a compound, itself split again ("hoofdhuidschilfers" -> "schilfers"); the word itself when it is
    no compound."""
    parts = compound_parts(word)
    return compound_head(parts[1]) if parts else _plain(word)


def load() -> None:
    """Load the word list, the speller and the compound splitter now (2 to 8 seconds), for a server to call at start
    instead of on its first message."""
    _frequencies()
    _speller()
    _splitter().split_compound("havermoutpap", lang="nl")
