"""The interview's turn logic (bot.dialogue.turn), driven with free Dutch text."""

import pytest

from bot import faq
from bot.clinic import Clinic
from bot.dialogue import texts
from bot.dialogue.pending import Review
from bot.dialogue.turn import (
    COMPLETE,
    NO_CONSENT,
    PAUSED,
    STOPPED,
    UNDER_AGE_STATUS,
    Message,
    bubbles,
    next_item,
    progress,
    start,
    take_turn,
)
from bot.questionnaire import ITEM_IDS, ITEMS_BY_ID
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE

CLINIC = Clinic("Testkliniek", "https://kliniek.example/plan", "010 000 00 00", "test@kliniek.example")

# The worked example of the spec, as a user would type it.
WORKED_EXAMPLE_CHAT = [
    "Ja, ik geef toestemming", "vrouw", "40", "drie", "twee", "geen", "2", "1", "nul", "1", "vier keer",
    "twee keer per dag", "2 tot 3 keer per week", "drie glazen", "elke maand", "soms", "soms", "bijna nooit", "vaak",
    "zes uur", "ja", "nee", "1 kuur", "nee", "weet ik niet", "acne", "5", "nee", "geen",
]  # fmt: skip


class Chat:
    """A conversation with the turn logic, as the Rasa adapter runs it."""

    def __init__(self):
        first = start({}, [], CLINIC)
        self.outcome = first
        self.replies = [m.text for m in first.messages]

    def say(self, text, intent=None, confidence=0.0):
        o = self.outcome
        self.outcome = take_turn(o.answers, o.order, o.requested, o.failures, text, intent, confidence, CLINIC,
                                 pending=o.pending, words=o.words, digressed=o.digressed)  # fmt: skip
        self.replies = [m.text for m in self.outcome.messages]
        return self.outcome

    def run(self, texts_):
        for text in texts_:
            self.say(text)
        return self.outcome


def test_intro_says_what_how_long_and_no_diagnosis():
    chat = Chat()
    intro = chat.replies[0]
    assert "Testkliniek" in intro and "10 minuten" in intro and "geen diagnose" in intro
    assert chat.replies[1].startswith("Vraag 1 van 31. Mag ik je antwoorden over je gezondheid gebruiken")
    assert chat.outcome.requested == "consent"
    assert chat.outcome.messages[1].buttons == ("Ja, ik geef toestemming", "Nee, liever niet")


def test_worked_example_by_free_text():
    chat = Chat()
    outcome = chat.run(WORKED_EXAMPLE_CHAT)
    assert outcome.status is None and outcome.pending == Review()  # "Klopt dit?" first
    assert chat.replies[1].startswith(texts.REVIEW_INTRO) and "• Leeftijd: 40" in chat.replies[1]
    assert outcome.words["age"] == "40" and outcome.words["egfr"] == "weet ik niet"
    outcome = chat.say("ja, dat klopt")
    assert outcome.status == COMPLETE and outcome.requested is None
    assert outcome.answers == WORKED_EXAMPLE
    assert compute_scores(outcome.answers)["microbiome_score"] == 90


def test_requested_item_and_progress_follow_the_questionnaire():
    chat = Chat()
    seen = [chat.outcome.requested]
    for text in WORKED_EXAMPLE_CHAT[:-1]:
        seen.append(chat.say(text).requested)
    expected = [i for i in ITEM_IDS if i not in ("taxa_low", "taxa_high")]
    assert seen == expected
    assert chat.replies[-1].startswith("Vraag 29 van 29. ")


def test_progress_counts_only_what_will_be_asked():
    assert progress({}, "consent") == (1, 31)  # every item this user may still be asked
    never = {"consent": "yes", "audit_c_frequency": "never", "skin_complaints": []}
    assert progress(never, "red_flags") == (28, 28)  # the test items may still come
    assert progress({**never, "microbiome_test": "no"}, "red_flags") == (26, 26)
    tested = {"microbiome_test": "yes", "skin_complaints": ["acne"]}
    assert progress(tested, "taxa_high") == (30, 31)


def test_never_drinks_skips_quantity_and_binge():
    chat = Chat()
    chat.run(WORKED_EXAMPLE_CHAT[:12])
    assert chat.say("ik drink nooit").requested == "pss_1"
    assert chat.outcome.answers["audit_c_frequency"] == "never"
    assert chat.replies[-1].startswith("Vraag 14 van 29. ")


