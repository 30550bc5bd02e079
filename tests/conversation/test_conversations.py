"""Complete Dutch conversations through the trained model and the real actions."""

import pytest

from bot.questionnaire import ITEM_IDS
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE

# The spec's worked example as a patient would type it, with the item each message answers.
WORKED_EXAMPLE_CHAT = [
    ("consent", "ja hoor, dat is goed"), ("sex", "ik ben een vrouw"), ("age", "veertig"),
    ("veg_fruit_per_day", "een stuk of drie"), ("whole_grain_per_day", "twee boterhammen"),
    ("legumes_per_week", "eigenlijk nooit"), ("nuts_per_week", "2 handjes"), ("leafy_greens_per_week", "1 keer"),
    ("dark_chocolate_per_week", "geen"), ("fermented_per_week", "één bakje yoghurt per week"),
    ("red_meat_per_week", "vier keer"), ("ultra_processed_per_day", "twee keer per dag"),
    ("audit_c_frequency", "2 tot 3 keer per week"), ("audit_c_quantity", "drie glazen"),
    ("audit_c_binge", "een keer per maand ongeveer"), ("pss_1", "soms"), ("pss_2", "soms"),
    ("pss_3", "bijna nooit"), ("pss_4", "vaak"), ("sleep_hours", "zo'n zes uur"),
    ("med_ppi", "ja, ik slik pantoprazol"), ("med_diuretic", "nee"), ("med_antibiotics_12m", "één kuur"),
    ("cond_diabetes_t2", "nee hoor"), ("egfr", "geen idee"), ("skin_complaints", "ik heb last van acne"),
    ("skin_impact", "een 5"), ("microbiome_test", "nee"), ("red_flags", "nee, geen van allen"),
]  # fmt: skip


def complete(conversation, chat=WORKED_EXAMPLE_CHAT):
    conversation.say("hallo")
    for item_id, text in chat:
        assert conversation.slot("requested_slot") == item_id, (item_id, text, conversation.replies)
        conversation.say(text)
    assert conversation.slot("intake_pending") == {"kind": "review"}  # "Klopt dit?" before the results
    assert "Dit heb ik genoteerd:" in conversation.replies[-1]
    conversation.say("ja, dat klopt")


def test_full_path_reaches_results_with_the_engines_scores(conversation):
    complete(conversation)
    tracker = conversation.tracker()
    answers = {item: tracker.get_slot(item) for item in tracker.get_slot("answered_items")}
    assert answers == WORKED_EXAMPLE
    assert tracker.get_slot("requested_slot") is None and tracker.active_loop_name is None
    result = tracker.get_slot("intake_result")
    assert result["scores"] == compute_scores(WORKED_EXAMPLE)
    assert result["scores"]["microbiome_score"] == 90 and result["scores"]["magnesium_intake_mg"] == 241
    assert result["booking"]["kind"] == "skincare_consult"
    replies = conversation.replies
    assert "Darmflora: verhoogd risico (90 van 100 punten)." in replies[1]
    assert any("geen diagnose" in text for text in replies)
    assert "skincare consult bij Testkliniek: https://kliniek.example/plan?ref=" in replies[-1]
    assert result["booking"]["reference"] in replies[-1]
    view = conversation.custom[-1]["intake_results"]
    assert view["booking"]["reference"] == result["booking"]["reference"] and view["areas"][0]["value"] == 90


def test_never_drinks_and_no_skin_complaints(conversation):
    chat = [
        (item, text)
        for item, text in WORKED_EXAMPLE_CHAT
        if item not in ("audit_c_quantity", "audit_c_binge", "skin_impact")
    ]
    changed = {"audit_c_frequency": "ik drink nooit alcohol", "skin_complaints": "nee, nergens last van"}
    chat = [(item, changed.get(item, text)) for item, text in chat]
    complete(conversation, chat)
    tracker = conversation.tracker()
    assert tracker.get_slot("audit_c_frequency") == "never" and tracker.get_slot("skin_complaints") == []
    assert "audit_c_quantity" not in tracker.get_slot("answered_items")
    scores = tracker.get_slot("intake_result")["scores"]
    assert (scores["audit_c"], scores["skin_concern"]) == (0, "none")
    assert tracker.get_slot("intake_result")["booking"]["kind"] == "intake_consult"


