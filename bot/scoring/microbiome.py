"""The project's gut-microbiome risk index (spec section 2, "Gut microbiome")."""

from __future__ import annotations

from typing import Callable, Mapping, NamedTuple

from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA


class Factor(NamedTuple):
    code: str
    points: Callable[[Mapping[str, object], dict], int]


def _below(item_id: str, limit: float, points: int):
    def rule(answers, _scores):
        value = answers.get(item_id)
        return points if value is not None and value < limit else 0

    return rule


def _above(item_id: str, limit: float, points: int, inclusive: bool = False):
    def rule(answers, _scores):
        value = answers.get(item_id)
        if value is None:
            return 0
        return points if (value >= limit if inclusive else value > limit) else 0

    return rule


def _code_points(item_id: str, points_by_code: dict):
    return lambda answers, _scores: points_by_code.get(answers.get(item_id), 0)


def _flag(score_name: str, points: int):
    return lambda _answers, scores: points if scores.get(score_name) else 0


def _taxa(item_id: str, taxa: tuple):
    def rule(answers, _scores):
        reported = answers.get(item_id) or []
        return min(TAXA_CAP, TAXON_POINTS * len(set(reported) & set(taxa)))

    return rule


TAXON_POINTS = 5
TAXA_CAP = 15
SCORE_CAP = 100
# Project bands: (highest score, risk).
RISK_BANDS = ((24, "low"), (49, "moderate"), (100, "high"))

# In the spec's table order: ties in points keep this order.
FACTORS = (
    Factor("low_whole_grain", _below("whole_grain_per_day", 3, 10)),
    Factor("low_veg_fruit", _below("veg_fruit_per_day", 5, 10)),
    Factor("no_legumes", _below("legumes_per_week", 1, 5)),
    Factor("few_nuts", _below("nuts_per_week", 4, 5)),
    Factor("few_fermented", _below("fermented_per_week", 3, 10)),
    Factor("much_red_meat", _above("red_meat_per_week", 3, 5)),
    Factor("ultra_processed", _above("ultra_processed_per_day", 2, 10, inclusive=True)),
    Factor("antibiotics", _code_points("med_antibiotics_12m", {"one_course": 10, "two_plus": 20})),
    Factor("ppi", _code_points("med_ppi", {"yes": 10})),
    Factor("alcohol", _flag("above_alcohol_advice", 5)),
    Factor("stress", lambda _answers, scores: 5 if scores.get("stress_level") == "high" else 0),
    Factor("short_sleep", _flag("short_sleep", 5)),
    Factor("taxa_low_protective", _taxa("taxa_low", PROTECTIVE_TAXA)),
    Factor("taxa_high_associated", _taxa("taxa_high", ASSOCIATED_TAXA)),
)
FACTOR_CODES = tuple(factor.code for factor in FACTORS)


def factor_points(answers: Mapping[str, object], scores: dict) -> dict:
    """Points per factor code, in table order (zero included)."""
    return {factor.code: factor.points(answers, scores) for factor in FACTORS}


def risk_band(score: int) -> str:
    for highest, band in RISK_BANDS:
        if score <= highest:
            return band
    raise ValueError(f"microbiome score above 100: {score}")


def microbiome_scores(answers: Mapping[str, object], scores: dict) -> dict:
    """``scores`` must already hold the alcohol and stress figures."""
    points = factor_points(answers, scores)
    score = min(SCORE_CAP, sum(points.values()))
    raised = [code for code in FACTOR_CODES if points[code] > 0]
    raised.sort(key=lambda code: -points[code])  # stable: ties keep table order
    return {"microbiome_score": score, "microbiome_risk": risk_band(score), "microbiome_factors": raised}