def test_no_consent_asks_nothing_and_keeps_nothing():
    chat = Chat()
    outcome = chat.say("nee")
    assert (outcome.status, outcome.requested, outcome.answers) == (NO_CONSENT, None, {})
    assert "010 000 00 00" in chat.replies[0] and "bewaar niets" in chat.replies[0]


def test_under_18_ends_politely_and_forgets():
    chat = Chat()
    chat.run(["ja", "man"])
    outcome = chat.say("ik ben 16")
    assert chat.replies == ["Je schreef 16 bij leeftijd: klopt dat?"] and outcome.answers["sex"] == "male"
    outcome = chat.say("ja")
    assert (outcome.status, outcome.requested, outcome.answers, outcome.order) == (UNDER_AGE_STATUS, None, {}, [])
    assert "18 jaar" in chat.replies[0]


def test_several_facts_in_one_message_and_not_asked_again():
    chat = Chat()
    chat.say("ja")
    outcome = chat.say("ik ben een vrouw van 40 en ik slik pantoprazol")
    assert outcome.answers["sex"] == "female" and outcome.answers["age"] == 40 and outcome.answers["med_ppi"] == "yes"
    assert outcome.requested == "veg_fruit_per_day"
    chat.run(WORKED_EXAMPLE_CHAT[3:20])
    assert chat.outcome.requested == "med_diuretic"


def test_medicine_named_mid_interview_fills_its_item_and_repeats_the_question():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("trouwens, ik gebruik omeprazol")
    assert outcome.answers["med_ppi"] == "yes"
    assert outcome.requested == "veg_fruit_per_day" and outcome.failures == 0
    assert chat.replies[0] == "Ik heb ook genoteerd: Maagzuurremmer: ja."


def test_unclear_answers_get_a_hint_then_the_plain_way_then_the_interview_goes_on():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("heel veel")
    assert chat.replies[0] == "Dat begreep ik niet helemaal. " + ITEMS_BY_ID["veg_fruit_per_day"].hint
    assert chat.outcome.failures == 1 and chat.outcome.requested == "veg_fruit_per_day"
    chat.say("banaan")  # the second: a number is asked for plainly, with "Sla over"
    assert chat.outcome.messages[-1].text.endswith(texts.TYPE_A_NUMBER)
    assert chat.outcome.messages[-1].buttons == ("Sla over",)
    outcome = chat.say("tja")  # the third: recorded as unanswered, "niet gelukt" for the clinic, and on
    assert outcome.answers["veg_fruit_per_day"] is None and outcome.gave_up == "veg_fruit_per_day"
    assert texts.GAVE_UP in chat.replies and outcome.requested == "whole_grain_per_day" and outcome.failures == 0


def test_after_two_stalls_a_coded_question_offers_numbered_options_and_a_digit_answers():
    chat = Chat()
    chat.run(["ja", "vrouw", "40", "3", "2", "1", "2", "1", "0", "1", "2", "1"])
    assert chat.outcome.requested == "audit_c_frequency"
    chat.say("hmm")
    chat.say("pfff")
    offered = chat.outcome.messages[-1]
    assert "1. nooit\n2. 1 keer per maand of minder" in offered.text and offered.buttons[-1] == "Sla over"
    outcome = chat.say("4")
    assert outcome.answers["audit_c_frequency"] == "2_3_per_week" and outcome.requested == "audit_c_quantity"


def test_the_first_digression_at_a_question_is_free_the_second_counts():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("wat is een microbioom?")
    assert chat.outcome.failures == 0 and chat.outcome.digressed
    chat.say("wat is een microbioom?")
    assert chat.outcome.failures == 1
    chat.say("en wat is probiotica?")
    assert chat.outcome.failures == 2 and chat.outcome.messages[-1].text.endswith(texts.TYPE_A_NUMBER)


def test_out_of_range_hint_names_the_range():
    chat = Chat()
    chat.run(["ja", "vrouw"])
    chat.say("250")
    assert chat.replies[0] == "Dat getal kan ik niet goed plaatsen: ik verwacht een getal van 18 tot 110."
    assert chat.outcome.requested == "age"


def test_skip_stores_null():
    chat = Chat()
    chat.run(WORKED_EXAMPLE_CHAT[:24])
    outcome = chat.say("geen idee")
    assert "egfr" in outcome.answers and outcome.answers["egfr"] is None
    assert outcome.requested == "skin_complaints"