def test_red_flag_puts_the_gp_first(conversation):
    chat = WORKED_EXAMPLE_CHAT[:-1] + [("red_flags", "ja, ik heb zwarte ontlasting")]
    complete(conversation, chat)
    result = conversation.slot("intake_result")
    assert result["scores"]["red_flag"] is True and result["booking"]["kind"] == "gp_first"
    replies = conversation.replies
    assert "huisarts" in replies[0] and "112" in replies[0]
    assert replies[1] == "Dank je wel voor je antwoorden! Dit is je uitkomst."
    assert replies[-1].startswith("Bel eerst je huisarts")


def test_crisis_faq_correction_back_and_skip_mid_interview(conversation):
    conversation.say("hoi")
    conversation.say("ja")
    conversation.say("vrouw")
    replies = conversation.say("ik wil eigenlijk niet meer leven")
    assert "0800-0113" in replies[0] and conversation.slot("requested_slot") == "age"
    conversation.say("40")
    replies = conversation.say("wat is het microbioom eigenlijk?")
    assert replies[0].startswith("Je microbioom is het geheel van bacteriën")
    assert conversation.slot("requested_slot") == "veg_fruit_per_day"
    conversation.say("drie")
    conversation.say("nee wacht, het zijn er vier")
    assert conversation.slot("veg_fruit_per_day") == 4
    conversation.say("vorige vraag")
    assert conversation.slot("requested_slot") == "veg_fruit_per_day"
    conversation.say("vijf")
    replies = conversation.say("waarom vraag je dat?")
    assert replies[0] == "Volkoren zit vol vezels en magnesium: belangrijk voor je darmflora."
    conversation.say("sla over")
    tracker = conversation.tracker()
    assert tracker.get_slot("veg_fruit_per_day") == 5 and tracker.get_slot("whole_grain_per_day") is None
    assert tracker.get_slot("answered_items")[-1] == "whole_grain_per_day"
    assert tracker.get_slot("requested_slot") == "legumes_per_week"


def test_no_consent(conversation):
    conversation.say("hallo")
    replies = conversation.say("nee, liever niet")
    assert "bewaar niets" in replies[0]
    tracker = conversation.tracker()
    assert tracker.active_loop_name is None
    assert all(tracker.get_slot(item) is None for item in ITEM_IDS)
    assert tracker.get_slot("intake_result") is None


def test_under_18(conversation):
    for text in ("hallo", "ja", "man"):
        conversation.say(text)
    assert conversation.say("ik ben 15") == ["Je schreef 15 bij leeftijd: klopt dat?"]
    replies = conversation.say("ja")
    assert "18 jaar" in replies[0]
    tracker = conversation.tracker()
    assert tracker.active_loop_name is None and all(tracker.get_slot(item) is None for item in ITEM_IDS)


def test_leave_and_come_back_keeps_the_answers(conversation):
    for text in ("hallo", "ja", "man", "52"):
        conversation.say(text)
    replies = conversation.say("ik moet even weg, ik kom later terug")
    assert "blijven bewaard" in replies[0]
    assert conversation.tracker().active_loop_name is None
    replies = conversation.say("hallo, ik ben er weer")
    assert replies[0].startswith("Welkom terug!") and conversation.slot("age") == 52
    assert conversation.slot("requested_slot") == "veg_fruit_per_day"


@pytest.mark.parametrize(
    "text, start",
    [("what is this? do you speak english?", "Sorry, ik spreek alleen Nederlands."),
     ("wat is een vette lever?", "Bij een vette lever")],
)  # fmt: skip
def test_before_the_interview(conversation, text, start):
    assert conversation.say(text)[0].startswith(start)
