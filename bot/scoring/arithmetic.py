"""Exact arithmetic for the scores: fractions in, half-up rounding out."""

from __future__ import annotations

from fractions import Fraction
from typing import Optional


def exact(value: object) -> Fraction:
    """A number as an exact fraction (2.5 stays 5/2, not a binary float)."""
    return Fraction(str(value))


def round_half_up(value: Fraction, decimals: int = 0) -> Fraction:
    """Round to ``decimals`` places, halves away from zero (all values here are >= 0)."""
    scale = Fraction(10) ** decimals
    scaled = value * scale
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole) / scale


def as_number(value: Optional[Fraction], decimals: int = 0):
    """A rounded fraction as the JSON number the spec shows: int for 0 decimals, else float."""
    if value is None:
        return None
    rounded = round_half_up(value, decimals)
    return int(rounded) if decimals == 0 else float(rounded)
