"""An intake record for the clinic: JSON, the staff list's entries, a report as HTML and as PDF, and an HL7 FHIR
R4 QuestionnaireResponse.

The report is one Jinja2 template (``bot/templates/report.html``, autoescaped) drawn from one model
(``report_model``); the PDF is the same template laid out by WeasyPrint as tagged PDF/UA-1. It is written for
the clinician, in the third person: Dutch words only, local time (Europe/Amsterdam) to the minute, the
alarms first (red flags, crisis wording, domestic violence, acute danger, a severely reduced kidney function,
a pregnancy), then the rest of the summary, the scores with what drove them and how much of each was
answered, the answers beside the patient's own words, and the titles of the tips the patient got.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from markupsafe import Markup

from bot import questionnaire
from bot.advice.explain import clinic_explained
from bot.advice.library import FACTOR_ADVICE, RED_FLAG_ADVICE
from bot.areas import COMPLETE, INCOMPLETE, Coverage, coverages, intake_missing, item_names
from bot.bands import INCOMPLETE as INCOMPLETE_WORD
from bot.bands import NOT_COMPUTED, band_word, level
from bot.labels import CLINIC_ITEM_NAMES, answer_label, format_number, join_dutch
from bot.questionnaire import CODE, CODE_LIST, CONSENT_ITEM, ITEM_IDS, ITEMS_BY_ID, PATIENT_ITEMS
from bot.records import IntakeRecord
from bot.report_reading import clinic as test_levels
from bot.scoring import RED_FLAG_ITEMS, magnesium, microbiome
from bot.scoring.stress import PSS4_MAX, SHORT_SLEEP_BELOW_HOURS

TEMPLATES = Path(__file__).resolve().parent / "templates"
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
GP_FIRST = "gp_first"
LOCAL_TIME = "Europe/Amsterdam"
DATE_FORMAT = "d MMMM y, HH:mm"  # babel (CLDR) pattern: "10 januari 2026, 10:00"
NOT_A_DIAGNOSIS = "Inschatting op basis van zelfgerapporteerde antwoorden; geen diagnose."
ADVICE_NOTE = "De volledige teksten en hun bronnen staan in de JSON-export van deze intake."
CRISIS_LINE = "Crisiswoorden gebruikt in het gesprek: volg op (113 en 112 zijn genoemd; de tekst is niet bewaard)."
NOT_ANSWERED_ZERO = "niet beantwoorde vragen tellen als 0"
LOW_INTAKE_CODE = "low_dietary_intake"
# The clinician's names of the areas, in the order of the report and the staff list.
AREA_NAMES = {"microbiome": "Darmflora", "magnesium": "Magnesium", "alcohol": "Alcohol", "stress": "Stress en slaap",
              "skin": "Huid"}  # fmt: skip
LISTED_AREAS = ("microbiome", "magnesium", "alcohol", "stress")
MEDICATION_SECTION = "medication"
SKIN_SECTION = "skin"
# Items whose answer decides a factor of a score, for the summary's highlight: item id -> factor codes.
FACTOR_OF_ITEM: dict = {}
for _items in (magnesium.FACTOR_ITEMS, microbiome.FACTOR_ITEMS):
    for _code, _item in _items.items():
        FACTOR_OF_ITEM.setdefault(_item, set()).add(_code)


def local_time(moment: Optional[datetime]) -> str:
    """"10 januari 2026, 10:00" in Amsterdam time (babel's Dutch month names); "onbekend" without a time."""
    if moment is None:
        return "onbekend"
    return format_datetime(moment, DATE_FORMAT, tzinfo=ZoneInfo(LOCAL_TIME), locale="nl")


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
        "words": record.words,
        "crisis": record.crisis,
        "violence": record.violence,
        "danger": record.danger,
        "pregnancy": record.pregnancy,
        "not_managed": record.not_managed,
        "taxa_levels": record.taxa_levels,
    }


