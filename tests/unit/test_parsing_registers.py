"""The general mechanisms that read answers in other registers than standard Dutch: each with its own sentences
(none taken from a development or frozen set)."""

from fractions import Fraction

import pytest

from bot.parsing.answers import NOT_UNDERSTOOD, conclusion, extract_facts, parse_answer
from bot.parsing.quantities import parse_quantity, parse_rate, sum_of_portions


def value(item_id, text):
    parsed = parse_answer(item_id, text)
    assert parsed.ok, (text, parsed)
    return parsed.value


# --- phrase tables read by position, with the scope of a negation ---------------------------------------------------
@pytest.mark.parametrize(
    "text, code",
    [("af en toe wel, maar niet vaak", "sometimes"), ("niet altijd, soms", "sometimes"),
     ("niet zo heel vaak, eerder zelden", "almost_never"), ("vaak, niet altijd", "fairly_often"),
     ("nooit eigenlijk, echt niet", "never"), ("niet", "never")],
)  # fmt: skip
def test_the_first_phrase_counts_and_a_negated_one_does_not(text, code):
    assert value("pss_3", text) == code


def test_a_negated_phrase_alone_is_no_answer():
    assert parse_answer("pss_1", "niet altijd").problem == NOT_UNDERSTOOD


def test_negated_words_do_not_name_a_sex():
    assert value("sex", "geen vrouw en geen man, ik ben non-binair") == "other"
    assert value("sex", "niet man, niet vrouw") == "other"
    assert value("sex", "vrouw, niet man") == "female"


# --- a negation after the mention -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text, answer",
    [("med_ppi", "omeprazol? nee", "no"), ("med_diuretic", "furosemide nooit gebruikt", "no"),
     ("med_ppi", "esomeprazol niet", "no"), ("med_ppi", "pantoprazol, elke ochtend", "yes"),
     ("med_diuretic", "indapamide, niet meer sinds vorig jaar", "no")],
)  # fmt: skip
def test_a_medicine_denied_right_after_its_name(item_id, text, answer):
    assert value(item_id, text) == answer


# --- rates: punctuation, products, "eens in de N weken", weekdays, "minder dan" ---
@pytest.mark.parametrize(
    "text, per_week",
    [("elke week, op zondag", 1), ("elke avond twee keer", 14), ("elke dag, drie keer", 21),
     ("eens in de drie weken", Fraction(1, 3)), ("een keer in de twee maanden", Fraction(6, 52)),
     ("om de drie dagen", Fraction(7, 3)), ("elke twee weken", Fraction(1, 2)), ("op maandag en donderdag", 2),
     ("'s avonds", 7), ("iedere ochtend", 7), ("minder dan twee keer per week", 1),
     ("niet elke dag, wel drie keer per week", 3), ("twee stukjes per week", 2),
     ("vier of vijf keer per week", Fraction(9, 2))],
)  # fmt: skip
def test_rates(text, per_week):
    assert parse_rate(text).per_week == per_week


def test_a_count_multiplies_a_frequency_of_portions_only_for_portion_items():
    assert parse_rate("elke dag drie koppen koffie", portions=True).per_week == 21
    assert parse_rate("elke dag drie koppen koffie").per_week == 7
    assert parse_rate("op zaterdag 4 biertjes").per_week == 1


@pytest.mark.parametrize(
    "item_id, text, expected",
    [("fermented_per_week", "kefir eens in de twee weken", 0.5), ("red_meat_per_week", "elke vrijdag en zondag", 2),
     ("nuts_per_week", "elke avond een handje, dus zeven", 7), ("legumes_per_week", "linzen elke dag, twee keer", 14),
     ("whole_grain_per_day", "iedere ochtend twee sneetjes volkoren", 2),
     ("veg_fruit_per_day", "elke dag een banaan en twee handjes sla", 3)],
)  # fmt: skip
def test_frequencies_in_the_items_unit(item_id, text, expected):
    assert value(item_id, text) == expected


