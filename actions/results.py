"""action_finish_intake: the results when the interview is complete; nothing else to say otherwise."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_state import RESULT, STATUS, answers_from, clear_interview, send
from bot.clinic import clinic_from_env
from bot.dialogue.results import build_result, result_messages
from bot.dialogue.turn import COMPLETE, DELETED, NO_CONSENT, UNDER_AGE_STATUS


class ActionFinishIntake(Action):
    def name(self) -> str:
        return "action_finish_intake"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        status = tracker.get_slot(STATUS)
        if status in (NO_CONSENT, UNDER_AGE_STATUS, DELETED):
            return clear_interview()  # store nothing
        if status != COMPLETE:
            return []  # stopped or paused: the answers stay for later
        answers, _ = answers_from(tracker)
        clinic = clinic_from_env()
        previous = tracker.get_slot(RESULT) or {}
        result = build_result(answers, clinic, reference=(previous.get("booking") or {}).get("reference"))
        send(dispatcher, result_messages(answers, result, clinic))
        return [SlotSet(RESULT, result)]
