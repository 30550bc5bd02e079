"""The advice library, its selection and the "why" of each score."""

import re

import pytest

from bot.advice import BAND_ADVICE, FACTOR_ADVICE, RED_FLAG_ADVICE, select_advice, why
from bot.labels import code_label
from bot.questionnaire import CODE, CODE_LIST, ITEMS
from bot.scoring import compute_scores
from bot.scoring.magnesium import FACTOR_ORDER as MAGNESIUM_FACTORS
from bot.scoring.microbiome import FACTOR_CODES as MICROBIOME_FACTORS
from tests.answers import NO_RISK, WORKED_EXAMPLE, with_answers

BANDS = {
    "alcohol_risk": ("low", "increased"),
    "stress_level": ("low", "moderate", "high"),
    "magnesium_risk": ("low", "moderate", "high"),
    "microbiome_risk": ("low", "moderate", "high"),
    "skin_concern": ("none", "mild", "moderate", "severe"),
}
MEDICINE_FACTORS = {"ppi", "diuretic", "antibiotics", "reduced_kidney_function"}
# Words that would tell someone to stop or change a medicine.
CHANGE_WORDS = re.compile(r"\b(stop\w*|minder\w*|afbouw\w*|verminder\w*|verlaag\w*|halveer\w*|niet meer|vervang\w*)\b")


def test_every_factor_code_has_advice():
    assert set(FACTOR_ADVICE) == set(MICROBIOME_FACTORS) | set(MAGNESIUM_FACTORS)


def test_every_band_has_advice():
    assert set(BAND_ADVICE) == {(area, band) for area, bands in BANDS.items() for band in bands}


@pytest.mark.parametrize("advice", [*FACTOR_ADVICE.values(), *BAND_ADVICE.values(), RED_FLAG_ADVICE])
def test_advice_is_short_dutch_with_a_source(advice):
    assert advice.sources and all(source.strip() for source in advice.sources)
    assert 20 <= len(advice.text) <= 420
    assert advice.text.endswith((".", "?", "!"))
    assert not re.search(r"\b(u|uw)\b", advice.text), "je-form, not u-form"


def test_medicine_advice_only_says_discuss_with_huisarts_or_apotheker():
    medicine = {code for code, advice in FACTOR_ADVICE.items() if advice.medicine}
    assert medicine == MEDICINE_FACTORS
    for code in medicine:
        text = FACTOR_ADVICE[code].text
        assert "huisarts of apotheker" in text, code
        assert not CHANGE_WORDS.search(text.lower()), (code, CHANGE_WORDS.search(text.lower()))


def test_alcohol_advice_quotes_the_gezondheidsraad():
    assert "geen alcohol, of in ieder geval niet meer dan één glas per dag" in FACTOR_ADVICE["alcohol"].text


def test_every_code_has_a_dutch_label():
    for it in ITEMS:
        if it.kind in (CODE, CODE_LIST):
            for code in it.codes:
                assert code_label(it.id, code)


