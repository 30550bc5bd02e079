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

from bot.parsing.text import has_phrase, negated, normalise, similar

UNITS = {"nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
SIMPLE_WORDS = {**UNITS, **TEENS, **TENS, "honderd": 100, "anderhalf": Fraction(3, 2), "anderhalve": Fraction(3, 2),
                "eentje": 1}
COMPOUND = re.compile(
    r"^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$"
)
HALF_WORDS = ("half", "halve")
UNIT_WORDS = ("uur", "uren")  # "7 uur en half": the half belongs to the number before the unit
ZERO_WORDS = ("geen", "niks", "niets", "nul", "nooit")
FEW = Fraction(5, 2)  # "een paar": two or three
RANGE_WORDS = ("a", "à", "-", "tot", "of", "á")
WEEKS_PER_MONTH = Fraction(52, 12)

# Letters with digits glued after them make one word and no number: "wo2", "b12", "covid19" (but "2x", "7u" are read).
WORD_RE = re.compile(r"[a-z]+\d[a-z\d]*|\d+(?:[.,]\d+)?|[a-z]+|[^\sa-z\d]")


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
            article = bool(out) and out[-1].word == "een" and out[-1].value is not None
            before = out[:-1] if article else out
            if len(before) >= 2 and before[-1].word == "en" and before[-2].value is not None:
                number = before[-2]
                out = before[:-2] + [Piece(number.word, number.value + Fraction(1, 2))]
            elif len(before) >= 3 and before[-1].word == "en" and before[-2].word in UNIT_WORDS and (
                    before[-3].value is not None):  # fmt: skip
                number, unit = before[-3], before[-2]  # "7 uur en half", "zes uur en een half": 7.5, 6.5 hours
                out = before[:-3] + [Piece(number.word, number.value + Fraction(1, 2)), unit]
            elif article:
                out = before + [Piece("half", Fraction(1, 2))]
            else:
                out.append(Piece(word))
        else:
            value = word_value(word)
            out.append(Piece(word, value, article=word == "een"))
        i += 1
    return _decimals(_split_numbers(out))


DECIMAL_WORDS = ("komma", "punt")  # dictated: "twee komma vijf" is 2.5


def _split_numbers(parts: list) -> list:
    """"een en veertig", "twee en twintig" -> 41, 22: a number word that dictation split at its "en"."""
    out: list = []
    for part in parts:
        if (len(out) >= 2 and out[-1].word == "en" and part.word in TENS and out[-2].word in UNITS
                and out[-2].value is not None):  # fmt: skip
            unit = out[-2]
            del out[-2:]
            out.append(Piece(unit.word + "en" + part.word, unit.value + TENS[part.word]))
            continue
        out.append(part)
    return out


def _decimals(parts: list) -> list:
    """"twee komma vijf", "7 punt 5" -> 2.5, 7.5: a whole number, a dictated decimal sign, a whole number."""
    out: list = []
    i = 0
    while i < len(parts):
        if i + 2 < len(parts) and parts[i + 1].word in DECIMAL_WORDS and _whole(parts[i]) and _whole(parts[i + 2]):
            digits = str(int(parts[i + 2].value))
            out.append(Piece(parts[i].word, parts[i].value + Fraction(int(digits), 10 ** len(digits))))
            i += 3
            continue
        out.append(parts[i])
        i += 1
    return out


def _whole(part: Piece) -> bool:
    return part.value is not None and part.value.denominator == 1


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
    return quantity_of(pieces(text))


# Words between two numbers that make them a product ("3 keer 3", "2 x 2 boterhammen"), not a repetition.
TIMES_WORDS = frozenset({"keer", "x", "maal", "per"})


def _said_again(parts: list, indexes: list) -> bool:
    """One number said again ("my age is 29, ik ben 29"): every number the same, and no product between them."""
    if len(indexes) < 2 or len({parts[i].value for i in indexes}) != 1:
        return False
    return not any(p.word in TIMES_WORDS for p in parts[indexes[0] : indexes[-1]])


def quantity_of(parts: list) -> Optional[Fraction]:
    """``parse_quantity`` of a message already cut into pieces."""
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
        if len(between) >= 2 and between[0] in TIMES:  # "2x of 3x", "twee keer of drie keer"
            between = between[1:]
        if between and (between[0] in RANGE_WORDS or between == ["tot", "en", "met"]) and len(between) <= 3:
            low, high = parts[a].value, parts[b].value
            if low < high:
                return (low + high) / 2
        if between in ([], [","]) and parts[b].value == parts[a].value + 1:  # "vijf, zes uur": one or the next
            return (parts[a].value + parts[b].value) / 2
    if len(indexes) == 1 or _said_again(parts, indexes):
        return parts[indexes[0]].value
    if not indexes:
        words = [p.word for p in parts]
        text = " ".join(words)
        if any(has_phrase(text, phrase) for phrase in DONT_KNOW):
            return None  # "geen idee" is no 0
        if any(has_phrase(text, phrase) for phrase in NOT_ONE):
            return Fraction(0)  # "geen enkele keer"
        if "paar" in words or "enkele" in words:
            return FEW
        if any(word in ZERO_WORDS for word in words):
            return Fraction(0)
        # "niet" / "eet ik niet": none; but "weet niet zo goed" is no answer.
        if "niet" in words and "weet" not in words and (len(words) <= 4 or negated_consumption(parts)):
            return Fraction(0)
        if "weet" not in words and _opens_with_not(words):  # "noten niet, ik heb allergie", "niet, te zuur"
            return Fraction(0)
        if any(has_phrase(text, phrase) for phrase in NOT_FOR_ME):  # "peulvruchten, daar doe ik niet aan"
            return Fraction(0)
    return None


DONT_KNOW = ("geen idee", "geen flauw idee", "geen benul", "weet ik niet", "weet niet", "weet het niet")
# "daar doe ik niet aan": I do not eat or drink that at all.
NOT_FOR_ME = ("doe ik niet aan", "doe ik nooit aan", "doen wij niet aan", "doen we niet aan")
OPENING_NOT = 3  # words: "noten niet, ...", "niet, ..." answer none in the message's first clause


def _opens_with_not(words: list) -> bool:
    """The first clause is short and ends in "niet": "noten niet, ik heb allergie", "niet, ik hou niet van zuur"."""
    ends = [i for i, w in enumerate(words) if w in (",", ".", ";", "!")]
    first = [w for w in (words[: ends[0]] if ends else []) if w.isalpha()]
    return 1 <= len(first) <= OPENING_NOT and first[-1] == "niet"
NOT_ONE = ("geen enkele", "geen enkel", "niet een", "nog geen een")
CONSUMING = ("eet", "eten", "drink", "drinken", "neem", "nemen", "gebruik", "gebruiken", "lust", "slik", "slikken")
# After "niet", words that leave the amount open: "ik eet niet veel", "niet zo vaak", "niet elke dag".
NOT_ENDING = ("veel", "zo", "vaak", "elke", "iedere", "altijd", "genoeg", "echt", "meer", "zoveel", "heel", "erg")


def negated_consumption(parts: list) -> bool:
    """"volkoren brood ik eet niet", "spinazie eet ik niet, andijvie ook niet": a verb of eating or drinking with
    "niet" closing its clause, in any word order; "ik eet niet veel" leaves the amount open."""
    words = [p.word for p in parts]
    for i, word in enumerate(words):
        if word != "niet":
            continue
        after = words[i + 1] if i + 1 < len(words) else ","
        clause = words[max(0, i - 4) : i]
        if "," in clause:
            clause = clause[len(clause) - clause[::-1].index(",") :]
        if any(w in CONSUMING for w in clause) and (after in (",", ".", ";", "!", "meer", "ook", "hoor") or (
                after.isalpha() and after not in NOT_ENDING and i + 1 == len(words) - 1)):  # fmt: skip
            return True
    return False


# Periods in days.
PERIOD_DAYS = {
    "dag": 1, "dagen": 1, "daags": 1, "avond": 1, "avonden": 1, "ochtend": 1, "ochtenden": 1, "morgen": 1,
    "middag": 1, "nacht": 1, "nachten": 1,
    "week": 7, "weken": 7, "weeks": 7, "weekend": 7,
    "maand": 7 * WEEKS_PER_MONTH, "maanden": 7 * WEEKS_PER_MONTH,
    "jaar": 7 * 52,
}  # fmt: skip
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
PART_OF_DAY = ("morgens", "ochtends", "middags", "avonds", "nachts")  # "'s morgens": every morning
# Fixed phrases -> times per week. At one place of the text the longest wins: "bijna elke dag" over "elke dag".
RATE_PHRASES = (
    ("bijna elke dag", 6), ("bijna iedere dag", 6), ("bijna dagelijks", 6), ("haast elke dag", 6),
    ("een paar keer per maand", FEW / WEEKS_PER_MONTH), ("paar keer per maand", FEW / WEEKS_PER_MONTH),
    ("een paar keer per week", FEW), ("paar keer per week", FEW),
    ("een paar keer per jaar", FEW / 52), ("paar keer per jaar", FEW / 52),
    ("om de dag", Fraction(7, 2)), ("om de andere dag", Fraction(7, 2)), ("om de andere week", Fraction(1, 2)),
    ("alle dagen", 7), ("dagelijks", 7),
    ("elk weekend", 2), ("ieder weekend", 2), ("in het weekend", 2), ("s weekends", 2), ("weekenden", 2),
    ("wekelijks", 1), ("maandelijks", 1 / WEEKS_PER_MONTH), ("jaarlijks", Fraction(1, 52)),
    ("nooit", 0), ("helemaal niet", 0),
)  # fmt: skip
# Vague phrases: no rate, and no "nooit" inside them either ("bijna nooit, misschien 1" is 1; alone it is read as 0
# by parse_quantity).
VAGUE_RATES = ("bijna nooit", "haast nooit", "vrijwel nooit", "zo goed als nooit")
RATE_WORDS = ("keer", "maal", "x", "per", "in", "de", "een", "op", "elke", "iedere", "a", "/")
EVERY = ("elke", "iedere", "elk", "ieder")
TIMES = ("keer", "maal", "x")
# Words after a number that make it no count of times or portions: "al 20 jaar elke dag", "8 uur per nacht".
NOT_A_COUNT = frozenset(PERIOD_DAYS) | {"uur", "uren", "minuten", "kilo", "kg", "jaar", "procent", "%", "euro",
                                        "gram", "jaren", "ml", "cl", "liter"}  # fmt: skip


@dataclass(frozen=True)
class Rate:
    per_week: Fraction


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    per_week: Fraction
    counted: bool  # the count is part of it ("drie keer per week"); else once per period ("elke dag")
    count: Fraction = Fraction(1)  # that count ("drie")
    count_start: int = 0  # where the count starts


def _phrases(parts: list) -> list:
    words = [p.word for p in parts]
    found = []
    for phrase, per_week in RATE_PHRASES:
        target = phrase.split()
        for i in range(len(words) - len(target) + 1):
            if words[i : i + len(target)] == target:
                found.append(_Found(i, i + len(target), Fraction(per_week), False))
    for i, word in enumerate(words):
        days = PERIOD_DAYS.get(word)
        if word in EVERY and i + 1 < len(words):
            following = words[i + 1]
            if following in PERIOD_DAYS:  # "elke dag", "iedere ochtend", "elke week"
                weekend = following == "weekend"
                found.append(_Found(i, i + 2, Fraction(2 if weekend else 7) / PERIOD_DAYS[following], False))
            elif parts[i + 1].value is not None and i + 2 < len(words) and words[i + 2] in PERIOD_DAYS:
                found.append(_Found(i, i + 3, 7 / (parts[i + 1].value * PERIOD_DAYS[words[i + 2]]), False))
        if word in ("in", "om") and i + 3 < len(words) and words[i + 1] == "de" and parts[i + 2].value is not None:
            days = PERIOD_DAYS.get(words[i + 3])
            if days and parts[i + 2].value > 0:  # "eens in de twee weken", "om de drie dagen"
                start = i - 2 if words[max(0, i - 2) : i] == ["een", "keer"] else i - 1 if words[i - 1 : i] in (
                    ["eens"], ["keer"], ["x"]) else i  # fmt: skip
                found.append(_Found(max(start, 0), i + 4, 7 / (parts[i + 2].value * days), False))
        if word in PART_OF_DAY and i > 0 and words[i - 1] == "s":  # "'s morgens"
            found.append(_Found(i - 1, i + 1, Fraction(7), False))
    days_named = [i for i, word in enumerate(words) if word in WEEKDAYS]
    if days_named:  # "op vrijdag en zaterdag", "elke vrijdag": twice, once a week
        first = days_named[0] - 1 if days_named[0] > 0 and words[days_named[0] - 1] in EVERY + ("op",) else days_named[0]
        found.append(_Found(first, days_named[-1] + 1, Fraction(len({words[i] for i in days_named})), False))
    return found


def _counted(parts: list) -> list:
    """"3 keer per week", "2x per dag", "5 dagen per week", "een keer in de maand", "twee stukjes pure chocola per
    week", "drie of vier handjes per week", "per week" (once)."""
    found = []
    for i, part in enumerate(parts):
        days = PERIOD_DAYS.get(part.word)
        if days is None or i == 0:
            continue
        # Walk back over "keer per", "x in de", "per" to the count.
        j = i - 1
        while j >= 0 and parts[j].value is None and parts[j].word in RATE_WORDS:
            j -= 1
        words_between = {p.word for p in parts[j + 1 : i]}
        if not words_between & {"per", "in", "op", "a", "/"}:  # "4x/week"
            continue  # "elke dag" is a phrase (_phrases)
        # The count: the nearest number before, in the same clause, at most five words back.
        k = j
        while k >= 0 and k > j - 5 and parts[k].value is None and parts[k].word.isalpha() and (
                parts[k].word not in PERIOD_DAYS or parts[k].word in ("dagen", "avonden", "ochtenden")):  # fmt: skip
            k -= 1
        if k >= 0 and parts[k].value is not None:
            start = k
            while start > 0 and start > k - 4 and (parts[start - 1].value is not None or parts[start - 1].word in (
                    RANGE_WORDS + ("tussen", "en", "met", "paar"))):  # fmt: skip
                start -= 1
            count = quantity_of(parts[start : j + 1])  # "een paar", "drie of vier handjes"
            count = parts[k].value if count is None else count
        elif words_between & {"per", "a", "/"}:
            start, count = j + 1, Fraction(1)  # "per week" alone: once
        else:
            continue
        found.append(_Found(start, i + 1, count * 7 / Fraction(days), True, Fraction(count), start))
    return found


def _occasion_count(parts: list, portions: bool) -> Optional[Fraction]:
    """How many times (or, for portions, how many portions) at each occasion: "twee keer" in "elke dag twee keer";
    for portions also "twee handjes", "twee fruit en een groente" (added up)."""
    for i, part in enumerate(parts):
        if part.value is not None and i + 1 < len(parts) and parts[i + 1].word in TIMES:
            return part.value
    if not portions:
        return None
    kept = [p for i, p in enumerate(parts) if not (p.value is not None and i + 1 < len(parts)
                                                    and parts[i + 1].word in NOT_A_COUNT)]  # fmt: skip
    return portions_of(kept)


def sum_of_portions(text: str) -> Optional[Fraction]:
    """"twee fruit en een groente" -> 3, "2 boterhammen + 1 kom havermout" -> 3: counts of different foods joined by
    "en", "+" or a comma, added up; otherwise the one quantity there (parse_quantity)."""
    return portions_of(pieces(text))


def portions_of(parts: list) -> Optional[Fraction]:
    """``sum_of_portions`` of a message already cut into pieces."""
    terms = []  # (index of the number, value)
    for i, part in enumerate(parts):
        if part.value is None or i + 1 >= len(parts) or not parts[i + 1].word.isalpha():
            continue
        if parts[i + 1].value is not None or parts[i + 1].word in RANGE_WORDS + ("en", "paar", "keer", "x", "maal"):
            continue
        terms.append((i, part.value))
    if len(terms) >= 2:
        joined = all(
            any(p.word in ("en", "+", ",", "plus") for p in parts[a + 2 : b]) and not any(
                p.word in RANGE_WORDS and p.word != "-" for p in parts[a + 1 : b])
            for (a, _), (b, _) in zip(terms, terms[1:])
        )  # fmt: skip
        if joined:
            return sum(value for _, value in terms)
    return quantity_of(parts)


def _clause_before(parts: list, index: int) -> list:
    """The words of the clause before ``index``, up to a comma or another mark."""
    start = index
    while start > 0 and parts[start - 1].word not in (",", ".", ";", ":", "!", "?"):
        start -= 1
    return parts[start:index]


def parse_rate(text: str, portions: bool = False, multiply: bool = True) -> Optional[Rate]:
    """How often, as times per week: "3 keer per week", "2x per dag", "elke dag", "eens in de twee weken",
    "een paar keer per maand", "op vrijdag en zaterdag".

    The first frequency in the text counts, unless a "niet" negates it ("niet elke dag"). A frequency without a
    count ("elke dag") is multiplied by a count elsewhere: "elke dag twee keer" is 14 a week; with ``portions``
    also by the portions ("elke dag twee handjes", "twee fruit en een groente elke dag"). "Minder dan" a rate is
    the middle of 0 and that rate, as any range."""
    parts = pieces(text)
    skip = negated([p.word for p in parts])
    words = [p.word for p in parts]
    vague = {i for phrase in VAGUE_RATES for start in range(len(words)) if words[start : start + len(phrase.split())]
             == phrase.split() for i in range(start, start + len(phrase.split()))}  # fmt: skip
    found = [f for f in _phrases(parts) + _counted(parts) if f.start not in skip and not vague & set(range(f.start, f.end))]
    if not found:
        return None
    first = min(found, key=lambda f: (f.start, -(f.end - f.start), f.counted))
    per_week = first.per_week
    others = [f for f in found if f.end <= first.start or f.start >= first.end]
    if multiply and not first.counted and per_week and not others:  # a second frequency is no count: "elke dag, 5x p/w"
        rest = parts[: first.start] + [Piece(",")] + parts[first.end :]
        count = _occasion_count(rest, portions)
        if count:
            per_week *= count
    if portions and first.counted and first.count:  # "een appel en twee porties groenten per dag": 3 a day
        clause = _clause_before(parts, first.count_start)
        together = portions_of(clause + parts[first.count_start : first.end])
        if together is not None and together > first.count:
            per_week = per_week * together / first.count
    if [p.word for p in parts[max(0, first.start - 2) : first.start]] == ["minder", "dan"]:
        per_week /= 2
    if portions and multiply:
        per_week += _other_foods(parts, first, found)
    return Rate(per_week)


# Words that open no food after "en": "en in het weekend", "en soms", "en dan nog".
NOT_A_FOOD = frozenset(RATE_WORDS + EVERY + TIMES + ("in", "op", "s", "soms", "nog", "dan", "ook", "wel", "niet", "meestal",
                                                    "vaak", "af", "toe", "ik", "het", "de", "dat", "dus", "zo"))


def _other_foods(parts: list, first: _Found, found: list) -> Fraction:
    """Rates of other foods joined by "en" after the first frequency: "yoghurt elke dag, en ook kefir op zondag" adds
    1 a week to 7; "yoghurt drie keer per week en zuurkool een keer" adds one more time in the same period."""
    words = [p.word for p in parts]
    joins = [i for i in range(first.end, len(words)) if words[i] in ("en", "+")]
    total = Fraction(0)
    for k, join in enumerate(joins):
        food = join + 1 + (words[join + 1 : join + 2] == ["ook"])
        end = joins[k + 1] if k + 1 < len(joins) else len(words)
        if food >= end or not words[food].isalpha() or words[food] in NOT_A_FOOD or parts[food].value is not None:
            continue
        rates = [f for f in found if food < f.start and f.end <= end]
        times = [i for i in range(food, end - 1) if parts[i].value is not None and words[i + 1] in TIMES]
        if rates:
            total += rates[0].per_week
        elif times and first.counted and first.count:
            total += parts[times[0]].value * first.per_week / first.count
    return total
