"""The results: the ``intake_result`` object of the spec and the Dutch messages that show it."""

from __future__ import annotations

import secrets
from typing import Optional
from urllib.parse import urlencode

from bot.advice import DEFAULT_LIMIT, NO_DIAGNOSIS, RED_FLAG_ADVICE, band_advice, select_advice, why
from bot.clinic import Clinic
from bot.dialogue.turn import Message
from bot.labels import format_number
from bot.scoring import booking_kind, compute_scores

RESULT_VERSION = 1
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REFERENCE_LENGTH = 6
RISK_WORDS = {"low": "laag", "moderate": "gemiddeld", "high": "verhoogd", "increased": "verhoogd"}
STRESS_WORDS = {"low": "weinig stress", "moderate": "wat stress", "high": "veel stress"}
SKIN_WORDS = {"mild": "lichte hinder", "moderate": "duidelijke hinder", "severe": "veel hinder"}
REASONS_SHOWN = 3


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


def _with_reasons(summary: str, reasons: list) -> str:
    if not reasons:
        return summary
    return summary + " Dat komt vooral door: " + " ".join(reasons[:REASONS_SHOWN])


def area_summaries(answers: dict, scores: dict) -> list:
    """One short paragraph per area: band, figure, the answers that drove it."""
    reasons = why(answers, scores)
    lines = [
        _with_reasons(
            f"Darmflora: {RISK_WORDS[scores['microbiome_risk']]} risico ({scores['microbiome_score']} van 100 punten). "
            + band_advice("microbiome_risk", scores["microbiome_risk"]).text,
            reasons["microbiome"],
        ),
        _with_reasons(
            f"Magnesium: {RISK_WORDS[scores['magnesium_risk']]} risico op een tekort. Uit je eten krijg je naar "
            f"schatting {scores['magnesium_intake_mg']} mg per dag; je hebt ongeveer {scores['magnesium_ai_mg']} mg "
            "nodig. " + band_advice("magnesium_risk", scores["magnesium_risk"]).text,
            [reason for reason in reasons["magnesium"] if not reason.startswith("Uit je eten")],
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
    tips = [a for a in advice if a.id != RED_FLAG_ADVICE.id]
    if tips:
        listed = "\n".join(f"{i}. {a.title}: {a.text}" for i, a in enumerate(tips, 1))
        messages.append(Message("Mijn tips voor jou:\n" + listed))
    messages.append(Message(NO_DIAGNOSIS))
    messages.append(Message(booking_prompt(result, clinic), (("Plan je consult", result["booking"]["url"]),)))
    return messages


BAND_LEVEL = {"low": 0, "none": 0, "mild": 1, "moderate": 1, "borderline": 1, "increased": 2, "high": 2, "severe": 2}


def results_view(answers: dict, result: dict, clinic: Clinic, limit: int = DEFAULT_LIMIT) -> dict:
    """What the web chat draws: a bar per area with its band, the advice, the booking button."""
    scores = result["scores"]
    areas = [
        {"label": "Darmflora", "value": scores["microbiome_score"], "max": 100, "unit": "punten",
         "band": scores["microbiome_risk"], "band_label": RISK_WORDS[scores["microbiome_risk"]] + " risico"},
        {"label": "Magnesium uit je eten", "value": scores["magnesium_intake_mg"], "max": scores["magnesium_ai_mg"],
         "unit": "mg per dag", "band": scores["magnesium_risk"],
         "band_label": RISK_WORDS[scores["magnesium_risk"]] + " risico op een tekort", "higher_is_better": True},
    ]  # fmt: skip
    if scores["audit_c"] is not None:
        areas.append({"label": "Alcohol (AUDIT-C)", "value": scores["audit_c"], "max": 12, "unit": "punten",
                      "band": scores["alcohol_risk"], "band_label": RISK_WORDS[scores["alcohol_risk"]]})  # fmt: skip
    if scores["pss4"] is not None:
        areas.append({"label": "Stress (PSS-4)", "value": scores["pss4"], "max": 16, "unit": "punten",
                      "band": scores["stress_level"], "band_label": STRESS_WORDS[scores["stress_level"]]})  # fmt: skip
    for area in areas:
        area["level"] = BAND_LEVEL[area["band"]]
    booking = result["booking"]
    return {
        "red_flag": scores["red_flag"],
        "areas": areas,
        "advice": [{"title": a.title, "text": a.text} for a in shown_advice(answers, scores, limit)],
        "booking": {
            "url": booking["url"],
            "reference": booking["reference"],
            "kind": booking["kind"],
            "label": "Eerst naar de huisarts" if booking["kind"] == "gp_first" else "Plan je consult",
            "clinic": clinic.name,
        },  # fmt: skip
    }
