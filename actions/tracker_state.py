"""Reading the interview's state from a tracker, and writing it back as slot events."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from bot import channel_messages
from bot.dialogue import report_confirmation
from bot.dialogue.message import Message, Outcome
from bot.dialogue.pending import to_slot
from bot.parsing.reading import Nlu, nlu_from_parse
from bot.questionnaire import ITEM_IDS
from bot.slots import (  # noqa: F401  (re-exported: the actions read the slot names from here)
    ANSWERED,
    CRISIS,
    DANGER,
    DIGRESSED,
    FAILURES,
    FLAG_SLOTS,
    LAST_TURN,
    NOT_MANAGED,
    PENDING,
    PREGNANCY,
    RECORD_FLAGS,
    REPORT,
    REQUESTED,
    RESULT,
    START,
    STARTED,
    STATUS,
    VIOLENCE,
    WORDS,
)


def answers_from(tracker: Tracker) -> tuple:
    """(answers, order): the answered items' values, and the order they were answered in."""
    order = [item for item in (tracker.get_slot(ANSWERED) or []) if item in ITEM_IDS]
    return {item: tracker.get_slot(item) for item in order}, order


def latest_user_turn(tracker: Tracker) -> Optional[dict]:
    return next((event for event in reversed(tracker.events) if event.get("event") == "user"), None)


def turn_key(event: Optional[dict]) -> Optional[str]:
    return None if event is None else repr(event.get("timestamp"))


def nlu_of(tracker: Tracker) -> Nlu:
    """The NLU's parse of the latest message: top intent and ranking."""
    return nlu_from_parse(tracker.latest_message)


def outcome_events(tracker: Tracker, outcome: Outcome, key: Optional[str]) -> list:
    """Slot events that store the outcome: changed items, bookkeeping, the next requested item."""
    events: list[EventType] = []
    old_answers, _ = answers_from(tracker)
    for item in ITEM_IDS:
        new: Any = outcome.answers.get(item)
        if item in outcome.answers and (item not in old_answers or old_answers[item] != new):
            events.append(SlotSet(item, new))
        elif item not in outcome.answers and tracker.get_slot(item) is not None:
            events.append(SlotSet(item, None))
    bookkeeping = {
        ANSWERED: list(outcome.order),
        FAILURES: float(outcome.failures),
        STATUS: outcome.status,
        LAST_TURN: key,
        PENDING: to_slot(outcome.pending),
        WORDS: dict(outcome.words) or None,
    }
    for flag in outcome.flags:
        bookkeeping[FLAG_SLOTS[flag]] = True
    bookkeeping[DIGRESSED] = outcome.digressed or None
    if outcome.gave_up:  # "niet gelukt" beside this item in the clinic's record
        bookkeeping[NOT_MANAGED] = list(dict.fromkeys((tracker.get_slot(NOT_MANAGED) or []) + [outcome.gave_up]))
    if outcome.report is not None:
        bookkeeping[REPORT] = outcome.report
    elif not set(report_confirmation.test_items()[1:]) & set(outcome.answers) and tracker.get_slot(REPORT) is not None:
        bookkeeping[REPORT] = None  # the taxa are gone (start over, a changed test answer): so is their report
    if tracker.get_slot(START):
        bookkeeping[START] = False
    # Only what changed: every event makes the tracker, and so each later request, bigger.
    # LAST_TURN changes with every message, so the form always gets a slot event and never rejects.
    events += [SlotSet(name, value) for name, value in bookkeeping.items() if tracker.get_slot(name) != value]
    events.append(SlotSet(REQUESTED, outcome.requested))
    return events


def clear_interview(status: Optional[str] = None) -> list:
    """Events that forget every answer and the result (restart, delete, no consent). The crisis flag stays:
    it is no answer, and the clinic follows it up (README, "Crisis wording")."""
    return [SlotSet(item, None) for item in ITEM_IDS] + [
        SlotSet(ANSWERED, []),
        SlotSet(FAILURES, 0.0),
        SlotSet(STATUS, status),  # how it ended stays, so the next message gets a fitting reply
        SlotSet(LAST_TURN, None),
        SlotSet(RESULT, None),
        SlotSet(REQUESTED, None),
        SlotSet(PENDING, None),
        SlotSet(WORDS, None),
        SlotSet(DIGRESSED, None),
        SlotSet(NOT_MANAGED, None),
        SlotSet(REPORT, None),
    ]


# Tells the channel to delete this conversation from the tracker store (channels/deletion.py).
DELETE_MARKER = channel_messages.DELETE_MARKER


def buttons_of(message: Message) -> list:
    """A message's buttons: a button's title is what it sends, a (title, url) pair opens the URL."""
    buttons = []
    for button in message.buttons:
        if isinstance(button, tuple):
            title, url = button
            buttons.append({"title": title, "payload": url, "url": url, "type": "web_url"})
        else:
            buttons.append({"title": button, "payload": button})
    return buttons


def send(dispatcher, messages: list) -> None:
    """Each message as a bot message, with its buttons (``buttons_of``)."""
    for message in messages:
        assert isinstance(message, Message)
        dispatcher.utter_message(text=message.text, buttons=buttons_of(message) or None)