def booking_label(record: IntakeRecord) -> str:
    return BOOKING_NAMES.get(record.booking.get("kind"), "onbekend")


def _title(text: str) -> str:
    return text[:1].upper() + text[1:]


def _answer(answers: dict, item_id: str) -> str:
    return answer_label(item_id, answers[item_id], clinic=True) if item_id in answers else "niet gevraagd"


def _section(name: str) -> list:
    return [it.id for it in questionnaire.ITEMS if it.section == name]


# --- alarms ----------------------------------------------------------------------------------------------------
def _no(record: IntakeRecord) -> str:
    return "nee"


@dataclass(frozen=True)
class Alarm:
    label: str  # the summary's row
    short: str  # the staff list's flag
    present: Callable[[IntakeRecord], bool]
    text: Callable[[IntakeRecord], str]  # the row's value when present
    absent: Callable[[IntakeRecord], str] = _no  # the row's value when not

    def value(self, record: IntakeRecord) -> str:
        return self.text(record) if self.present(record) else self.absent(record)


def _red_flags(record: IntakeRecord) -> bool:
    return bool(record.scores.get("red_flag"))


def _kidney_value(record: IntakeRecord) -> Optional[float]:
    return record.answers.get(magnesium.KIDNEY_ITEM)


def _severe_kidney(record: IntakeRecord) -> bool:
    value = _kidney_value(record)
    return value is not None and value < magnesium.SEVERE_EGFR


def _kidney_known(record: IntakeRecord) -> str:
    value = _kidney_value(record)
    return "onbekend" if value is None else f"nee ({format_number(value)})"


KIDNEY_NAME = _title(CLINIC_ITEM_NAMES[magnesium.KIDNEY_ITEM])
ALARMS = (
    Alarm("Alarmsignalen", "alarmsignaal", _red_flags,
          lambda r: join_dutch(_answer(r.answers, i) for i in RED_FLAG_ITEMS if r.answers.get(i)), lambda r: "geen"),
    Alarm("Crisis", "crisis", lambda r: r.crisis, lambda r: CRISIS_LINE),
    Alarm("Huiselijk geweld", "geweld", lambda r: r.violence,
          lambda r: "Patiënt noemde geweld thuis of in een relatie: volg op (de tekst is niet bewaard)."),
    Alarm("Acuut gevaar", "acuut gevaar", lambda r: r.danger,
          lambda r: "Patiënt noemde acuut gevaar: volg direct op (de tekst is niet bewaard)."),
    Alarm(f"{KIDNEY_NAME} onder {magnesium.SEVERE_EGFR}", f"eGFR < {magnesium.SEVERE_EGFR}", _severe_kidney,
          lambda r: f"{format_number(_kidney_value(r))}: ernstig verminderd; bespreek medicatie en supplementen.",
          _kidney_known),
    Alarm("Zwangerschap", "zwanger", lambda r: r.pregnancy, lambda r: "Patiënt noemde een zwangerschap."),
)  # fmt: skip


def alarm_flags(record: IntakeRecord) -> list:
    """The short names of the alarms this intake raised, for the staff list."""
    return [alarm.short for alarm in ALARMS if alarm.present(record)]


# --- the report's model ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    label: str
    value: str
    alert: bool = False


@dataclass(frozen=True)
class ScoreBlock:
    name: str
    band: str  # the band's word, "onvolledig" or "niet berekend"
    figure: str
    basis: str  # how much of it was answered
    drivers: tuple
    missing: str  # what was not answered, when the band is not shown
    alert: bool
    open: bool  # the band is not shown as an outcome


@dataclass(frozen=True)
class AnswerRow:
    name: str
    value: str
    words: str
    failed: bool  # the assistant gave up on this item ("niet gelukt")


