"""Dutch free-text parsing: numbers, rates, coded answers, lists, medicines, taxa, signals."""

from fractions import Fraction

import pytest

from bot.parsing import signals as sig
from bot.parsing.answers import (
    NOT_UNDERSTOOD,
    OUT_OF_RANGE,
    UNDER_AGE,
    VAGUE_FREQUENCY,
    extract_facts,
    parse_answer,
    taxa_in,
)
from bot.parsing.quantities import parse_quantity, parse_rate
from bot.parsing.text import edit_distance


@pytest.mark.parametrize(
    "text, value",
    [("drie", 3), ("3", 3), ("2,5", Fraction(5, 2)), ("2.5", Fraction(5, 2)), ("twee à drie", Fraction(5, 2)),
     ("twee a drie", Fraction(5, 2)), ("2-3", Fraction(5, 2)), ("3 tot 4", Fraction(7, 2)),
     ("tussen 6 en 7", Fraction(13, 2)), ("anderhalf", Fraction(3, 2)), ("zeven en een half", Fraction(15, 2)),
     ("tweeënhalf", Fraction(5, 2)), ("eenentwintig", 21), ("vijfenveertig", 45), ("honderdtwintig", 120),
     ("een paar", Fraction(5, 2)), ("geen", 0), ("nul", 0), ("een glas of drie", 3), ("een stuk of vijf", 5),
     ("een", 1), ("twintg", 20), ("ongeveer 2 porties", 2), ("veertien", 14), ("my age is 29, ik ben 29", 29),
     ("drie, zeg maar drie", 3)],
)  # fmt: skip
def test_quantities(text, value):
    assert parse_quantity(text) == value


@pytest.mark.parametrize("text", ["", "heel veel", "3 appels en 9 peren", "weet niet zo goed", "3 keer 3", "2 x 2"])
def test_no_single_quantity(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    "text, per_week",
    [("drie keer per week", 3), ("2x per dag", 14), ("bijna elke dag", 6), ("elke dag", 7), ("dagelijks", 7),
     ("wekelijks", 1), ("twee keer in de week", 2), ("3 per week", 3), ("5 dagen per week", 5),
     ("in het weekend", 2), ("nooit", 0), ("om de dag", Fraction(7, 2)),
     ("een paar keer per maand", Fraction(5, 2) * 12 / 52), ("een keer per maand", Fraction(12, 52))],
)  # fmt: skip
def test_rates(text, per_week):
    assert parse_rate(text).per_week == per_week


def test_no_rate_without_a_period():
    assert parse_rate("drie") is None


def test_edit_distance_counts_swaps_once():
    assert edit_distance("pantoprazol", "pantoprazol") == 0
    assert edit_distance("panotprazol", "pantoprazol") == 1
    assert edit_distance("omeprazole", "omeprazol") == 1


