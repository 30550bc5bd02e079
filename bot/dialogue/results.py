"""The results: the ``intake_result`` object of the spec and the Dutch messages that show it."""

from __future__ import annotations

import re
import secrets
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
    why,
)
from bot.clinic import Clinic
from bot.dialogue.message import Message
from bot.labels import format_number
from bot.scoring import booking_kind, compute_scores
from bot.scoring.alcohol import RISK_CUTOFF, sex_for_thresholds
from bot.scoring.microbiome import RISK_BANDS
from bot.scoring.stress import STRESS_BANDS

RESULT_VERSION = 1
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REFERENCE_LENGTH = 6
RISK_WORDS = {"low": "laag", "moderate": "gemiddeld", "high": "verhoogd", "increased": "verhoogd"}
STRESS_WORDS = {"low": "weinig stress", "moderate": "wat stress", "high": "veel stress"}
SKIN_WORDS = {"mild": "lichte hinder", "moderate": "duidelijke hinder", "severe": "veel hinder"}
REASONS_SHOWN = 3
# The web channel's name (channels/web.py): there the results are one card, elsewhere text messages.
WEB_CHANNEL = "intake_web"


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


POINTS = re.compile(r" \(\+\d+ punten\)")


def patient_reasons(answers: dict, scores: dict) -> dict:
    """The "why" of each area for the patient: the clinic's sentences without their "(+10 punten)"."""
    return {area: [POINTS.sub("", reason) for reason in reasons] for area, reasons in why(answers, scores).items()}


def _with_reasons(summary: str, reasons: list) -> str:
    """The summary, then "Waarom?" and the plain sentences of the answers that drove it (no points)."""
    if not reasons:
        return summary
    return summary + " Waarom? " + " ".join(reasons[:REASONS_SHOWN])


def _magnesium_reasons(reasons: dict) -> list:
    """The magnesium reasons, without the intake sentence that the summary already gives."""
    return [reason for reason in reasons["magnesium"] if not reason.startswith("Uit je eten")]


def area_summaries(answers: dict, scores: dict) -> list:
    """One short paragraph per area: band, figure, the answers that drove it."""
    reasons = patient_reasons(answers, scores)
    lines = [
        _with_reasons(
            f"Darmflora: {RISK_WORDS[scores['microbiome_risk']]} risico ({scores['microbiome_score']} van 100 punten). "
            + band_advice("microbiome_risk", scores["microbiome_risk"]).text,
            reasons["microbiome"],
        ),
        _with_reasons(
            f"Magnesium: {RISK_WORDS[scores['magnesium_risk']]} risico op een tekort. {_intake_sentence(scores)} "
            + band_advice("magnesium_risk", scores["magnesium_risk"]).text,
            _magnesium_reasons(reasons),
        ),
    ]
    if scores["alcohol_risk"] is not None:
        lines.append(
            f"Alcohol: {RISK_WORDS[scores['alcohol_risk']]} (AUDIT-C {scores['audit_c']} van 12, gemiddeld "
            f"{format_number(scores['alcohol_glasses_per_week'])} glazen per week). "
            + band_advice("alcohol_risk", scores["alcohol_risk"]).text
        )
    if scores["stress_level"] is not None:
        lines.append(
            f"Stress: {STRESS_WORDS[scores['stress_level']]} ({scores['pss4']} van 16). "
            + band_advice("stress_level", scores["stress_level"]).text
        )
    if scores["skin_concern"] in SKIN_WORDS:
        lines.append(
            _with_reasons(
                f"Huid: {SKIN_WORDS[scores['skin_concern']]}. "
                + band_advice("skin_concern", scores["skin_concern"]).text,
                reasons["skin"],
            )
        )
    return lines


def _intake_sentence(scores: dict) -> str:
    return (
        f"Uit je eten krijg je naar schatting {scores['magnesium_intake_mg']} mg per dag; "
        f"je hebt ongeveer {scores['magnesium_ai_mg']} mg nodig."
    )


def booking_prompt(result: dict, clinic: Clinic) -> str:
    booking = result["booking"]
    reference, url = booking["reference"], booking["url"]
    if booking["kind"] == "gp_first":
        return (
            f"Ga eerst naar je huisarts met je klachten. Daarna kun je, als je wilt, een intakeconsult plannen bij "
            f"{clinic.name}: {url} (je referentie: {reference})."
        )
    consult = "een vrijblijvend skincare consult" if booking["kind"] == "skincare_consult" else "een intakeconsult"
    return (
        f"Wil je hier samen met een specialist naar kijken? Plan {consult} bij {clinic.name}: {url}. "
        f"Je referentie is {reference}; daarmee kan de kliniek je antwoorden erbij pakken."
    )


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
    messages.append(Message(booking_prompt(result, clinic), (("Plan je consult", result["booking"]["url"]),)))
    return messages