def test_go_back_and_correction():
    chat = Chat()
    chat.run(["ja", "vrouw", "40", "drie"])
    outcome = chat.say("nee wacht, het zijn er vier")
    assert outcome.answers["veg_fruit_per_day"] == 4 and outcome.requested == "whole_grain_per_day"
    assert chat.replies[0] == "Aangepast. Groente en fruit (porties per dag): 4."
    outcome = chat.say("vorige vraag")
    assert outcome.requested == "veg_fruit_per_day" and outcome.answers["veg_fruit_per_day"] == 4  # kept until replaced
    assert outcome.answers["age"] == 40
    assert chat.say("vorige vraag").requested == "age"
    assert chat.say("40").requested == "whole_grain_per_day"
    outcome = chat.say("vorige vraag")
    outcome = chat.say("5")
    assert outcome.answers["veg_fruit_per_day"] == 5 and outcome.requested == "whole_grain_per_day"


def test_correcting_frequency_to_never_drops_the_branch():
    chat = Chat()
    chat.run(WORKED_EXAMPLE_CHAT[:14])
    assert chat.outcome.requested == "audit_c_binge"
    chat.say("vorige vraag")
    chat.say("vorige vraag")
    outcome = chat.say("nooit")
    assert outcome.answers["audit_c_frequency"] == "never"
    assert "audit_c_quantity" not in outcome.answers and outcome.requested == "pss_1"


def test_why_meaning_and_faq_keep_the_question():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("waarom vraag je dat?")
    assert chat.replies[0] == ITEMS_BY_ID["veg_fruit_per_day"].why
    chat.say("wat bedoel je?")
    assert chat.replies[0] == ITEMS_BY_ID["veg_fruit_per_day"].meaning
    outcome = chat.say("wat is het microbioom eigenlijk?")
    assert chat.replies[0] == faq.answer("microbiome")
    # The first digression is free; the next two count, and the question then offers the plain way.
    assert outcome.requested == "veg_fruit_per_day" and outcome.failures == 2
    assert chat.replies[-1].startswith("Vraag 4 van 31. ") and chat.replies[-1].endswith(texts.TYPE_A_NUMBER)


def test_nlu_intent_helps_only_when_the_text_is_no_answer():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("drie", intent="stop", confidence=0.95)
    assert outcome.answers["veg_fruit_per_day"] == 3 and outcome.status is None
    outcome = chat.say("het is mooi geweest zo", intent="stop", confidence=0.95)
    assert outcome.status == STOPPED


def test_greeting_and_thanks_mid_interview_keep_the_question():
    chat = Chat()
    chat.run(["ja", "vrouw"])
    outcome = chat.say("hallo")
    assert chat.replies[0] == texts.GREETED and outcome.requested == "age" and outcome.failures == 1
    chat.say("dank je")
    assert chat.replies[0] == texts.THANKED


def test_english_gets_a_dutch_reply_and_the_question_again():
    chat = Chat()
    chat.run(["ja", "vrouw"])
    outcome = chat.say("sorry, do you speak english?")
    assert chat.replies[0] == texts.ENGLISH and outcome.requested == "age"


def test_crisis_at_any_point():
    chat = Chat()
    chat.run(["ja", "vrouw", "40", "drie"])
    outcome = chat.say("ik wil eigenlijk niet meer leven")
    assert "0800-0113" in chat.replies[0] and "113.nl" in chat.replies[0] and "112" in chat.replies[0]
    assert outcome.requested == "whole_grain_per_day" and outcome.answers["veg_fruit_per_day"] == 3


def test_crisis_in_the_message_that_starts_the_interview():
    outcome = start({}, [], CLINIC, text="hoi, ik wil er eigenlijk niet meer zijn")
    assert outcome.messages[0].text == texts.CRISIS and outcome.requested == "consent"


def test_a_turns_messages_become_one_bubble_with_the_questions_buttons():
    joined = bubbles([Message("Genoteerd: leeftijd: 40."), Message("Vraag 4 van 28. Hoeveel?", ("1", "2"))])
    assert joined == [Message("Genoteerd: leeftijd: 40.\n\nVraag 4 van 28. Hoeveel?", ("1", "2"))]
    assert bubbles([Message("a"), Message("b")]) == [Message("a\n\nb")]
    assert bubbles([]) == []


