"""The project's gut-microbiome risk index (spec section 2, "Gut microbiome")."""

from __future__ import annotations

import operator
from typing import Mapping, NamedTuple

from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA
from bot.scoring.alcohol import WEEKLY_ITEMS
from bot.scoring.stress import PSS_ITEMS, SLEEP_ITEM


class Threshold(NamedTuple):
    """A factor that gives ``points`` when ``item_id`` compares with ``limit`` as ``comparison``."""

    code: str
    item_id: str
    comparison: str  # "<", ">" or ">="
    limit: float
    points: int

    def applies(self, value) -> bool:
        return value is not None and COMPARISONS[self.comparison](value, self.limit)


COMPARISONS = {"<": operator.lt, ">": operator.gt, ">=": operator.ge}

DIET_THRESHOLDS = (
    Threshold("low_whole_grain", "whole_grain_per_day", "<", 3, 10),
    Threshold("low_veg_fruit", "veg_fruit_per_day", "<", 5, 10),
    Threshold("no_legumes", "legumes_per_week", "<", 1, 5),
    Threshold("few_nuts", "nuts_per_week", "<", 4, 5),
    Threshold("few_fermented", "fermented_per_week", "<", 3, 10),
    Threshold("much_red_meat", "red_meat_per_week", ">", 3, 5),
    Threshold("ultra_processed", "ultra_processed_per_day", ">=", 2, 10),
)
THRESHOLDS_BY_CODE = {threshold.code: threshold for threshold in DIET_THRESHOLDS}
# The item whose answer decides a factor, for the factors one answer decides.
FACTOR_ITEMS = {"antibiotics": "med_antibiotics_12m", "ppi": "med_ppi", "short_sleep": SLEEP_ITEM}
# Taxa factors: (the item that lists the taxa, the taxa that count).
TAXA_FACTORS = {
    "taxa_low_protective": ("taxa_low", PROTECTIVE_TAXA),
    "taxa_high_associated": ("taxa_high", ASSOCIATED_TAXA),
}
# Every item the index reads: the diet thresholds, the factors one answer decides, the alcohol figures
# (above the advice), the PSS-4 (high stress) and the taxa. The results show how many of them were answered.
INPUT_ITEMS = (
    tuple(t.item_id for t in DIET_THRESHOLDS)
    + tuple(FACTOR_ITEMS.values())
    + WEEKLY_ITEMS
    + PSS_ITEMS
    + tuple(item_id for item_id, _ in TAXA_FACTORS.values())
)
ANTIBIOTICS_POINTS = {"one_course": 10, "two_plus": 20}
PPI_POINTS = 10
ALCOHOL_POINTS = 5  # above_alcohol_advice
STRESS_POINTS = 5  # stress_level high
SHORT_SLEEP_POINTS = 5
TAXON_POINTS = 5
TAXA_CAP = 15
SCORE_CAP = 100
# Project bands: (highest score, risk).
RISK_BANDS = ((24, "low"), (49, "moderate"), (100, "high"))

# The spec's table order: ties in points keep this order.
FACTOR_CODES = tuple(t.code for t in DIET_THRESHOLDS) + (
    "antibiotics",
    "ppi",
    "alcohol",
    "stress",
    "short_sleep",
    "taxa_low_protective",
    "taxa_high_associated",
)


def taxa_points(reported, taxa: tuple) -> int:
    return min(TAXA_CAP, TAXON_POINTS * len(set(reported or ()) & set(taxa)))


def factor_points(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Points per factor code, in table order (zeros included).

    ``scores`` must already hold the alcohol and stress figures.
    """
    points = {t.code: t.points if t.applies(answers.get(t.item_id)) else 0 for t in DIET_THRESHOLDS}
    points["antibiotics"] = ANTIBIOTICS_POINTS.get(answers.get(FACTOR_ITEMS["antibiotics"]), 0)
    points["ppi"] = PPI_POINTS if answers.get(FACTOR_ITEMS["ppi"]) == "yes" else 0
    points["alcohol"] = ALCOHOL_POINTS if scores.get("above_alcohol_advice") else 0
    points["stress"] = STRESS_POINTS if scores.get("stress_level") == "high" else 0
    points["short_sleep"] = SHORT_SLEEP_POINTS if scores.get("short_sleep") else 0
    for code, (item_id, taxa) in TAXA_FACTORS.items():
        points[code] = taxa_points(answers.get(item_id), taxa)
    return points


def risk_band(score: int) -> str:
    for highest, band in RISK_BANDS:
        if score <= highest:
            return band
    raise ValueError(f"microbiome score above 100: {score}")


def microbiome_scores(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    points = factor_points(answers, scores)
    score = min(SCORE_CAP, sum(points.values()))
    raised = [code for code in FACTOR_CODES if points[code] > 0]
    raised.sort(key=lambda code: -points[code])  # stable: ties keep table order
    return {"microbiome_score": score, "microbiome_risk": risk_band(score), "microbiome_factors": raised}