ANSWERS = [
    ("consent", "ja hoor", "yes"), ("consent", "Ja, ik geef toestemming", "yes"), ("consent", "nee liever niet", "no"),
    ("sex", "ik ben een vrouw", "female"), ("sex", "Man", "male"), ("sex", "anders / zeg ik liever niet", "other"),
    ("age", "40", 40), ("age", "vijfenveertig jaar", 45),
    ("veg_fruit_per_day", "twee à drie", 2.5), ("veg_fruit_per_day", "geen", 0), ("veg_fruit_per_day", "4 per dag", 4),
    ("whole_grain_per_day", "3 boterhammen", 3), ("whole_grain_per_day", "14 per week", 2),
    ("legumes_per_week", "een paar keer per maand", 0.6), ("legumes_per_week", "bijna elke dag", 6),
    ("nuts_per_week", "elke dag een handje", 7), ("fermented_per_week", "elke ochtend yoghurt", 7),
    ("ultra_processed_per_day", "2x per dag", 2), ("red_meat_per_week", "4 keer", 4),
    ("audit_c_frequency", "een paar keer per maand", "2_4_per_month"),
    ("audit_c_frequency", "bijna elke dag", "4_plus_per_week"), ("audit_c_frequency", "nooit", "never"),
    ("audit_c_frequency", "in het weekend", "2_3_per_week"), ("audit_c_frequency", "1 keer per maand of minder", "monthly_or_less"),
    ("audit_c_frequency", "2 tot 4 keer per maand", "2_4_per_month"), ("audit_c_frequency", "2 tot 3 keer per week", "2_3_per_week"),
    ("audit_c_frequency", "4 keer per week of vaker", "4_plus_per_week"), ("audit_c_frequency", "wekelijks", "2_4_per_month"),
    ("audit_c_quantity", "twee à drie glazen", 3), ("audit_c_quantity", "drie", 3), ("audit_c_quantity", "een fles wijn", 7),
    ("audit_c_binge", "nooit", "never"), ("audit_c_binge", "elke maand", "monthly"),
    ("audit_c_binge", "een paar keer per jaar", "less_than_monthly"), ("audit_c_binge", "wekelijks", "weekly"),
    ("audit_c_binge", "minder dan 1 keer per maand", "less_than_monthly"), ("audit_c_binge", "(bijna) elke dag", "daily_or_almost"),
    ("pss_1", "soms", "sometimes"), ("pss_1", "bijna nooit", "almost_never"), ("pss_2", "heel vaak", "very_often"),
    ("pss_3", "vaak", "fairly_often"), ("pss_4", "nooitt", "never"), ("pss_2", "regelmatig", "fairly_often"),
    ("sleep_hours", "zes à zeven uur", 6.5), ("sleep_hours", "7,5", 7.5),
    ("med_ppi", "ik slik pantoprazol", "yes"), ("med_ppi", "nee", "no"), ("med_ppi", "omeprazole", "yes"),
    ("med_ppi", "ik slik panotprazol", "yes"), ("med_diuretic", "geen plaspil", "no"), ("med_diuretic", "furosemide", "yes"),
    ("med_antibiotics_12m", "1 kuur", "one_course"), ("med_antibiotics_12m", "geen", "none"),
    ("med_antibiotics_12m", "doxycycline voor acne", "two_plus"), ("med_antibiotics_12m", "twee keer", "two_plus"),
    ("cond_diabetes_t2", "nee", "no"), ("cond_diabetes_t2", "ja, type 2", "yes"), ("cond_diabetes_t2", "type 1", "no"),
    ("egfr", "75", 75),
    ("skin_complaints", "acne en droge huid", ["acne", "dry_dull"]), ("skin_complaints", "geen", []),
    ("skin_complaints", "Geen huidklachten", []), ("skin_complaints", "puistjes en rode wangen", ["acne", "rosacea"]),
    ("skin_impact", "5", 5), ("skin_impact", "een 7", 7), ("microbiome_test", "ja", "yes"),
    ("taxa_low", "Odoribacter, coprococcus en faecalibacterim", ["Odoribacter", "Coprococcus", "Faecalibacterium"]),
    ("taxa_high", "geen", []), ("red_flags", "nee", []), ("red_flags", "Geen van deze", []),
    ("red_flags", "zwarte ontlasting", ["black_stool"]),
    ("red_flags", "bloed bij de ontlasting en ik val af zonder reden", ["blood_in_stool", "unexplained_weight_loss"]),
]  # fmt: skip


@pytest.mark.parametrize("item_id, text, value", ANSWERS)
def test_answers(item_id, text, value):
    parsed = parse_answer(item_id, text)
    assert parsed.ok, parsed
    assert parsed.value == value
    assert type(parsed.value) is type(value) or isinstance(value, float)


@pytest.mark.parametrize(
    "item_id, text, problem",
    [("age", "ik ben 16", UNDER_AGE), ("age", "200", OUT_OF_RANGE), ("sleep_hours", "20 uur", OUT_OF_RANGE),
     ("veg_fruit_per_day", "heel veel", NOT_UNDERSTOOD), ("audit_c_frequency", "af en toe", VAGUE_FREQUENCY),
     ("pss_1", "banaan", NOT_UNDERSTOOD), ("consent", "misschien", NOT_UNDERSTOOD), ("skin_impact", "11", OUT_OF_RANGE),
     ("taxa_low", "iets met bacterien", NOT_UNDERSTOOD)],
)  # fmt: skip
def test_problems(item_id, text, problem):
    assert parse_answer(item_id, text).problem == problem


