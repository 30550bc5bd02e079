"""Advice: the Dutch library, its selection and the "why" of each score."""

from bot.advice.explain import why
from bot.advice.library import BAND_ADVICE, FACTOR_ADVICE, NO_DIAGNOSIS, RED_FLAG_ADVICE, Advice, band_advice
from bot.advice.selection import DEFAULT_LIMIT, SelectedAdvice, select_advice, taxon_advice, taxon_line

__all__ = [
    "Advice",
    "BAND_ADVICE",
    "DEFAULT_LIMIT",
    "FACTOR_ADVICE",
    "NO_DIAGNOSIS",
    "RED_FLAG_ADVICE",
    "SelectedAdvice",
    "band_advice",
    "select_advice",
    "taxon_advice",
    "taxon_line",
    "why",
]
