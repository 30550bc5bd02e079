"""What raised each score, in two voices: the patient's plain Dutch "why" (je-form) and the clinician's
drivers (third person, with the points).

No item is named here: the scoring modules say which items and factors raised a score, and each item
carries the sentence that names its answer (``Item.reason``) and its name for the clinician
(``Item.clinic_name``). Both voices read the same list of drivers, so they never disagree.
"""

from __future__ import annotations

from typing import Mapping, NamedTuple, Optional

from bot.bands import band_word
from bot.labels import answer_label, format_number, join_dutch
from bot.questionnaire import ITEMS_BY_ID
from bot.scoring import SKIN_ITEMS, alcohol, asked_answers, magnesium, microbiome, stress
from bot.scoring.alcohol import ADVICE_GLASSES_PER_WEEK
from bot.scoring.microbiome import FACTOR_ITEMS as MICROBIOME_ITEMS
from bot.scoring.microbiome import TAXA_FACTORS, THRESHOLDS_BY_CODE
from bot.scoring.stress import SHORT_SLEEP_BELOW_HOURS

TARGET_WORDS = {"<": "{limit} of meer", ">": "hoogstens {limit}", ">=": "minder dan {limit}"}
# A PSS item is named when it gave at least this many of its 4 points; when the stress level is raised and
# no item did, the items that gave at least STRESS_RAISED_POINTS are named instead.
STRESS_REASON_POINTS = 3
STRESS_RAISED_POINTS = 2
# Factors that no single answer explains, for the patient; "{answer}" is the label of the factor's item.
FACTOR_TEXTS = {
    "alcohol": "Je drinkt gemiddeld {glasses} glazen alcohol per week, advies hoogstens {advice}.",
    "stress": "Je ervaart veel stress: score {pss4} van {pss4_max}.",
    "short_sleep": "Je slaapt gemiddeld {answer} uur per nacht, advies {sleep} uur of meer.",
    "taxa_low_protective": "Beschermende bacteriën laag in je test: {taxa}.",
    "taxa_high_associated": "Bacteriën die bij vette lever horen, hoog in je test: {taxa}.",
    "heavy_drinking": "Je drinkt gemiddeld {glasses} glazen alcohol per week.",
    "reduced_kidney_function": "Je nierfunctie (eGFR) is {answer} ({kidney}).",
    "low_dietary_intake": "Je krijgt uit je eten minder magnesium binnen dan je nodig hebt.",
}
# The same factors for the clinician (third person).
CLINIC_FACTOR_TEXTS = {
    "alcohol": "Alcohol: gemiddeld {glasses} glazen per week, advies hoogstens {advice}.",
    "stress": "PSS-4: {pss4} van {pss4_max} ({stress}).",
    "short_sleep": "Slaap: gemiddeld {answer} uur per nacht, advies {sleep} uur of meer.",
    "taxa_low_protective": "Beschermende bacteriën laag in de test: {taxa}.",
    "taxa_high_associated": "Bacteriën die bij vette lever horen, hoog in de test: {taxa}.",
    "heavy_drinking": "Zwaar drinken: gemiddeld {glasses} glazen alcohol per week.",
    "reduced_kidney_function": "Nierfunctie (eGFR): {answer} ({kidney}).",
    "low_dietary_intake": "Magnesium uit voeding: naar schatting {intake} mg per dag, nodig ongeveer {ai} mg "
    "({intake_band}).",
}
KIDNEY_WORDS = {1: "iets verminderd", 2: "sterk verminderd"}


class Driver(NamedTuple):
    """One thing that raised a score: a factor code or an item, the item behind it, and its points."""

    code: Optional[str]  # a factor code; None when the item itself is the driver
    item_id: Optional[str]
    points: Optional[int] = None  # microbiome points or AUDIT-C / PSS-4 points; None where none apply


def microbiome_drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    points = microbiome.factor_points(answers, scores)
    return [Driver(code, _factor_item(code, MICROBIOME_ITEMS), points[code]) for code in scores["microbiome_factors"]]


def magnesium_drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    return [Driver(code, magnesium.FACTOR_ITEMS.get(code)) for code in scores["magnesium_factors"]]


def alcohol_drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    return [Driver(None, item_id, points) for item_id, points in alcohol.item_points(answers).items() if points]


