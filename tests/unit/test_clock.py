"""Hours slept from the times of going to bed and getting up (bot.parsing.clock), as the sleep question reads them."""

from fractions import Fraction

import pytest

from bot.parsing.answers import parse_answer
from bot.parsing.clock import hours_slept


@pytest.mark.parametrize(
    "text, hours",
    [("ik lig om tien uur in bed en sta om zes uur op", 8), ("om half twaalf naar bed, om 7 uur wakker", 7.5),
     ("ik ga om 00:30 slapen en word om 8 wakker", 7.5), ("ik slaap meestal van 11 tot half 7", 7.5),
     ("om twee uur slapen, om tien uur eruit", 8)],
)  # fmt: skip
def test_hours_between_bed_and_getting_up(text, hours):
    assert hours_slept(text) == Fraction(hours)
    assert parse_answer("sleep_hours", text).value == hours


@pytest.mark.parametrize("text", ["ik slaap 7 uur", "om 10 uur naar bed", "ik eet om zes uur en om twaalf uur"])
def test_no_span_without_both_times_said_with_bed_and_getting_up(text):
    assert hours_slept(text) is None
