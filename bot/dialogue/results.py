"""The results: the ``intake_result`` object of the spec and the Dutch messages and card that show it.

Every area says how much of it was answered (``bot.areas``): below two thirds its band is not shown as an
outcome ("onvolledig"), a score that could not be computed says so, and a raised band always names what
raised it. The text messages (REST and messaging apps) and the web card say the same.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlencode

from bot.advice import (
    DEFAULT_LIMIT,
    NO_DIAGNOSIS,
    RED_FLAG_ADVICE,
    band_advice,
    select_advice,
    taxon_advice,
    taxon_line,
)
from bot.advice.explain import explained
from bot.areas import COMPLETE, INCOMPLETE, Coverage, coverages, intake_missing
from bot.bands import INCOMPLETE as INCOMPLETE_WORD
from bot.bands import ZONE_WORDS, band_word, level
from bot.clinic import Clinic
from bot.dialogue.message import Message
from bot.labels import format_number, join_dutch
from bot.scoring import booking_kind, compute_scores
from bot.scoring.alcohol import RISK_CUTOFF, sex_for_thresholds
from bot.scoring.microbiome import RISK_BANDS
from bot.scoring.stress import PSS4_MAX, STRESS_BANDS

RESULT_VERSION = 1
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REFERENCE_LENGTH = 6
GP_FIRST = "gp_first"
# The web channel's name (channels/web.py): there the results are one card, elsewhere text messages.
WEB_CHANNEL = "intake_web"
NOTHING_RAISED = "Niets in je antwoorden verhoogt dit risico."
RAISED_TOGETHER = "Dat komt door je antwoorden samen."
NOT_COMPUTED_WORDS = "kon niet berekend worden"
LOW_INTAKE_CODE = "low_dietary_intake"
# When some of the intake's diet questions are unanswered the intake is a lower bound (they add nothing).
PARTIAL_LOW_INTAKE = "Uit de voedingsvragen die je beantwoordde, krijg je minder magnesium binnen dan je nodig hebt."
# At most this many reasons of the gut flora (it has up to 14); the other areas name all of theirs.
MICROBIOME_REASONS_SHOWN = 3
RESULT_ACTIONS = (("Opnieuw beginnen", "opnieuw beginnen"), ("Verwijder mijn gegevens", "verwijder mijn gegevens"))


@dataclass(frozen=True)
class AreaWords:
    label: str  # in the text messages
    card_label: str  # on the web card
    band_suffix: str  # after the band word: "verhoogd" + " risico"
    assess: str  # what answering the missing questions would let the assistant assess


AREA_WORDS = {
    "microbiome": AreaWords("Darmflora", "Darmflora", " risico", "je risico voor je darmflora"),
    "magnesium": AreaWords("Magnesium", "Magnesium", " risico op een tekort", "je kans op een magnesiumtekort"),
    "alcohol": AreaWords("Alcohol", "Alcohol (AUDIT-C)", " risico", "je alcoholscore"),
    "stress": AreaWords("Stress", "Stress (PSS-4)", "", "je stressscore"),
    "skin": AreaWords("Huid", "Huid", "", "hoeveel last je van je huid hebt"),
}
CARD_AREAS = ("microbiome", "magnesium", "alcohol", "stress")


def new_reference() -> str:
    """A short reference for the booking, e.g. "IN-7KQ4M2" (30 bits of randomness)."""
    return "IN-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def booking_url(clinic: Clinic, reference: str) -> str:
    separator = "&" if "?" in clinic.booking_url else "?"
    return f"{clinic.booking_url}{separator}{urlencode({'ref': reference})}"


def build_result(answers: dict, clinic: Clinic, reference: Optional[str] = None) -> dict:
    """The spec's result object: version, scores from the engine, booking kind, URL and reference."""
    scores = compute_scores(answers)
    reference = reference or new_reference()
    return {
        "version": RESULT_VERSION,
        "scores": scores,
        "booking": {
            "kind": booking_kind(answers, scores),
            "url": booking_url(clinic, reference),
            "reference": reference,
        },
    }


# --- one area, in words ------------------------------------------------------------------------------------
def band_label(found: Coverage) -> str:
    """ "verhoogd risico", "onvolledig", "kon niet berekend worden" """
    if found.state == COMPLETE:
        return band_word(found.area.band_key, found.band) + AREA_WORDS[found.key].band_suffix
    return INCOMPLETE_WORD if found.state == INCOMPLETE else NOT_COMPUTED_WORDS


