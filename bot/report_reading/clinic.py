"""The microbiome test for the clinic: the table of levels as read, marked "uit rapport gelezen" or "zelf
ingevuld", for the intake record (``levels_for_record``) and the report (``table_rows``, ``section_html``,
``section_pdf``). Small and self-contained, so the report's template can call it as it is."""

from __future__ import annotations

import html
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


def section_html(levels: Optional[dict]) -> str:
    """The table as a section of the HTML report ("" without a test); every value escaped."""
    if not levels:
        return ""
    e = html.escape
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in table_rows(levels))
    return (f"<h2>{e(TITLE)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f'<p class="note">{e(note(levels))}</p>')  # fmt: skip


def section_pdf(levels: Optional[dict], paragraph, table, width: float) -> list:
    """The same section as reportlab flowables, drawn with the report's own ``paragraph(text, style)`` and
    ``table(rows, widths, header=True)`` helpers ([] without a test)."""
    if not levels:
        return []
    rows = [[paragraph(h, "strong") for h in HEADERS]]
    rows += [[paragraph(cell, "small") for cell in row] for row in table_rows(levels)]
    widths = [0.25 * width, 0.2 * width, 0.12 * width, 0.18 * width, 0.25 * width]
    return [paragraph(TITLE, "h2"), table(rows, widths, header=True), paragraph(note(levels), "small")]