def test_crisis_and_red_flag_warnings_keep_their_own_bubble():
    outcome = start({}, [], CLINIC, text="hoi, ik wil er eigenlijk niet meer zijn")
    shown = bubbles(outcome.messages)
    assert shown[0] == Message(texts.CRISIS, alone=True)
    assert len(shown) == 2 and shown[1].text.startswith(texts.intro(CLINIC) + "\n\n")
    alone = Message(texts.RED_FLAG_NOW, alone=True)
    warned = bubbles([Message("Genoteerd: x."), alone, Message("Vraag 9 van 28. Y?", ("ja",))])
    assert [m.text for m in warned] == ["Genoteerd: x.", texts.RED_FLAG_NOW, "Vraag 9 van 28. Y?"]


def test_red_flag_mentioned_anywhere():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("ik heb de laatste tijd bloed bij de ontlasting")
    assert outcome.answers["red_flags"] == ["blood_in_stool"]
    assert "huisarts" in chat.replies[0] and "112" in chat.replies[0]


def test_stop_pause_restart_and_person():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("kan ik een medewerker spreken?")
    assert "010 000 00 00" in chat.replies[0] and chat.outcome.requested == "veg_fruit_per_day"
    assert chat.say("ik kom later terug").status == PAUSED
    resumed = start(chat.outcome.answers, chat.outcome.order, CLINIC)
    assert resumed.requested == "veg_fruit_per_day" and "Welkom terug" in resumed.messages[0].text
    chat.outcome = resumed
    assert chat.say("stop").status == STOPPED
    chat.outcome = start(chat.outcome.answers, chat.outcome.order, CLINIC)
    outcome = chat.say("ik wil opnieuw beginnen")
    assert chat.replies[0] == texts.CONFIRM_RESTART and outcome.answers["age"] == 40
    outcome = chat.say("ja")
    assert (outcome.answers, outcome.requested) == ({}, "consent")


def test_leaving_halfway_in_a_question_or_a_goodbye_pauses_and_keeps_the_answers():
    for text, intent in (("kan ik dit morgen afmaken?", None), ("ik kom er later op terug", None),
                         ("kan ik dit opslaan voor straks?", "pause"), ("doei!", "goodbye")):  # fmt: skip
        chat = Chat()
        chat.run(["ja", "vrouw", "40"])
        outcome = chat.say(text, intent=intent, confidence=0.9 if intent else 0.0)
        assert (outcome.status, chat.replies[0], outcome.answers["age"]) == (PAUSED, texts.PAUSED, 40), text


def test_a_goodbye_that_is_fed_up_stops_and_dag_is_still_a_greeting():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    assert chat.say("doei, ik ben er klaar mee", intent="goodbye", confidence=0.95).status == STOPPED
    chat.outcome = start(chat.outcome.answers, chat.outcome.order, CLINIC)
    outcome = chat.say("dag bot", intent="goodbye", confidence=0.8)
    assert chat.replies[0] == texts.GREETED and outcome.status is None and outcome.answers["age"] == 40


def test_reset_starts_over_only_on_its_own_and_pass_skips():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("hoe reset ik mijn wifi router")
    assert chat.replies[0] == texts.NOT_AN_ANSWER and chat.outcome.pending is None
    chat.say("reset")
    assert chat.replies[0] == texts.CONFIRM_RESTART
    chat.say("nee")
    outcome = chat.say("pass")
    assert outcome.answers["veg_fruit_per_day"] is None and outcome.requested == "whole_grain_per_day"


def test_an_in_domain_question_the_nlu_is_sure_of_gets_the_honest_reply():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("zijn jullie op zaterdag open", intent="question_other", confidence=0.95)
    assert chat.replies[0] == texts.NO_RELIABLE_ANSWER
    chat.say("zijn jullie op zaterdag open", intent="out_of_scope", confidence=0.95)
    assert chat.replies[0] == texts.NOT_AN_ANSWER


def test_a_question_at_the_end_of_a_message_is_asked_after_its_answer_is_read():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("ik heb sinds gisteren jeukende bultjes op mijn armen, wat kan dat zijn")
    assert chat.replies[0] == texts.NO_RELIABLE_ANSWER and chat.outcome.requested == "veg_fruit_per_day"
    outcome = chat.say("drie, hoe zit dat eigenlijk met magnesium")
    assert outcome.answers["veg_fruit_per_day"] == 3 and outcome.requested == "whole_grain_per_day"
    assert chat.replies[0].startswith("Genoteerd.") and faq.answer("magnesium") in "\n".join(chat.replies)
    chat.say("kan je een vette lever krijgen, hoe zit dat")
    assert chat.replies[0] == faq.answer("fatty_liver") and "whole_grain_per_day" not in chat.outcome.answers


