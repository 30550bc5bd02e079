"""A new conversation session at each section boundary (actions/sessions.py), with Tracker fixtures."""

import asyncio

from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import BotUttered, Event
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import sessions
from actions.intake_form import ValidateIntakeForm
from actions.results import first_message_time
from actions.tracker_state import send
from bot.dialogue.message import Message
from tests.answers import WORKED_EXAMPLE


def tracker(slots, text, events=()):
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}}
    user = {"event": "user", "text": text, "timestamp": 1000.0, "parse_data": latest}
    return Tracker("test-user", slots, latest, [*events, {"event": "action", "name": "action_listen"}, user], False,
                   None, {"name": "intake_form"}, "action_listen")  # fmt: skip


def run(t):
    dispatcher = CollectingDispatcher()
    return dispatcher, asyncio.run(ValidateIntakeForm().run(dispatcher, t, {}))


def answered(items):
    return {**{item: WORKED_EXAMPLE.get(item) for item in items}, "answered_items": list(items)}


def test_boundaries_are_where_the_section_changes():
    assert sessions.at_boundary("age", "veg_fruit_per_day")  # start -> diet (a session of MIN_MESSAGES or more)
    assert sessions.at_boundary("veg_fruit_per_day", "age")  # back across it ("vorige vraag")
    assert not sessions.at_boundary("veg_fruit_per_day", "whole_grain_per_day")
    assert not sessions.at_boundary(None, "consent") and not sessions.at_boundary("red_flags", None)


def user(text, timestamp):
    return {"event": "user", "text": text, "timestamp": timestamp, "parse_data": {}}


def test_a_boundary_needs_a_session_of_min_messages():
    assert not sessions.at_boundary("age", "veg_fruit_per_day", sessions.MIN_MESSAGES - 1)
    slots = {**answered(["consent", "sex"]), "requested_slot": "age", "last_turn": "999.0"}
    dispatcher, events = run(tracker(slots, "40", [user("hallo", 500.0)]))  # 2 messages in this session
    assert "session_started" not in [e["event"] for e in events] and len(dispatcher.messages) == 1


def test_the_last_answer_of_a_section_starts_a_session_that_carries_every_slot_and_the_form():
    earlier = [user("hallo", 500.0), user("ja", 600.0), user("vrouw", 700.0)]
    slots = {**answered(["consent", "sex"]), "requested_slot": "age", "last_turn": "999.0", "intake_start": False}
    dispatcher, events = run(tracker(slots, "40", earlier))
    assert dispatcher.messages == []  # the bubble is an event of the new session instead
    kinds = [e["event"] for e in events]
    start = kinds.index("session_started")
    assert events[start - 1] == {"event": "action", "name": "action_session_start", "policy": None,
                                 "confidence": None, "timestamp": None}  # fmt: skip
    turn = {e["name"]: e["value"] for e in events[:start] if e["event"] == "slot"}
    assert turn["age"] == 40 and turn["requested_slot"] == "veg_fruit_per_day"
    carried = {e["name"]: e["value"] for e in events[start:] if e["event"] == "slot"}
    assert carried == {"consent": "yes", "sex": "female", "age": 40, "answered_items": ["consent", "sex", "age"],
                       "failed_attempts": 0.0, "last_turn": "1000.0", "intake_start": False,
                       "answer_words": {"age": "40"}, "requested_slot": "veg_fruit_per_day",
                       "intake_started": 500.0}  # fmt: skip
    assert kinds[-3:] == ["active_loop", "action", "bot"]
    assert events[-3]["name"] == "intake_form" and events[-2]["name"] == "intake_form"
    assert events[-1]["text"].startswith("Genoteerd. Leeftijd: 40.\n\nVraag 4 van 31. ")


def test_within_a_section_the_turn_is_unchanged():
    slots = {**answered(["consent", "sex", "age"]), "requested_slot": "veg_fruit_per_day", "last_turn": "999.0"}
    dispatcher, events = run(tracker(slots, "drie"))
    assert "session_started" not in [e["event"] for e in events]
    assert dispatcher.messages[0]["text"].startswith("Genoteerd. Groente en fruit (porties per dag): 3.")


def test_the_bubbles_are_the_bot_events_rasa_makes_of_the_dispatchers_messages():
    messages = [Message("Vraag 5 van 31. Hoeveel?", ("Weet ik niet",)), Message("Plan je consult", (("Plan", "https://k.example/a"),)),
                Message("Zonder knoppen")]  # fmt: skip
    dispatcher = CollectingDispatcher()
    send(dispatcher, messages)
    channel = CollectingOutputChannel()
    made = asyncio.run(RemoteAction._utter_responses(dispatcher.messages, channel, None, None))
    ours = [Event.from_parameters(event) for event in sessions.bot_events(messages)]
    assert all(isinstance(event, BotUttered) for event in ours)
    assert [(e.text, e.data, e.metadata) for e in ours] == [(e.text, e.data, e.metadata) for e in made]


def test_the_record_starts_at_the_first_message_of_the_first_session():
    later = tracker({"intake_started": 500.0}, "ja")
    assert first_message_time(later).timestamp() == 500.0
    assert first_message_time(tracker({}, "ja")).timestamp() == 1000.0  # no boundary yet: its first user message