@dataclass(frozen=True)
class Report:
    title: str
    reference: str
    clinic: str
    completed: str
    started: str
    booking: str
    patient: str
    summary: tuple  # of Line: the alarms first
    scores: tuple  # of ScoreBlock
    answers: tuple  # of AnswerRow
    advice: tuple  # the titles of the tips the patient got
    test_levels: Optional[dict] = None  # the microbiome test's table of levels (bot.report_reading.clinic.section)
    note: str = NOT_A_DIAGNOSIS
    advice_note: str = ADVICE_NOTE


def _factor_active(record: IntakeRecord, item_id: str) -> bool:
    active = set(record.scores.get("magnesium_factors") or []) | set(record.scores.get("microbiome_factors") or [])
    return bool(FACTOR_OF_ITEM.get(item_id, set()) & active)


def _names(item_ids) -> str:
    return ", ".join(CLINIC_ITEM_NAMES[i] for i in item_ids)


def _summary(record: IntakeRecord) -> tuple:
    answers, scores = record.answers, record.scores
    lines = [Line(alarm.label, alarm.value(record), alarm.present(record)) for alarm in ALARMS]
    lines += [Line(_title(CLINIC_ITEM_NAMES[i]), _answer(answers, i), _factor_active(record, i))
              for i in _section(MEDICATION_SECTION)]  # fmt: skip
    severe_skin = scores.get("skin_concern") == "severe"
    lines += [Line(_title(CLINIC_ITEM_NAMES[i]), _answer(answers, i), severe_skin and bool(answers.get(i)))
              for i in _section(SKIN_SECTION) if i in answers]  # fmt: skip
    lines.append(Line("Afspraak", booking_label(record), record.booking.get("kind") == GP_FIRST))
    missing = scores.get("unanswered") or []
    if missing:
        lines.append(Line("Niet beantwoord", _names(missing)))
    if record.not_managed:
        lines.append(Line("Niet gelukt", _names(record.not_managed)))
    return tuple(lines)


def _figure(key: str, record: IntakeRecord) -> str:
    answers, scores = record.answers, record.scores
    if key == "microbiome":
        return f"index {scores['microbiome_score']} van 100"
    if key == "magnesium":
        mds = f"MDS {scores['mds']} ({band_word('mds_band', scores['mds_band'])}"
        if not scores["mds_complete"]:
            mds += f"; onvolledig, {CLINIC_ITEM_NAMES[magnesium.KIDNEY_ITEM]} onbekend"
        return (f"inname {scores['magnesium_intake_mg']} mg/dag (nodig {scores['magnesium_ai_mg']}, "
                f"{band_word('magnesium_intake_band', scores['magnesium_intake_band'])}); {mds})")  # fmt: skip
    if key == "alcohol" and scores.get("audit_c") is not None:
        weekly = format_number(scores["alcohol_glasses_per_week"] or 0)
        return (f"AUDIT-C {scores['audit_c']} van 12; {weekly} glazen per week"
                + ("; boven het advies" if scores["above_alcohol_advice"] else ""))  # fmt: skip
    if key == "stress" and scores.get("pss4") is not None:
        return f"PSS-4 {scores['pss4']} van {PSS4_MAX}" + ("; korte slaap" if scores["short_sleep"] else "")
    if key == "skin":
        return ", ".join(_answer(answers, i) for i in _section(SKIN_SECTION) if answers.get(i) not in (None, []))
    return ""


def area_word(found: Coverage) -> str:
    """The band's word when it is shown; "onvolledig" or "niet berekend" when it is not."""
    if found.state == COMPLETE:
        return band_word(found.area.band_key, found.band)
    return INCOMPLETE_WORD if found.state == INCOMPLETE else NOT_COMPUTED


def _block(found: Coverage, record: IntakeRecord, drivers: list) -> ScoreBlock:
    figure = _figure(found.key, record)
    if found.state == INCOMPLETE and figure:
        figure += f" ({NOT_ANSWERED_ZERO})"
    missing = "Niet beantwoord: " + join_dutch(item_names(found.missing, clinic=True)) + "." if found.missing else ""
    shown = found.state == COMPLETE
    return ScoreBlock(AREA_NAMES[found.key], area_word(found), figure, _title(found.basis()) + ".", tuple(drivers),
                      missing, shown and level(found.band) == 2, not shown)  # fmt: skip


