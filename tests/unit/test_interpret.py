"""The named rules of bot.dialogue.interpret, from a table: a message, the state, and the act the rule decides."""

import pytest

from bot.dialogue.interpret import REFUSALS, RULES, State, interpret
from bot.dialogue.pending import AfterCrisis, ConfirmDelete, ConfirmReport, ConfirmValue, Review
from bot.parsing import signals as sig
from bot.parsing.reading import Nlu, read
from bot.report_reading.reading import Finding, ReportReading, ordered
from tests.answers import WORKED_EXAMPLE

AT_NUTS = State({"consent": "yes", "sex": "female", "age": 40}, ("consent", "sex", "age"), "nuts_per_week")
AT_PSS = State({"consent": "yes"}, ("consent",), "pss_2")
AT_CONSENT = State({}, (), "consent")
IN_REVIEW = State(WORKED_EXAMPLE, tuple(WORKED_EXAMPLE), "red_flags", Review())
AGE_FOUR = State({"consent": "yes", "sex": "male"}, ("consent", "sex"), "age", ConfirmValue("age", 4))
ASKED_DELETE = State(AT_NUTS.answers, AT_NUTS.order, "nuts_per_week", ConfirmDelete())
AFTER_SAFETY = State(AT_NUTS.answers, AT_NUTS.order, "nuts_per_week", AfterCrisis())
READ = ReportReading("pdf", ordered([Finding("Odoribacter", "low", "Laag"), Finding("Dorea", "high", "Hoog")]), ())
UPLOADED = State(AT_NUTS.answers, AT_NUTS.order, "microbiome_test", ConfirmReport(READ.as_data(), new=True))
SHOWN = State(AT_NUTS.answers, AT_NUTS.order, "microbiome_test", ConfirmReport(READ.as_data()))


def nlu(intent=None, confidence=0.0):
    return Nlu(intent, confidence, ((intent, confidence),) if intent else ())


# (rule, act, state, text, NLU intent and confidence)
TABLE = [
    ("safety", "safety", AT_PSS, "soms denk ik erover om er een einde aan te maken", nlu()),
    ("safety", "safety", AT_NUTS, "alles voelt zinloos", nlu("crisis", 0.7)),
    ("safety", "safety", AT_PSS, "soms, mijn man slaat me als hij gedronken heeft", nlu()),
    ("safety", "alarm", AT_NUTS, "twee, maar ik val steeds af en ik weet niet waarom", nlu()),
    ("pregnancy", "pregnancy", AT_NUTS, "ik ben trouwens zwanger", nlu()),
    ("delete", "delete", AT_NUTS, "verwijder mijn gegevens", nlu()),
    ("delete", "ask_delete", AT_NUTS, "kan ik mijn antwoorden laten wissen", nlu()),
    ("confirmation", "confirm", AGE_FOUR, "ja", nlu()),
    ("confirmation", "confirm", ASKED_DELETE, "nee", nlu()),
    ("confirmation", "after_crisis", AFTER_SAFETY, "ja, verder", nlu()),
    ("report", "report", UPLOADED, "Mijn uitslag (bestand)", nlu()),
    ("report", "report", SHOWN, "Dorea was normaal", nlu()),
    ("pause", "pause", AT_NUTS, "ik kom later terug", nlu()),
    ("pause", "stop", AT_NUTS, "doei, ik ben er klaar mee", nlu("goodbye", 0.8)),
    ("stop", "stop", AT_NUTS, "stop", nlu()),
    ("stop", "stop", AT_NUTS, "kunnen we ophouden", nlu("stop", 0.75)),  # a request in the form of a question
    ("maybe_question", "question", AT_NUTS, "kan ik stoppen met de pil", nlu("stop", 0.75)),  # asks something else
    ("back", "back", AT_NUTS, "vorige vraag", nlu()),
    ("back", "back", AT_NUTS, "foutje bij de vorige, mag ik die opnieuw doen", nlu("start_over", 0.61)),
    ("back", "back_to", AT_NUTS, "kunnen we terug naar de vraag over leeftijd", nlu()),
    ("restart", "restart", AT_NUTS, "opnieuw beginnen", nlu()),
    ("human", "human", AT_NUTS, "ik wil iemand spreken", nlu()),
    ("consent", "consent", AT_CONSENT, "ja hoor", nlu()),
    ("consent", "question", AT_CONSENT, "waarom vraag je dat?", nlu()),
    ("consent", "consent_unclear", AT_CONSENT, "tja", nlu()),
    ("correction", "correction", AT_NUTS, "nee wacht, ik ben 41", nlu()),
    ("english", "english", AT_NUTS, "what is this about", nlu()),
    ("question", "question", AT_NUTS, "wat is een darmflora?", nlu()),
    ("review", "review_confirmed", IN_REVIEW, "ja, dat klopt", nlu()),
    ("review", "review_change", IN_REVIEW, "mijn leeftijd is 46", nlu()),
    ("review", "review_reask", IN_REVIEW, "alcohol klopt niet", nlu()),
    ("review", "review_which", IN_REVIEW, "hmm", nlu()),
    ("review", "review_which", IN_REVIEW, "geen", nlu()),  # "geen" is in an item's name, but names none
    ("skip", "skip", AT_NUTS, "sla over", nlu()),
    ("junk", "junk", AT_NUTS, "<script>alert(1)</script>", nlu()),
    ("answer", "answer", AT_NUTS, "een handje per dag", nlu()),
    ("answer", "confirm_value", State(AT_NUTS.answers, AT_NUTS.order, "sleep_hours"), "2", nlu()),
    ("facts", "facts", AT_NUTS, "trouwens, ik slik omeprazol", nlu()),
    ("maybe_question", "question", AT_NUTS, "heeft magnesium invloed op slaap", nlu()),
    ("small_talk", "thanks", AT_NUTS, "dank je", nlu()),
    ("small_talk", "greeting", AT_NUTS, "hallo", nlu()),
    ("not_understood", "not_understood", AT_NUTS, "qwrtzp", nlu()),
]


