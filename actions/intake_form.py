"""validate_intake_form: every message during the interview goes through bot.dialogue.turn."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import sessions
from actions.tracker_state import (
    DIGRESSED,
    FAILURES,
    LAST_TURN,
    PENDING,
    REQUESTED,
    WORDS,
    answers_from,
    latest_user_turn,
    nlu_of,
    outcome_events,
    send,
    turn_key,
)
from bot.clinic import clinic_from_env
from bot.dialogue import report_confirmation
from bot.dialogue.pending import Review, from_slot
from bot.dialogue.turn import Outcome, bubbles, question, start, take_turn


class ValidateIntakeForm(Action):
    """The form's validation action. It always returns slot events, so the form never rejects:
    answers, skips, corrections, "waarom?", the FAQ and stopping are all handled here."""

    def name(self) -> str:
        return "validate_intake_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        answers, order = answers_from(tracker)
        requested = tracker.get_slot(REQUESTED)
        user = latest_user_turn(tracker)
        key = turn_key(user)
        failures = int(tracker.get_slot(FAILURES) or 0)
        pending, words, clinic = from_slot(tracker.get_slot(PENDING)), tracker.get_slot(WORDS) or {}, clinic_from_env()
        if requested is None:
            text = (user or {}).get("text") or ""
            outcome = start(answers, order, clinic, text=text, nlu=nlu_of(tracker), words=words)
        elif key == tracker.get_slot(LAST_TURN):
            # Called again without a new message (back from an interruption): ask again.
            again = [] if isinstance(pending, Review) else [question(answers, requested, failures)]
            outcome = Outcome(answers, order, requested, failures, messages=again, pending=pending, words=words)
        else:
            text = user.get("text") or ""
            report = report_confirmation.from_metadata(user.get("metadata"))
            if report is not None:  # an uploaded lab report, read by the channel: it waits for "Klopt dit?"
                pending = report_confirmation.uploaded(report)
            outcome = take_turn(answers, order, requested, failures, text, clinic=clinic, nlu=nlu_of(tracker),
                                pending=pending, words=words, digressed=bool(tracker.get_slot(DIGRESSED)))  # fmt: skip
        events = outcome_events(tracker, outcome, key)
        if sessions.at_boundary(requested, outcome.requested, sessions.messages_in_session(tracker)):  # new section
            return sessions.new_session(tracker, events, bubbles(outcome.messages))
        send(dispatcher, bubbles(outcome.messages))
        return events