def test_audit_frequency_with_punctuation_and_a_negation():
    assert value("audit_c_frequency", "elk weekend, op zaterdag en zondag") == "2_3_per_week"
    assert value("audit_c_frequency", "niet elke week, een paar keer per maand") == "2_4_per_month"
    assert value("audit_c_binge", "minder dan een keer in de maand denk ik") == "less_than_monthly"


# --- portions of several foods added up -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, total",
    [("twee appels en een peer", 3), ("1 banaan + 2 mandarijnen", 3), ("een tomaat, twee wortels en een appel", 4),
     ("drie boterhammen", 3), ("twee of drie appels", Fraction(5, 2))],
)  # fmt: skip
def test_portions_of_several_foods_are_added_up(text, total):
    assert sum_of_portions(text) == total


def test_portions_are_added_for_portion_items_only():
    assert value("veg_fruit_per_day", "een peer en twee handjes spinazie") == 3
    assert parse_answer("sleep_hours", "zes uur en twee uur").problem == NOT_UNDERSTOOD  # no portions of sleep


# --- a correction inside the answer; conclusion markers ---------------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text, expected",
    [("age", "ik ben 52, nee wacht, 53", 53), ("sleep_hours", "zes uur, nee sorry, zeven", 7),
     ("nuts_per_week", "vijf wacht nee vier", 4), ("age", "achtenveertig, ik bedoel negenenveertig", 49),
     ("red_meat_per_week", "zondag en woensdag, zeg maar twee", 2),
     ("veg_fruit_per_day", "een appel, wat sla, zeg 2", 2),
     ("legumes_per_week", "bonen en kikkererwten, in totaal drie", 3),
     ("sleep_hours", "soms zes soms acht, ongeveer 7", 7)],
)  # fmt: skip
def test_the_value_after_a_correction_or_conclusion_wins(item_id, text, expected):
    assert value(item_id, text) == expected


def test_conclusion_markers():
    assert conclusion("twee appels, dus 2") == "2"
    assert conclusion("drie nee wacht vier") == "vier"
    assert conclusion("ik zeg het eerlijk") is None  # "zeg" concludes only at the start of a clause
    assert conclusion("ongeveer drie") == "drie"


# --- N/10 on a 0-10 scale; dictated decimals ------------------------------------------------------------------------
@pytest.mark.parametrize("text, mark", [("8/10", 8), ("een 6 op 10", 6), ("3 uit 10", 3), ("4 van de 10", 4)])
def test_a_mark_on_the_scale(text, mark):
    assert value("skin_impact", text) == mark


def test_a_mark_on_another_scale_is_not_read_as_a_mark_of_ten():
    assert parse_answer("skin_impact", "7/100").problem == NOT_UNDERSTOOD


@pytest.mark.parametrize(
    "text, number",
    [("zes komma vijf", Fraction(13, 2)), ("Zeven Punt Vijf", Fraction(15, 2)), ("1 komma 25", Fraction(5, 4)),
     ("zes komma vijfentwintig", Fraction(25, 4))],
)  # fmt: skip
def test_dictated_decimals(text, number):
    assert parse_quantity(text) == number


def test_dictated_punctuation_ends_the_answer():
    assert value("audit_c_quantity", "twee glazen punt meer niet") == 2


# --- learner word order for negated consumption; "geen enkele", "geen idee" -----------------------------------------
@pytest.mark.parametrize(
    "item_id, text",
    [("legumes_per_week", "bonen ik eet niet"), ("nuts_per_week", "noten eet ik niet, pinda's ook niet"),
     ("fermented_per_week", "yoghurt drink ik nooit"), ("red_meat_per_week", "geen enkele keer")],
)  # fmt: skip
def test_negated_consumption_is_none(item_id, text):
    assert value(item_id, text) == 0


def test_an_open_amount_after_niet_is_no_zero():
    assert parse_answer("nuts_per_week", "noten eet ik niet zo vaak eigenlijk").problem == NOT_UNDERSTOOD
    assert parse_quantity("geen idee eigenlijk") is None