def figure(found: Coverage, answers: dict, scores: dict) -> str:
    """The figure behind a band that is shown; "" otherwise."""
    if found.state != COMPLETE:
        return ""
    if found.key == "microbiome":
        return f"{scores['microbiome_score']} van 100 punten"
    if found.key == "magnesium":
        return intake_sentence(scores, partial_intake(answers))
    if found.key == "alcohol":
        return (f"AUDIT-C {scores['audit_c']} van 12 punten, gemiddeld "
                f"{format_number(scores['alcohol_glasses_per_week'])} glazen per week")  # fmt: skip
    if found.key == "stress":
        return f"{scores['pss4']} van {PSS4_MAX} punten"
    return ""


def intake_sentence(scores: dict, partial: bool = False) -> str:
    source = "Uit de voedingsvragen die je beantwoordde, krijg je naar schatting minstens" if partial else (
        "Uit je eten krijg je naar schatting")  # fmt: skip
    intake, needed = scores["magnesium_intake_mg"], scores["magnesium_ai_mg"]
    return f"{source} {intake} mg per dag; je hebt ongeveer {needed} mg nodig."


def partial_intake(answers: dict) -> bool:
    """True when some of the diet questions behind the magnesium intake are unanswered."""
    return bool(intake_missing(answers))


def reasons_of(found: Coverage, explained_area: list, answers: dict) -> list:
    """The patient's sentences for what raised an area. A low intake from a diet with unanswered questions is a
    lower bound: said as such when the band is shown, left out when it is not."""
    reasons = []
    for driver, text in explained_area:
        if driver.code == LOW_INTAKE_CODE and partial_intake(answers):
            if found.state != COMPLETE:
                continue
            text = PARTIAL_LOW_INTAKE
        reasons.append(text)
    return reasons


def _shown(key: str, reasons: list) -> list:
    if key != "microbiome" or len(reasons) <= MICROBIOME_REASONS_SHOWN:
        return reasons
    more = len(reasons) - MICROBIOME_REASONS_SHOWN
    return reasons[:MICROBIOME_REASONS_SHOWN] + [f"En nog {more} {'ander ding' if more == 1 else 'andere dingen'} "
                                                 "uit je antwoorden."]


def why_line(found: Coverage, reasons: list) -> str:
    """What raised a band that is shown; a band that is raised never gets "Niets ... verhoogt dit risico"."""
    unanswered = join_dutch(found.missing_groups())
    if reasons:
        line = " ".join(_shown(found.key, reasons))
        # a low band on some unanswered questions: those could have raised it
        return line + (f" Je hebt {unanswered} niet beantwoord." if found.missing and not level(found.band) else "")
    if level(found.band):
        return RAISED_TOGETHER
    if found.missing:
        return f"{NOTHING_RAISED[:-1]}, maar je hebt {unanswered} niet beantwoord."
    return NOTHING_RAISED


def missing_line(found: Coverage) -> str:
    """For an area that is incomplete or not computed: what answering the rest would add."""
    if found.state == COMPLETE:
        return ""
    verb = "inschatten" if found.state == INCOMPLETE else "berekenen"
    return f"Met antwoorden op {join_dutch(found.missing_groups())} kan ik {AREA_WORDS[found.key].assess} wel {verb}."


def found_line(found: Coverage, reasons: list) -> str:
    """For an area that is incomplete: what its answers did raise, so far."""
    return "Wel gevonden: " + " ".join(_shown(found.key, reasons)) if reasons and found.state != COMPLETE else ""


def area_text(found: Coverage, answers: dict, scores: dict, reasons: list) -> str:
    """One short paragraph for the text messages."""
    words = AREA_WORDS[found.key]
    basis = found.basis()
    if found.state != COMPLETE:
        parts = [f"{words.label}: {band_label(found)} ({basis}).", found_line(found, reasons), missing_line(found)]
        return " ".join(part for part in parts if part)
    shown = figure(found, answers, scores)
    head = f"{words.label}: {band_label(found)}"
    if found.key == "magnesium":  # the figure is a sentence of its own
        head += f". {shown}"
    else:
        head += f" ({shown})." if shown else "."
    advice = band_advice(found.area.band_key, found.band).text
    return f"{head} {advice} Waarom? {why_line(found, reasons)} {basis[:1].upper()}{basis[1:]}."


def area_reasons(answers: dict, scores: dict) -> tuple:
    """(coverage, patient reasons) per area."""
    found, texts = coverages(answers, scores), explained(answers, scores)
    return found, {key: reasons_of(found[key], texts[key], answers) for key in found}


