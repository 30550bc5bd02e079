"""Hours slept from the times someone goes to bed and gets up: "ik ga om elf uur slapen en sta om half zeven op"
is 7.5 hours.

Two clock times in the message, the first said with going to bed, the second with getting up or waking, each after
"om" ("om elf uur", "om half zeven", "om 23:30") or as "van ... tot ..." with sleeping ("ik slaap van 12 tot 7").
A bedtime between 6 and 12 is the evening before, one up to 5 the night itself; a waking time up to 12 the
morning after. Anything else, or a span outside 1 to 16 hours, is no span.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Optional

from bot.parsing.quantities import word_value
from bot.parsing.text import normalise

BED = re.compile(r"\b(slapen|slaap|naar bed|in bed|ga liggen|ga ik liggen|in slaap|onder de wol|mijn bed in)\b")
UP = re.compile(r"\b(op|wakker|opstaan|sta|uit bed|eruit)\b")
# "om half zeven", "om elf uur", "om 23:30", "om 7"
TIME = r"(half\s+)?(\d{1,2}(?:[:.]\d{2})?|[a-z]+)(?:\s+uur)?"
AT = re.compile(rf"\bom\s+{TIME}")
FROM_TO = re.compile(rf"\bvan\s+{TIME}\s+tot\s+{TIME}")


def _hour(half: Optional[str], said: str) -> Optional[Fraction]:
    if said[0].isdigit():
        hours, _, minutes = said.replace(".", ":").partition(":")
        value = Fraction(int(hours)) + (Fraction(int(minutes), 60) if minutes else 0)
    else:
        value = word_value(said)
    if value is None or not 0 <= value <= 24:
        return None
    return value - Fraction(1, 2) if half else value  # "half zeven" is 6:30


def _span(bed: Fraction, up: Fraction) -> Optional[Fraction]:
    if 6 <= bed <= 12:
        bed = bed + 12 if bed < 12 else Fraction(24)  # "elf uur" in the evening, "twaalf uur" at midnight
    elif bed <= 5:
        bed += 24  # "om één uur": the night itself
    if up <= 12:
        up += 24  # the morning after
    hours = up - bed
    return hours if 1 <= hours <= 16 else None


def hours_slept(text: str) -> Optional[Fraction]:
    """The hours between going to bed and getting up, when the message says both times; else None."""
    plain = normalise(text)
    span = FROM_TO.search(plain)
    if span and BED.search(plain):
        bed, up = _hour(span.group(1), span.group(2)), _hour(span.group(3), span.group(4))
        return _span(bed, up) if bed is not None and up is not None else None
    times = list(AT.finditer(plain))
    if len(times) != 2:
        return None
    first, second = times
    if not (BED.search(plain[: second.start()]) and UP.search(plain[first.end() :])):
        return None
    bed, up = _hour(first.group(1), first.group(2)), _hour(second.group(1), second.group(2))
    return _span(bed, up) if bed is not None and up is not None else None
