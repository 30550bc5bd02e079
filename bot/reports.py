"""An intake record for the clinic: JSON, an HTML report, a PDF, and an FHIR R4 QuestionnaireResponse.

The HTML and PDF reports are drawn from one model (``report_model``): Dutch words only, local time
(Europe/Amsterdam) to the minute, a summary block (red flags, medicines, diabetes, skin, booking, crisis),
the scores with their bands and what drove them, the answers beside the user's own words, and the
patient's tips in an appendix.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Optional
from zoneinfo import ZoneInfo

from bot.advice import why
from bot.labels import ITEM_NAMES, answer_label, format_number
from bot.questionnaire import CODE, CODE_LIST, ITEM_IDS, ITEMS_BY_ID
from bot.records import IntakeRecord
from bot.report_reading import clinic as test_levels
from bot.scoring.stress import SHORT_SLEEP_BELOW_HOURS

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
    "pss4": "PSS-4 (0-16)", "stress_level": "Stressniveau",
    "short_sleep": f"Korte slaap (< {SHORT_SLEEP_BELOW_HOURS} uur)",
    "skin_concern": "Huid", "red_flag": "Alarmsignaal", "unanswered": "Niet beantwoord",
}  # fmt: skip
BOOKING_NAMES = {
    "skincare_consult": "skincare-consult",
    "intake_consult": "intakeconsult",
    "gp_first": "eerst huisarts",
}
BAND_WORDS = {
    "microbiome_risk": {"low": "laag", "moderate": "gemiddeld", "high": "verhoogd"},
    "magnesium_risk": {"low": "laag", "moderate": "gemiddeld", "high": "verhoogd"},
    "magnesium_intake_band": {"adequate": "voldoende", "borderline": "net te weinig", "low": "te weinig"},
    "mds_band": {"low": "laag", "middle": "midden", "high": "hoog"},
    "alcohol_risk": {"low": "laag", "increased": "verhoogd"},
    "stress_level": {"low": "weinig stress", "moderate": "matige stress", "high": "veel stress"},
    "skin_concern": {"none": "geen klachten", "mild": "lichte hinder", "moderate": "duidelijke hinder",
                     "severe": "veel hinder"},
}  # fmt: skip
LOCAL_TIME = "Europe/Amsterdam"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip
NOT_A_DIAGNOSIS = "Inschatting op basis van zelfgerapporteerde antwoorden; geen diagnose."
CRISIS_LINE = "Crisiswoorden gebruikt in het gesprek: volg op (113 en 112 zijn genoemd; de tekst is niet bewaard)."


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else moment.isoformat()


def local_time(moment: Optional[datetime]) -> str:
    """"10 januari 2026, 10:00" in Amsterdam time; "onbekend" without a time."""
    if moment is None:
        return "onbekend"
    here = moment.astimezone(ZoneInfo(LOCAL_TIME))
    return f"{here.day} {MONTHS[here.month - 1]} {here.year}, {here:%H:%M}"


def to_json(record: IntakeRecord) -> dict:
    return {
        "reference": record.reference,
        "started_at": _iso(record.started_at),
        "completed_at": _iso(record.completed_at),
        "answers": record.answers,
        "scores": record.scores,
        "booking": record.booking,
        "advice": record.advice,
        "words": record.words,
        "crisis": record.crisis,
        "taxa_levels": record.taxa_levels,
    }


def listing_entry(record: IntakeRecord) -> dict:
    """One line of the clinic's list of intakes (JSON and the staff page)."""
    return {
        "reference": record.reference,
        "completed_at": _iso(record.completed_at),
        "completed_local": local_time(record.completed_at),
        "booking": record.booking.get("kind"),
        "booking_label": booking_label(record),
        "red_flag": bool(record.scores.get("red_flag")),
        "crisis": record.crisis,
    }


def booking_label(record: IntakeRecord) -> str:
    return BOOKING_NAMES.get(record.booking.get("kind"), "onbekend")


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    alert: bool = False


@dataclass(frozen=True)
class ScoreBlock:
    name: str
    figure: str
    band: str
    alert: bool
    drivers: tuple


@dataclass(frozen=True)
class Report:
    title: str
    reference: str
    clinic: str
    completed: str
    started: str
    booking: str
    summary: tuple  # of Line
    scores: tuple  # of ScoreBlock
    answers: tuple  # of (item name, recorded value, own words)
    advice: tuple  # of (title, text)