def area_summaries(answers: dict, scores: dict) -> list:
    """One short paragraph per area; the skin only when there are complaints, or when they are unknown."""
    found, reasons = area_reasons(answers, scores)
    keys = list(CARD_AREAS)
    if found["skin"].band != "none":
        keys.append("skin")
    return [area_text(found[key], answers, scores, reasons[key]) for key in keys]


def results_in_brief(answers: dict, scores: dict) -> str:
    """The results in one line, for "wat betekent mijn score?" after they were shown."""
    found = coverages(answers, scores)
    parts = [f"{AREA_WORDS[key].label.lower()}: {band_label(found[key])}" for key in CARD_AREAS]
    return "In het kort: je " + "; ".join(parts) + "."


# --- the booking -------------------------------------------------------------------------------------------
def contact_text(clinic: Clinic) -> str:
    return f"Bel dan {clinic.phone} of mail {clinic.email}"


def booking_prompt(result: dict, clinic: Clinic) -> str:
    """The last message: the booking link, or with a red flag the huisarts first and the clinic's contact."""
    booking = result["booking"]
    reference, url = booking["reference"], booking["url"]
    if booking["kind"] == GP_FIRST:
        return (
            f"Bel eerst je huisarts over je klachten. Wil je daarna een afspraak bij {clinic.name}? "
            f"{contact_text(clinic)} en noem je referentie {reference}."
        )
    consult = "een vrijblijvend skincare consult" if booking["kind"] == "skincare_consult" else "een intakeconsult"
    return (
        f"Wil je hier samen met een specialist naar kijken? Plan {consult} bij {clinic.name}: {url}. "
        f"Je referentie is {reference}; daarmee kan de kliniek je antwoorden erbij pakken."
    )


def booking_buttons(result: dict) -> tuple:
    """The booking link as a button; none when the huisarts comes first."""
    booking = result["booking"]
    return () if booking["kind"] == GP_FIRST else (("Plan je consult", booking["url"]),)


def booking_text(kind: str, clinic: Clinic) -> str:
    """One line above the booking button of the web card."""
    if kind == GP_FIRST:
        return (f"Bel eerst je huisarts over je klachten. Wil je daarna een afspraak bij {clinic.name}? "
                "Neem dan contact op met de kliniek.")  # fmt: skip
    consult = "een vrijblijvend skincare consult" if kind == "skincare_consult" else "een intakeconsult"
    return f"Wil je hier samen met een specialist naar kijken? Plan {consult} bij {clinic.name}."


# --- the messages and the card -------------------------------------------------------------------------------
def shown_advice(answers: dict, scores: dict, limit: int = DEFAULT_LIMIT) -> list:
    """The advice the results show, in order: the red flag first, then the selected tips."""
    return [selected.advice for selected in select_advice(answers, scores, limit=limit)]


def advice_record(advice: list) -> list:
    """The shown advice as stored in the intake record."""
    return [{"id": a.id, "title": a.title, "text": a.text, "sources": list(a.sources)} for a in advice]


def result_messages(answers: dict, result: dict, clinic: Clinic, limit: int = DEFAULT_LIMIT) -> list:
    scores = result["scores"]
    messages = []
    advice = shown_advice(answers, scores, limit)
    if scores["red_flag"]:
        messages.append(Message(RED_FLAG_ADVICE.text))
    messages.append(Message("Dank je wel voor je antwoorden! Dit is je uitkomst."))
    messages.extend(Message(line) for line in area_summaries(answers, scores))
    own_taxa = [taxon_line(a) for a in taxon_advice(answers)]  # one line per low protective / high associated taxon
    if own_taxa:
        messages.append(Message(OWN_TAXA_TITLE + "\n" + "\n".join(own_taxa)))
    tips = [a for a in advice if a.id != RED_FLAG_ADVICE.id]
    if tips:
        listed = "\n".join(f"{i}. {a.title}: {a.text}" for i, a in enumerate(tips, 1))
        messages.append(Message("Mijn tips voor jou:\n" + listed))
    messages.append(Message(NO_DIAGNOSIS))
    messages.append(Message(booking_prompt(result, clinic), booking_buttons(result)))
    return messages


OWN_TAXA_TITLE = "Over de bacteriën uit je eigen test:"


def _percent(value: float) -> float:
    return round(100 * value, 1)