OWN_TAXA_TITLE = "Over de bacteriën uit je eigen test:"
BAND_LEVEL = {"low": 0, "none": 0, "mild": 1, "moderate": 1, "borderline": 1, "increased": 2, "high": 2, "severe": 2}
ZONE_WORDS = ("laag", "gemiddeld", "hoog")
NOTHING_RAISED = "Niets in je antwoorden verhoogt dit risico."
WHY_SHOWN = 2
RESULT_ACTIONS = (("Opnieuw beginnen", "opnieuw beginnen"), ("Verwijder mijn gegevens", "verwijder mijn gegevens"))


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
        level = BAND_LEVEL[band]
        zones.append({"level": level, "label": ZONE_WORDS[level], "start": _percent(start / cells),
                      "end": _percent((highest + 1) / cells)})  # fmt: skip
        start = highest + 1
    return _percent((value + 0.5) / cells), zones


def level_scale(level: int) -> tuple:
    """A bar for a risk that is a level, not a figure: three equal zones, the marker in the middle of its zone."""
    zones = [{"level": i, "label": word, "start": _percent(i / 3), "end": _percent((i + 1) / 3)}
             for i, word in enumerate(ZONE_WORDS)]  # fmt: skip
    return _percent((level + 0.5) / 3), zones


def _why_line(reasons: list) -> str:
    return " ".join(reasons[:WHY_SHOWN]) if reasons else NOTHING_RAISED


def _area(label: str, band: str, band_label: str, figure: str, bar: tuple, reasons: list, **extra) -> dict:
    position, zones = bar
    return {"label": label, "band": band, "band_label": band_label, "level": BAND_LEVEL[band], "figure": figure,
            "position": position, "zones": zones, "why": _why_line(reasons), **extra}  # fmt: skip


def results_view(answers: dict, result: dict, clinic: Clinic, limit: int = DEFAULT_LIMIT) -> dict:
    """What the web chat draws: per area a bar (more is more risk) with its zones and a "why", the tips,
    the booking button, and the buttons to start again or delete the data."""
    scores = result["scores"]
    reasons = patient_reasons(answers, scores)
    gut, magnesium = scores["microbiome_risk"], scores["magnesium_risk"]
    areas = [
        _area("Darmflora", gut, RISK_WORDS[gut] + " risico", f"{scores['microbiome_score']} van 100 punten",
              scale(scores["microbiome_score"], 100, RISK_BANDS), reasons["microbiome"],
              value=scores["microbiome_score"], max=100),
        _area("Magnesium uit je eten", magnesium, RISK_WORDS[magnesium] + " risico op een tekort",
              _intake_sentence(scores), level_scale(BAND_LEVEL[magnesium]), _magnesium_reasons(reasons),
              value=scores["magnesium_intake_mg"], max=scores["magnesium_ai_mg"]),
    ]  # fmt: skip
    if scores["audit_c"] is not None:
        cutoff = RISK_CUTOFF[sex_for_thresholds(answers)]
        areas.append(_area(
            "Alcohol (AUDIT-C)", scores["alcohol_risk"], RISK_WORDS[scores["alcohol_risk"]] + " risico",
            f"{scores['audit_c']} van 12 punten, gemiddeld {format_number(scores['alcohol_glasses_per_week'])} "
            "glazen per week", scale(scores["audit_c"], 12, ((cutoff - 1, "low"), (12, "increased"))),
            reasons["alcohol"], value=scores["audit_c"], max=12))  # fmt: skip
    if scores["pss4"] is not None:
        areas.append(_area(
            "Stress (PSS-4)", scores["stress_level"], STRESS_WORDS[scores["stress_level"]],
            f"{scores['pss4']} van 16 punten", scale(scores["pss4"], 16, STRESS_BANDS), reasons["stress"],
            value=scores["pss4"], max=16))  # fmt: skip
    booking = result["booking"]
    return {
        "red_flag": scores["red_flag"],
        "red_flag_text": RED_FLAG_ADVICE.text if scores["red_flag"] else None,
        "areas": areas,
        "advice": [{"title": a.title, "text": a.text} for a in shown_advice(answers, scores, limit)
                   if a.id != RED_FLAG_ADVICE.id],
        "no_diagnosis": NO_DIAGNOSIS,
        "own_taxa": {"title": OWN_TAXA_TITLE, "lines": [{"title": a.title, "text": a.text, "sources": list(a.sources)}
                                                         for a in taxon_advice(answers)]},
        "booking": {
            "url": booking["url"],
            "reference": booking["reference"],
            "kind": booking["kind"],
            "label": "Eerst naar de huisarts" if booking["kind"] == "gp_first" else "Plan je consult",
            "text": booking_text(booking["kind"], clinic),
            "clinic": clinic.name,
        },
        "actions": [{"title": title, "send": text} for title, text in RESULT_ACTIONS],
    }  # fmt: skip


def booking_text(kind: str, clinic: Clinic) -> str:
    """One line above the booking button of the web card."""
    if kind == "gp_first":
        return f"Ga eerst naar je huisarts. Daarna kun je, als je wilt, een intakeconsult plannen bij {clinic.name}."
    consult = "een vrijblijvend skincare consult" if kind == "skincare_consult" else "een intakeconsult"
    return f"Wil je hier samen met een specialist naar kijken? Plan {consult} bij {clinic.name}."