def _answer(answers: dict, item_id: str) -> str:
    return answer_label(item_id, answers[item_id]) if item_id in answers else "niet gevraagd"


def _summary(record: IntakeRecord) -> tuple:
    answers, scores = record.answers, record.scores
    flags = answers.get("red_flags") or []
    lines = [Line("Alarmsignalen", _answer(answers, "red_flags") if flags else "geen", bool(flags))]
    if record.crisis:
        lines.append(Line("Crisis", CRISIS_LINE, True))
    lines += [
        Line("Maagzuurremmer (PPI)", _answer(answers, "med_ppi"), answers.get("med_ppi") == "yes"),
        Line("Plaspil (diureticum)", _answer(answers, "med_diuretic"), answers.get("med_diuretic") == "yes"),
        Line("Antibiotica afgelopen jaar", _answer(answers, "med_antibiotics_12m"),
             answers.get("med_antibiotics_12m") not in (None, "none")),
        Line("Diabetes type 2", _answer(answers, "cond_diabetes_t2"), answers.get("cond_diabetes_t2") == "yes"),
    ]  # fmt: skip
    skin = _answer(answers, "skin_complaints")
    if answers.get("skin_impact") is not None:
        skin += f" (hinder {format_number(answers['skin_impact'])} van 10)"
    lines.append(Line("Huidklachten", skin, bool(answers.get("skin_complaints"))))
    lines.append(Line("Afspraak", booking_label(record), record.booking.get("kind") == "gp_first"))
    missing = [ITEM_NAMES[item] for item in scores.get("unanswered") or []]
    if missing:
        lines.append(Line("Niet beantwoord", ", ".join(missing)))
    return tuple(lines)


def _band(key: str, scores: dict) -> str:
    value = scores.get(key)
    return "niet berekend" if value is None else BAND_WORDS[key][value]


def _scores(record: IntakeRecord) -> tuple:
    answers, scores = record.answers, record.scores
    drivers = why(answers, scores)
    blocks = [
        ScoreBlock("Darmflora", f"index {scores['microbiome_score']} van 100", _band("microbiome_risk", scores),
                   scores["microbiome_risk"] == "high", tuple(drivers["microbiome"])),
        ScoreBlock("Magnesium", f"inname {scores['magnesium_intake_mg']} mg/dag (nodig {scores['magnesium_ai_mg']}, "
                   f"{_band('magnesium_intake_band', scores)}); MDS {scores['mds']} ({_band('mds_band', scores)}"
                   + ("" if scores["mds_complete"] else "; onvolledig, eGFR onbekend") + ")",
                   _band("magnesium_risk", scores), scores["magnesium_risk"] == "high",
                   tuple(drivers["magnesium"])),
    ]  # fmt: skip
    if scores.get("audit_c") is not None:
        weekly = format_number(scores["alcohol_glasses_per_week"] or 0)
        blocks.append(ScoreBlock("Alcohol", f"AUDIT-C {scores['audit_c']} van 12; {weekly} glazen per week"
                                 + ("; boven het advies" if scores["above_alcohol_advice"] else ""),
                                 _band("alcohol_risk", scores), scores["alcohol_risk"] == "increased",
                                 tuple(drivers["alcohol"])))  # fmt: skip
    if scores.get("pss4") is not None:
        blocks.append(ScoreBlock("Stress en slaap", f"PSS-4 {scores['pss4']} van 16"
                                 + ("; korte slaap" if scores["short_sleep"] else ""),
                                 _band("stress_level", scores), scores["stress_level"] == "high",
                                 tuple(drivers["stress"])))  # fmt: skip
    if scores.get("skin_concern") is not None:
        blocks.append(ScoreBlock("Huid", _answer(answers, "skin_complaints"), _band("skin_concern", scores),
                                 scores["skin_concern"] == "severe", tuple(drivers["skin"])))  # fmt: skip
    return tuple(blocks)


