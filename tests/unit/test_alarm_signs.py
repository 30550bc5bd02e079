"""The red-flag reader (bot/parsing/safety.py): the patient's own signs, someone else's, signs asked and denied."""

import pytest

from bot.parsing.safety import red_flags


@pytest.mark.parametrize("text, flags", [
    ("mijn partner zag bloed in mijn ontlasting", ("blood_in_stool",)),
    ("mijn dochter zegt dat mijn ogen geel zijn", ("jaundice",)),
    ("ik val af zonder reden", ("unexplained_weight_loss",)),
    ("ik krijg niks meer door mijn keel, slikken lukt niet meer", ("difficulty_swallowing",)),
    ("al vier dagen zwarte ontlasting", ("black_stool",)),
])  # fmt: skip
def test_the_patients_own_signs_are_read(text, flags):
    assert red_flags(text) == flags


@pytest.mark.parametrize("text", [
    "mijn oma is helemaal geel en ligt in het ziekenhuis",
    "ik pas op mijn zoontje die steeds moet overgeven",
    "de kat van de buren heeft bloed in zijn poep",
    "onze hond kan slecht slikken sinds de operatie",
])  # fmt: skip
def test_a_sign_of_someone_else_is_not_the_patients(text):
    assert red_flags(text, asked=True) == ()


@pytest.mark.parametrize("text", [
    "bloed bij de ontlasting? nee. zwarte poep? nee hoor",
    "gele ogen? nee. slikken? gaat prima",
    "nee, ik kan prima slikken",
    "mijn ontlasting is wat hard maar zonder bloed",
    "soms wat buikpijn als ik gestrest ben",
    "ik heb een bloedneus gehad",
])  # fmt: skip
def test_a_sign_asked_and_denied_or_mild_raises_none_at_the_question(text):
    assert red_flags(text, asked=True) == ()
