"""PSS-4 and sleep (spec section 2, "Stress")."""

from __future__ import annotations

from typing import Mapping

PSS_POINTS = {"never": 0, "almost_never": 1, "sometimes": 2, "fairly_often": 3, "very_often": 4}
PSS_ITEMS = ("pss_1", "pss_2", "pss_3", "pss_4")
REVERSED_ITEMS = ("pss_2", "pss_3")  # positively worded: scored 4 - value
# Project bands (the PSS has no official cut-offs): (highest score, level).
STRESS_BANDS = ((5, "low"), (9, "moderate"), (16, "high"))
SHORT_SLEEP_BELOW_HOURS = 7


def pss4(answers: Mapping[str, object]):
    values = [answers.get(item_id) for item_id in PSS_ITEMS]
    if any(value is None for value in values):
        return None
    total = 0
    for item_id, value in zip(PSS_ITEMS, values):
        points = PSS_POINTS[value]
        total += 4 - points if item_id in REVERSED_ITEMS else points
    return total


def stress_level(score):
    if score is None:
        return None
    for highest, level in STRESS_BANDS:
        if score <= highest:
            return level
    raise ValueError(f"pss4 above 16: {score}")


def stress_scores(answers: Mapping[str, object]) -> dict:
    score = pss4(answers)
    sleep = answers.get("sleep_hours")
    return {
        "pss4": score,
        "stress_level": stress_level(score),
        "short_sleep": sleep is not None and sleep < SHORT_SLEEP_BELOW_HOURS,
    }
