"""Every example the issues name, through the trained model and the real actions (in-process).

Issue 9 (no dead ends), issue 15 (crisis wording that also reads as an answer) and issue 11
(questions asked mid-interview).
"""

import pytest

from bot import faq
from bot.dialogue import texts
from bot.questionnaire import ITEMS_BY_ID

# The spec's worked example as typed answers, item by item.
TYPED = {
    "consent": "ja", "sex": "vrouw", "age": "40", "veg_fruit_per_day": "drie", "whole_grain_per_day": "twee",
    "legumes_per_week": "geen", "nuts_per_week": "2", "leafy_greens_per_week": "1", "dark_chocolate_per_week": "nul",
    "fermented_per_week": "1", "red_meat_per_week": "vier keer", "ultra_processed_per_day": "twee keer per dag",
    "audit_c_frequency": "2 tot 3 keer per week", "audit_c_quantity": "drie glazen", "audit_c_binge": "elke maand",
    "pss_1": "soms", "pss_2": "soms", "pss_3": "bijna nooit", "pss_4": "vaak", "sleep_hours": "zes uur",
    "med_ppi": "ja", "med_diuretic": "nee", "med_antibiotics_12m": "1 kuur", "cond_diabetes_t2": "nee",
    "egfr": "weet ik niet", "skin_complaints": "acne", "skin_impact": "5", "microbiome_test": "nee",
    "red_flags": "geen",
}  # fmt: skip
ORDINARY = ["oke", "ja", "dank je", "prima", "hallo", "wat betekent mijn score?"]


def drive_to(chat, item_id):
    """Answer until ``item_id`` is asked."""
    chat.say("hallo")
    while chat.slot("requested_slot") != item_id:
        requested = chat.slot("requested_slot")
        assert requested, f"the interview ended before {item_id}"
        chat.say(TYPED[requested])


def finish(chat):
    drive_to(chat, "red_flags")
    chat.say("geen")
    assert chat.slot("intake_pending") == {"kind": "review"}
    chat.say("ja, dat klopt")
    assert chat.slot("intake_status") == "complete"


def answers(chat):
    return {item: chat.slot(item) for item in chat.slot("answered_items") or []}


# --- issue 9 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ending",
    [["hallo", "nee"], ["hallo", "ja", "vrouw", "stop"], ["hallo", "ja", "vrouw", "ik kom later terug"],
     ["hallo", "ja", "man", "15", "ja"]],
    ids=["no consent", "stop", "pause", "under 18"],
)  # fmt: skip
def test_closing_states_answer_every_message(conversation, ending):
    for text in ending:
        conversation.say(text)
    for text in ["dank je", "wat is magnesium?", "hoe laat is het", "doei"]:
        assert conversation.say(text), f"no reply to {text!r} after {ending[-1]!r}"
        assert conversation.slot("requested_slot") is None


def test_after_the_results_ordinary_messages_get_replies(conversation):
    finish(conversation)
    result = conversation.slot("intake_result")
    for text in ORDINARY:
        assert conversation.say(text), f"no reply to {text!r}"
    assert conversation.say("dank je") == [texts.YOU_ARE_WELCOME]
    assert conversation.say("wat betekent mijn score?")[0].startswith("In het kort: je darmflora: ")
    booking = conversation.say("afspraak")[0]
    assert result["booking"]["reference"] in booking and result["booking"]["url"] in booking
    assert conversation.slot("intake_status") == "complete"
    conversation.say("opnieuw")
    assert conversation.slot("requested_slot") == "consent" and conversation.slot("answered_items") == []


@pytest.mark.parametrize("change", ["ik wil toch meedoen", "ja toch wel", "oke dan doe ik mee"])
def test_a_change_of_mind_after_no_consent_starts_the_check(conversation, change):
    conversation.say("hallo")
    conversation.say("nee")
    assert conversation.slot("intake_status") == "no_consent"
    replies = conversation.say(change)
    assert conversation.slot("requested_slot") == "consent"
    assert ITEMS_BY_ID["consent"].text in replies[-1]


def test_resume_after_pause_and_stop(conversation):
    for text in ["hallo", "ja", "vrouw", "ik kom later terug"]:
        conversation.say(text)
    replies = conversation.say("verder")
    assert conversation.slot("requested_slot") == "age" and "Welkom terug" in replies[0]
    conversation.say("stop")
    conversation.say("ik wil toch verder")
    assert conversation.slot("requested_slot") == "age" and conversation.slot("sex") == "female"


def test_a_question_about_consent_is_no_no(conversation):
    conversation.say("hallo")
    replies = conversation.say("ik begrijp de vraag niet helemaal")
    assert replies[0].startswith(ITEMS_BY_ID["consent"].meaning)
    assert conversation.slot("requested_slot") == "consent" and conversation.slot("intake_status") is None


def test_a_typo_at_the_age_question_is_confirmed_and_erases_nothing(conversation):
    drive_to(conversation, "age")
    assert conversation.say("4") == ["Je schreef 4 bij leeftijd: klopt dat?"]
    assert conversation.slot("sex") == "female" and conversation.slot("intake_status") is None
    conversation.say("nee")
    assert conversation.slot("requested_slot") == "age"
    conversation.say("45")
    assert conversation.slot("age") == 45 and conversation.slot("requested_slot") == "veg_fruit_per_day"


