"""Every action, with Tracker fixtures and a CollectingDispatcher (no Rasa server needed)."""

import asyncio
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import actions.conversation
import actions.results
from actions.conversation import ActionConverse
from actions.intake_form import ValidateIntakeForm
from actions.results import ActionFinishIntake
from actions.tracker_state import DELETE_MARKER
from bot import faq
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
        assert asked.startswith("Vraag 1 van 31. ")  # every item this user may still be asked
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
        assert acknowledged == "Genoteerd. Groente en fruit (porties per dag): 2,5."
        assert asked.startswith("Vraag 5 van 31. ")

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
        assert labels == ["Darmflora", "Magnesium", "Alcohol (AUDIT-C)", "Stress (PSS-4)"]
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
        assert dispatcher.messages[-2]["text"].startswith("Bel eerst je huisarts")
        assert not dispatcher.messages[-2].get("buttons")  # no booking link before the huisarts

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


def converse(text, intent=None, confidence=0.99, **slots):
    dispatcher, events = run(ActionConverse(), tracker(slots, text=text, intent=intent, confidence=confidence))
    return [m["text"] for m in dispatcher.messages if m.get("text")], dispatcher.messages, events


def listens(events) -> bool:
    return events[-1] == {"event": "followup", "timestamp": None, "name": "action_listen"}


class TestConverse:
    """action_converse: every message outside the interview, in every closing state."""

    @pytest.mark.parametrize("topic", [topic.key for topic in faq.TOPICS])
    def test_faq_by_intent(self, topic):
        said, _, events = converse("vraagje", intent="faq_" + topic)
        assert said == [faq.answer(topic) + "\n\n" + texts.INVITE]  # one bubble: the answer, then what is possible
        assert listens(events)

    def test_crisis_first_and_flagged(self):
        said, messages, events = converse("ik wil er niet meer zijn", intent="stop", intake_status="complete")
        assert said[0] == texts.CRISIS and "0800-0113" in said[0] and "112" in said[0]
        assert said[1] == texts.AFTER_RESULTS  # its own bubble, then what is possible
        assert slot_events(events)["crisis_mentioned"] is True

    def test_contact(self):
        said, _, _ = converse("ik wil een mens spreken", intent="human_handoff")
        assert said == [
            "Wil je iemand van Huidkliniek Test spreken? Bel 030 111 22 33 of mail intake@huid.example. "
            "Een medewerker helpt je graag verder."
        ]

    def test_delete_removes_the_intake_record(self, records):
        slots = {**answered([i for i in ITEM_IDS if i in WORKED_EXAMPLE]), "intake_status": "complete"}
        _, events = run(ActionFinishIntake(), tracker(slots))
        reference = slot_events(events)["intake_result"]["booking"]["reference"]
        assert records.get(reference) is not None
        said, messages, events = converse("verwijder mijn gegevens", intent="delete_data", **slots)
        assert records.get(reference) is None
        assert said == [texts.DELETED] and messages[-1]["custom"] == DELETE_MARKER
        assert slot_events(events)["sex"] is None and slot_events(events)["answered_items"] == []

    def test_an_nlu_guess_asks_first_and_a_plain_yes_deletes(self, records):
        said, _, events = converse("weg ermee", intent="delete_data", **answered(["consent", "sex"]))
        assert said == [texts.CONFIRM_DELETE] and "sex" not in slot_events(events)
        asked = slot_events(events)["intake_pending"]
        said, messages, events = converse("ja", intent="affirm", intake_pending=asked, **answered(["consent", "sex"]))
        assert said == [texts.DELETED] and messages[-1]["custom"] == DELETE_MARKER
        assert slot_events(events)["sex"] is None and slot_events(events)["intake_pending"] is None

    def test_a_no_to_deleting_keeps_everything(self):
        asked = {"kind": "confirm_delete"}
        said, _, events = converse("nee", intent="deny", intake_pending=asked, **answered(["consent", "sex"]))
        assert said[0].startswith(texts.NOT_DELETED) and "sex" not in slot_events(events)

    def test_start_over_forgets_and_starts_the_form(self):
        said, _, events = converse("opnieuw beginnen", intent="start_over", intake_status="complete",
                                   **answered(["consent", "sex"]))  # fmt: skip
        cleared = slot_events(events)
        assert said == [texts.RESTARTED] and cleared["sex"] is None and cleared["intake_start"] is True

    @pytest.mark.parametrize("status", [None, "no_consent", "paused", "stopped", "deleted", "under_age"])
    def test_a_change_of_mind_starts_the_check(self, status):
        said, _, events = converse("ik wil toch meedoen", intent="start_intake", intake_status=status)
        assert said == [] and slot_events(events)["intake_start"] is True

    def test_after_the_results_the_check_does_not_start_again(self):
        said, _, events = converse("hallo", intent="greet", intake_status="complete")
        assert said == [texts.HELLO_AGAIN + " " + texts.AFTER_RESULTS] and listens(events)
        said, _, events = converse("oke", intent="affirm", intake_status="complete")
        assert said == [texts.HELLO_AGAIN + " " + texts.AFTER_RESULTS] and listens(events)

    def test_after_the_results_thanks_and_questions(self):
        slots = {**answered([i for i in ITEM_IDS if i in WORKED_EXAMPLE]), "intake_status": "complete"}
        _, events = run(ActionFinishIntake(), tracker(slots))
        result = slot_events(events)["intake_result"]
        done = {**slots, "intake_result": result}
        assert converse("dank je", intent="thanks", **done)[0] == [texts.YOU_ARE_WELCOME]
        said = converse("wat betekent mijn score?", intent="faq_scores", **done)[0]
        assert said[0].startswith("In het kort: je darmflora: ") and texts.SCORES_MEAN in said[0]
        said = converse("afspraak", intent="inform", **done)[0]
        assert result["booking"]["reference"] in said[0] and result["booking"]["url"] in said[0]

    def test_anything_else_says_what_is_possible(self):
        said, _, events = converse("hoe laat is het", intent="out_of_scope", intake_status="paused",
                                   answered_items=["consent"])  # fmt: skip
        assert said == [texts.NOT_FOR_ME + " " + texts.AFTER_PAUSE] and listens(events)
        assert slot_events(events)["intake_start"] is False

    def test_goodbye_and_english(self):
        assert converse("doei", intent="goodbye")[0] == [texts.GOODBYE]
        assert converse("hello, do you speak english")[0] == [texts.ENGLISH_OUTSIDE]


def test_slot_set_is_the_sdk_event():
    assert SlotSet("a", 1) == {"event": "slot", "timestamp": None, "name": "a", "value": 1}