def scale(value: int, maximum: int, bands: tuple) -> tuple:
    """A 0..maximum integer score on a bar: (position, zones) in percent, more is more risk.

    Each whole score is a cell of equal width, so the marker sits in the middle of its cell and never
    on a zone border; ``bands`` are the engine's own ``(highest score, band)`` pairs.
    """
    cells = maximum + 1
    zones, start = [], 0
    for highest, band in bands:
        zone = level(band)
        zones.append({"level": zone, "label": ZONE_WORDS[zone], "start": _percent(start / cells),
                      "end": _percent((highest + 1) / cells)})  # fmt: skip
        start = highest + 1
    return _percent((value + 0.5) / cells), zones


def level_scale(band_level: int) -> tuple:
    """A bar for a risk that is a level, not a figure: three equal zones, the marker in the middle of its zone."""
    zones = [{"level": i, "label": word, "start": _percent(i / 3), "end": _percent((i + 1) / 3)}
             for i, word in enumerate(ZONE_WORDS)]  # fmt: skip
    return _percent((band_level + 0.5) / 3), zones


def _bar(found: Coverage, answers: dict, scores: dict) -> tuple:
    """(position, zones, value, max) of an area whose band is shown."""
    if found.key == "microbiome":
        return (*scale(scores["microbiome_score"], 100, RISK_BANDS), scores["microbiome_score"], 100)
    if found.key == "magnesium":
        return (*level_scale(level(found.band)), scores["magnesium_intake_mg"], scores["magnesium_ai_mg"])
    if found.key == "alcohol":
        cutoff = RISK_CUTOFF[sex_for_thresholds(answers)]
        return (*scale(scores["audit_c"], 12, ((cutoff - 1, "low"), (12, "increased"))), scores["audit_c"], 12)
    return (*scale(scores["pss4"], PSS4_MAX, STRESS_BANDS), scores["pss4"], PSS4_MAX)


def card_area(found: Coverage, answers: dict, scores: dict, reasons: list) -> dict:
    """One area of the web card. An area whose band is not shown has no bar, level or figure: it says how
    much was answered, what its answers did raise, and what answering the rest would add."""
    area = {"key": found.key, "label": AREA_WORDS[found.key].card_label, "state": found.state,
            "band": found.band if found.state == COMPLETE else None, "band_label": band_label(found),
            "basis": found.basis()[:1].upper() + found.basis()[1:] + ".", "level": None, "figure": "",
            "position": None, "zones": [], "value": None, "max": None, "why": None,
            "found": found_line(found, reasons) or None, "missing": missing_line(found) or None}  # fmt: skip
    if found.state == COMPLETE:
        position, zones, value, maximum = _bar(found, answers, scores)
        area.update(level=level(found.band), figure=figure(found, answers, scores), position=position, zones=zones,
                    value=value, max=maximum, why=why_line(found, reasons))  # fmt: skip
    return area


def results_view(answers: dict, result: dict, clinic: Clinic, limit: int = DEFAULT_LIMIT) -> dict:
    """What the web chat draws: per area a bar (more is more risk) with its zones and a "why", or what is
    missing; the tips, the booking button (or the huisarts first and the clinic's contact), and the buttons
    to start again or delete the data."""
    scores = result["scores"]
    found, reasons = area_reasons(answers, scores)
    booking = result["booking"]
    gp_first = booking["kind"] == GP_FIRST
    return {
        "red_flag": scores["red_flag"],
        "red_flag_text": RED_FLAG_ADVICE.text if scores["red_flag"] else None,
        "areas": [card_area(found[key], answers, scores, reasons[key]) for key in CARD_AREAS],
        "advice": [{"title": a.title, "text": a.text} for a in shown_advice(answers, scores, limit)
                   if a.id != RED_FLAG_ADVICE.id],
        "no_diagnosis": NO_DIAGNOSIS,
        "own_taxa": {"title": OWN_TAXA_TITLE, "lines": [{"title": a.title, "text": a.text, "sources": list(a.sources)}
                                                         for a in taxon_advice(answers)]},
        "booking": {
            "url": None if gp_first else booking["url"],
            "reference": booking["reference"],
            "kind": booking["kind"],
            "label": "Eerst naar de huisarts" if gp_first else "Plan je consult",
            "text": booking_text(booking["kind"], clinic),
            "clinic": clinic.name,
            "contact": {"phone": clinic.phone, "email": clinic.email} if gp_first else None,
        },
        "actions": [{"title": title, "send": text} for title, text in RESULT_ACTIONS],
    }  # fmt: skip