def report_model(record: IntakeRecord, clinic_name: str) -> Report:
    answers = tuple(
        (ITEM_NAMES[i], answer_label(i, record.answers[i]), record.words.get(i, ""))
        for i in ITEM_IDS
        if i in record.answers and i != "consent"
    )
    return Report(
        title=f"Intake {clinic_name}: {record.reference}",
        reference=record.reference,
        clinic=clinic_name,
        completed=local_time(record.completed_at),
        started=local_time(record.started_at),
        booking=booking_label(record),
        summary=_summary(record),
        scores=_scores(record),
        answers=answers,
        advice=tuple((a["title"], a["text"]) for a in record.advice),
    )


REPORT_CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#1d2a33}
h1{font-size:1.4rem;margin:.2rem 0} h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #1d2a33}
.meta{margin:.2rem 0 1rem;color:#33434d} nav{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1rem}
nav a{color:#0a5d58;font-weight:600}
table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.35rem .5rem;vertical-align:top;
border-bottom:1px solid #c9d3d8} th{font-weight:600;width:34%}
.summary th{width:30%} .alert th,.alert td{background:#fdecea} .alert td{font-weight:600;color:#7a1712}
.band{font-weight:600} .score.alert{border-left:6px solid #b3261e;background:#fdf3f2}
.score{border-left:6px solid #8a9aa3;padding:.4rem .8rem;margin:.6rem 0}
.score h3{margin:0;font-size:1rem} .score ul{margin:.3rem 0 0;padding-left:1.2rem}
td.words{color:#33434d;font-style:italic} .note{color:#33434d;font-size:.9rem}
.appendix li{margin:.4rem 0;break-inside:avoid}
@media print{nav{display:none} body{margin:0;max-width:none} h2{break-after:avoid} .score{break-inside:avoid}}
"""


@lru_cache(maxsize=1)
def report_style_hash() -> str:
    """The CSP hash of the report's one inline style (the report is served with ``style-src`` that hash)."""
    return "sha256-" + base64.b64encode(hashlib.sha256(REPORT_CSS.encode("utf-8")).digest()).decode("ascii")


def to_html(record: IntakeRecord, clinic_name: str, links: tuple = ()) -> str:
    """The report as one HTML page (Dutch), every value escaped; ``links`` are (label, href) shown on top."""
    e = html.escape
    model = report_model(record, clinic_name)
    nav = "".join(f'<a href="{e(href)}">{e(label)}</a>' for label, href in links)
    summary = "".join(
        f'<tr class="{"alert" if line.alert else ""}"><th scope="row">{e(line.label)}</th><td>{e(line.value)}</td></tr>'
        for line in model.summary
    )
    scores = "".join(
        f'<section class="score{" alert" if block.alert else ""}"><h3>{e(block.name)}: '
        f'<span class="band">{e(block.band)}</span></h3><p>{e(block.figure)}</p>'
        + ("<ul>" + "".join(f"<li>{e(d)}</li>" for d in block.drivers) + "</ul>" if block.drivers else "")
        + "</section>"
        for block in model.scores
    )
    answers = "".join(
        f'<tr><th scope="row">{e(name)}</th><td>{e(value)}</td><td class="words">{e(words)}</td></tr>'
        for name, value, words in model.answers
    )
    advice = "".join(f"<li><strong>{e(title)}</strong>: {e(text)}</li>" for title, text in model.advice)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(model.title)}</title><link rel="icon" href="/favicon.ico" type="image/svg+xml">
<style>{REPORT_CSS}</style></head><body>
{f'<nav aria-label="Rapport">{nav}</nav>' if nav else ""}<main>
<h1>{e(model.title)}</h1>
<p class="meta">Afgerond: {e(model.completed)} (begonnen {e(model.started)}) &middot; Afspraak: {e(model.booking)}</p>
<h2>Samenvatting</h2><table class="summary">{summary}</table>
<h2>Uitkomst</h2>{scores}
<h2>Antwoorden</h2><table><thead><tr><th scope="col">Vraag</th><th scope="col">Vastgelegd</th>
<th scope="col">Eigen woorden</th></tr></thead><tbody>{answers}</tbody></table>
{test_levels.section_html(record.taxa_levels)}
<p class="note">{e(NOT_A_DIAGNOSIS)}</p>
<h2>Bijlage: tips die de patiënt kreeg</h2><ol class="appendix">{advice}</ol>
</main></body></html>"""


def to_pdf(record: IntakeRecord, clinic_name: str) -> bytes:
    """The report as an A4 PDF: embedded fonts (Bitstream Vera, shipped with reportlab), a running header,
    "Pagina x van y", tips in an appendix that never split over a page. reportlab writes no tagged PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = _pdf_styles()
    e = html.escape
    model = report_model(record, clinic_name)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=model.title, author=clinic_name, subject="Intake-rapport",
                            lang="nl-NL", initialFontName="Vera", leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=2.2 * cm, bottomMargin=2 * cm)  # fmt: skip
    width = A4[0] - 4 * cm

    def table(rows, widths, alerts=(), header=False):
        t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        style = [("FONTNAME", (0, 0), (-1, -1), "Vera"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9d3d8"))]  # fmt: skip
        style += [("BACKGROUND", (0, row), (-1, row), colors.HexColor("#fdecea")) for row in alerts]
        t.setStyle(TableStyle(style))
        return t

    p = lambda text, style="body": Paragraph(e(text), styles[style])  # noqa: E731
    summary = [[p(line.label, "strong"), p(line.value, "alert" if line.alert else "body")] for line in model.summary]
    story = [
        p(model.title, "title"),
        p(f"Afgerond: {model.completed} (begonnen {model.started}) · Afspraak: {model.booking}"),
        p("Samenvatting", "h2"),
        table(summary, [5 * cm, width - 5 * cm], [i for i, line in enumerate(model.summary) if line.alert]),
        p("Uitkomst", "h2"),
    ]
    for block in model.scores:
        parts = [p(f"{block.name}: {block.band}", "alert" if block.alert else "strong"), p(block.figure)]
        parts += [p("• " + driver, "small") for driver in block.drivers]
        story.append(KeepTogether(parts + [Spacer(1, 6)]))
    rows = [[p("Vraag", "strong"), p("Vastgelegd", "strong"), p("Eigen woorden", "strong")]]
    rows += [[p(name), p(value), p(words, "small")] for name, value, words in model.answers]
    story += [p("Antwoorden", "h2"), table(rows, [6 * cm, 4.5 * cm, width - 10.5 * cm], header=True),
              *test_levels.section_pdf(record.taxa_levels, p, table, width), Spacer(1, 8),
              p(NOT_A_DIAGNOSIS, "small")]  # fmt: skip
    if model.advice:
        story += [PageBreak(), p("Bijlage: tips die de patiënt kreeg", "h2")]
        story += [KeepTogether([p(f"{i}. {title}", "strong"), p(text), Spacer(1, 6)])
                  for i, (title, text) in enumerate(model.advice, 1)]  # fmt: skip
    header = f"Intake {model.reference} · {clinic_name} · vertrouwelijk"
    doc.build(story, canvasmaker=_numbered_canvas(header))
    return buffer.getvalue()


FONT_FILES = {
    "Vera": "Vera.ttf",
    "Vera-Bold": "VeraBd.ttf",
    "Vera-Italic": "VeraIt.ttf",
    "Vera-BoldItalic": "VeraBI.ttf",
}


@lru_cache(maxsize=1)
def _pdf_styles() -> dict:
    """Paragraph styles on TrueType fonts, which reportlab embeds (its standard fonts it does not)."""
    import reportlab
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Path(reportlab.__file__).parent / "fonts"
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic",
                                  boldItalic="Vera-BoldItalic")  # fmt: skip
    body = ParagraphStyle("body", fontName="Vera", fontSize=9.5, leading=13)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#33434d")),
        "strong": ParagraphStyle("strong", parent=body, fontName="Vera-Bold"),
        "alert": ParagraphStyle("alert", parent=body, fontName="Vera-Bold", textColor=colors.HexColor("#8c1d18")),
        "title": ParagraphStyle("title", parent=body, fontName="Vera-Bold", fontSize=16, leading=20, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName="Vera-Bold", fontSize=12, leading=16, spaceBefore=12,
                             spaceAfter=6),
    }  # fmt: skip


def _numbered_canvas(header: str):
    """A canvas class that draws the running header and "Pagina x van y" once the page count is known."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("Vera", 8)
                self.setFillGray(0.25)
                self.drawString(2 * cm, A4[1] - 1.3 * cm, header)
                self.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Pagina {self._pageNumber} van {len(self._pages)}")
                super().showPage()
            super().save()

    return NumberedCanvas


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
