"""The results are honest about missing answers, in the text messages, the web card's data and the summary in
brief; a raised band names what raised it; with a red flag nothing links to the booking page."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import areas
from bot.areas import COMPLETE, INCOMPLETE, NOT_COMPUTED, coverages
from bot.bands import BAND_WORDS
from bot.channel_messages import from_bot_message
from bot.clinic import Clinic
from bot.dialogue.results import (
    NOTHING_RAISED,
    area_summaries,
    band_label,
    booking_prompt,
    build_result,
    result_messages,
    results_in_brief,
    results_view,
)
from bot.questionnaire import CODE, CODE_LIST, ITEMS, NUMBER
from bot.scoring import SKIN_ITEMS, alcohol, compute_scores, magnesium, microbiome, stress
from tests.answers import NO_RISK, WORKED_EXAMPLE

CLINIC = Clinic("Testkliniek", "https://kliniek.example/plan", "020 123 45 67", "info@kliniek.example")
DIET = [it.id for it in ITEMS if it.section == "diet"]
DIET_UNKNOWN = {**WORKED_EXAMPLE, **{item_id: None for item_id in DIET}}
HIGH_RISK = {**WORKED_EXAMPLE, "sex": "male", "audit_c_frequency": "4_plus_per_week", "audit_c_quantity": 8,
             "audit_c_binge": "daily_or_almost", "med_diuretic": "yes", "cond_diabetes_t2": "yes", "egfr": 45,
             "pss_1": "very_often", "pss_4": "very_often"}  # fmt: skip


def texts(answers, clinic=CLINIC):
    return [m.text for m in result_messages(answers, build_result(answers, clinic, "IN-TEST22"), clinic)]


def card(answers, clinic=CLINIC):
    return results_view(answers, build_result(answers, clinic, "IN-TEST22"), clinic)


def area_of(view, key):
    return next(a for a in view["areas"] if a["key"] == key)


def test_the_items_of_each_area_come_from_its_scoring_module():
    by_key = {area.key: area for area in areas.AREAS}
    assert by_key["microbiome"].items == microbiome.INPUT_ITEMS
    assert by_key["magnesium"].items == magnesium.INPUT_ITEMS
    assert by_key["alcohol"].items == alcohol.AUDIT_ITEMS
    assert by_key["stress"].items == stress.PSS_ITEMS
    assert by_key["skin"].items == SKIN_ITEMS
    # every diet item the magnesium intake counts, and every diet threshold of the index
    assert set(magnesium.MG_PER_UNIT) <= set(magnesium.INPUT_ITEMS)
    assert {t.item_id for t in microbiome.DIET_THRESHOLDS} <= set(microbiome.INPUT_ITEMS)
    assert set(areas.SECTION_NOUNS) == {it.section for it in ITEMS}


def test_all_diet_questions_unknown_makes_both_diet_areas_incomplete_in_the_text():
    shown = texts(DIET_UNKNOWN)
    assert shown[1] == (
        "Darmflora: onvolledig (op basis van 0 van 7 voedingsvragen en 9 van 9 andere vragen). Wel gevonden: "
        "Antibiotica in het afgelopen jaar: 1 kuur. Je gebruikt een maagzuurremmer. Je drinkt gemiddeld 7,5 glazen "
        "alcohol per week, advies hoogstens 7. En nog 2 andere dingen uit je antwoorden. Met antwoorden op de "
        "voedingsvragen kan ik je risico voor je darmflora wel inschatten."
    )
    assert shown[2] == (
        "Magnesium: onvolledig (op basis van 0 van 7 voedingsvragen en 5 van 6 andere vragen). Wel gevonden: Je "
        "gebruikt een maagzuurremmer. Met antwoorden op de voedingsvragen en de vraag over nierfunctie kan ik je kans "
        "op een magnesiumtekort wel inschatten."
    )
    # the engine's bands stay as they are; they are just not shown as an outcome
    scores = compute_scores(DIET_UNKNOWN)
    assert (scores["microbiome_risk"], scores["magnesium_risk"]) == ("moderate", "high")
    for text in shown[1:3]:
        assert not any(word in text for word in ("laag risico", "gemiddeld risico", "verhoogd risico"))
        assert NOTHING_RAISED not in text
        assert "Uit je eten krijg je" not in text  # no intake estimate from no diet answers


def test_all_diet_questions_unknown_in_the_card_and_in_brief():
    view = card(DIET_UNKNOWN)
    gut, mg = area_of(view, "microbiome"), area_of(view, "magnesium")
    assert (gut["state"], gut["band_label"], gut["band"], gut["level"]) == (INCOMPLETE, "onvolledig", None, None)
    assert gut["basis"] == "Op basis van 0 van 7 voedingsvragen en 9 van 9 andere vragen."
    assert gut["zones"] == [] and gut["position"] is None and gut["why"] is None
    assert gut["missing"] == "Met antwoorden op de voedingsvragen kan ik je risico voor je darmflora wel inschatten."
    assert (mg["state"], mg["band_label"]) == (INCOMPLETE, "onvolledig")
    assert mg["basis"] == "Op basis van 0 van 7 voedingsvragen en 5 van 6 andere vragen."
    assert mg["found"] == "Wel gevonden: Je gebruikt een maagzuurremmer."
    answers = DIET_UNKNOWN
    assert results_in_brief(answers, compute_scores(answers)) == (
        "In het kort: je darmflora: onvolledig; magnesium: onvolledig; alcohol: verhoogd risico; stress: veel stress."
    )


def test_two_thirds_answered_shows_the_band_and_says_what_is_missing():
    answers = {**NO_RISK, "leafy_greens_per_week": None, "dark_chocolate_per_week": None}
    found = coverages(answers, compute_scores(answers))
    assert found["microbiome"].state == COMPLETE  # both items feed only the magnesium intake
    assert found["magnesium"].state == COMPLETE  # 5 of 7 diet questions
    # never drinking: one alcohol question asked
    assert found["magnesium"].basis() == "op basis van 5 van 7 voedingsvragen en 5 van 5 andere vragen"
    three_missing = {**answers, "nuts_per_week": None}
    assert coverages(three_missing, compute_scores(three_missing))["magnesium"].state == INCOMPLETE  # 4 of 7
    gut = texts({**NO_RISK, "red_meat_per_week": None, "veg_fruit_per_day": 12})[1]
    assert gut == (
        "Darmflora: laag risico (0 van 100 punten). Je leefstijl geeft je darmbacteriën een goede basis. Ga zo door. "
        "Waarom? Niets in je antwoorden verhoogt dit risico, maar je hebt de vraag over rood of bewerkt vlees niet "
        "beantwoord. Op basis van 6 van 7 voedingsvragen en 8 van 8 andere vragen."
    )


def test_alcohol_that_cannot_be_computed_says_so_instead_of_vanishing():
    answers = {**WORKED_EXAMPLE, "audit_c_quantity": None}
    assert texts(answers)[3] == (
        "Alcohol: kon niet berekend worden (op basis van 2 van 3 alcoholvragen). Wel gevonden: Je drinkt 2 tot 3 keer "
        "per week alcohol. 6 glazen of meer bij één gelegenheid: elke maand. Met antwoorden op de vraag over glazen op "
        "een drinkdag kan ik je alcoholscore wel berekenen."
    )
    drink = area_of(card(answers), "alcohol")
    assert (drink["state"], drink["band_label"], drink["label"]) == (NOT_COMPUTED, "kon niet berekend worden",
                                                                     "Alcohol (AUDIT-C)")  # fmt: skip
    stress_unknown = {**WORKED_EXAMPLE, "pss_2": None}
    assert area_of(card(stress_unknown), "stress")["band_label"] == "kon niet berekend worden"
    assert [a["key"] for a in card(stress_unknown)["areas"]] == ["microbiome", "magnesium", "alcohol", "stress"]


def test_a_raised_magnesium_band_names_the_intake_the_medicines_and_the_kidneys():
    mg = area_of(card(HIGH_RISK), "magnesium")
    assert (mg["band_label"], mg["level"]) == ("verhoogd risico op een tekort", 2)
    assert mg["why"] == (
        "Je gebruikt een plaspil. Je gebruikt een maagzuurremmer. Je drinkt gemiddeld 44 glazen alcohol per week. "
        "Je nierfunctie (eGFR) is 45 (sterk verminderd). Je krijgt uit je eten minder magnesium binnen dan je nodig "
        "hebt. Je hebt diabetes type 2."
    )
    only_intake = {**NO_RISK, "veg_fruit_per_day": 0, "whole_grain_per_day": 0, "nuts_per_week": 0}
    assert area_of(card(only_intake), "magnesium")["why"] == (
        "Je krijgt uit je eten minder magnesium binnen dan je nodig hebt.")  # fmt: skip


def test_moderate_stress_names_the_answers_behind_it():
    answers = {**WORKED_EXAMPLE, "pss_1": "sometimes", "pss_2": "sometimes", "pss_3": "sometimes", "pss_4": "sometimes"}
    worry = area_of(card(answers), "stress")
    assert (worry["band_label"], worry["figure"]) == ("matige stress", "8 van 16 punten")
    assert worry["why"].startswith("Je had soms het gevoel dat je geen grip had op belangrijke dingen.")
    assert NOTHING_RAISED not in worry["why"]


ANSWER = {
    CODE: lambda it: st.sampled_from(it.codes + (None,)),
    NUMBER: lambda it: st.one_of(st.none(), st.integers(int(it.minimum), int(it.maximum))),
    CODE_LIST: lambda it: st.one_of(st.none(), st.lists(st.sampled_from(it.codes), max_size=2, unique=True)),
}


@st.composite
def any_answers(draw):
    answers = {"consent": "yes", "sex": draw(st.sampled_from(("female", "male", "other")))}
    for it in ITEMS[2:]:
        if it.is_asked(answers):
            answers[it.id] = draw(ANSWER[it.kind](it))
    return answers


@settings(max_examples=100, deadline=None)
@given(any_answers())
def test_a_band_is_shown_only_on_enough_answers_and_a_raised_one_is_never_nothing(answers):
    scores = compute_scores(answers)
    found = coverages(answers, scores)
    for area in card(answers)["areas"]:
        coverage = found[area["key"]]
        asked, missing = len(coverage.asked), len(coverage.missing)
        assert (area["state"] == COMPLETE) == (scores[coverage.area.band_key] is not None
                                               and 3 * (asked - missing) >= 2 * asked
                                               and coverage.main.enough())  # fmt: skip
        if area["state"] != COMPLETE:
            assert area["zones"] == [] and area["band"] is None and area["missing"]
            assert area["band_label"] in ("onvolledig", "kon niet berekend worden")
            continue
        assert area["band_label"] == band_label(coverage) and area["band"] == scores[coverage.area.band_key]
        assert area["band_label"].startswith(BAND_WORDS[coverage.area.band_key][area["band"]])
        if area["level"]:  # a raised band says what raised it
            assert area["why"] and NOTHING_RAISED not in area["why"]
        elif missing:  # a low band, but not everything answered: it says so
            assert "niet beantwoord." in area["why"]
    for text in area_summaries(answers, scores):
        label = text.split(":")[0]
        key = {"Darmflora": "microbiome", "Magnesium": "magnesium", "Alcohol": "alcohol", "Stress": "stress",
               "Huid": "skin"}[label]  # fmt: skip
        assert text.startswith(f"{label}: {band_label(found[key])}")
        if found[key].state != COMPLETE:
            assert "Waarom?" not in text and NOTHING_RAISED not in text


def test_with_a_red_flag_no_output_links_to_the_booking_page():
    answers = {**WORKED_EXAMPLE, "red_flags": ["black_stool"]}
    result = build_result(answers, CLINIC, "IN-TEST22")
    assert result["booking"]["url"] == "https://kliniek.example/plan?ref=IN-TEST22"  # the result object as the spec
    messages = result_messages(answers, result, CLINIC)
    assert messages[-1].text == (
        "Bel eerst je huisarts over je klachten. Wil je daarna een afspraak bij Testkliniek? Bel dan 020 123 45 67 "
        "of mail info@kliniek.example en noem je referentie IN-TEST22."
    )
    assert all(message.buttons == () or all(isinstance(b, str) for b in message.buttons) for message in messages)
    assert not any("kliniek.example/plan" in message.text for message in messages)
    rendered = [from_bot_message({"text": m.text, "buttons": [
        {"title": t, "url": u, "type": "web_url"} for t, u in m.buttons]}) for m in messages]  # fmt: skip
    assert all(channel_message.link is None for channel_message in rendered)
    view = results_view(answers, result, CLINIC)
    assert view["booking"]["url"] is None and view["booking"]["label"] == "Eerst naar de huisarts"
    assert view["booking"]["contact"] == {"phone": "020 123 45 67", "email": "info@kliniek.example"}
    assert "kliniek.example/plan" not in json.dumps(view)
    assert "kliniek.example/plan" not in booking_prompt(result, CLINIC)  # "afspraak" asked after the results
    other = results_view(WORKED_EXAMPLE, build_result(WORKED_EXAMPLE, CLINIC, "IN-TEST22"), CLINIC)
    assert other["booking"]["url"] == "https://kliniek.example/plan?ref=IN-TEST22"
    assert other["booking"]["contact"] is None