def test_small_words_in_a_question_or_a_request_are_no_answer():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("is dat een diagnose of zo")
    assert "veg_fruit_per_day" not in outcome.answers and outcome.requested == "veg_fruit_per_day"
    outcome = chat.say("hou dit even vast, ik moet iets pakken", intent="pause", confidence=0.95)
    assert outcome.status == PAUSED and "veg_fruit_per_day" not in outcome.answers  # "even" is no "zeven"


def test_an_off_topic_what_is_question_is_not_about_the_question_asked():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("wat is een goed recept voor appeltaart", intent="out_of_scope", confidence=0.98)
    assert chat.replies[0] == texts.NOT_AN_ANSWER
    chat.say("wat is een portie?")
    assert chat.replies[0] == ITEMS_BY_ID["veg_fruit_per_day"].meaning


def test_a_closing_question_with_a_verb_first_is_a_question_too():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("mijn vingers tintelen soms, moet ik me zorgen maken")
    assert chat.replies[0] == texts.NO_RELIABLE_ANSWER and chat.outcome.requested == "veg_fruit_per_day"
    for text in WORKED_EXAMPLE_CHAT[3:]:
        if chat.outcome.requested == "pss_2":
            break
        chat.say(text)
    outcome = chat.say("mijn vingers tintelen soms, moet ik me zorgen maken")
    assert outcome.answers["pss_2"] == "sometimes" and texts.NO_RELIABLE_ANSWER in "\n".join(chat.replies)


def test_next_item_without_consent_is_none():
    assert next_item({"consent": "no"}) is None
    assert next_item({}) == "consent"


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_every_item_has_its_texts(item_id):
    q = ITEMS_BY_ID[item_id]
    assert q.text and q.why and q.meaning and q.hint


def test_a_button_title_is_an_answer_even_when_the_nlu_is_sure_it_is_a_request():
    """"Geen van deze" is the red-flag question's button; an NLU that reads "skip" does not skip it."""
    from bot.parsing.reading import Nlu

    answers = {k: v for k, v in WORKED_EXAMPLE.items() if k != "red_flags"}
    out = take_turn(answers, list(answers), "red_flags", 0, "Geen van deze", nlu=Nlu("skip", 0.9, (("skip", 0.9),)))
    assert out.answers["red_flags"] == []


def test_an_emphatic_no_is_a_no():
    assert Chat().say("absoluut niet").status == NO_CONSENT
    assert Chat().say("zeker!").answers["consent"] == "yes"


@pytest.mark.parametrize(
    "text, check",
    [("next", lambda o: o.answers["veg_fruit_per_day"] is None and o.requested == "whole_grain_per_day"),
     ("volgende", lambda o: o.answers["veg_fruit_per_day"] is None),
     ("cancel", lambda o: o.status == STOPPED), ("klaar ermee", lambda o: o.status == STOPPED),
     ("restart", lambda o: texts.CONFIRM_RESTART in [m.text for m in o.messages]),
     ("real human please", lambda o: CLINIC.phone in "\n".join(m.text for m in o.messages))],
)  # fmt: skip
def test_short_english_commands_and_blunt_stops_do_what_they_say(text, check):
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    answers = dict(chat.outcome.answers)
    outcome = chat.say(text)
    assert check(outcome)
    assert {k: v for k, v in outcome.answers.items() if k in answers} == answers  # nothing lost


def test_a_question_about_medicines_points_to_the_huisarts_or_apotheker():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    chat.say("mag je magnesium combineren met bloeddrukmedicatie")
    assert chat.replies[0] == texts.NO_RELIABLE_ANSWER + " " + texts.ASK_ABOUT_MEDICINES
    chat.say("kan ik beter magnesium nemen als ik zwanger ben")
    assert chat.replies[0] == texts.NO_RELIABLE_ANSWER + " " + texts.PREGNANCY  # the verloskundige, nothing noted
    assert "pregnancy" not in chat.outcome.flags
    assert chat.outcome.requested == "veg_fruit_per_day" and "veg_fruit_per_day" not in chat.outcome.answers