def stress_drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    points = stress.item_points(answers)
    named = [item_id for item_id in points if points[item_id] >= STRESS_REASON_POINTS]
    if not named and scores["stress_level"] not in (None, "low"):  # a raised level always says what raised it
        named = [item_id for item_id in points if points[item_id] >= STRESS_RAISED_POINTS]
    drivers = [Driver(None, item_id, points[item_id]) for item_id in named]
    if scores["short_sleep"]:
        drivers.append(Driver(None, stress.SLEEP_ITEM))
    return drivers


def skin_drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    """The skin answers themselves: what the user named and how much it bothers them."""
    return [Driver(None, item_id) for item_id in SKIN_ITEMS if answers.get(item_id) not in (None, [])]


AREAS = {
    "alcohol": alcohol_drivers,
    "stress": stress_drivers,
    "magnesium": magnesium_drivers,
    "microbiome": microbiome_drivers,
    "skin": skin_drivers,
}


def _factor_item(code: str, items: Mapping[str, str]) -> Optional[str]:
    threshold = THRESHOLDS_BY_CODE.get(code)
    return threshold.item_id if threshold else items.get(code)


def _figures(scores: Mapping[str, object]) -> dict:
    """The figures that the factor texts quote."""
    return {
        "glasses": format_number(scores["alcohol_glasses_per_week"] or 0),
        "advice": format_number(ADVICE_GLASSES_PER_WEEK),
        "pss4": scores["pss4"],
        "pss4_max": stress.PSS4_MAX,
        "stress": band_word("stress_level", scores["stress_level"]),
        "sleep": SHORT_SLEEP_BELOW_HOURS,
        "intake": scores["magnesium_intake_mg"],
        "ai": scores["magnesium_ai_mg"],
        "intake_band": band_word("magnesium_intake_band", scores["magnesium_intake_band"]),
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _text(driver: Driver, answers: Mapping[str, object], figures: dict, clinic: bool) -> str:
    """One driver's sentence, in the patient's voice or the clinician's."""
    code, item_id = driver.code, driver.item_id
    threshold = THRESHOLDS_BY_CODE.get(code or "")
    if threshold:
        name = ITEMS_BY_ID[item_id].clinic_name if clinic else ITEMS_BY_ID[item_id].name
        target = TARGET_WORDS[threshold.comparison].format(limit=format_number(threshold.limit))
        return f"{_capital(name)}: {format_number(answers[item_id])}, advies {target}."
    texts = CLINIC_FACTOR_TEXTS if clinic else FACTOR_TEXTS
    if code in texts:
        words = dict(figures)
        if item_id:
            words["answer"] = answer_label(item_id, answers[item_id], clinic)
        if code in TAXA_FACTORS:
            listed, counted = TAXA_FACTORS[code]
            words["taxa"] = join_dutch(taxon for taxon in counted if taxon in answers[listed])
        if code == "reduced_kidney_function":
            words["kidney"] = KIDNEY_WORDS[magnesium.kidney_points(answers[item_id])]
        return texts[code].format(**words)
    item = ITEMS_BY_ID[item_id]
    if clinic:
        return f"{_capital(item.clinic_name)}: {answer_label(item_id, answers[item_id], clinic=True)}."
    return item.reason.format(answer=answer_label(item_id, answers[item_id]))


def _points(driver: Driver, area: str) -> str:
    if driver.points is None:
        return ""
    if area == "microbiome":
        return f" (+{driver.points} punten)"
    return f" ({driver.points} {'punt' if driver.points == 1 else 'punten'})"


def drivers(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Per area, what raised its score (``Driver``s), most points first where the score has points."""
    relevant = asked_answers(answers)
    return {area: found(relevant, scores) for area, found in AREAS.items()}


def explained(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Per area, (driver, the patient's sentence) for what raised its score."""
    relevant, figures = asked_answers(answers), _figures(scores)
    return {area: [(d, _text(d, relevant, figures, clinic=False)) for d in found]
            for area, found in drivers(answers, scores).items()}  # fmt: skip


def why(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Per area, the patient's Dutch sentences that name the answers that raised its score (no points)."""
    return {area: [text for _, text in found] for area, found in explained(answers, scores).items()}


def clinic_explained(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Per area, (driver, the clinician's line) for what raised its score: third person, with the points."""
    relevant, figures = asked_answers(answers), _figures(scores)
    return {
        area: [(d, _text(d, relevant, figures, clinic=True)[:-1] + _points(d, area) + ".") for d in found]
        for area, found in drivers(answers, scores).items()
    }
