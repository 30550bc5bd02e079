"""The safety router (bot.dialogue.safety), one test per situation at a question where the words also read as an
answer: each gets its own reply and flag, records nothing as an answer and keeps the question open; an alarm sign is
recorded as its red flag with the huisarts at once. The lexicons alone decide here (no NLU)."""

import pytest

from bot.dialogue import texts
from bot.dialogue.pending import AfterCrisis
from bot.dialogue.turn import take_turn
from tests.answers import WORKED_EXAMPLE

ORDER = [i for i in WORKED_EXAMPLE]


def at(item_id, text):
    before = ORDER[: ORDER.index(item_id)]
    answers = {i: WORKED_EXAMPLE[i] for i in before}
    return answers, take_turn(answers, list(before), item_id, 0, text)


def said(outcome):
    return [m.text for m in outcome.messages]


@pytest.mark.parametrize("item_id, text, reply, flag", [
    ("pss_1", "soms, en dan wil ik er gewoon niet meer zijn", texts.CRISIS, "crisis"),
    ("pss_1", "vaak, mijn man slaat me als hij gedronken heeft", texts.VIOLENCE, "violence"),
    ("age", "40, maar mijn vriend ligt hier bewusteloos op de grond", texts.DANGER, "danger"),
    ("pss_2", "ik word thuis geslagen", texts.VIOLENCE, "violence"),
    ("sleep_hours", "mijn partner slaat me en ik durf niet naar huis", texts.VIOLENCE, "violence"),
])  # fmt: skip
def test_each_situation_gets_its_reply_and_flag_and_records_nothing(item_id, text, reply, flag):
    answers, outcome = at(item_id, text)
    assert said(outcome)[0] == reply and outcome.flags == {flag}
    assert texts.CRISIS not in said(outcome) or flag == "crisis"  # violence and danger never get the 113 line
    assert outcome.answers == answers and outcome.requested == item_id  # nothing recorded, the question open
    assert isinstance(outcome.pending, AfterCrisis) and said(outcome)[-1] == texts.CRISIS_CONTINUE


def test_a_message_with_two_situations_gets_both_replies_the_most_urgent_first():
    _, outcome = at("pss_3", "nooit, mijn man slaat me en ik wil eigenlijk niet meer leven")
    assert said(outcome)[:2] == [texts.CRISIS, texts.VIOLENCE] and outcome.flags == {"crisis", "violence"}


@pytest.mark.parametrize("item_id, text, flags", [
    ("veg_fruit_per_day", "al val ik wel veel af zonder dat ik het wil", ["unexplained_weight_loss"]),
    ("nuts_per_week", "mijn broeken zakken af, ik eet normaal maar val steeds af", ["unexplained_weight_loss"]),
    ("pss_4", "vaak, en heb echt heftige buikpijn sinds gisteren", ["severe_abdominal_pain"]),
    ("age", "52. sinds een week is mijn poep pikzwart", ["black_stool"]),
])  # fmt: skip
def test_an_alarm_sign_anywhere_is_recorded_with_the_huisarts_at_once_and_the_question_stays(item_id, text, flags):
    answers, outcome = at(item_id, text)
    assert outcome.answers["red_flags"] == flags and item_id not in outcome.answers
    assert texts.RED_FLAG_NOW in said(outcome) and texts.CRISIS not in said(outcome)
    assert outcome.requested == item_id and said(outcome)[-1].endswith(outcome.messages[-1].text)


@pytest.mark.parametrize("text, flags", [
    ("ik ben 7 kilo afgevallen, ik weet niet waarom", ["unexplained_weight_loss"]),
    ("heb echt heftige buikpijn sinds gisteren", ["severe_abdominal_pain"]),
    ("bloed in de wc na het poepen en ik kan slecht slikken", ["blood_in_stool", "difficulty_swallowing"]),
])  # fmt: skip
def test_at_the_red_flag_question_the_signs_are_the_answer_and_the_huisarts_comes_at_once(text, flags):
    _, outcome = at("red_flags", text)
    assert outcome.answers["red_flags"] == flags and texts.RED_FLAG_NOW in said(outcome)


@pytest.mark.parametrize("text", [
    "ik val af en dat is de bedoeling, ik ben aan het lijnen", "geen bloed, geen zwarte poep, niks",
    "ik ga kapot op de fiets", "mijn ogen zijn niet geel", "ik heb wel eens buikpijn als ik te veel eet, niet erg",
])  # fmt: skip
def test_everyday_words_that_sound_like_alarm_raise_none(text):
    _, outcome = at("red_flags", text)
    assert not outcome.flags and texts.RED_FLAG_NOW not in said(outcome)
    assert outcome.answers.get("red_flags") in (None, [])


def test_pregnancy_is_noted_with_the_verloskundige_and_the_question_goes_on():
    _, outcome = at("nuts_per_week", "ik ben zwanger, mag ik magnesium slikken?")
    assert texts.PREGNANCY in said(outcome)[0] and texts.PREGNANCY_NOTED in said(outcome)[0]
    assert outcome.flags == {"pregnancy"} and outcome.requested == "nuts_per_week"