@pytest.mark.parametrize("rule, act, state, text, parse", TABLE, ids=[f"{r}:{t}" for r, _, _, t, _ in TABLE])
def test_each_rule_decides_its_act(rule, act, state, text, parse):
    meaning = interpret(read(text, parse), state)
    assert (meaning.rule, meaning.act) == (rule, act)


def test_every_rule_is_in_the_table():
    assert {rule.__name__.removeprefix("rule_") for rule in RULES} == {row[0] for row in TABLE}


def test_the_answer_reading_holds_the_value_and_the_state_is_not_changed():
    answers = dict(AT_NUTS.answers)
    meaning = interpret(read("een handje per dag", nlu()), AT_NUTS)
    assert meaning.answer.value == 7 and meaning.data["value"] == 7
    assert dict(AT_NUTS.answers) == answers


def test_after_a_safety_reply_in_the_review_a_message_is_read_as_in_the_review():
    state = State(WORKED_EXAMPLE, tuple(WORKED_EXAMPLE), "red_flags", AfterCrisis(review=True))
    meaning = interpret(read("mijn leeftijd is 46", nlu()), state)
    assert meaning.in_review and meaning.act == "review_change"
    assert (meaning.data["item"], meaning.data["value"]) == ("age", 46)


@pytest.mark.parametrize("text, parse, reply", [
    # the NLU sure the message asks what the question means by a word: the question's meaning, not the word's topic
    ("Wat bedoel je met gefermenteerd?", nlu("ask_meaning", 0.95), ("meaning", None)),
    ("Wat verstaat u onder gefermenteerd voedsel?", nlu("ask_meaning", 0.9), ("meaning", None)),
    # without "bedoel ... met" or "verstaan onder" the topic still answers: "telt karnemelk als probioticum"
    ("telt karnemelk ook als probioticum", nlu("ask_meaning", 0.9), ("faq", "probiotics")),
    # the NLU sure the message asks why: a topic read from a word ("magnesium") does not beat it
    ("Wat heeft mijn slaap met magnesium te maken?", nlu("ask_why", 0.9), ("why", None)),
    # ... unless it also asks what a thing is: then the why is about that thing
    ("kefir, wat is dat en waarom zou ik dat drinken", nlu("ask_why", 0.9), ("faq", "probiotics")),
])  # fmt: skip
def test_a_sure_nlu_why_or_meaning_beats_a_topic_read_from_a_word(text, parse, reply):
    meaning = interpret(read(text, parse), AT_NUTS)
    assert (meaning.act, meaning.data["reply"]) == ("question", reply)


@pytest.mark.parametrize("text, act", [
    ("geen idee, misschien 3 per week", "answer"),  # a hedge beside a number answers
    ("2x of 3x, weet niet precies", "answer"),
    ("weet ik niet", "skip"),
    ("sla over, 3 of zo", "skip"),  # a refusal stays a skip
])  # fmt: skip
def test_a_hedge_beside_a_number_answers_and_a_refusal_skips(text, act):
    assert interpret(read(text, nlu()), AT_NUTS).act == act


def test_an_answer_the_nlu_takes_for_a_correction_is_still_read_from_its_small_words():
    meaning = interpret(read("nee, nooit eigenlijk", nlu("correct", 0.9)), AT_PSS)
    assert (meaning.act, meaning.data["value"]) == ("answer", "never")


AT_PPI = State({"consent": "yes"}, ("consent",), "med_ppi")
AT_TEST = State({"consent": "yes"}, ("consent",), "microbiome_test")


@pytest.mark.parametrize("state, text, parse, value", [
    (AT_PPI, "omeprazol, klopt dat?", nlu("ask_meaning", 0.9), "yes"),  # an answer, then a tag asking if it counts
    (AT_TEST, "huh, wat is dat? nee, zoiets nooit gedaan", nlu(), "no"),  # a short question, then the answer
])  # fmt: skip
def test_an_answer_beside_a_short_question_is_recorded(state, text, parse, value):
    meaning = interpret(read(text, parse), state)
    assert (meaning.act, meaning.data["value"]) == ("answer", value)


def test_a_long_question_before_a_remark_stays_a_question():
    meaning = interpret(read("hoe werken de lever en de darmen eigenlijk samen? nooit geweten", nlu()), AT_PSS)
    assert meaning.act == "question"


def test_a_closing_question_without_a_comma_is_split_off():
    reading = read("ik eet elke dag noten hoe zit dat", nlu())
    assert (reading.question, reading.maybe_question, reading.answer_part) == (False, True, "ik eet elke dag noten")


@pytest.mark.parametrize("text, advice", [("kun je rauwe melk drinken bij eczeem?", True),
                                          ("mag ik pinda's eten als ik acne heb?", True),
                                          ("kan ik het consult online doen?", False)])  # fmt: skip
def test_asking_whether_one_can_eat_or_drink_something_asks_for_personal_advice(text, advice):
    assert read(text, nlu()).advice is advice


def test_every_refusal_beside_a_number_is_a_skip_phrase_of_the_keyword_layer():
    """The refusals that still skip beside a number ("sla over, 3") are skip phrases themselves: one list of what
    skips (bot/parsing/signals.py), of which interpret names the refusing part."""
    skip = set(sig.PHRASES[sig.SKIP]) | set(sig.SHORT_ONLY[sig.SKIP])
    assert set(REFUSALS) <= skip