class TestSelection:
    def test_worked_example_order_and_limit(self):
        scores = compute_scores(WORKED_EXAMPLE)
        selected = select_advice(WORKED_EXAMPLE, scores, limit=6)
        # ppi weighs 10 (microbiome) + 10 (one MDS point); then the 10-point factors in table order.
        assert [s.advice.id for s in selected] == [
            "ppi", "low_whole_grain", "low_veg_fruit", "few_fermented", "ultra_processed", "antibiotics"]  # fmt: skip
        assert [s.weight for s in selected] == [20, 10, 10, 10, 10, 10]
        assert len(select_advice(WORKED_EXAMPLE, scores)) == 5
        assert select_advice(WORKED_EXAMPLE, scores, limit=0) == []

    def test_all_factors_when_the_limit_allows(self):
        scores = compute_scores(WORKED_EXAMPLE)
        selected = select_advice(WORKED_EXAMPLE, scores, limit=50)
        assert [s.advice.id for s in selected][6:] == [
            "low_dietary_intake", "no_legumes", "few_nuts", "much_red_meat", "alcohol", "stress",
            "short_sleep"]  # fmt: skip

    def test_red_flag_first_within_the_limit(self):
        answers = with_answers(WORKED_EXAMPLE, red_flags=["blood_in_stool"])
        selected = select_advice(answers, compute_scores(answers), limit=3)
        assert [s.advice.id for s in selected] == ["red_flag", "ppi", "low_whole_grain"]

    def test_alcohol_topic_shown_once_with_summed_weight(self):
        answers = with_answers(NO_RISK, audit_c_frequency="4_plus_per_week", audit_c_quantity=6,
                               audit_c_binge="weekly")  # fmt: skip
        scores = compute_scores(answers)
        assert scores["heavy_drinking"] and scores["above_alcohol_advice"]
        selected = select_advice(answers, scores, limit=10)
        alcohol = [s for s in selected if s.advice.topic == "alcohol"]
        assert len(alcohol) == 1
        assert (alcohol[0].advice.id, alcohol[0].weight, alcohol[0].factors) == (
            "heavy_drinking", 15, ("heavy_drinking", "alcohol"))  # fmt: skip

    def test_kidney_and_intake_weights(self):
        answers = with_answers(NO_RISK, egfr=45, nuts_per_week=0, legumes_per_week=0, veg_fruit_per_day=0,
                               whole_grain_per_day=0)  # fmt: skip
        scores = compute_scores(answers)
        assert scores["magnesium_intake_band"] == "low"
        weights = {s.advice.id: s.weight for s in select_advice(answers, scores, limit=20)}
        assert weights["reduced_kidney_function"] == 20
        assert weights["low_dietary_intake"] == 20

    def test_nothing_to_advise(self):
        scores = compute_scores(with_answers(NO_RISK, veg_fruit_per_day=12))
        assert scores["microbiome_factors"] == [] and scores["magnesium_factors"] == []
        assert select_advice(NO_RISK, scores) == []


class TestWhy:
    def test_worked_example(self):
        reasons = why(WORKED_EXAMPLE, compute_scores(WORKED_EXAMPLE))
        assert reasons["alcohol"] == [
            "Je drinkt 2 tot 3 keer per week alcohol.",
            "Op zo'n dag drink je meestal 3 glazen.",
            "6 glazen of meer bij één gelegenheid: elke maand.",
        ]
        assert reasons["stress"] == [
            "Je had bijna nooit het gevoel dat het je meezat.",
            "Je had vaak het gevoel dat de problemen zich opstapelden.",
            "Je slaapt gemiddeld 6 uur per nacht.",
        ]
        assert reasons["magnesium"] == [
            "Je gebruikt een maagzuurremmer.",
            "Je krijgt uit je eten minder magnesium binnen dan je nodig hebt.",
        ]
        assert reasons["microbiome"][0] == "Volkoren (porties per dag): 2, advies 3 of meer."
        assert reasons["microbiome"][9] == "Je drinkt gemiddeld 7,5 glazen alcohol per week, advies hoogstens 7."
        assert len(reasons["microbiome"]) == 12
        assert reasons["skin"] == ["Je noemde: acne (puistjes).", "Je huid hindert je 5 op een schaal van 0 tot 10."]

    def test_taxa_kidney_and_fractions(self):
        answers = with_answers(NO_RISK, microbiome_test="yes", taxa_low=["Faecalibacterium", "Odoribacter"],
                               taxa_high=["Dorea"], egfr=55, veg_fruit_per_day=2.5)  # fmt: skip
        reasons = why(answers, compute_scores(answers))
        assert "Beschermende bacteriën laag in je test: Odoribacter en Faecalibacterium." in reasons["microbiome"]
        assert "Groente en fruit (porties per dag): 2,5, advies 5 of meer." in reasons["microbiome"]
        assert "Je nierfunctie (eGFR) is 55 (sterk verminderd)." in reasons["magnesium"]

    def test_no_drinking_no_reasons(self):
        reasons = why(NO_RISK, compute_scores(NO_RISK))
        assert reasons["alcohol"] == [] and reasons["microbiome"] == [] and reasons["skin"] == []
