"""action_finish_intake: the results when the interview is complete; nothing else to say otherwise."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.sessions import conversation_start
from actions.tracker_state import (
    CRISIS,
    DELETE_MARKER,
    NOT_MANAGED,
    RECORD_FLAGS,
    REPORT,
    RESULT,
    STATUS,
    WORDS,
    answers_from,
    clear_interview,
    send,
)
from bot.clinic import clinic_from_env
from bot.dialogue import texts
from bot.dialogue.message import Message
from bot.dialogue.results import (
    DEFAULT_LIMIT,
    WEB_CHANNEL,
    advice_record,
    build_result,
    result_messages,
    results_view,
    shown_advice,
)
from bot.dialogue.turn import COMPLETE, DELETED, NO_CONSENT, UNDER_AGE_STATUS
from bot.questionnaire import ITEM_IDS
from bot.records import IntakeRecord, RecordStore, now
from bot.report_reading.clinic import levels_for_record

logger = logging.getLogger(__name__)
RECORDS = RecordStore()  # connects on first use, not at import
MAX_WORDS_CHARS = 300  # of the user's own words kept per answer for the clinic


def own_words(tracker: Tracker, answers: dict) -> dict:
    """The user's own words for each recorded answer, as text, shortened; nothing for other keys."""
    words = tracker.get_slot(WORDS)
    if not isinstance(words, dict):
        return {}
    return {item: str(words[item])[:MAX_WORDS_CHARS] for item in ITEM_IDS if item in answers and words.get(item)}


def not_managed(tracker: Tracker) -> list:
    """The items the assistant gave up on, in questionnaire order (nothing else from the slot)."""
    given_up = tracker.get_slot(NOT_MANAGED)
    return [item for item in ITEM_IDS if isinstance(given_up, list) and item in given_up]


def first_message_time(tracker: Tracker):
    stamp = conversation_start(tracker)  # the conversation may span several sessions (actions/sessions.py)
    return None if stamp is None else datetime.fromtimestamp(stamp, tz=timezone.utc)


class ActionFinishIntake(Action):
    def name(self) -> str:
        return "action_finish_intake"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        status = tracker.get_slot(STATUS)
        if status == DELETED:
            RECORDS.delete_for_sender(tracker.sender_id)
            dispatcher.utter_message(json_message=DELETE_MARKER)
        if status in (NO_CONSENT, UNDER_AGE_STATUS, DELETED):
            return clear_interview(status)  # store nothing, but remember how it ended
        if status != COMPLETE:
            return []  # stopped or paused: the answers stay for later
        answers, _ = answers_from(tracker)
        clinic = clinic_from_env()
        previous = tracker.get_slot(RESULT) or {}
        result = build_result(answers, clinic, reference=(previous.get("booking") or {}).get("reference"))
        if tracker.get_slot(CRISIS):  # crisis wording earlier in the conversation: the results open with 113
            send(dispatcher, [Message(texts.CRISIS, alone=True)])
        if tracker.get_latest_input_channel() != WEB_CHANNEL:  # the web page draws the card alone
            send(dispatcher, result_messages(answers, result, clinic))
        dispatcher.utter_message(json_message={"intake_results": results_view(answers, result, clinic)})
        record = IntakeRecord(
            reference=result["booking"]["reference"],
            sender_id=tracker.sender_id,
            answers=answers,
            scores=result["scores"],
            booking=result["booking"],
            advice=advice_record(shown_advice(answers, result["scores"], DEFAULT_LIMIT)),
            started_at=first_message_time(tracker),
            completed_at=now(),
            words=own_words(tracker, answers),
            not_managed=not_managed(tracker),
            **{field: bool(tracker.get_slot(slot)) for slot, field in RECORD_FLAGS.items()},
            taxa_levels=levels_for_record(answers, tracker.get_slot(REPORT)),
        )
        try:
            RECORDS.save(record)
        except Exception:  # the user still gets the results; the log names no answer
            logger.exception("could not store the intake record")
        return [SlotSet(RESULT, result)]
