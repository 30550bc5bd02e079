"""Words made standard before the safety reader (bot/parsing/safety_words.py)."""

import pytest

from bot.parsing.safety import plain
from bot.parsing.safety_words import undiminished


@pytest.mark.parametrize("word, noun", [
    ("oogjes", "oog"), ("kilootjes", "kilo"), ("papiertje", "papier"), ("bietjes", "biet"),
    ("boterhammetjes", "boterham"), ("handje", "hand"),
    ("beetje", "beetje"), ("meisje", "meisje"),  # common words of their own
])  # fmt: skip
def test_a_diminutive_becomes_its_noun_unless_it_is_a_word_of_its_own(word, noun):
    assert undiminished(word) == noun


@pytest.mark.parametrize("text, standard", [
    ("donkerrood bloed door mn ontlassing", "donkerrood bloed door mijn ontlasting"),
    ("ik ben afgevalen", "ik ben afgevallen"),
    ("kan niet goed slikke", "kan niet goed slikken"),
    ("kheb zomaar 6 kilo verloren", "ik heb zomaar 6 kilo verloren"),
    ("my eyes are yellow", "mijn ogen are geel"),
    ("twee gaatjes in mijn riem", "twee gaatjes in mijn riem"),  # a concept's own word ("gaatje...") stays
])  # fmt: skip
def test_variants_typos_and_english_become_the_concepts_words(text, standard):
    assert plain(text) == standard
