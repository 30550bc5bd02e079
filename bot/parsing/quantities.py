"""Dutch numbers, ranges and frequencies in free text.

"drie" -> 3, "2,5" -> 2.5, "twee à drie" -> 2.5, "tussen 6 en 7" -> 6.5,
"anderhalf" -> 1.5, "zeven en een half" -> 7.5, "eenentwintig" -> 21,
"een paar" -> 2.5, "geen" -> 0; "drie keer per week", "bijna elke dag",
"een paar keer per maand" -> a rate per week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from bot.parsing.text import normalise, similar

UNITS = {"nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
SIMPLE_WORDS = {**UNITS, **TEENS, **TENS, "honderd": 100, "anderhalf": Fraction(3, 2), "anderhalve": Fraction(3, 2)}
COMPOUND = re.compile(
    r"^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$"
)
HALF_WORDS = ("half", "halve")
ZERO_WORDS = ("geen", "niks", "niets", "nul", "nooit")
FEW = Fraction(5, 2)  # "een paar": two or three
RANGE_WORDS = ("a", "à", "-", "tot", "of", "á")
WEEKS_PER_MONTH = Fraction(52, 12)

WORD_RE = re.compile(r"\d+(?:[.,]\d+)?|[a-z]+|[^\sa-z\d]")


def word_value(word: str) -> Optional[Fraction]:
    """The value of one Dutch number word (with a small typo allowed in longer words), else None."""
    if word in SIMPLE_WORDS:
        return Fraction(SIMPLE_WORDS[word])
    match = COMPOUND.match(word)
    if match:
        return Fraction(UNITS[match.group(1)] + TENS[match.group(2)])
    if word.startswith("honderd") and len(word) > 7:
        rest = word_value(word[7:].removeprefix("en"))
        return None if rest is None or rest >= 100 else 100 + rest
    if word.endswith("enhalf") and word[:-6] in SIMPLE_WORDS:  # "tweeenhalf" (tweeënhalf)
        return Fraction(SIMPLE_WORDS[word[:-6]]) + Fraction(1, 2)
    for target, value in SIMPLE_WORDS.items():
        if len(target) >= 5 and similar(word, target):
            return Fraction(value)
    return None


@dataclass(frozen=True)
class Piece:
    """A word of the message, or a number (``value`` set)."""

    word: str
    value: Optional[Fraction] = None
    article: bool = False  # "een" that may be an article rather than the number one


def pieces(text: str) -> list:
    """The message as words and numbers, with "X en een half" and "een half" folded into one number."""
    words = WORD_RE.findall(normalise(text))
    out: list = []
    i = 0
    while i < len(words):
        word = words[i]
        if word[0].isdigit():
            out.append(Piece(word, Fraction(word.replace(",", "."))))
        elif word in HALF_WORDS:
            # "zeven en een half" / "zeven en half" / "een half"
            if out and out[-1].word == "een" and out[-1].value is not None:
                out.pop()
                if len(out) >= 2 and out[-1].word == "en" and out[-2].value is not None:
                    out.pop()
                    number = out.pop()
                    out.append(Piece(number.word, number.value + Fraction(1, 2)))
                else:
                    out.append(Piece("half", Fraction(1, 2)))
            elif len(out) >= 2 and out[-1].word == "en" and out[-2].value is not None:
                out.pop()
                number = out.pop()
                out.append(Piece(number.word, number.value + Fraction(1, 2)))
            else:
                out.append(Piece(word))
        else:
            value = word_value(word)
            out.append(Piece(word, value, article=word == "een"))
        i += 1
    return out


def _numbers(parts: list) -> list:
    """Indexes of the numbers; an "een" counts only when no other number is there."""
    found = [i for i, p in enumerate(parts) if p.value is not None]
    real = [i for i in found if not parts[i].article]
    if real:
        # "een paar", "een stuk of vijf", "een glas of drie": the article is not a number.
        return real
    return [i for i in found if not (i + 1 < len(parts) and parts[i + 1].word in ("paar", "aantal"))]


def parse_quantity(text: str) -> Optional[Fraction]:
    """One quantity in the message: a number, a range's midpoint, "een paar", or 0 for "geen".

    None when there is no number, or several that are not a range.
    """
    parts = pieces(text)
    indexes = _numbers(parts)
    # "tussen 2 en 3"
    for i in indexes:
        before = [p.word for p in parts[max(0, i - 2) : i]]
        if "tussen" in before and i + 2 < len(parts) and parts[i + 1].word == "en":
            if parts[i + 2].value is not None:
                return (parts[i].value + parts[i + 2].value) / 2
    # "2 à 3", "2-3", "2 tot 3", "2 tot en met 3", "twee of drie"
    for a, b in zip(indexes, indexes[1:]):
        between = [p.word for p in parts[a + 1 : b]]
        if between and (between[0] in RANGE_WORDS or between == ["tot", "en", "met"]) and len(between) <= 3:
            low, high = parts[a].value, parts[b].value
            if low < high:
                return (low + high) / 2
    if len(indexes) == 1:
        return parts[indexes[0]].value
    if not indexes:
        words = [p.word for p in parts]
        if "paar" in words or "enkele" in words:
            return FEW
        if any(word in ZERO_WORDS for word in words):
            return Fraction(0)
        # "niet" / "eet ik niet": none; but "weet niet zo goed" is no answer.
        if "niet" in words and "weet" not in words and len(words) <= 4:
            return Fraction(0)
    return None


# Periods in days.
PERIOD_DAYS = {
    "dag": 1, "dagen": 1, "daags": 1, "avond": 1, "ochtend": 1, "nacht": 1,
    "week": 7, "weken": 7, "weeks": 7,
    "maand": 7 * WEEKS_PER_MONTH, "maanden": 7 * WEEKS_PER_MONTH,
    "jaar": 7 * 52,
}  # fmt: skip
# Fixed phrases -> times per week. Longest first, so "bijna elke dag" wins over "elke dag".
RATE_PHRASES = (
    ("bijna elke dag", 6), ("bijna iedere dag", 6), ("bijna dagelijks", 6), ("haast elke dag", 6),
    ("een paar keer per maand", FEW / WEEKS_PER_MONTH), ("paar keer per maand", FEW / WEEKS_PER_MONTH),
    ("een paar keer per week", FEW), ("paar keer per week", FEW),
    ("een paar keer per jaar", FEW / 52), ("paar keer per jaar", FEW / 52),
    ("om de dag", Fraction(7, 2)), ("om de andere dag", Fraction(7, 2)),
    ("elke dag", 7), ("iedere dag", 7), ("alle dagen", 7), ("dagelijks", 7), ("elke avond", 7), ("iedere avond", 7),
    ("elk weekend", 2), ("ieder weekend", 2), ("in het weekend", 2), ("s weekends", 2), ("weekenden", 2),
    ("elke week", 1), ("iedere week", 1), ("wekelijks", 1),
    ("elke maand", 1 / WEEKS_PER_MONTH), ("iedere maand", 1 / WEEKS_PER_MONTH), ("maandelijks", 1 / WEEKS_PER_MONTH),
    ("jaarlijks", Fraction(1, 52)),
    ("nooit", 0), ("helemaal niet", 0),
)  # fmt: skip
RATE_WORDS = ("keer", "maal", "x", "per", "in", "de", "een", "op", "elke", "iedere", "a")


@dataclass(frozen=True)
class Rate:
    per_week: Fraction


def parse_rate(text: str) -> Optional[Rate]:
    """How often, as times per week: "3 keer per week", "2x per dag", "elke dag", "een paar keer per maand"."""
    plain = " " + re.sub(r"[^a-z0-9,. ]", " ", normalise(text)) + " "
    plain = re.sub(r"\s+", " ", plain)
    for phrase, per_week in RATE_PHRASES:
        if f" {phrase} " in plain:
            return Rate(Fraction(per_week))
    parts = pieces(text)
    for i, part in enumerate(parts):
        days = PERIOD_DAYS.get(part.word)
        if days is None or i == 0:
            continue
        # Walk back over "keer per", "x in de", "per" to the count.
        j = i - 1
        while j >= 0 and parts[j].value is None and parts[j].word in RATE_WORDS:
            j -= 1
        words_between = {p.word for p in parts[j + 1 : i]}
        if not words_between & {"per", "in", "op", "a", "elke", "iedere"} and not words_between & {"keer", "maal", "x"}:
            continue
        count = parse_quantity(" ".join(p.word for p in parts[: j + 1])) if j >= 0 else None
        if count is None and j >= 0 and parts[j].value is not None:
            count = parts[j].value
        if count is None:
            count = Fraction(1)  # "per week" alone: once
        return Rate(count * 7 / Fraction(days))
    return None
