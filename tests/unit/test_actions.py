"""Every action, with Tracker fixtures and a CollectingDispatcher (no Rasa server needed)."""

import asyncio
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import actions.conversation
import actions.results
from actions.conversation import (
    ActionAnswerFaq,
    ActionContact,
    ActionCrisis,
    ActionDeleteData,
    ActionEnglish,
    ActionGoodbye,
    ActionOutOfScope,
    ActionRestartIntake,
    ActionThanks,
)
from actions.intake_form import ValidateIntakeForm
from actions.results import ActionFinishIntake
from actions.tracker_state import DELETE_MARKER
from bot.dialogue import texts
from bot.questionnaire import ITEM_IDS
from bot.records import RecordStore
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE


@pytest.fixture(autouse=True)
def records(monkeypatch, tmp_path):
    """A fresh intake record database per test."""
    store = RecordStore(f"sqlite:///{tmp_path / 'intakes.db'}")
    monkeypatch.setattr(actions.results, "RECORDS", store)
    monkeypatch.setattr(actions.conversation, "RECORDS", store)
    return store


@pytest.fixture(autouse=True)
def clinic_env(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Huidkliniek Test")
    monkeypatch.setenv("CLINIC_BOOKING_URL", "https://huid.example/boeken")
    monkeypatch.setenv("CLINIC_PHONE", "030 111 22 33")
    monkeypatch.setenv("CLINIC_EMAIL", "intake@huid.example")


def tracker(slots=None, text=None, intent=None, confidence=0.99, timestamp=1000.0):
    events = [{"event": "action", "name": "action_listen"}]
    latest = {}
    if text is not None:
        latest = {"text": text, "intent": {"name": intent, "confidence": confidence} if intent else {}}
        events.append({"event": "user", "text": text, "timestamp": timestamp, "parse_data": latest})
    return Tracker("test-user", slots or {}, latest, events, False, None, {"name": "intake_form"}, "action_listen")


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher, events


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answered(items):
    slots = {item: WORKED_EXAMPLE.get(item) for item in items}
    return {**slots, "answered_items": list(items)}


class TestValidateIntakeForm:
    def test_activation_introduces_and_asks_consent(self):
        dispatcher, events = run(ValidateIntakeForm(), tracker(text="hallo", intent="greet"))
        # the introduction and the first question in one bubble, with the question's buttons
        assert len(dispatcher.messages) == 1
        intro, asked = dispatcher.messages[0]["text"].split("\n\n")
        assert "Huidkliniek Test" in intro
        assert asked.startswith("Vraag 1 van 28. ")
        assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [
            "Ja, ik geef toestemming",
            "Nee, liever niet",
        ]
        slots = slot_events(events)
        assert slots["requested_slot"] == "consent"
        assert slots["answered_items"] == [] and slots["last_turn"] == "1000.0"

    def test_free_text_answer_fills_its_slot_and_asks_the_next(self):
        slots = {**answered(["consent", "sex", "age"]), "requested_slot": "veg_fruit_per_day", "last_turn": "999.0"}
        dispatcher, events = run(ValidateIntakeForm(), tracker(slots, text="twee à drie", intent="inform"))
        set_ = slot_events(events)
        assert set_["veg_fruit_per_day"] == 2.5
        assert set_["answered_items"] == ["consent", "sex", "age", "veg_fruit_per_day"]
        assert set_["requested_slot"] == "whole_grain_per_day"
        assert set_["failed_attempts"] == 0.0 and set_["last_turn"] == "1000.0"
        assert "sex" not in set_ and "intake_status" not in set_  # unchanged slots are not written again
        [message] = dispatcher.messages
        acknowledged, asked = message["text"].split("\n\n")
        assert acknowledged == "Genoteerd: groente en fruit (porties per dag): 2,5."
        assert asked.startswith("Vraag 5 van 28. ")

    def test_the_same_message_twice_only_asks_again(self):
        slots = {**answered(["consent"]), "requested_slot": "sex", "last_turn": "1000.0"}
        dispatcher, events = run(ValidateIntakeForm(), tracker(slots, text="vrouw"))
        assert slot_events(events)["requested_slot"] == "sex"
        assert "sex" not in slot_events(events)
        assert [m["text"][:9] for m in dispatcher.messages] == ["Vraag 2 v"]

    def test_skip_writes_null_and_lists_the_item(self):
        items = ITEM_IDS[: ITEM_IDS.index("egfr")]
        slots = {**answered(items), "requested_slot": "egfr", "last_turn": "1.0"}
        _, events = run(ValidateIntakeForm(), tracker(slots, text="weet ik niet", intent="skip"))
        set_ = slot_events(events)
        assert set_["egfr"] is None and set_["answered_items"][-1] == "egfr"
        assert set_["requested_slot"] == "skin_complaints"

    def test_no_consent_ends_the_form(self):
        slots = {"requested_slot": "consent", "answered_items": [], "last_turn": "1.0"}
        dispatcher, events = run(ValidateIntakeForm(), tracker(slots, text="nee", intent="deny"))
        set_ = slot_events(events)
        assert set_["requested_slot"] is None and set_["intake_status"] == "no_consent"
        assert "030 111 22 33" in dispatcher.messages[0]["text"]


class TestFinishIntake:
    def test_results_hold_the_engines_scores(self):
        slots = {**answered([i for i in ITEM_IDS if i in WORKED_EXAMPLE]), "intake_status": "complete"}
        dispatcher, events = run(ActionFinishIntake(), tracker(slots))
        result = slot_events(events)["intake_result"]
        assert result["version"] == 1
        assert result["scores"] == compute_scores(WORKED_EXAMPLE)
        assert result["booking"]["kind"] == "skincare_consult"
        reference = result["booking"]["reference"]
        assert re.fullmatch(r"IN-[A-HJ-NP-Z2-9]{6}", reference)
        assert result["booking"]["url"] == f"https://huid.example/boeken?ref={reference}"
        shown = [m["text"] for m in dispatcher.messages]
        assert shown[0] == "Dank je wel voor je antwoorden! Dit is je uitkomst."
        assert shown[1].startswith("Darmflora: verhoogd risico (90 van 100 punten).")
        assert shown[2].startswith(
            "Magnesium: gemiddeld risico op een tekort. Uit je eten krijg je naar schatting 241 mg"
        )
        assert any(text.startswith("Mijn tips voor jou:\n1. Je maagzuurremmer:") for text in shown)
        assert "geen diagnose" in shown[-3]
        assert "skincare consult bij Huidkliniek Test" in shown[-2] and reference in shown[-2]
        assert dispatcher.messages[-2]["buttons"][0]["url"] == result["booking"]["url"]
        view = dispatcher.messages[-1]["custom"]["intake_results"]
        labels = [a["label"] for a in view["areas"]]
        assert labels == ["Darmflora", "Magnesium uit je eten", "Alcohol (AUDIT-C)", "Stress (PSS-4)"]
        assert view["areas"][0]["value"] == 90 and view["areas"][0]["level"] == 2
        assert view["booking"]["reference"] == reference

    def test_the_intake_record_is_stored(self, records):
        slots = {**answered([i for i in ITEM_IDS if i in WORKED_EXAMPLE]), "intake_status": "complete"}
        _, events = run(ActionFinishIntake(), tracker(slots, text="geen", timestamp=1_700_000_000.0))
        result = slot_events(events)["intake_result"]
        record = records.get(result["booking"]["reference"])
        assert record.sender_id == "test-user"
        assert record.answers == WORKED_EXAMPLE and record.scores == result["scores"]
        assert record.booking == result["booking"]
        ids = [a["id"] for a in record.advice]
        assert ids == ["ppi", "low_whole_grain", "low_veg_fruit", "few_fermented", "ultra_processed"]
        assert record.started_at.isoformat() == "2023-11-14T22:13:20+00:00"
        assert record.completed_at > record.started_at

    def test_red_flag_first(self):
        answers = {**WORKED_EXAMPLE, "red_flags": ["black_stool"]}
        slots = {**{k: v for k, v in answers.items()}, "answered_items": list(answers), "intake_status": "complete"}
        dispatcher, events = run(ActionFinishIntake(), tracker(slots))
        assert slot_events(events)["intake_result"]["booking"]["kind"] == "gp_first"
        assert "huisarts" in dispatcher.messages[0]["text"] and "112" in dispatcher.messages[0]["text"]
        assert dispatcher.messages[-2]["text"].startswith("Ga eerst naar je huisarts")

    @pytest.mark.parametrize("status", ["no_consent", "under_age", "deleted"])
    def test_nothing_kept_without_consent_or_under_age(self, status):
        dispatcher, events = run(ActionFinishIntake(), tracker({"intake_status": status, "sex": "female"}))
        # after "verwijder mijn gegevens" the web channel is told to delete the conversation too
        assert dispatcher.messages == (
            [{**dispatcher.messages[0], "custom": DELETE_MARKER}] if status == "deleted" else []
        )
        cleared = slot_events(events)
        assert all(cleared[item] is None for item in ITEM_IDS) and cleared["answered_items"] == []

    @pytest.mark.parametrize("status", ["stopped", "paused"])
    def test_stopped_keeps_the_answers(self, status):
        dispatcher, events = run(ActionFinishIntake(), tracker({"intake_status": status, "sex": "female"}))
        assert (dispatcher.messages, events) == ([], [])


class TestConversationActions:
    @pytest.mark.parametrize("topic", sorted(texts.FAQ))
    def test_faq(self, topic):
        dispatcher, events = run(ActionAnswerFaq(), tracker(text="vraag", intent=f"faq_{topic}"))
        assert dispatcher.messages[0]["text"] == texts.FAQ[topic]
        assert events == []

    def test_crisis(self):
        dispatcher, _ = run(ActionCrisis(), tracker(text="ik wil niet meer leven", intent="crisis"))
        assert "0800-0113" in dispatcher.messages[0]["text"] and "112" in dispatcher.messages[0]["text"]

    def test_contact(self):
        dispatcher, _ = run(ActionContact(), tracker(text="mens", intent="human_handoff"))
        assert dispatcher.messages[0]["text"] == (
            "Wil je iemand van Huidkliniek Test spreken? Bel 030 111 22 33 of mail intake@huid.example. "
            "Een medewerker helpt je graag verder."
        )

    def test_delete_removes_the_intake_record(self, records):
        slots = {**answered([i for i in ITEM_IDS if i in WORKED_EXAMPLE]), "intake_status": "complete"}
        _, events = run(ActionFinishIntake(), tracker(slots))
        reference = slot_events(events)["intake_result"]["booking"]["reference"]
        assert records.get(reference) is not None
        dispatcher, _ = run(ActionDeleteData(), tracker(slots, text="verwijder mijn gegevens", intent="delete_data"))
        assert records.get(reference) is None
        assert dispatcher.messages[-1]["custom"] == DELETE_MARKER

    @pytest.mark.parametrize(
        "action, message", [(ActionRestartIntake(), texts.RESTARTED), (ActionDeleteData(), texts.DELETED)]
    )
    def test_restart_and_delete_forget_everything(self, action, message):
        dispatcher, events = run(action, tracker(answered(["consent", "sex"])))
        assert dispatcher.messages[0]["text"] == message
        cleared = slot_events(events)
        assert cleared["sex"] is None and cleared["intake_result"] is None and cleared["answered_items"] == []

    @pytest.mark.parametrize("action", [ActionGoodbye(), ActionThanks(), ActionEnglish(), ActionOutOfScope()])
    def test_crisis_wording_wins_over_any_intent(self, action):
        dispatcher, _ = run(action, tracker(text="ik wil er niet meer zijn", intent="stop"))
        assert dispatcher.messages[0]["text"] == texts.CRISIS

    def test_goodbye_thanks_english(self):
        assert run(ActionGoodbye(), tracker(text="doei", intent="goodbye"))[0].messages[0]["text"] == texts.GOODBYE
        assert run(ActionThanks(), tracker(text="bedankt"))[0].messages[0]["text"] == texts.YOU_ARE_WELCOME
        assert run(ActionEnglish(), tracker(text="hello"))[0].messages[0]["text"] == texts.ENGLISH_OUTSIDE

    def test_out_of_scope(self):
        dispatcher, _ = run(ActionOutOfScope(), tracker(text="hoe laat is het", intent="out_of_scope"))
        assert dispatcher.messages[0]["text"] == texts.OUTSIDE_SCOPE


def test_slot_set_is_the_sdk_event():
    assert SlotSet("a", 1) == {"event": "slot", "timestamp": None, "name": "a", "value": 1}
