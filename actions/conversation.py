"""Actions outside the interview: FAQ, crisis, contact, start over, delete data, out of scope."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.results import RECORDS
from actions.tracker_state import DELETE_MARKER, clear_interview, intent_of, send
from bot.clinic import clinic_from_env
from bot.dialogue import texts
from bot.dialogue.turn import Message
from bot.parsing import signals

FAQ_INTENT_PREFIX = "faq_"


class ReplyAction(Action):
    """An action that only replies: ``replies`` gives its messages, ``events`` its slot events."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    def replies(self, tracker: Tracker) -> list:
        raise NotImplementedError

    def events(self) -> list:
        return []

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        text = (tracker.latest_message or {}).get("text") or ""
        if signals.CRISIS in signals.detect(text):
            # Whatever the NLU made of it: crisis wording always gets 113 and 112 first.
            send(dispatcher, [Message(texts.CRISIS), Message(texts.INVITE)])
            return []
        send(dispatcher, self.replies(tracker))
        return self.events()


class ActionAnswerFaq(ReplyAction):
    action_name = "action_answer_faq"

    def replies(self, tracker: Tracker) -> list:
        intent, _ = intent_of(tracker)
        topic = (intent or "").removeprefix(FAQ_INTENT_PREFIX)
        return [Message(texts.FAQ.get(topic, texts.OUTSIDE_SCOPE)), Message(texts.INVITE)]


class ActionCrisis(ReplyAction):
    action_name = "action_crisis"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.CRISIS), Message(texts.INVITE)]


class ActionContact(ReplyAction):
    action_name = "action_contact"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.contact(clinic_from_env()))]


class ActionRestartIntake(ReplyAction):
    action_name = "action_restart_intake"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.RESTARTED)]

    def events(self) -> list:
        return clear_interview()


class ActionDeleteData(ReplyAction):
    """Deletes the intake record here; the web channel then deletes the conversation's tracker."""

    action_name = "action_delete_data"

    def replies(self, tracker: Tracker) -> list:
        RECORDS.delete_for_sender(tracker.sender_id)
        return [Message(texts.DELETED)]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        events = await super().run(dispatcher, tracker, domain)
        dispatcher.utter_message(json_message=DELETE_MARKER)
        return events

    def events(self) -> list:
        return clear_interview()


class ActionOutOfScope(ReplyAction):
    action_name = "action_out_of_scope"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.OUTSIDE_SCOPE)]


class ActionGoodbye(ReplyAction):
    action_name = "action_goodbye"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.GOODBYE)]


class ActionThanks(ReplyAction):
    action_name = "action_thanks"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.YOU_ARE_WELCOME)]


class ActionEnglish(ReplyAction):
    action_name = "action_english"

    def replies(self, tracker: Tracker) -> list:
        return [Message(texts.ENGLISH_OUTSIDE)]
