"""README "How to add a question": a coded, unscored item defined in bot/questionnaire.py alone is asked, read,
echoed and explained, with no other module told about it."""

import pytest

from bot import questionnaire
from bot.dialogue.turn import take_turn
from bot.questionnaire import CODE, Choices, Item, Wording

TOY = Item(
    "sport_weekly",
    "start",
    CODE,
    "yes_no",
    Wording(
        "sport (elke week)",
        "Sport je elke week?",
        "Bewegen is goed voor je darmen.",
        "Wandelen, fietsen of zwemmen telt ook mee.",
        "Antwoord met ja of nee.",
    ),
    Choices((("yes", "ja, elke week"), ("no", "nee, bijna nooit"))),
)
BEFORE = {"consent": "yes", "sex": "female", "age": 40}


@pytest.fixture
def toy():
    with questionnaire.with_items(TOY, after="age"):
        yield TOY


def test_the_item_is_asked_after_the_one_it_follows_with_its_labels_as_buttons(toy):
    answers = {"consent": "yes", "sex": "female"}
    outcome = take_turn(answers, list(answers), "age", 0, "40")
    assert outcome.requested == toy.id
    assert outcome.messages[-1].text == "Vraag 4 van 32. Sport je elke week?"
    assert outcome.messages[-1].buttons == ("ja, elke week", "nee, bijna nooit")


def test_a_label_records_the_code(toy):
    outcome = take_turn(dict(BEFORE), list(BEFORE), toy.id, 0, "ja, elke week")
    assert outcome.answers[toy.id] == "yes"
    assert outcome.order == [*BEFORE, toy.id]
    assert outcome.requested == "veg_fruit_per_day"
    assert outcome.messages[0].text.startswith("Genoteerd. Sport (elke week): ja, elke week.")


def test_free_text_is_read_by_the_items_reader(toy):
    outcome = take_turn(dict(BEFORE), list(BEFORE), toy.id, 0, "nee hoor")
    assert outcome.answers[toy.id] == "no"


def test_why_and_meaning_come_from_the_item(toy):
    why = take_turn(dict(BEFORE), list(BEFORE), toy.id, 0, "waarom vraag je dat?")
    assert why.messages[0].text == "Bewegen is goed voor je darmen." and toy.id not in why.answers
    meaning = take_turn(dict(BEFORE), list(BEFORE), toy.id, 0, "wat bedoel je?")
    assert meaning.messages[0].text == "Wandelen, fietsen of zwemmen telt ook mee."


def test_the_questionnaire_is_restored_after_the_fixture():
    with questionnaire.with_items(TOY, after="age"):
        assert questionnaire.ITEM_IDS[3] == TOY.id
    assert TOY.id not in questionnaire.ITEM_IDS and TOY.id not in questionnaire.ITEMS_BY_ID
    assert len(questionnaire.ITEMS) == len(questionnaire.ITEM_IDS) == len(questionnaire.ITEMS_BY_ID)