@pytest.mark.parametrize(
    "text, intent, reply",
    [("Goedendag", "goodbye", texts.GREETED),
     ("Wat vind jij van de politiek op dit moment?", "out_of_scope", texts.NOT_AN_ANSWER),
     ("vertaal 'goedemorgen' eens naar het Spaans", "out_of_scope", texts.NOT_AN_ANSWER),
     ("wat kost een consult bij jullie", "faq_consult", faq.answer("consult")),
     ("Is het erg als Coprococcus laag staat?", "faq_test_report", faq.answer("test_report")),
     ("Goeiemiddag, mag ik eerst iets vragen: wat houdt darmgezondheid eigenlijk in?", "faq_microbiome",
      faq.answer("microbiome")),
     ("zuurkool en kimchi, waarom zou dat goed zijn voor je buik", "faq_probiotics", faq.answer("probiotics")),
     ("hoe lang duurt het consult", "question_other", texts.NO_RELIABLE_ANSWER),
     ("why do you need this", "english", ITEMS_BY_ID["veg_fruit_per_day"].why),  # the reason, in Dutch
     ("is mijn info veilig bij jullie", "faq_privacy", faq.answer("privacy")),
     ("Ik weet niet precies wat u met 'per week' bedoelt", "ask_meaning", ITEMS_BY_ID["veg_fruit_per_day"].meaning),
     ("Ik vroeg me af hoeveel magnesium een mens nodig heeft per dag", "faq_magnesium", faq.answer("magnesium")),
     ("is my liver connected to my gut bacteria?", "english", faq.answer("gut_liver")),
     ("heej, ben er weer", "resume", texts.GREETED)],
)  # fmt: skip
def test_what_a_message_is_about_decides_the_reply_and_the_question_stays_open(text, intent, reply):
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say(text, intent=intent, confidence=0.9)
    assert chat.replies[0] == reply
    assert outcome.status is None and outcome.requested == "veg_fruit_per_day"
    assert "veg_fruit_per_day" not in outcome.answers


@pytest.mark.parametrize(
    "text",
    ["oeps, ik heb net iets verkeerds ingevuld", "Sorry, ik wil wat ik net zei nog corrigeren",
     "wacht, dat vorige klopt niet"],
)
def test_saying_the_last_answer_was_wrong_goes_back_and_keeps_it_until_a_new_one(text):
    chat = Chat()
    chat.run(["ja", "vrouw", "40", "3"])
    outcome = chat.say(text)
    assert chat.replies[0] == texts.BACK and outcome.requested == "veg_fruit_per_day"
    assert outcome.answers["veg_fruit_per_day"] == 3


def test_throwing_the_conversation_away_asks_to_delete_and_records_nothing():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("Gooi dit gesprek maar in de prullenbak, niks bewaren")
    assert texts.CONFIRM_DELETE in chat.replies and "veg_fruit_per_day" not in outcome.answers


@pytest.mark.parametrize(
    "text, status",
    [("Nee, ik wil hier echt niet mee verder.", STOPPED), ("nee ik doe niet meer mee", STOPPED),
     ("Geachte, ik wens het gesprek te beëindigen. Dank voor uw moeite.", STOPPED),
     ("Geachte, het komt mij nu niet goed uit. Kan het gesprek op een later tijdstip worden hervat?", PAUSED),
     ("brb, eten staat op tafel", PAUSED)],
)  # fmt: skip
def test_ending_or_pausing_in_a_longer_sentence_keeps_the_answers(text, status):
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say(text)
    assert outcome.status == status and outcome.answers["age"] == 40


def test_next_question_in_english_skips():
    chat = Chat()
    chat.run(["ja", "vrouw", "40"])
    outcome = chat.say("next question please")
    assert outcome.answers["veg_fruit_per_day"] is None and outcome.requested == "whole_grain_per_day"


def test_a_long_statement_before_a_question_is_an_answer_only_when_it_is_about_the_question_asked():
    chat = Chat()
    chat.run(["ja", "vrouw", "40", "3", "2", "1"])  # at the nuts question
    assert chat.outcome.requested == "nuts_per_week"
    outcome = chat.say("ik drink elke ochtend zo'n yakult flesje, doet dat eigenlijk iets", "faq_probiotics", 0.9)
    assert "nuts_per_week" not in outcome.answers and chat.replies[0] == faq.answer("probiotics")
    outcome = chat.say("ik eet elke dag een handje noten, is dat genoeg voor magnesium", "faq_magnesium", 0.9)
    assert outcome.answers["nuts_per_week"] == 7 and faq.answer("magnesium") in "\n".join(chat.replies)
