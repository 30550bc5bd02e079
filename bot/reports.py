"""An intake record for the clinic: JSON, a one-page HTML report, PDF, and FHIR R4 QuestionnaireResponse."""

from __future__ import annotations

import html
import io
from datetime import datetime
from typing import Optional

from bot.labels import ITEM_NAMES, answer_label, format_number
from bot.questionnaire import CODE, CODE_LIST, ITEM_IDS, ITEMS_BY_ID
from bot.records import IntakeRecord

QUESTIONNAIRE_URL = "urn:intake-assistant:questionnaire:intake:1"
CODE_SYSTEM = "urn:intake-assistant:codes:"
REFERENCE_SYSTEM = "urn:intake-assistant:reference"
SCORE_NAMES = {
    "microbiome_score": "Darmflora-index (0-100)", "microbiome_risk": "Darmflora-risico",
    "microbiome_factors": "Darmflora: factoren", "magnesium_intake_mg": "Magnesium uit voeding (mg/dag)",
    "magnesium_ai_mg": "Adequate inname (mg/dag)", "magnesium_intake_band": "Magnesiuminname",
    "mds": "Magnesium Depletion Score", "mds_complete": "MDS compleet", "mds_band": "MDS-band",
    "magnesium_risk": "Magnesiumrisico", "magnesium_factors": "Magnesium: factoren", "audit_c": "AUDIT-C (0-12)",
    "alcohol_risk": "Alcoholrisico", "alcohol_glasses_per_week": "Glazen per week",
    "above_alcohol_advice": "Boven advies Gezondheidsraad", "heavy_drinking": "Zwaar drinken (MDS)",
    "pss4": "PSS-4 (0-16)", "stress_level": "Stressniveau", "short_sleep": "Korte slaap (< 7 uur)",
    "skin_concern": "Huid", "red_flag": "Alarmsignaal", "unanswered": "Niet beantwoord",
}  # fmt: skip
BOOKING_NAMES = {
    "skincare_consult": "skincare consult",
    "intake_consult": "intakeconsult",
    "gp_first": "eerst huisarts",
}


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else moment.isoformat()


def to_json(record: IntakeRecord) -> dict:
    return {
        "reference": record.reference,
        "started_at": _iso(record.started_at),
        "completed_at": _iso(record.completed_at),
        "answers": record.answers,
        "scores": record.scores,
        "booking": record.booking,
        "advice": record.advice,
    }


