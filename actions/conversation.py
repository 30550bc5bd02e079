"""action_converse: every message outside the interview, through bot.dialogue.outside.

One rule per intent sends the message here (data/rules), and so does the core fallback. The action
always ends by listening, or by starting the interview form: it never chains into itself, so
Rasa's circuit breaker cannot trip and no message goes unanswered.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.results import RECORDS
from actions.tracker_state import (
    ANSWERED,
    DELETE_MARKER,
    FLAG_SLOTS,
    PENDING,
    RESULT,
    START,
    STATUS,
    answers_from,
    clear_interview,
    nlu_of,
    send,
)
from bot.clinic import clinic_from_env
from bot.dialogue.message import DELETED
from bot.dialogue.outside import State, converse
from bot.dialogue.pending import ConfirmDelete, from_slot, to_slot
from bot.dialogue.turn import bubbles
from bot.parsing.reading import read

LISTEN = "action_listen"


class ActionConverse(Action):
    def name(self) -> str:
        return "action_converse"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        text = (tracker.latest_message or {}).get("text") or ""
        answers, _ = answers_from(tracker)
        asked_delete = isinstance(from_slot(tracker.get_slot(PENDING)), ConfirmDelete)
        state = State(tracker.get_slot(STATUS), bool(tracker.get_slot(ANSWERED)), tracker.get_slot(RESULT), answers,
                      asked_delete)  # fmt: skip
        reply = converse(read(text, nlu_of(tracker)), state, clinic_from_env())
        send(dispatcher, bubbles(reply.messages))
        events: list = [SlotSet(FLAG_SLOTS[flag], True) for flag in sorted(reply.flags)]
        if reply.asks_delete or asked_delete:  # the next message answers "alles verwijderen?", or the question lapses
            events.append(SlotSet(PENDING, to_slot(ConfirmDelete()) if reply.asks_delete else None))
        if reply.delete:
            RECORDS.delete_for_sender(tracker.sender_id)
            dispatcher.utter_message(json_message=DELETE_MARKER)  # the channel deletes the conversation
        if reply.delete or reply.erase:
            events += clear_interview(DELETED if reply.delete else None)
        if reply.start:  # the rule in data/rules/intake.yml runs the form next
            return events + [SlotSet(STATUS, None), SlotSet(START, True)]
        # Listen next (the rules say so too): nothing chains after this action.
        return events + [SlotSet(START, False), FollowupAction(LISTEN)]
