"""Which advice to show, in which order.

Red flag first; then the advice for the factors with the most weight. A
factor's weight is its microbiome points (spec table) plus its magnesium
weight. Magnesium weights are this project's choice, on the same scale: each
Magnesium Depletion Score point weighs 10, a borderline dietary intake 10 and a
low one 20, diabetes type 2 10. A factor in both areas (``ppi``) adds both.
Advice sharing a topic (``alcohol`` and ``heavy_drinking``) is shown once,
with the summed weight, as the text of its heaviest factor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from bot.advice.library import FACTOR_ADVICE, RED_FLAG_ADVICE, TAXON_HIGH_ADVICE, TAXON_LOW_ADVICE, Advice
from bot.scoring import asked_answers
from bot.scoring.magnesium import FACTOR_ORDER as MAGNESIUM_FACTORS
from bot.scoring.magnesium import KIDNEY_ITEM, kidney_points
from bot.scoring.microbiome import FACTOR_CODES as MICROBIOME_FACTORS
from bot.scoring.microbiome import TAXA_FACTORS, factor_points

DEFAULT_LIMIT = 5
WEIGHT_PER_MDS_POINT = 10
INTAKE_WEIGHT = {"adequate": 0, "borderline": 10, "low": 20}
DIABETES_WEIGHT = 10
# Ties in weight keep this order: the microbiome table, then the magnesium factors.
ADVICE_ORDER = tuple(dict.fromkeys(MICROBIOME_FACTORS + MAGNESIUM_FACTORS))


@dataclass(frozen=True)
class SelectedAdvice:
    advice: Advice
    weight: int
    factors: tuple  # the factor codes this advice answers


def magnesium_weights(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    weights = {
        "diuretic": WEIGHT_PER_MDS_POINT,
        "ppi": WEIGHT_PER_MDS_POINT,
        "heavy_drinking": WEIGHT_PER_MDS_POINT,
        "reduced_kidney_function": WEIGHT_PER_MDS_POINT * kidney_points(answers.get(KIDNEY_ITEM)),
        "low_dietary_intake": INTAKE_WEIGHT[scores["magnesium_intake_band"]],
        "diabetes_t2": DIABETES_WEIGHT,
    }
    return {code: weights[code] for code in scores["magnesium_factors"]}


def factor_weights(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Weight of every factor the scores name, microbiome and magnesium added up."""
    relevant = asked_answers(answers)
    points = factor_points(relevant, scores)
    weights = {code: points[code] for code in scores["microbiome_factors"]}
    for code, weight in magnesium_weights(relevant, scores).items():
        weights[code] = weights.get(code, 0) + weight
    return weights


def select_advice(answers: Mapping[str, object], scores: Mapping[str, object], limit: int = DEFAULT_LIMIT) -> list:
    """The advice to show, most important first, at most ``limit`` items (the red flag included)."""
    weights = factor_weights(answers, scores)
    by_topic: dict = {}
    for code in sorted(weights, key=lambda code: (-weights[code], ADVICE_ORDER.index(code))):
        by_topic.setdefault(FACTOR_ADVICE[code].topic, []).append(code)
    chosen = [
        SelectedAdvice(FACTOR_ADVICE[codes[0]], sum(weights[code] for code in codes), tuple(codes))
        for codes in by_topic.values()
    ]
    chosen.sort(key=lambda selected: (-selected.weight, ADVICE_ORDER.index(selected.factors[0])))
    if scores["red_flag"]:
        chosen.insert(0, SelectedAdvice(RED_FLAG_ADVICE, 0, ()))
    return chosen[: max(0, limit)]


def taxon_advice(answers: Mapping[str, object]) -> list:
    """One line of the library per taxon of the patient's own test that counts in the score: each protective
    taxon reported low, then each associated taxon reported high, in the questionnaire's order."""
    relevant = asked_answers(answers)
    (low_item, _), (high_item, _) = TAXA_FACTORS.values()
    low, high = relevant.get(low_item) or (), relevant.get(high_item) or ()
    return [TAXON_LOW_ADVICE[t] for t in TAXON_LOW_ADVICE if t in low] + [
        TAXON_HIGH_ADVICE[t] for t in TAXON_HIGH_ADVICE if t in high]  # fmt: skip


def taxon_line(advice: Advice) -> str:
    """The line the results show: title, text, and the source it comes from."""
    return f"{advice.title}: {advice.text} Bron: {'; '.join(advice.sources)}."
