"""A complete intake through one messaging app, answered by the item being asked (the tracker's
``requested_slot``), not by the questions' wording: button taps, numbers, titles and free text."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from bot.questionnaire import ITEMS_BY_ID
from tests.answers import WORKED_EXAMPLE
from tests.channels.clients import slot
from tests.conversation.test_conversations import WORKED_EXAMPLE_CHAT

FREE_TEXT = dict(WORKED_EXAMPLE_CHAT)
MODES = ("tap", "number", "title", "text")
NONE_OPTION = {"egfr": "Weet ik niet", "red_flags": "Geen van deze"}


def option_title(item: str, value) -> str | None:
    """The button title that gives ``value`` for ``item``, if a button does."""
    if value is None or value == []:
        return NONE_OPTION.get(item)
    choices = ITEMS_BY_ID[item].choices
    if isinstance(value, str) and choices and choices.translated:
        return choices.labels.get(value)
    return None


def answer(user, item: str, mode: str) -> str:
    """Answers ``item`` the worked example's way in ``mode``; returns how it was answered."""
    title = option_title(item, WORKED_EXAMPLE[item])
    options = user.last_options()
    index = next((i for i, (shown, reply) in enumerate(options) if title in (shown, reply)), None)
    if index is None or mode == "text":
        user.say(FREE_TEXT[item])
        return "text"
    if mode == "tap" and user.taps:
        user.tap(index)
        return "tap"
    if mode in ("tap", "number") and len(options) >= 2:
        user.say(str(index + 1))
        return "number"
    user.say(title)
    return "title"


def complete_intake(user, stack: dict) -> dict:
    """Runs the intake to the results; returns {item: how it was answered}."""
    user.say("hallo")
    how: dict = {}
    asked_again = 0
    for turn in range(80):
        item = slot(stack, user.sender_id, "requested_slot")
        if item is None:
            break
        if item in how:  # asked again after its answer: a confirmation step; take what it offers
            asked_again += 1
            assert asked_again <= 2 and user.last_options(), (item, [c.json or c.form for c in user.calls])
            user.tap(0) if user.taps else user.say(user.last_options()[0][0])
            continue
        how[item] = answer(user, item, MODES[turn % len(MODES)])
    return how


def booking_reference(shown: list) -> str:
    link = next(m["link"] for m in shown if m["link"])
    assert link.startswith("https://kliniek.example/plan?ref="), link
    return parse_qs(urlparse(link).query)["ref"][0]
