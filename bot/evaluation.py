"""Slot filling on a held-out set: does the first message fill the right slot with the right value?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import yaml

from bot.dialogue.turn import NO_CONSENT, take_turn

# The answers branching needs before an item is asked at all.
PARENTS = {
    "audit_c_quantity": {"audit_c_frequency": "2_3_per_week"},
    "audit_c_binge": {"audit_c_frequency": "2_3_per_week", "audit_c_quantity": 3},
    "skin_impact": {"skin_complaints": ["acne"]},
    "taxa_low": {"microbiome_test": "yes"},
    "taxa_high": {"microbiome_test": "yes", "taxa_low": []},
}


@dataclass(frozen=True)
class Case:
    item: str
    text: str
    value: object


@dataclass(frozen=True)
class Miss:
    case: Case
    got: object
    filled: bool


def load_cases(path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [Case(**row) for row in yaml.safe_load(handle)]


def first_try(case: Case, classify: Optional[Callable] = None) -> tuple:
    """(filled, value) after one message while ``case.item`` is asked."""
    answers = {"consent": "yes", **PARENTS.get(case.item, {})}
    intent, confidence = classify(case.text) if classify else (None, 0.0)
    outcome = take_turn(answers, list(answers), case.item, 0, case.text, intent, confidence)
    if case.item == "consent" and outcome.status == NO_CONSENT:
        return True, "no"  # "no" is understood, and by design nothing is kept
    return case.item in outcome.answers, outcome.answers.get(case.item)


def slot_filling(cases: list, classify: Optional[Callable] = None) -> tuple:
    """(share right at the first try, the misses)."""
    misses = []
    for case in cases:
        filled, got = first_try(case, classify)
        if not filled or got != case.value:
            misses.append(Miss(case, got, filled))
    return (len(cases) - len(misses)) / len(cases), misses
