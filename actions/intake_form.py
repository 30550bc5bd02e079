"""validate_intake_form: every message during the interview goes through bot.dialogue.turn."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_state import (
    FAILURES,
    LAST_TURN,
    REQUESTED,
    answers_from,
    intent_of,
    latest_user_turn,
    outcome_events,
    send,
    turn_key,
)
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
        if requested is None:
            outcome = start(answers, order, text=(user or {}).get("text") or "")
        elif key == tracker.get_slot(LAST_TURN):
            # Called again without a new message (back from an interruption): ask again.
            outcome = Outcome(answers, order, requested, failures, messages=[question(answers, requested, failures)])
        else:
            intent, confidence = intent_of(tracker)
            outcome = take_turn(answers, order, requested, failures, user.get("text") or "", intent, confidence)
        send(dispatcher, bubbles(outcome.messages))
        return outcome_events(tracker, outcome, key)
