"""PSS-4 and sleep (spec section 2, "Stress")."""

from __future__ import annotations

from typing import Mapping

PSS_POINTS = {"never": 0, "almost_never": 1, "sometimes": 2, "fairly_often": 3, "very_often": 4}
PSS_ITEMS = ("pss_1", "pss_2", "pss_3", "pss_4")
REVERSED_ITEMS = ("pss_2", "pss_3")  # positively worded: scored 4 - value
PSS_MAX_POINTS = max(PSS_POINTS.values())
PSS4_MAX = PSS_MAX_POINTS * len(PSS_ITEMS)
# Project bands (the PSS has no official cut-offs): (highest score, level).
STRESS_BANDS = ((5, "low"), (9, "moderate"), (PSS4_MAX, "high"))
SLEEP_ITEM = "sleep_hours"
# Spec section 2: fewer hours than this is short sleep (adults need 7 to 9, Hirshkowitz et al. 2015).
SHORT_SLEEP_BELOW_HOURS = 7


def item_points(answers: Mapping[str, object]) -> dict:
    """PSS-4 points of each answered item (positively worded items reversed), in question order."""
    points = {}
    for item_id in PSS_ITEMS:
        value = answers.get(item_id)
        if value is not None:
            points[item_id] = PSS_MAX_POINTS - PSS_POINTS[value] if item_id in REVERSED_ITEMS else PSS_POINTS[value]
    return points


def pss4(answers: Mapping[str, object]):
    points = item_points(answers)
    return sum(points.values()) if len(points) == len(PSS_ITEMS) else None


def stress_level(score):
    if score is None:
        return None
    for highest, level in STRESS_BANDS:
        if score <= highest:
            return level
    raise ValueError(f"pss4 above {PSS4_MAX}: {score}")


def stress_scores(answers: Mapping[str, object]) -> dict:
    score = pss4(answers)
    sleep = answers.get(SLEEP_ITEM)
    return {
        "pss4": score,
        "stress_level": stress_level(score),
        "short_sleep": sleep is not None and sleep < SHORT_SLEEP_BELOW_HOURS,
    }