def _score_value(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(value) if value else "-"
    if value is None:
        return "onbekend"
    return format_number(value) if isinstance(value, (int, float)) else str(value)


def _rows(record: IntakeRecord) -> tuple:
    answers = [(ITEM_NAMES[i], answer_label(i, record.answers[i])) for i in ITEM_IDS if i in record.answers]
    scores = [(SCORE_NAMES[k], _score_value(v)) for k, v in record.scores.items()]
    return answers, scores


def to_html(record: IntakeRecord, clinic_name: str) -> str:
    """A readable one-page report (Dutch), every value escaped."""
    e = html.escape
    answers, scores = _rows(record)
    table = lambda rows: "".join(f"<tr><th>{e(a)}</th><td>{e(b)}</td></tr>" for a, b in rows)  # noqa: E731
    advice = "".join(f"<li><strong>{e(a['title'])}</strong>: {e(a['text'])}</li>" for a in record.advice)
    booking = BOOKING_NAMES.get(record.booking.get("kind"), "")
    red_flag = (
        '<p class="flag">Alarmsignaal genoemd: eerst de huisarts (bij acute klachten huisartsenpost of 112).</p>'
        if record.scores.get("red_flag")
        else ""
    )
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Intake {e(record.reference)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d2a33}}
h1{{font-size:1.4rem}} h2{{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ccd}}
table{{border-collapse:collapse;width:100%}} th,td{{text-align:left;padding:.25rem .5rem;vertical-align:top}}
th{{font-weight:600;width:55%}} tr:nth-child(even){{background:#f3f6f8}} .flag{{background:#fde8e8;padding:.5rem}}
.note{{color:#555;font-size:.9rem}} @media print{{body{{margin:0}}}}
</style></head><body>
<h1>Intake {e(clinic_name)}: {e(record.reference)}</h1>
<p>Afgerond: {e(_iso(record.completed_at) or "")} &middot; Afspraak: {e(booking)}</p>
{red_flag}
<h2>Uitkomst</h2><table>{table(scores)}</table>
<h2>Getoond advies</h2><ol>{advice}</ol>
<h2>Antwoorden</h2><table>{table(answers)}</table>
<p class="note">Inschatting op basis van zelfgerapporteerde antwoorden; geen diagnose.</p>
</body></html>"""


def to_pdf(record: IntakeRecord, clinic_name: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    e = html.escape
    answers, scores = _rows(record)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"Intake {record.reference}", leftMargin=2 * cm, rightMargin=2 * cm
    )

    def table(rows):
        cells = [[Paragraph(e(a), styles["BodyText"]), Paragraph(e(b), styles["BodyText"])] for a, b in rows]
        t = Table(cells, colWidths=[8 * cm, 9 * cm])
        t.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey)])
        )
        return t

    story = [
        Paragraph(e(f"Intake {clinic_name}: {record.reference}"), styles["Title"]),
        Paragraph(e(f"Afgerond: {_iso(record.completed_at)}"), styles["Normal"]),
        Spacer(1, 12),
        Paragraph("Uitkomst", styles["Heading2"]),
        table(scores),
        Paragraph("Getoond advies", styles["Heading2"]),
    ]
    story += [
        Paragraph(e(f"{i}. {a['title']}: {a['text']}"), styles["BodyText"]) for i, a in enumerate(record.advice, 1)
    ]
    story += [Paragraph("Antwoorden", styles["Heading2"]), table(answers), Spacer(1, 12)]
    story.append(Paragraph("Inschatting op basis van zelfgerapporteerde antwoorden; geen diagnose.", styles["Italic"]))
    doc.build(story)
    return buffer.getvalue()


def _answers(item_id: str, value) -> list:
    """FHIR answer elements for one item (none when it was skipped)."""
    it = ITEMS_BY_ID[item_id]
    if value is None:
        return []
    if it.kind in (CODE, CODE_LIST):
        codes = value if isinstance(value, list) else [value]
        return [
            {"valueCoding": {"system": CODE_SYSTEM + item_id, "code": c, "display": answer_label(item_id, c)}}
            for c in codes
        ]
    if it.integer or float(value).is_integer():
        return [{"valueInteger": int(value)}]
    return [{"valueDecimal": value}]


def _score_item(key: str, value) -> dict:
    item = {"linkId": f"score.{key}", "text": SCORE_NAMES[key]}
    if value is None:
        return item
    if isinstance(value, bool):
        item["answer"] = [{"valueBoolean": value}]
    elif isinstance(value, int):
        item["answer"] = [{"valueInteger": value}]
    elif isinstance(value, float):
        item["answer"] = [{"valueDecimal": value}]
    elif isinstance(value, list):
        if value:
            item["answer"] = [{"valueString": v} for v in value]
    else:
        item["answer"] = [{"valueString": value}]
    return item


def to_fhir(record: IntakeRecord) -> dict:
    """An HL7 FHIR R4 QuestionnaireResponse: the answers, then a group with the scores."""
    items = []
    for item_id in ITEM_IDS:
        if item_id not in record.answers:
            continue
        entry = {"linkId": item_id, "text": ITEM_NAMES[item_id]}
        answers = _answers(item_id, record.answers[item_id])
        if answers:
            entry["answer"] = answers
        items.append(entry)
    items.append({
        "linkId": "scores",
        "text": "Uitkomst (berekend)",
        "item": [_score_item(k, v) for k, v in record.scores.items()],
    })  # fmt: skip
    return {
        "resourceType": "QuestionnaireResponse",
        "id": record.reference,
        "identifier": {"system": REFERENCE_SYSTEM, "value": record.reference},
        "questionnaire": QUESTIONNAIRE_URL,
        "status": "completed",
        "authored": _iso(record.completed_at),
        "item": items,
    }