# --- lists: every code, negations, split words, compound heads --------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text, codes",
    [("red_flags", "zwarte poep + braken", ["black_stool", "persistent_vomiting"]),
     ("red_flags", "geen bloed, wel moeite met slikken", ["difficulty_swallowing"]),
     ("red_flags", "ik slik moeilijk en ben geel", ["difficulty_swallowing", "jaundice"]),
     ("skin_complaints", "pigmentvlekken en rugacne", ["acne", "pigmentation"]),
     ("skin_complaints", "psoria sis op mijn ellebogen", ["psoriasis"]),
     ("skin_complaints", "puisten maar geen rimpels", ["acne"]),
     ("skin_complaints", "geen huidklachten", [])],
)  # fmt: skip
def test_list_answers(item_id, text, codes):
    assert value(item_id, text) == codes


# --- English words and chat in answers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text, expected",
    [("audit_c_frequency", "never tbh", "never"), ("pss_4", "sometimes", "sometimes"),
     ("pss_1", "very often", "very_often"), ("fermented_per_week", "kefir every day", 7), ("nuts_per_week", "zero", 0),
     ("med_antibiotics_12m", "none", "none"), ("microbiome_test", "yes", "yes"), ("sex", "male", "male"),
     ("age", "i am 61", 61), ("skin_complaints", "dry skin", ["dry_dull"]), ("legumes_per_week", "twice a week", 2)],
)  # fmt: skip
def test_english_words_mixed_in(item_id, text, expected):
    assert value(item_id, text) == expected


@pytest.mark.parametrize(
    "item_id, text, expected",
    [("pss_2", "dikwijls wel", "fairly_often"), ("pss_4", "zeer dikwijls", "very_often"),
     ("med_antibiotics_12m", "ne kuur in de lente", "one_course"), ("med_antibiotics_12m", "twee kuren", "two_plus"),
     ("med_antibiotics_12m", "gene enkele", "none"), ("nuts_per_week", "nen handvol per dag", 7),
     ("audit_c_quantity", "drie pintjes", 3), ("pss_3", "nie zo dikwijls, eerder zelden", "almost_never")],
)  # fmt: skip
def test_flemish_answers(item_id, text, expected):
    assert value(item_id, text) == expected


def test_typos_are_corrected_before_reading():
    assert value("pss_1", "regelmatg") == "fairly_often"
    assert value("legumes_per_week", "iedere ochtnd") == 7
    assert value("med_ppi", "ik slik pantoprazil") == "yes"


def test_facts_in_other_registers():
    assert extract_facts("kslik elke dag omeprazol") == {"med_ppi": "yes"}
    assert extract_facts("plaspillen? neen") == {"med_diuretic": "no"}


# --- more of dictation and chat --------------------------------------------------------------------------------------
def test_number_words_split_by_dictation_are_joined():
    assert parse_quantity("twee en dertig") == 32
    assert parse_quantity("drie appels en twintig noten") is None  # two numbers, no split word


def test_two_neighbouring_numbers_are_a_range():
    assert parse_quantity("zeven, acht uur") == Fraction(15, 2)
    assert parse_quantity("zeven, negen") is None


def test_chat_rates_and_scales():
    assert parse_rate("3x/week").per_week == 3
    assert value("skin_impact", "vijf op een schaal van tien") == 5
    assert value("skin_impact", "een 9 op een schaal van 0 tot 10") == 9


def test_a_second_frequency_is_no_count_of_the_first():
    assert parse_rate("bijna elke dag, zeg vier keer per week").per_week == 6


def test_not_knowing_is_no_never():
    assert value("pss_3", "weet ik niet, soms") == "sometimes"


def test_a_vague_never_gives_way_to_a_number():
    assert value("legumes_per_week", "haast nooit, hooguit 1") == 1
    assert value("legumes_per_week", "haast nooit") == 0


def test_a_conclusion_marker_at_the_end_closes_its_clause():
    assert value("age", "rond de 60, 61 dus") == 61
    assert value("veg_fruit_per_day", "een peer bij de lunch en sla bij het eten dus twee in totaal") == 2


def test_not_knowing_is_no_empty_list():
    assert parse_answer("red_flags", "geen flauw idee").problem == NOT_UNDERSTOOD
    assert value("red_flags", "geen van allen") == []


