"""Slot filling on a held-out set: does the first message fill the right slot with the right value?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import yaml

from bot import questionnaire
from bot.dialogue.turn import NO_CONSENT, take_turn
from bot.questionnaire import CODE, CODE_LIST, ITEMS_BY_ID, Item


def _candidates(it: Item) -> list:
    """Answers to try for an earlier item, simplest first."""
    if it.kind == CODE:
        return list(it.codes)
    if it.kind == CODE_LIST:
        return [[], list(it.codes[:1])]
    return [it.minimum]


def reaching_answers(item_id: str) -> dict:
    """Consent, and for an item that branching can leave out, answers to the earlier items of its section that
    make branching ask it."""
    target = ITEMS_BY_ID[item_id]
    answers: dict = {"consent": "yes"}
    if not target.branches:
        return answers
    before = questionnaire.ITEMS[: questionnaire.ITEM_IDS.index(item_id)]
    earlier = [it for it in before if it.section == target.section]
    for it in earlier:
        tries = [{**answers, it.id: value} for value in _candidates(it)]
        answers = next((tried for tried in tries if target.is_asked(tried)), tries[0])
    return answers


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
    answers = reaching_answers(case.item)
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


def _f1(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1-score": round(f1, 4), "support": tp + fn}


def entity_scores(cases: list, misses: list) -> dict:
    """Slot values read from the text, scored as entities are: per item and micro-averaged.

    A case is a true positive when its item is filled with the right value; a miss is a false
    negative, and also a false positive when the item was filled with a wrong value.
    """
    items = list(dict.fromkeys(case.item for case in cases))
    support = {item: sum(case.item == item for case in cases) for item in items}
    missed = {item: sum(m.case.item == item for m in misses) for item in items}
    wrong = {item: sum(m.case.item == item and m.filled for m in misses) for item in items}
    report = {item: _f1(support[item] - missed[item], wrong[item], missed[item]) for item in items}
    report["micro avg"] = _f1(len(cases) - len(misses), sum(wrong.values()), len(misses))
    return report
