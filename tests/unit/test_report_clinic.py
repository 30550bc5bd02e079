"""The microbiome test for the clinic (the table of levels in the record and the report) and for the patient
(one line of the advice library per low protective or high associated taxon)."""

import io
import sqlite3

from bot.advice import taxon_advice, taxon_line
from bot.advice.library import SEED_LIVER
from bot.records import IntakeRecord, RecordStore, now
from bot.report_reading.clinic import CORRECTED, FROM_REPORT, TYPED, levels_for_record, table_rows
from bot.report_reading.reading import Finding, ReportReading, ordered
from bot.reports import to_html, to_json, to_pdf
from tests.answers import WORKED_EXAMPLE

READING = ReportReading("photo", ordered([Finding("Odoribacter", "low", "Verlaagd"),
                                          Finding("Dorea", "high", "Hoog"),
                                          Finding("Prevotella", "normal", "Binnen de norm")]),
                        ("Akkermansia",), ("Dorea",))  # fmt: skip
WITH_TEST = {**WORKED_EXAMPLE, "microbiome_test": "yes", "taxa_low": ["Odoribacter"], "taxa_high": ["Dorea"]}


def test_the_record_keeps_the_report_as_read_and_marks_each_row():
    levels = levels_for_record(WITH_TEST, READING.as_data())
    assert levels["source"] == "photo" and levels["unknown"] == ["Akkermansia"]
    assert [(r["taxon"], r["level"], r["written"], r["source"]) for r in levels["rows"]] == [
        ("Odoribacter", "low", "Verlaagd", FROM_REPORT),
        ("Prevotella", "normal", "Binnen de norm", FROM_REPORT),
        ("Dorea", "high", "Hoog", CORRECTED),
    ]
    assert table_rows(levels)[0] == ("Odoribacter", "beschermend", "laag", "Verlaagd", "uit rapport gelezen")


def test_typed_taxa_or_taxa_changed_after_the_upload_are_zelf_ingevuld():
    typed = {**WITH_TEST, "taxa_high": []}
    for report in (None, READING.as_data()):
        levels = levels_for_record(typed, report)
        assert levels["source"] == "typed"
        assert [(r["taxon"], r["level"], r["source"]) for r in levels["rows"]] == [("Odoribacter", "low", TYPED)]
    assert levels_for_record(WORKED_EXAMPLE, READING.as_data()) is None  # no test


def test_an_old_database_gets_the_new_column_and_keeps_its_records(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE intake_records (reference VARCHAR(32) PRIMARY KEY, sender_id VARCHAR(128) NOT NULL,"
                   " answers JSON NOT NULL, scores JSON NOT NULL, booking JSON NOT NULL, advice JSON NOT NULL,"
                   " started_at DATETIME, completed_at DATETIME NOT NULL)")  # fmt: skip
        db.execute("INSERT INTO intake_records VALUES ('IN-OLD123', 's', '{}', '{}', '{}', '[]', NULL,"
                   " '2026-01-10 10:00:00')")  # fmt: skip
    store = RecordStore(f"sqlite:///{path}")
    assert store.get("IN-OLD123").taxa_levels is None
    levels = levels_for_record(WITH_TEST, READING.as_data())
    store.save(IntakeRecord("IN-NEW456", "s2", WITH_TEST, {}, {}, [], None, now(), taxa_levels=levels))
    assert store.get("IN-NEW456").taxa_levels == levels


def test_the_report_shows_the_table_in_html_and_pdf():
    from pypdf import PdfReader

    from bot.clinic import EXAMPLE_CLINIC
    from bot.dialogue.results import build_result

    result = build_result(WITH_TEST, EXAMPLE_CLINIC, "IN-TAXA22")
    levels = levels_for_record(WITH_TEST, READING.as_data())
    record = IntakeRecord("IN-TAXA22", "s", WITH_TEST, result["scores"], result["booking"], [], now(), now(),
                          taxa_levels=levels)  # fmt: skip
    page = to_html(record, "Testkliniek")
    assert "<h2>Microbioomtest: niveaus</h2>" in page
    assert "<td>Verlaagd</td><td>uit rapport gelezen</td>" in page
    assert "Niet herkend en niet meegeteld: Akkermansia" in page
    assert to_json(record)["taxa_levels"] == levels
    pages = PdfReader(io.BytesIO(to_pdf(record, "Testkliniek"))).pages
    text = " ".join("".join(page.extract_text() for page in pages).split())
    assert "Microbioomtest: niveaus" in text and "uit rapport gelezen" in text
    plain_result = build_result(WORKED_EXAMPLE, EXAMPLE_CLINIC, "IN-PLAIN2")
    plain = IntakeRecord("IN-PLAIN2", "s", WORKED_EXAMPLE, plain_result["scores"], plain_result["booking"], [], now(),
                         now())  # fmt: skip
    assert "Microbioomtest" not in to_html(plain, "Testkliniek")


def test_one_line_per_low_protective_or_high_associated_taxon_with_its_source():
    answers = {**WORKED_EXAMPLE, "microbiome_test": "yes", "taxa_low": ["Streptococcus", "Faecalibacterium",
               "Odoribacter"], "taxa_high": ["Coprococcus", "Blautia"]}  # fmt: skip
    chosen = taxon_advice(answers)
    # Streptococcus low and Coprococcus high count in no score, so they get no line.
    assert [a.title for a in chosen] == ["Odoribacter (laag)", "Faecalibacterium (laag)", "Blautia (hoog)"]
    assert all(a.sources[0] == SEED_LIVER and "NAFLD" in a.text and "poortader" in a.text for a in chosen)
    assert all("geen diagnose" in a.text for a in chosen)
    assert taxon_line(chosen[0]).endswith(f"Bron: {SEED_LIVER}; {chosen[0].sources[1]}.")
    assert taxon_advice({**answers, "microbiome_test": "no"}) == []