# --- a bare "nee" between two answers corrects the first (dictated without commas) ----------------------------------
@pytest.mark.parametrize(
    "item_id, text, expected",
    [("audit_c_quantity", "twee nee drie glazen", 3), ("skin_impact", "een zes nee een zeven", 7),
     ("med_antibiotics_12m", "geen nee een keer", "one_course"), ("nuts_per_week", "vijf handjes nee vier", 4)],
)  # fmt: skip
def test_a_bare_no_between_two_answers_corrects_the_first(item_id, text, expected):
    assert value(item_id, text) == expected


def test_a_no_at_the_start_is_the_answer_and_a_no_without_an_answer_before_it_corrects_nothing():
    assert value("microbiome_test", "nee, nooit gedaan") == "no"
    assert value("legumes_per_week", "bonen nee, twee keer per week") == 2


# --- a learner's half hour, a dictated "ach", an opening "niet" ----------------------------------------------------
@pytest.mark.parametrize("text, hours", [("ik slaap 6 uur en half", 6.5), ("vijf uur en een half", 5.5),
                                         ("zeven en half", 7.5), ("meestal ach uur", 8)])  # fmt: skip
def test_half_an_hour_after_the_unit_and_a_dictated_eight(text, hours):
    assert value("sleep_hours", text) == hours


@pytest.mark.parametrize(
    "item_id, text",
    [("nuts_per_week", "pinda's niet, te zout"), ("fermented_per_week", "niet, vind ik vies"),
     ("legumes_per_week", "bonen, daar doe ik niet aan")],
)  # fmt: skip
def test_an_opening_not_or_not_for_me_is_none(item_id, text):
    assert value(item_id, text) == 0


def test_an_opening_not_that_leaves_the_amount_open_is_no_zero():
    assert parse_answer("nuts_per_week", "niet zo vaak, soms").ok is False


def test_a_range_of_counts_each_with_its_times_word():
    assert value("nuts_per_week", "2x of 3x per week") == 3  # 2.5 rounded half up
    assert value("med_antibiotics_12m", "twee keer of drie keer") == "two_plus"


# --- names that speech-to-text split in two ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item_id, text, expected",
    [("med_ppi", "ome prazol elke ochtend", "yes"), ("med_diuretic", "hydro chloorthiazide sinds vorig jaar", "yes"),
     ("med_ppi", "lanso prazol nee nooit gehad", "no"), ("taxa_low", "oscilli bacter was laag", ["Oscillibacter"])],
)  # fmt: skip
def test_a_name_split_by_dictation_is_joined(item_id, text, expected):
    assert value(item_id, text) == expected


def test_a_chat_sum_concludes_the_answer():
    assert value("whole_grain_per_day", "1 snee volkoren + muesli = 2") == 2


def test_portions_of_several_foods_before_one_period_are_added_up():
    assert value("veg_fruit_per_day", "een peer en drie handjes sla per dag") == 4
    assert value("fermented_per_week", "kefir en yoghurt 3 keer per week") == 3  # a count of times is no portion


def test_a_count_that_makes_the_rate_impossible_restates_it():
    assert value("red_meat_per_week", "haast elke dag, vier keer") == 6  # the frequency, not 24 a week
    assert value("nuts_per_week", "elke dag, twee keer") == 14  # a possible rate is still multiplied


def test_letters_with_digits_glued_after_them_are_no_number():
    assert parse_answer("nuts_per_week", "vertel iets over de mp3 speler").ok is False
    assert value("nuts_per_week", "3x per week") == 3  # digits before letters still count


@pytest.mark.parametrize(
    "item_id, text, expected",
    [("fermented_per_week", "kefir elke ochtend en ook zuurkool op vrijdag", 8),
     ("red_meat_per_week", "gehakt twee keer per week en biefstuk een keer", 3),
     ("nuts_per_week", "elke dag en soms twee", 14)],  # "soms" opens no other food: a count of the first
)  # fmt: skip
def test_rates_of_other_foods_joined_by_en_are_added(item_id, text, expected):
    assert value(item_id, text) == expected