def _driver_lines(explained: list, answers: dict) -> list:
    """The clinician's lines; a low intake from a diet with unanswered questions says it is a lower bound."""
    unanswered = intake_missing(answers)
    lines = []
    for driver, line in explained:
        if driver.code == LOW_INTAKE_CODE and unanswered:
            line += f" Ondergrens: {len(unanswered)} van de {len(magnesium.MG_PER_UNIT)} voedingsvragen hiervoor " \
                    "niet beantwoord."  # fmt: skip
        lines.append(line)
    return lines


def _scores(record: IntakeRecord) -> tuple:
    found, explained = coverages(record.answers, record.scores), clinic_explained(record.answers, record.scores)
    keys = list(LISTED_AREAS) + (["skin"] if found["skin"].band != "none" else [])
    return tuple(_block(found[key], record, _driver_lines(explained[key], record.answers)) for key in keys)


def _advice_titles(record: IntakeRecord) -> tuple:
    library = {a.id: a for a in (*FACTOR_ADVICE.values(), RED_FLAG_ADVICE)}
    return tuple(library[a["id"]].title_for_clinic if a.get("id") in library else a["title"] for a in record.advice)


def _recorded(record: IntakeRecord, item_id: str, failed: bool) -> str:
    """The recorded answer; nothing beside "niet gelukt" when the assistant gave up and nothing was recorded."""
    return "" if failed and record.answers.get(item_id) is None else _answer(record.answers, item_id)


def report_model(record: IntakeRecord, clinic_name: str) -> Report:
    patient = " · ".join(f"{_title(CLINIC_ITEM_NAMES[i])}: {_answer(record.answers, i)}" for i in PATIENT_ITEMS)
    failed = set(record.not_managed)
    answers = tuple(
        AnswerRow(CLINIC_ITEM_NAMES[i], _recorded(record, i, i in failed), record.words.get(i, ""), i in failed)
        for i in ITEM_IDS
        if (i in record.answers or i in failed) and i != CONSENT_ITEM
    )
    return Report(
        title=f"Intake {clinic_name}: {record.reference}",
        reference=record.reference,
        clinic=clinic_name,
        completed=local_time(record.completed_at),
        started=local_time(record.started_at),
        booking=booking_label(record),
        patient=patient,
        summary=_summary(record),
        scores=_scores(record),
        answers=answers,
        advice=_advice_titles(record),
        test_levels=test_levels.section(record.taxa_levels),
    )


# --- the staff list ---------------------------------------------------------------------------------------------
def list_columns() -> dict:
    """The staff list's columns between the reference and the alarms: who the patient is, then the areas."""
    return {"patient": [_title(CLINIC_ITEM_NAMES[i]) for i in PATIENT_ITEMS],
            "areas": [AREA_NAMES[key] for key in LISTED_AREAS]}  # fmt: skip


def listing_entry(record: IntakeRecord) -> dict:
    """One line of the clinic's list of intakes (JSON and the staff page): who, the four areas, the alarms."""
    found = coverages(record.answers, record.scores)
    flags = alarm_flags(record)
    return {
        "reference": record.reference,
        "completed_at": _iso(record.completed_at),
        "completed_local": local_time(record.completed_at),
        "booking": record.booking.get("kind"),
        "booking_label": booking_label(record),
        "red_flag": bool(record.scores.get("red_flag")),
        "crisis": record.crisis,
        "patient": [_answer(record.answers, i) for i in PATIENT_ITEMS],  # in the order of LIST_COLUMNS
        "bands": [{"area": AREA_NAMES[key], "band": area_word(found[key]), "state": found[key].state,
                   "level": level(found[key].band) if found[key].state == COMPLETE else None}
                  for key in LISTED_AREAS],  # fmt: skip
        "flags": flags,
        "alert": bool(flags),
    }


