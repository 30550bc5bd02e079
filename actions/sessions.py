"""A new conversation session at each section boundary of the interview, so that a message's history stays short.

On every message Rasa reads the events stored since the latest ``SessionStarted`` (``SQLTrackerStore.retrieve``,
and the other tracker stores alike), replays them into a tracker, sends them all to the action server, and the rule
policy turns them into states: without sessions a message costs more the longer the intake runs. When the interview
moves on to a question of another section (bot.questionnaire: diet, alcohol, stress, ...), the form's validation
ends its events the way Rasa's own ``action_session_start`` starts a session, and goes on in the new one (when
the session holds ``MIN_MESSAGES`` user messages: a shorter one joins the next section's):

- ``ActionExecuted(action_session_start)`` and ``SessionStarted``: Rasa's own markers, so its tools that split a
  conversation into sessions (the story export) split it here too;
- a ``SlotSet`` for every slot that holds a value (what Rasa's ``carry_over_slots`` does at a session start), with
  the time of the conversation's first message (``STARTED``: the clinic's record keeps it as the intake's start);
- the form active again (``ActiveLoop``) and its own execution (``ActionExecuted(intake_form)``), so that the rule
  policy predicts listening next, as after any turn of the form;
- the turn's chat bubbles, as the same bot events Rasa makes of the dispatcher's messages: the question on screen is
  in the session that reads its answer (the messaging channels read a numbered reply's options from the latest
  session's last bot message).

What needs the whole conversation reads every session: the web chat's history (``retrieve_full_tracker``),
deletion (every event of the sender), the tracker API. One difference with one session: Rasa starts a session of
its own when the latest user message of the current session is older than ``session_expiration_time`` (a day);
a session started here holds no user message yet, so someone who leaves right after a section boundary and comes
back after a day goes on with the question on screen instead of being welcomed back first.
"""

from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, BotUttered, EventType, SessionStarted, SlotSet

from actions.tracker_state import STARTED, buttons_of
from bot.questionnaire import ITEMS_BY_ID

FORM = "intake_form"
SESSION_START = "action_session_start"
# A session ends at a section boundary once it holds this many user messages. Carrying every slot over costs
# about 45 events once; a shorter session (the short sections at the end: skin, the test, warning signs) would
# not read that back: it joins the next section's.
MIN_MESSAGES = 4


def at_boundary(asked: Optional[str], asked_next: Optional[str], messages: int = MIN_MESSAGES) -> bool:
    """The interview moves from a question of one section to a question of another, and the session holds
    ``MIN_MESSAGES`` user messages or more (``messages``)."""
    before, after = ITEMS_BY_ID.get(asked or ""), ITEMS_BY_ID.get(asked_next or "")
    return before is not None and after is not None and before.section != after.section and messages >= MIN_MESSAGES


def messages_in_session(tracker: Tracker) -> int:
    """The user messages of the current session (the tracker the action server gets holds that session only)."""
    return sum(1 for event in tracker.events if event.get("event") == "user")


def conversation_start(tracker: Tracker) -> Optional[float]:
    """When the conversation began: kept in ``STARTED`` from the first boundary on, else its first user message."""
    started = tracker.get_slot(STARTED)
    if started is not None:
        return float(started)
    return next((e.get("timestamp") for e in tracker.events if e.get("event") == "user"), None)


def slots_after(tracker: Tracker, events: list) -> dict:
    """Every slot's value once ``events`` are applied."""
    values = dict(tracker.slots)
    for event in events:
        if event.get("event") == "slot":
            values[event["name"]] = event["value"]
    return values


def bot_events(messages: list) -> list:
    """The bot events Rasa makes of ``tracker_state.send``'s messages (``RemoteAction._utter_responses``)."""
    empty = {"elements": None, "quick_replies": None, "attachment": None, "image": None, "custom": None}
    return [BotUttered(message.text, {**empty, "buttons": buttons_of(message) or None}, {}) for message in messages]


def new_session(tracker: Tracker, events: list, messages: list) -> list:
    """``events`` (the turn's own), then a new session that carries every slot over, the form active in it, and the
    turn's ``messages`` (chat bubbles, sent by Rasa from these events)."""
    values = {**slots_after(tracker, events), STARTED: conversation_start(tracker)}
    carried = [SlotSet(name, value) for name, value in values.items() if value is not None]
    marker: list[EventType] = [ActionExecuted(SESSION_START), SessionStarted()]
    return events + marker + carried + [ActiveLoop(FORM), ActionExecuted(FORM)] + bot_events(messages)
