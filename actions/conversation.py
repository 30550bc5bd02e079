"""Actions outside the interview: FAQ, crisis, contact, start over, delete data, out of scope."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_state import clear_interview, intent_of, send
from bot.clinic import clinic_from_env
from bot.dialogue import texts
from bot.dialogue.turn import Message

FAQ_INTENT_PREFIX = "faq_"


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        intent, _ = intent_of(tracker)
        topic = (intent or "").removeprefix(FAQ_INTENT_PREFIX)
        answer = texts.FAQ.get(topic, texts.OUTSIDE_SCOPE)
        send(dispatcher, [Message(answer), Message(texts.INVITE)])
        return []


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send(dispatcher, [Message(texts.CRISIS), Message(texts.INVITE)])
        return []


class ActionContact(Action):
    def name(self) -> str:
        return "action_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send(dispatcher, [Message(texts.contact(clinic_from_env()))])
        return []


class ActionRestartIntake(Action):
    def name(self) -> str:
        return "action_restart_intake"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send(dispatcher, [Message(texts.RESTARTED)])
        return clear_interview()


class ActionDeleteData(Action):
    def name(self) -> str:
        return "action_delete_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send(dispatcher, [Message(texts.DELETED)])
        return clear_interview()


class ActionOutOfScope(Action):
    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send(dispatcher, [Message(texts.OUTSIDE_SCOPE)])
        return []