def test_facts_volunteered_anywhere():
    assert extract_facts("ik slik pantoprazol") == {"med_ppi": "yes"}
    assert extract_facts("ik ben een vrouw van 40") == {"sex": "female", "age": 40}
    assert extract_facts("Ik ben een man van vijftig") == {"sex": "male", "age": 50}
    assert extract_facts("ik drink nooit") == {"audit_c_frequency": "never"}
    assert extract_facts("ik gebruik geen omeprazol meer") == {"med_ppi": "no"}
    assert extract_facts("ik heb bloed in mijn ontlasting") == {"red_flags": ["blood_in_stool"]}
    assert extract_facts("ik slik furosemide en esomeprazol") == {"med_ppi": "yes", "med_diuretic": "yes"}
    assert extract_facts("drie porties") == {}


def test_taxa_matched_leniently():
    assert taxa_in("FAECALIBACTERIUM laag, rumino ook, en prevotela") == [
        "Ruminococcaceae",
        "Faecalibacterium",
        "Prevotella",
    ]
    assert taxa_in("geen") == []


@pytest.mark.parametrize(
    "text, signal",
    [("weet ik niet", sig.SKIP), ("geen idee", sig.SKIP), ("sla over", sig.SKIP), ("vorige vraag", sig.BACK),
     ("waarom vraag je dat?", sig.WHY), ("wat bedoel je?", sig.MEANING), ("nee wacht, het zijn er vier", sig.CORRECTION),
     ("ik wil stoppen", sig.STOP), ("ik kom later terug", sig.PAUSE), ("opnieuw beginnen", sig.RESTART),
     ("kan ik een medewerker spreken", sig.HUMAN), ("verwijder mijn gegevens", sig.DELETE_DATA),
     ("do you speak english", sig.ENGLISH), ("ik begrijp de vraag niet helemaal", sig.MEANING),
     ("wat heeft dat ermee te maken?", sig.WHY), ("kunt u de vraag anders formuleren", sig.MEANING),
     # the verb's particle split off ("wat heb je er eigenlijk aan")
     ("wat hebben jullie er eigenlijk aan?", sig.WHY),
     # not knowing a word, in a learner's word order too
     ("ik ken niet deze term", sig.MEANING), ("dat woord ken ik niet", sig.MEANING), ("probiotica? nog nooit gehoord", sig.MEANING),
     ("kunnen we van begin starten", sig.RESTART)],
)  # fmt: skip
def test_signals(text, signal):
    assert signal in sig.detect(text)


@pytest.mark.parametrize("text", ["drie", "nee", "ja", "soms", "ik eet twee boterhammen"])
def test_plain_answers_carry_no_signal(text):
    assert sig.detect(text) == set()


@pytest.mark.parametrize("text", ["ik heb per ongeluk het verkeerde aangeklikt", "mijn vorige antwoord was fout",
                                  "het laatste antwoord klopt niet"])  # fmt: skip
def test_saying_an_answer_was_wrong(text):
    assert sig.says_wrong(text)


@pytest.mark.parametrize("text", ["ik heb nu geen tijd, later meer", "bewaar alles tot vanavond", "alles bewaren tot later",
                                  "ik maak de rest straks af"])  # fmt: skip
def test_asking_to_pause_in_a_sentence(text):
    assert sig.asks_to_pause(text)


def test_a_phrase_never_spans_two_clauses():
    # "elke morgen, verder niks": no "morgen verder" (pause) across the comma
    assert sig.PAUSE not in sig.detect("een boterham elke morgen, verder niks")
    assert sig.PAUSE in sig.detect("morgen verder, nu even niet")


def test_correction_words_are_stripped():
    assert sig.strip_correction("Nee wacht, het zijn er vier") == "het zijn er vier"
    assert sig.strip_correction("ik bedoel drie") == "drie"


def test_a_real_word_is_no_typo_of_a_number_or_a_crisis_word():
    from bot.parsing.quantities import word_value
    from bot.parsing.text import similar

    assert word_value("even") is None and word_value("tegen") is None and word_value("zevn") == 7
    assert not similar("geven", "leven") and similar("levn", "leven")
