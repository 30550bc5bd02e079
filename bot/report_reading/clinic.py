"""The microbiome test for the clinic: the table of levels as read, marked "uit rapport gelezen" or "zelf
ingevuld", for the intake record (``levels_for_record``) and the report (``table_rows``, ``note``,
``section``). Small and self-contained: the report's template draws the section as it is."""

from __future__ import annotations

from typing import Optional

from bot.questionnaire import PROTECTIVE_TAXA
from bot.report_reading.reading import HIGH, LOW, NORMAL, ReportReading

FROM_REPORT = "uit rapport gelezen"
TYPED = "zelf ingevuld"
CORRECTED = "zelf ingevuld (verbeterd)"
TITLE = "Microbioomtest: niveaus"
HEADERS = ("Bacterie", "Groep", "Niveau", "In het rapport", "Bron")
LEVEL_WORDS = {LOW: "laag", NORMAL: "normaal", HIGH: "hoog"}
SOURCE_WORDS = {"pdf": "PDF (tekst)", "scan": "PDF (scan, OCR)", "photo": "foto (OCR)"}


def _group(taxon: str) -> str:
    return "beschermend" if taxon in PROTECTIVE_TAXA else "geassocieerd met NAFLD"


def levels_for_record(answers: dict, report: object) -> Optional[dict]:
    """The table of levels the record keeps: the confirmed report's reading when the recorded taxa are the
    ones it gave, else the taxa as typed (low and high only). None without a test."""
    if answers.get("microbiome_test") != "yes":
        return None
    low, high = answers.get("taxa_low"), answers.get("taxa_high")
    reading = ReportReading.from_data(report)
    if reading is not None and set(reading.taxa(LOW)) == set(low or ()) and set(reading.taxa(HIGH)) == set(
            high or ()):  # fmt: skip
        rows = [{"taxon": f.taxon, "group": _group(f.taxon), "level": f.level, "written": f.written,
                 "source": CORRECTED if f.taxon in reading.corrected else FROM_REPORT} for f in reading.findings]
        return {"source": reading.source, "rows": rows, "unknown": list(reading.unknown)}  # fmt: skip
    rows = [{"taxon": taxon, "group": _group(taxon), "level": level, "written": "", "source": TYPED}
            for level, taxa in ((LOW, low), (HIGH, high)) for taxon in taxa or ()]  # fmt: skip
    return {"source": "typed", "rows": rows, "unknown": []}


def table_rows(levels: Optional[dict]) -> list:
    """The report's rows: bacterium, group, level, as written in the report, where it came from."""
    if not levels:
        return []
    return [(row["taxon"], row["group"], LEVEL_WORDS.get(row["level"], row["level"]), row.get("written") or "—",
             row["source"]) for row in levels.get("rows", [])]  # fmt: skip


def note(levels: Optional[dict]) -> str:
    """One line under the table: how it was read, and the names not recognised."""
    if not levels:
        return ""
    if levels.get("source") == "typed":
        text = "De patiënt typte de namen zelf; alleen lage en hoge waarden zijn gevraagd."
    else:
        text = f"Gelezen uit een geüploade uitslag ({SOURCE_WORDS.get(levels.get('source'), 'bestand')}), door de " \
               "patiënt bevestigd. Het bestand is niet bewaard."  # fmt: skip
    if levels.get("unknown"):
        text += " Niet herkend en niet meegeteld: " + ", ".join(levels["unknown"]) + "."
    return text


def section(levels: Optional[dict]) -> Optional[dict]:
    """The report's section (bot/templates/report.html): title, column headers, rows and the note; None without a
    test."""
    if not levels:
        return None
    return {"title": TITLE, "headers": HEADERS, "rows": table_rows(levels), "note": note(levels)}
