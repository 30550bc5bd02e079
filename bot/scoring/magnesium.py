"""Magnesium intake, the Magnesium Depletion Score and magnesium risk (spec section 2)."""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping, Optional

from bot.questionnaire import ITEMS_BY_ID
from bot.scoring.alcohol import WEEKLY_ITEMS
from bot.scoring.arithmetic import as_number, exact

# Background intake from all other food and drink (a project choice), mg a day.
BACKGROUND_MG = 120
# mg per unit of each diet item (project choice after NIH ODS and USDA figures).
MG_PER_UNIT = {
    "veg_fruit_per_day": 15,
    "whole_grain_per_day": 25,
    "legumes_per_week": 50,
    "nuts_per_week": 60,
    "leafy_greens_per_week": 50,
    "dark_chocolate_per_week": 45,
    "fermented_per_week": 15,
}
# Gezondheidsraad 2018, adequate intake for adults, mg a day; unanswered sex uses "other".
ADEQUATE_INTAKE_MG = {"female": 300, "male": 350, "other": 350}
ADEQUATE_RATIO = Fraction(1)
BORDERLINE_RATIO = Fraction(3, 4)
# Fan et al. 2021: eGFR below this adds 2, below REDUCED_EGFR adds 1.
LOW_EGFR = 60
REDUCED_EGFR = 90
MDS_BANDS = ((1, "low"), (2, "middle"), (5, "high"))
RISK_LEVELS = ("low", "moderate", "high")
MDS_BAND_RISK = {"low": "low", "middle": "moderate", "high": "high"}
INTAKE_BAND_RISK = {"adequate": "low", "borderline": "moderate", "low": "high"}
# The item whose answer decides a factor, for the factors one answer decides.
FACTOR_ITEMS = {
    "diuretic": "med_diuretic",
    "ppi": "med_ppi",
    "reduced_kidney_function": "egfr",
    "diabetes_t2": "cond_diabetes_t2",
}
FACTOR_ORDER = ("diuretic", "ppi", "heavy_drinking", "reduced_kidney_function", "low_dietary_intake", "diabetes_t2")
KIDNEY_ITEM = FACTOR_ITEMS["reduced_kidney_function"]
# Every item the magnesium risk reads: the intake, the factors one answer decides, and the alcohol figures
# behind heavy drinking. The results show how many of them were answered.
INPUT_ITEMS = tuple(MG_PER_UNIT) + tuple(FACTOR_ITEMS.values()) + WEEKLY_ITEMS
# Not part of the MDS: an eGFR below this (KDIGO G4-G5, severely decreased) is an alarm for the clinician.
SEVERE_EGFR = 30


def intake_mg(answers: Mapping[str, object]) -> int:
    total = Fraction(BACKGROUND_MG)
    for item_id, mg in MG_PER_UNIT.items():
        value = answers.get(item_id)
        if value is None:
            continue
        days = 7 if ITEMS_BY_ID[item_id].period == "week" else 1
        total += exact(value) * mg / days
    return as_number(total)


def adequate_intake_mg(answers: Mapping[str, object]) -> int:
    return ADEQUATE_INTAKE_MG.get(answers.get("sex"), ADEQUATE_INTAKE_MG["other"])


def intake_band(intake: int, adequate: int) -> str:
    ratio = Fraction(intake, adequate)
    if ratio >= ADEQUATE_RATIO:
        return "adequate"
    if ratio >= BORDERLINE_RATIO:
        return "borderline"
    return "low"


def kidney_points(egfr: Optional[int]) -> int:
    if egfr is None or egfr >= REDUCED_EGFR:
        return 0
    return 2 if egfr < LOW_EGFR else 1


def mds_band(mds: int) -> str:
    for highest, band in MDS_BANDS:
        if mds <= highest:
            return band
    raise ValueError(f"mds above 5: {mds}")


def magnesium_scores(answers: Mapping[str, object], heavy_drinking: bool) -> dict:
    intake = intake_mg(answers)
    adequate = adequate_intake_mg(answers)
    band = intake_band(intake, adequate)
    egfr = answers.get(KIDNEY_ITEM)
    said_yes = {code: answers.get(item_id) == "yes" for code, item_id in FACTOR_ITEMS.items()}
    present = {
        "diuretic": said_yes["diuretic"],
        "ppi": said_yes["ppi"],
        "heavy_drinking": heavy_drinking,
        "reduced_kidney_function": kidney_points(egfr) > 0,
        "low_dietary_intake": band != "adequate",
        "diabetes_t2": said_yes["diabetes_t2"],
    }
    mds = present["diuretic"] + present["ppi"] + present["heavy_drinking"] + kidney_points(egfr)
    depletion_band = mds_band(mds)
    level = max(RISK_LEVELS.index(MDS_BAND_RISK[depletion_band]), RISK_LEVELS.index(INTAKE_BAND_RISK[band]))
    if present["diabetes_t2"]:
        level = min(level + 1, len(RISK_LEVELS) - 1)
    return {
        "magnesium_intake_mg": intake,
        "magnesium_ai_mg": adequate,
        "magnesium_intake_band": band,
        "mds": mds,
        "mds_complete": egfr is not None,
        "mds_band": depletion_band,
        "magnesium_risk": RISK_LEVELS[level],
        "magnesium_factors": [code for code in FACTOR_ORDER if present[code]],
    }
