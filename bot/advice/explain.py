"""A plain Dutch "why" for each score: the answers that raised it."""

from __future__ import annotations

from typing import Mapping

from bot.labels import ITEM_NAMES, answer_label, format_number, join_dutch
from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA
from bot.scoring import asked_answers
from bot.scoring.alcohol import ADVICE_GLASSES_PER_WEEK, BINGE_POINTS, FREQUENCY_POINTS, quantity_points
from bot.scoring.magnesium import kidney_points
from bot.scoring.microbiome import THRESHOLDS_BY_CODE, factor_points
from bot.scoring.stress import PSS_ITEMS, PSS_POINTS, REVERSED_ITEMS, SHORT_SLEEP_BELOW_HOURS

TARGET_WORDS = {"<": "{limit} of meer", ">": "hoogstens {limit}", ">=": "minder dan {limit}"}
PSS_STATEMENTS = {
    "pss_1": "Je had {label} het gevoel dat je geen grip had op belangrijke dingen.",
    "pss_2": "Je had {label} vertrouwen dat je je problemen aankon.",
    "pss_3": "Je had {label} het gevoel dat het je meezat.",
    "pss_4": "Je had {label} het gevoel dat de problemen zich opstapelden.",
}


def _points(points: int) -> str:
    return f" (+{points} punten)"


def microbiome_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    points = factor_points(answers, scores)
    reasons = []
    for code in scores["microbiome_factors"]:
        threshold = THRESHOLDS_BY_CODE.get(code)
        if threshold:
            value = format_number(answers[threshold.item_id])
            target = TARGET_WORDS[threshold.comparison].format(limit=format_number(threshold.limit))
            text = f"{ITEM_NAMES[threshold.item_id]}: {value}, advies {target}."
        elif code == "antibiotics":
            courses = answer_label("med_antibiotics_12m", answers["med_antibiotics_12m"])
            text = f"Antibiotica in het afgelopen jaar: {courses}."
        elif code == "ppi":
            text = "Je gebruikt een maagzuurremmer."
        elif code == "alcohol":
            text = (
                f"Je drinkt gemiddeld {format_number(scores['alcohol_glasses_per_week'])} glazen alcohol per week, "
                f"advies hoogstens {format_number(ADVICE_GLASSES_PER_WEEK)}."
            )
        elif code == "stress":
            text = f"Je ervaart veel stress: score {scores['pss4']} van 16."
        elif code == "short_sleep":
            text = (
                f"Je slaapt gemiddeld {format_number(answers['sleep_hours'])} uur per nacht, "
                f"advies {SHORT_SLEEP_BELOW_HOURS} uur of meer."
            )
        elif code == "taxa_low_protective":
            low = [taxon for taxon in PROTECTIVE_TAXA if taxon in answers["taxa_low"]]
            text = f"Beschermende bacteriën laag in je test: {join_dutch(low)}."
        else:
            high = [taxon for taxon in ASSOCIATED_TAXA if taxon in answers["taxa_high"]]
            text = f"Bacteriën die bij vette lever horen, hoog in je test: {join_dutch(high)}."
        reasons.append(text[0].upper() + text[1:-1] + _points(points[code]) + ".")
    return reasons


def alcohol_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    frequency = answers.get("audit_c_frequency")
    if not frequency or frequency == "never":
        return []
    reasons = []
    if FREQUENCY_POINTS[frequency]:
        reasons.append(f"Je drinkt {answer_label('audit_c_frequency', frequency)} alcohol.")
    quantity = answers.get("audit_c_quantity")
    if quantity is not None and quantity_points(quantity):
        reasons.append(f"Op zo'n dag drink je meestal {format_number(quantity)} glazen.")
    binge = answers.get("audit_c_binge")
    if binge and BINGE_POINTS[binge]:
        reasons.append(f"6 glazen of meer bij één gelegenheid: {answer_label('audit_c_binge', binge)}.")
    return reasons


def stress_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    reasons = []
    for item_id in PSS_ITEMS:
        value = answers.get(item_id)
        if value is None:
            continue
        points = 4 - PSS_POINTS[value] if item_id in REVERSED_ITEMS else PSS_POINTS[value]
        if points >= 3:
            reasons.append(PSS_STATEMENTS[item_id].format(label=answer_label(item_id, value)))
    if scores["short_sleep"]:
        reasons.append(f"Je slaapt gemiddeld {format_number(answers['sleep_hours'])} uur per nacht.")
    return reasons


def magnesium_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    texts = {
        "diuretic": "Je gebruikt een plaspil.",
        "ppi": "Je gebruikt een maagzuurremmer.",
        "heavy_drinking": f"Je drinkt gemiddeld {format_number(scores['alcohol_glasses_per_week'] or 0)} glazen "
        "alcohol per week.",
        "reduced_kidney_function": f"Je nierfunctie (eGFR) is {format_number(answers.get('egfr') or 0)}"
        f"{' (sterk verminderd)' if kidney_points(answers.get('egfr')) == 2 else ' (iets verminderd)'}.",
        "low_dietary_intake": f"Uit je eten krijg je naar schatting {scores['magnesium_intake_mg']} mg magnesium "
        f"per dag; je hebt ongeveer {scores['magnesium_ai_mg']} mg nodig.",
        "diabetes_t2": "Je hebt diabetes type 2.",
    }
    return [texts[code] for code in scores["magnesium_factors"]]


def skin_reasons(answers: Mapping[str, object], scores: Mapping[str, object]) -> list:
    complaints = answers.get("skin_complaints")
    if not complaints:
        return []
    reasons = [f"Je noemde: {answer_label('skin_complaints', complaints)}."]
    if answers.get("skin_impact") is not None:
        reasons.append(f"Je huid hindert je {format_number(answers['skin_impact'])} op een schaal van 0 tot 10.")
    return reasons


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
