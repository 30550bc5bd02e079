"""A plain Dutch "why" for each score: the answers that raised it.

No item is named here: the scoring modules say which items and factors raised a
score, and each item carries the sentence that names its answer (``Item.reason``).
"""

from __future__ import annotations

from typing import Mapping, Optional

from bot import questionnaire
from bot.labels import ITEM_NAMES, answer_label, format_number, join_dutch
from bot.questionnaire import ITEMS_BY_ID
from bot.scoring import alcohol, asked_answers, magnesium, microbiome, stress
from bot.scoring.alcohol import ADVICE_GLASSES_PER_WEEK
from bot.scoring.microbiome import FACTOR_ITEMS as MICROBIOME_ITEMS
from bot.scoring.microbiome import TAXA_FACTORS, THRESHOLDS_BY_CODE
from bot.scoring.stress import SHORT_SLEEP_BELOW_HOURS

TARGET_WORDS = {"<": "{limit} of meer", ">": "hoogstens {limit}", ">=": "minder dan {limit}"}
# A PSS item is named when it gave at least this many of its 4 points.
STRESS_REASON_POINTS = 3
SKIN_SECTION = "skin"
# Factors that no single answer explains; "{answer}" is the label of the factor's item.
FACTOR_TEXTS = {
    "alcohol": "Je drinkt gemiddeld {glasses} glazen alcohol per week, advies hoogstens {advice}.",
    "stress": "Je ervaart veel stress: score {pss4} van {pss4_max}.",
    "short_sleep": "Je slaapt gemiddeld {answer} uur per nacht, advies {sleep} uur of meer.",
    "taxa_low_protective": "Beschermende bacteriën laag in je test: {taxa}.",
    "taxa_high_associated": "Bacteriën die bij vette lever horen, hoog in je test: {taxa}.",
    "heavy_drinking": "Je drinkt gemiddeld {glasses} glazen alcohol per week.",
    "reduced_kidney_function": "Je nierfunctie (eGFR) is {answer} ({kidney}).",
    "low_dietary_intake": "Uit je eten krijg je naar schatting {intake} mg magnesium per dag; je hebt ongeveer {ai} mg "
    "nodig.",
}
KIDNEY_WORDS = {1: "iets verminderd", 2: "sterk verminderd"}


def _reason(item_id: str, answers: Mapping[str, object]) -> str:
    """The item's own sentence about its answer."""
    return ITEMS_BY_ID[item_id].reason.format(answer=answer_label(item_id, answers[item_id]))


def _figures(scores: Mapping[str, object]) -> dict:
    """The figures that the factor texts quote."""
    return {
        "glasses": format_number(scores["alcohol_glasses_per_week"] or 0),
        "advice": format_number(ADVICE_GLASSES_PER_WEEK),
        "pss4": scores["pss4"],
        "pss4_max": stress.PSS4_MAX,
        "sleep": SHORT_SLEEP_BELOW_HOURS,
        "intake": scores["magnesium_intake_mg"],
        "ai": scores["magnesium_ai_mg"],
    }


def _factor_text(code: str, item_id: Optional[str], answers: Mapping[str, object], figures: dict) -> str:
    """The sentence for one factor: its own text, else the sentence of the item that decides it."""
    if code not in FACTOR_TEXTS:
        return _reason(item_id, answers)
    words = dict(figures)
    if item_id:
        words["answer"] = answer_label(item_id, answers[item_id])
    if code in TAXA_FACTORS:
        listed, counted = TAXA_FACTORS[code]
        words["taxa"] = join_dutch(taxon for taxon in counted if taxon in answers[listed])
    if code == "reduced_kidney_function":
        words["kidney"] = KIDNEY_WORDS[magnesium.kidney_points(answers[item_id])]
    return FACTOR_TEXTS[code].format(**words)


def _points(points: int) -> str:
    return f" (+{points} punten)"


def microbiome_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    points = microbiome.factor_points(answers, scores)
    figures = _figures(scores)
    reasons = []
    for code in scores["microbiome_factors"]:
        threshold = THRESHOLDS_BY_CODE.get(code)
        if threshold:
            value = format_number(answers[threshold.item_id])
            target = TARGET_WORDS[threshold.comparison].format(limit=format_number(threshold.limit))
            text = f"{ITEM_NAMES[threshold.item_id]}: {value}, advies {target}."
        else:
            text = _factor_text(code, MICROBIOME_ITEMS.get(code), answers, figures)
        reasons.append(text[0].upper() + text[1:-1] + _points(points[code]) + ".")
    return reasons


def alcohol_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    return [_reason(item_id, answers) for item_id, points in alcohol.item_points(answers).items() if points]


def stress_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    points = stress.item_points(answers)
    reasons = [_reason(item_id, answers) for item_id in points if points[item_id] >= STRESS_REASON_POINTS]
    if scores["short_sleep"]:
        reasons.append(_reason(stress.SLEEP_ITEM, answers))
    return reasons


def magnesium_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    items, figures = magnesium.FACTOR_ITEMS, _figures(scores)
    return [_factor_text(code, items.get(code), answers, figures) for code in scores["magnesium_factors"]]


def skin_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    """The skin answers themselves: what the user named and how much it bothers them."""
    section = [it.id for it in questionnaire.ITEMS if it.section == SKIN_SECTION and it.reason]
    return [_reason(item_id, answers) for item_id in section if answers.get(item_id) not in (None, [])]


AREAS = {
    "alcohol": alcohol_reasons,
    "stress": stress_reasons,
    "magnesium": magnesium_reasons,
    "microbiome": microbiome_reasons,
    "skin": skin_reasons,
}


def why(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Per area, the Dutch sentences that name the answers that raised its score."""
    relevant = asked_answers(answers)
    return {area: reasons(relevant, scores) for area, reasons in AREAS.items()}
