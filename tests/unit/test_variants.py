"""Flemish, chat, learner and English variants rewritten to standard Dutch (bot.parsing.variants)."""

import pytest

from bot.parsing.variants import REGISTERS, VARIANTS, standardise


@pytest.mark.parametrize(
    "text, standard",
    [
        # Flemish: words, articles, particles, the 'k clitic
        ("gij eet da nie", "jij eet dat niet"),
        ("ge moogt da weten", "je moogt dat weten"),
        ("neen, nooit", "nee, nooit"),
        ("kheb nen hond", "ik heb een hond"),
        ("kdrink ne pint", "ik drink een glas bier"),
        ("gene enkele", "geen enkele"),
        ("zeer dikwijls moe", "heel vaak moe"),
        ("ik heb er goesting in", "ik heb er zin in"),
        ("geen gedacht", "geen idee"),
        ("amai, da's veel", "dat is veel"),
        ("ja ze", "ja"),
        ("k'heb honger", "ik heb honger"),
        ("bijkans elke dag", "bijna elke dag"),
        ("hoeveel hebt ge er nodig", "hoeveel heb je er nodig"),
        ("zijt gij zeker", "ben jij zeker"),
        # chat
        ("ff kijken", "even kijken"),
        ("idk", "weet ik niet"),
        ("mss twee", "misschien twee"),
        ("3 pw", "3 per week"),
        ("nooooooit", "nooit"),
        ("jaaaa", "ja"),
        ("k eet geen vis", "ik eet geen vis"),
        ("k", "oke"),
        # English mixed in
        ("never eigenlijk", "nooit eigenlijk"),
        ("nope, none", "nee, geen"),
        ("two glasses", "twee glazen"),
        ("twice a week", "twee keer per week"),
        ("sometimes wel", "soms wel"),
        ("kefir like every day", "kefir elke dag"),
        ("female", "vrouw"),
        ("kefir every evening", "kefir elke avond"),
        ("why do u ask", "why do you ask"),
        ("oily skin", "oily huid"),
        # learners
        ("heel veel keer moe", "heel vaak moe"),
        ("meer of minder vijf", "ongeveer vijf"),
    ],
)
def test_variants_become_standard_dutch(text, standard):
    assert standardise(text) == standard


@pytest.mark.parametrize(
    "text",
    ["ik eet elke dag twee boterhammen", "Drie Keer Per Week", "klein beetje", "de knie doet pijn",
     "ik ben nooit ziek", "Odoribacter en Blautia", "tweeënhalf", "tweeëndertig jaar", "ten minste twee"],
)  # fmt: skip
def test_standard_dutch_is_kept_as_it_is(text):
    assert standardise(text) == text


def test_dictated_punctuation_becomes_punctuation_but_a_decimal_stays():
    assert standardise("twee boterhammen punt verder niks") == "twee boterhammen. verder niks"
    assert standardise("acht komma vijf") == "acht komma vijf"  # read as 8.5 by bot.parsing.quantities
    assert standardise("op dit punt niet") == "op dit punt niet"  # a noun after an article


def test_each_variant_is_a_short_variant_of_a_known_register():
    for variant, standard, register in VARIANTS:
        assert register in REGISTERS
        assert 1 <= len(variant.split()) <= 4, variant
        assert variant.lower() == variant and variant != standard
