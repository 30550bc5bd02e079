"""AUDIT-C and the alcohol figures (spec section 2, "Alcohol")."""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping, Optional

from bot.scoring.arithmetic import exact, round_half_up

FREQUENCY_ITEM, QUANTITY_ITEM, BINGE_ITEM = "audit_c_frequency", "audit_c_quantity", "audit_c_binge"
AUDIT_ITEMS = (FREQUENCY_ITEM, QUANTITY_ITEM, BINGE_ITEM)  # what AUDIT-C reads
WEEKLY_ITEMS = (FREQUENCY_ITEM, QUANTITY_ITEM)  # what the glasses per week (and heavy drinking) read
NEVER = "never"
FREQUENCY_POINTS = {"never": 0, "monthly_or_less": 1, "2_4_per_month": 2, "2_3_per_week": 3, "4_plus_per_week": 4}
BINGE_POINTS = {"never": 0, "less_than_monthly": 1, "monthly": 2, "weekly": 3, "daily_or_almost": 4}
# Glasses on a typical drinking day -> points: (lowest number of glasses, points).
QUANTITY_BANDS = ((10, 4), (7, 3), (5, 2), (3, 1), (1, 0))
# Drinking days per week, midpoint of each frequency code.
FREQUENCY_MIDPOINT_PER_WEEK = {
    "never": Fraction(0),
    "monthly_or_less": Fraction("0.25"),
    "2_4_per_month": Fraction("0.75"),
    "2_3_per_week": Fraction("2.5"),
    "4_plus_per_week": Fraction("5.5"),
}
# NHG-Standaard Problematisch alcoholgebruik: AUDIT-C at or above this is "increased".
RISK_CUTOFF = {"male": 5, "female": 4, "other": 4}
STRICT_SEX = "other"  # used when sex is unanswered: the stricter thresholds
# Gezondheidsraad 2015: no more than one glass a day.
ADVICE_GLASSES_PER_WEEK = Fraction(7)
# Fan et al. 2021, more than 14 g / 28 g a day, in 10 g Dutch glasses.
HEAVY_GLASSES_PER_DAY = {"male": Fraction("2.8"), "female": Fraction("1.4"), "other": Fraction("1.4")}


def quantity_points(glasses: int) -> int:
    for lowest, points in QUANTITY_BANDS:
        if glasses >= lowest:
            return points
    raise ValueError(f"audit_c_quantity below 1: {glasses}")


def item_points(answers: Mapping[str, object]) -> dict:
    """AUDIT-C points of each answered item, in question order.

    Nothing without the frequency, which the other two follow; never drinking asks nothing more.
    """
    frequency = answers.get(FREQUENCY_ITEM)
    if frequency is None:
        return {}
    points = {FREQUENCY_ITEM: FREQUENCY_POINTS[frequency]}
    if frequency == NEVER:
        return points
    quantity, binge = answers.get(QUANTITY_ITEM), answers.get(BINGE_ITEM)
    if quantity is not None:
        points[QUANTITY_ITEM] = quantity_points(quantity)
    if binge is not None:
        points[BINGE_ITEM] = BINGE_POINTS[binge]
    return points


def audit_c(answers: Mapping[str, object]) -> Optional[int]:
    points = item_points(answers)
    complete = len(points) == 3 or answers.get(FREQUENCY_ITEM) == NEVER
    return sum(points.values()) if complete else None


def glasses_per_week(answers: Mapping[str, object]) -> Optional[Fraction]:
    """Frequency midpoint x glasses per drinking day, rounded to one decimal."""
    frequency = answers.get(FREQUENCY_ITEM)
    if frequency is None:
        return None
    if frequency == NEVER:
        return Fraction(0)
    quantity = answers.get(QUANTITY_ITEM)
    if quantity is None:
        return None
    return round_half_up(FREQUENCY_MIDPOINT_PER_WEEK[frequency] * exact(quantity), 1)


def sex_for_thresholds(answers: Mapping[str, object]) -> str:
    sex = answers.get("sex")
    return sex if sex in RISK_CUTOFF else STRICT_SEX


def alcohol_scores(answers: Mapping[str, object]) -> dict:
    sex = sex_for_thresholds(answers)
    score = audit_c(answers)
    weekly = glasses_per_week(answers)
    risk = None if score is None else ("increased" if score >= RISK_CUTOFF[sex] else "low")
    return {
        "audit_c": score,
        "alcohol_risk": risk,
        "alcohol_glasses_per_week": None if weekly is None else float(weekly),
        "above_alcohol_advice": weekly is not None and weekly > ADVICE_GLASSES_PER_WEEK,
        "heavy_drinking": weekly is not None and weekly / 7 > HEAVY_GLASSES_PER_DAY[sex],
    }