@pytest.mark.parametrize(
    "item_id, text, value",
    [("egfr", "eGFR 72 ml/min/1.73m2", 72), ("skin_impact", "10, het beheerst echt mijn leven", 10),
     ("red_flags", "heb ik allemaal niet, alleen wat winderigheid", [])],
)  # fmt: skip
def test_plain_answers_are_read(conversation, item_id, text, value):
    drive_to(conversation, item_id)
    conversation.say(text)
    assert conversation.slot(item_id) == value


def test_going_back_in_a_sentence_and_junk(conversation):
    drive_to(conversation, "nuts_per_week")
    conversation.say("kunnen we terug naar de vorige vraag")
    assert conversation.slot("requested_slot") == "legumes_per_week"
    conversation.say("<img src=x onerror=alert(1)>")
    assert conversation.slot("requested_slot") == "legumes_per_week" and conversation.slot("legumes_per_week") == 0


def test_review_corrects_an_answer_by_name(conversation):
    drive_to(conversation, "red_flags")
    conversation.say("geen")
    assert conversation.slot("intake_pending") == {"kind": "review"}
    conversation.say("mijn leeftijd is 46")
    assert conversation.slot("age") == 46 and conversation.slot("intake_pending") == {"kind": "review"}
    conversation.say("alcohol klopt niet")
    assert conversation.slot("requested_slot") == "audit_c_frequency"
    conversation.say("nooit")
    assert conversation.slot("intake_pending") == {"kind": "review"} and conversation.slot("audit_c_quantity") is None
    conversation.say("ja")
    assert conversation.slot("intake_status") == "complete"
    assert conversation.slot("answer_words")["age"] == "mijn leeftijd is 46"


# --- issue 15 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text",
    [("pss_1", "niemand zou me missen als ik er niet meer was"),
     ("pss_1", "soms denk ik erover om er een einde aan te maken"),
     ("nuts_per_week", "ik wil er gewoon een eind aan maken"),
     ("red_flags", "niemand zou me missen als ik er niet meer was"),
     ("age", "niemand zou me missen als ik er niet meer was")],
)  # fmt: skip
def test_crisis_wording_that_reads_as_an_answer_gets_113_and_records_nothing(conversation, item_id, text):
    drive_to(conversation, item_id)
    before = answers(conversation)
    replies = conversation.say(text)
    assert replies[0] == texts.CRISIS and "0800-0113" in replies[0] and "112" in replies[0]
    assert replies[1].startswith(texts.CRISIS_CONTINUE)
    assert answers(conversation) == before and conversation.slot("requested_slot") == item_id
    assert conversation.slot("crisis_mentioned") is True
    conversation.say("ja, verder")
    assert conversation.slot("requested_slot") == item_id


def test_the_results_open_with_113_after_crisis_wording(conversation):
    drive_to(conversation, "pss_2")
    conversation.say("ik wil er niet meer zijn")
    conversation.say("ja")
    conversation.say("soms")
    while conversation.slot("requested_slot") != "red_flags":
        conversation.say(TYPED[conversation.slot("requested_slot")])
    conversation.say("geen")
    replies = conversation.say("ja, dat klopt")
    assert replies[0] == texts.CRISIS


# --- issue 11 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, topic",
    [("wat is de darm-leveras?", "gut_liver"), ("heeft mijn darm invloed op mijn huid?", "gut_skin"),
     ("Hoe hangen darmgezondheid en de huid met elkaar samen?", "gut_skin"),
     ("Kunt u mij uitleggen wat het darmmicrobioom precies is?", "microbiome"),
     ("wat doen al die bacterien in je darmen", "microbiome"), ("in welk eten zit veel magnesium", "magnesium"),
     ("kunnen darmbacteriën je lever beïnvloeden", "gut_liver")],
)  # fmt: skip
def test_faq_questions_mid_interview(conversation, text, topic):
    drive_to(conversation, "nuts_per_week")
    replies = conversation.say(text)
    assert replies[0].startswith(faq.answer(topic)) and conversation.slot("requested_slot") == "nuts_per_week"
    assert conversation.slot("nuts_per_week") is None


def test_why_and_rephrase_mid_interview(conversation):
    drive_to(conversation, "nuts_per_week")
    assert conversation.say("wat heeft dat ermee te maken?")[0].startswith(ITEMS_BY_ID["nuts_per_week"].why)
    assert conversation.say("Kunt u de vraag anders formuleren?")[0].startswith(ITEMS_BY_ID["nuts_per_week"].meaning)


@pytest.mark.parametrize("text", ["", "   ", "😀"])
def test_a_message_without_words_mid_interview_gets_a_reply_and_keeps_the_question(conversation, text):
    """The classifier gives a featureless message no intent instead of failing the turn
    (components/intent_classifier.py)."""
    drive_to(conversation, "nuts_per_week")
    replies = conversation.say(text)
    assert replies and replies[-1].endswith(ITEMS_BY_ID["nuts_per_week"].text)
    assert conversation.slot("requested_slot") == "nuts_per_week" and conversation.slot("nuts_per_week") is None
