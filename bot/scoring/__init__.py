"""The scoring engine: spec section 2, computed from the answers alone.

``compute_scores(answers)`` validates the answers, drops the items that
branching leaves out, and returns the ``scores`` object of the spec, with its
keys in the spec's order.
"""

from __future__ import annotations

from typing import Mapping, Optional

from bot import questionnaire
from bot.questionnaire import asked_items
from bot.scoring.alcohol import alcohol_scores
from bot.scoring.magnesium import magnesium_scores
from bot.scoring.microbiome import microbiome_scores
from bot.scoring.stress import stress_scores
from bot.validation import validate_answers

# What red_flag reads.
RED_FLAG_ITEMS = ("red_flags",)
# What skin_concern reads: the complaints, then how much they bother the user.
SKIN_ITEMS = COMPLAINTS_ITEM, IMPACT_ITEM = ("skin_complaints", "skin_impact")
# Project bands for the impact: (highest impact, concern).
SKIN_BANDS = ((3, "mild"), (6, "moderate"), (10, "severe"))

SCORE_KEYS = (
    "audit_c", "alcohol_risk", "alcohol_glasses_per_week", "above_alcohol_advice", "heavy_drinking",
    "pss4", "stress_level", "short_sleep",
    "magnesium_intake_mg", "magnesium_ai_mg", "magnesium_intake_band",
    "mds", "mds_complete", "mds_band", "magnesium_risk", "magnesium_factors",
    "microbiome_score", "microbiome_risk", "microbiome_factors",
    "skin_concern", "red_flag", "unanswered",
)  # fmt: skip


def asked_answers(answers: Mapping[str, object]) -> dict:
    """The answers to items the interview asks; branched-out items are absent, as the spec says."""
    return {it.id: answers[it.id] for it in asked_items(answers) if it.id in answers}


def unanswered(answers: Mapping[str, object]) -> list:
    """Asked items whose value is null, in questionnaire order."""
    relevant = asked_answers(answers)
    return [it.id for it in questionnaire.ITEMS if it.id in relevant and relevant[it.id] is None]


def skin_concern(answers: Mapping[str, object]) -> Optional[str]:
    complaints = answers.get(COMPLAINTS_ITEM)
    if complaints is None:
        return None
    if not complaints:
        return "none"
    impact = answers.get(IMPACT_ITEM)
    if impact is None:
        return None
    for highest, concern in SKIN_BANDS:
        if impact <= highest:
            return concern
    raise ValueError(f"skin impact above 10: {impact}")


def score_answers(valid: Mapping[str, object]) -> dict:
    """Scores of answers already validated by ``bot.validation``."""
    answers = asked_answers(valid)
    scores: dict = {}
    scores.update(alcohol_scores(answers))
    scores.update(stress_scores(answers))
    scores.update(magnesium_scores(answers, heavy_drinking=scores["heavy_drinking"]))
    scores.update(microbiome_scores(answers, scores))
    scores["skin_concern"] = skin_concern(answers)
    scores["red_flag"] = any(answers.get(item_id) for item_id in RED_FLAG_ITEMS)
    scores["unanswered"] = unanswered(answers)
    return {key: scores[key] for key in SCORE_KEYS}


def compute_scores(answers: object) -> dict:
    """Validate, then score. Raises ``bot.validation.AnswerError`` for a refused answer."""
    return score_answers(validate_answers(answers))


def booking_kind(answers: Mapping[str, object], scores: Mapping[str, object]) -> str:
    """``gp_first`` with a red flag, else ``skincare_consult`` with skin complaints, else ``intake_consult``."""
    if scores["red_flag"]:
        return "gp_first"
    if answers.get("skin_complaints"):
        return "skincare_consult"
    return "intake_consult"