# --- HTML and PDF from one template -----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(("html",)),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)  # fmt: skip


@lru_cache(maxsize=1)
def report_css() -> str:
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


def report_style_hash() -> str:
    """The CSP hash of the report's one inline style (the report is served with ``style-src`` that hash)."""
    return "sha256-" + base64.b64encode(hashlib.sha256(report_css().encode("utf-8")).digest()).decode("ascii")


def to_html(record: IntakeRecord, clinic_name: str, links: tuple = (), pdf: bool = False) -> str:
    """The report as one HTML page (Dutch), every value escaped; ``links`` are (label, href) shown on top;
    ``pdf``: the page the PDF is made from (a running header, no links)."""
    template = _environment().get_template("report.html")
    return template.render(r=report_model(record, clinic_name), links=links, pdf=pdf, css=Markup(report_css()))


def to_pdf(record: IntakeRecord, clinic_name: str) -> bytes:
    """The report as an A4 PDF from the same template: tagged PDF/UA-1 (structure tree, language, title),
    fonts embedded, a running header, "Pagina x van y", the tips on a page of their own."""
    from weasyprint import HTML

    return HTML(string=to_html(record, clinic_name, pdf=True)).write_pdf(pdf_variant="pdf/ua-1")


# --- FHIR ---------------------------------------------------------------------------------------------------------
def _answers(item_id: str, value) -> list:
    """FHIR answers for one item (none when it was skipped)."""
    from fhir.resources.coding import Coding
    from fhir.resources.questionnaireresponse import QuestionnaireResponseItemAnswer as Answer

    it = ITEMS_BY_ID[item_id]
    if value is None:
        return []
    if it.kind in (CODE, CODE_LIST):
        codes = value if isinstance(value, list) else [value]
        return [Answer(valueCoding=Coding(system=CODE_SYSTEM + item_id, code=c,
                                          display=answer_label(item_id, c, clinic=True))) for c in codes]  # fmt: skip
    if it.integer or float(value).is_integer():
        return [Answer(valueInteger=int(value))]
    return [Answer(valueDecimal=value)]


def _score_item(key: str, value):
    from fhir.resources.questionnaireresponse import QuestionnaireResponseItem as Item
    from fhir.resources.questionnaireresponse import QuestionnaireResponseItemAnswer as Answer

    if value is None or value == []:
        answer = None
    elif isinstance(value, bool):
        answer = [Answer(valueBoolean=value)]
    elif isinstance(value, int):
        answer = [Answer(valueInteger=value)]
    elif isinstance(value, float):
        answer = [Answer(valueDecimal=value)]
    elif isinstance(value, list):
        answer = [Answer(valueString=v) for v in value]
    else:
        answer = [Answer(valueString=value)]
    return Item(linkId=f"score.{key}", text=SCORE_NAMES[key], answer=answer)


def fhir_resource(record: IntakeRecord):
    """An HL7 FHIR R4 QuestionnaireResponse (``fhir.resources`` model): the answers, then a group of the scores."""
    from fhir.resources.identifier import Identifier
    from fhir.resources.questionnaireresponse import QuestionnaireResponse
    from fhir.resources.questionnaireresponse import QuestionnaireResponseItem as Item

    items = [Item(linkId=i, text=CLINIC_ITEM_NAMES[i], answer=_answers(i, record.answers[i]) or None)
             for i in ITEM_IDS if i in record.answers]  # fmt: skip
    items.append(Item(linkId="scores", text="Uitkomst (berekend)",
                      item=[_score_item(k, v) for k, v in record.scores.items()]))  # fmt: skip
    return QuestionnaireResponse(
        id=record.reference,
        identifier=Identifier(system=REFERENCE_SYSTEM, value=record.reference),
        questionnaire=QUESTIONNAIRE_URL,
        status="completed",
        authored=record.completed_at,
        item=items,
    )


def fhir_json(record: IntakeRecord) -> str:
    return fhir_resource(record).json(ensure_ascii=False)
