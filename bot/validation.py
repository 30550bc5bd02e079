"""Checking answers against the questionnaire before they are scored.

Every refusal names the item and what it allows, in one line, so that the
command line, the Rasa actions and the clinic API can all show it as is.
"""

from __future__ import annotations

import math
from typing import Mapping

from bot.questionnaire import CODE, CODE_LIST, ITEM_IDS, ITEMS_BY_ID, NUMBER, Item


class AnswerError(ValueError):
    """An answer the questionnaire does not allow."""

    def __init__(self, item_id: str, message: str):
        super().__init__(message)
        self.item_id = item_id


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def validate_value(it: Item, value: object) -> object:
    """The value in its canonical form (ints for integer items, de-duplicated lists), or AnswerError."""
    if value is None:
        return None
    if it.kind == CODE:
        if not isinstance(value, str) or value not in it.codes:
            raise AnswerError(it.id, f"{it.id}: {value!r} is not allowed; allowed: {it.allowed()}")
        return value
    if it.kind == NUMBER:
        if not _is_number(value) or not math.isfinite(value):
            raise AnswerError(it.id, f"{it.id}: {value!r} is not a number; allowed: {it.allowed()}")
        if it.integer and not float(value).is_integer():
            raise AnswerError(it.id, f"{it.id}: {value!r} is not a whole number; allowed: {it.allowed()}")
        if not it.minimum <= value <= it.maximum:
            raise AnswerError(it.id, f"{it.id}: {value!r} is out of range; allowed: {it.allowed()}")
        if it.integer or float(value).is_integer():
            return int(value)
        return float(value)
    assert it.kind == CODE_LIST
    if not isinstance(value, list):
        raise AnswerError(it.id, f"{it.id}: {value!r} is not a list; allowed: {it.allowed()}")
    for code in value:
        if not isinstance(code, str) or code not in it.codes:
            raise AnswerError(it.id, f"{it.id}: {code!r} is not allowed; allowed: {it.allowed()}")
    return list(dict.fromkeys(value))


def validate_answers(answers: object) -> dict:
    """All answers checked and in canonical form; AnswerError for the first one refused.

    Items are checked in questionnaire order, so the same input always gives
    the same message.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError("", "answers must be a JSON object of item id to value")
    unknown = [key for key in answers if key not in ITEMS_BY_ID]
    if unknown:
        name = unknown[0]
        raise AnswerError(str(name), f"{name}: unknown item id; allowed item ids: {', '.join(ITEM_IDS)}")
    return {
        item_id: validate_value(ITEMS_BY_ID[item_id], answers[item_id]) for item_id in ITEM_IDS if item_id in answers
    }
