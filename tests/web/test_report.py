"""The results card, the clinic report (HTML and PDF), the record's new fields, the web channel's helpers and the
staff sign-in's pieces, without a running server."""

import asyncio
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine, text

import actions.results
from actions.results import ActionFinishIntake
from bot import reports
from bot.clinic import Clinic
from bot.dialogue.results import WEB_CHANNEL, build_result, results_view
from bot.records import IntakeRecord, RecordStore
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE
from tests.web.conftest import ENGLISH, visible_words

CLINIC = Clinic("Testkliniek", "https://kliniek.example/plan", "020 1", "a@b.example")
T0 = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)  # 10:00 in Amsterdam
HIGH_RISK = {**WORKED_EXAMPLE, "sex": "male", "audit_c_frequency": "4_plus_per_week", "audit_c_quantity": 8,
             "audit_c_binge": "daily_or_almost", "med_diuretic": "yes", "cond_diabetes_t2": "yes", "egfr": 45,
             "pss_1": "very_often", "pss_4": "very_often", "red_flags": ["black_stool", "jaundice"]}  # fmt: skip
LOW_RISK = {**WORKED_EXAMPLE, "veg_fruit_per_day": 6, "whole_grain_per_day": 4, "legumes_per_week": 3,
            "nuts_per_week": 7, "leafy_greens_per_week": 7, "dark_chocolate_per_week": 3, "fermented_per_week": 7,
            "red_meat_per_week": 1, "ultra_processed_per_day": 0, "audit_c_frequency": "never", "med_ppi": "no",
            "med_antibiotics_12m": "none", "sleep_hours": 8, "pss_1": "never", "pss_2": "very_often",
            "pss_3": "very_often", "pss_4": "never"}  # fmt: skip


def record(answers=WORKED_EXAMPLE, **changes):
    result = build_result(answers, CLINIC, "IN-TEST22")
    advice = [{"id": "ppi", "title": "Je maagzuurremmer", "text": "Bespreek <dit>.", "sources": []}]
    base = IntakeRecord("IN-TEST22", "s1", answers, result["scores"], result["booking"], advice,
                        T0 - timedelta(minutes=9), T0)  # fmt: skip
    return replace(base, **changes)


@pytest.mark.parametrize("answers", [WORKED_EXAMPLE, HIGH_RISK, LOW_RISK], ids=["worked", "high", "low"])
def test_every_bar_points_one_way_with_its_marker_in_the_zone_of_its_band(answers):
    view = results_view(answers, build_result(answers, CLINIC), CLINIC)
    for area in view["areas"]:
        zones = area["zones"]
        assert [z["level"] for z in zones] == sorted(z["level"] for z in zones)  # low to high, left to right
        assert zones[0]["start"] == 0 and zones[-1]["end"] == 100
        assert all(a["end"] == b["start"] for a, b in zip(zones, zones[1:]))
        inside = [z["level"] for z in zones if z["start"] < area["position"] < z["end"]]
        assert inside == [area["level"]], area
        assert area["why"] and "punten" not in area["why"]


def test_the_card_offers_one_booking_and_the_way_back():
    view = results_view(WORKED_EXAMPLE, build_result(WORKED_EXAMPLE, CLINIC, "IN-TEST22"), CLINIC)
    assert view["booking"]["label"] == "Plan je consult" and view["booking"]["reference"] == "IN-TEST22"
    assert view["booking"]["url"] == "https://kliniek.example/plan?ref=IN-TEST22"
    assert [a["title"] for a in view["actions"]] == ["Opnieuw beginnen", "Verwijder mijn gegevens"]
    stress = next(a for a in view["areas"] if a["label"].startswith("Stress"))
    assert stress["zones"] == [{"level": 0, "label": "laag", "start": 0.0, "end": 35.3},
                               {"level": 1, "label": "gemiddeld", "start": 35.3, "end": 58.8},
                               {"level": 2, "label": "hoog", "start": 58.8, "end": 100.0}]  # fmt: skip


def finish(channel, monkeypatch, tmp_path, slots=None):
    store = RecordStore(f"sqlite:///{tmp_path / 'r.db'}")
    monkeypatch.setattr(actions.results, "RECORDS", store)
    answered = {k: v for k, v in WORKED_EXAMPLE.items()}
    slots = {**answered, "answered_items": list(answered), "intake_status": "complete", **(slots or {})}
    events = [{"event": "user", "text": "geen", "timestamp": 1.0, "input_channel": channel, "parse_data": {}}]
    tracker = Tracker("s1", slots, {}, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, ActionFinishIntake().run(dispatcher, tracker, {})).result()
    return dispatcher.messages, store


def test_the_web_channel_gets_one_card_and_other_channels_the_text(monkeypatch, tmp_path):
    web, _ = finish(WEB_CHANNEL, monkeypatch, tmp_path)
    assert len(web) == 1 and "intake_results" in web[0]["custom"]
    other, _ = finish("telegram", monkeypatch, tmp_path)
    texts = [m.get("text") or "" for m in other]
    assert any(t.startswith("Darmflora: verhoogd risico (90 van 100 punten).") for t in texts)
    assert not any("+10 punten" in t for t in texts)  # no points for the patient
    assert not any("door: Je noemde" in t for t in texts)


def test_own_words_and_the_crisis_flag_are_stored(monkeypatch, tmp_path):
    words = {"veg_fruit_per_day": "drie, denk ik", "med_ppi": "ik slik pantoprazol", "unknown": "x"}
    messages, store = finish(WEB_CHANNEL, monkeypatch, tmp_path, {"answer_words": words, "crisis_mentioned": True})
    card = next(m["custom"]["intake_results"] for m in messages if "intake_results" in (m.get("custom") or {}))
    reference = card["booking"]["reference"]
    saved = store.get(reference)
    assert saved.words == {"veg_fruit_per_day": "drie, denk ik", "med_ppi": "ik slik pantoprazol"}
    assert saved.crisis is True


def test_a_database_from_before_the_new_columns_gets_them(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with create_engine(url).begin() as db:
        db.execute(text("CREATE TABLE intake_records (reference VARCHAR(32) PRIMARY KEY, sender_id VARCHAR(128) NOT "
                        "NULL, answers JSON NOT NULL, scores JSON NOT NULL, booking JSON NOT NULL, advice JSON NOT "
                        "NULL, started_at DATETIME, completed_at DATETIME NOT NULL)"))  # fmt: skip
    store = RecordStore(url)
    store.save(record(words={"age": "veertig"}, crisis=True))
    assert store.get("IN-TEST22").words == {"age": "veertig"} and store.get("IN-TEST22").crisis is True
    assert [r.reference for r in store.listing(since=T0 - timedelta(days=1))] == ["IN-TEST22"]
    assert store.listing(since=T0 + timedelta(minutes=1)) == []


@pytest.mark.parametrize("answers", [WORKED_EXAMPLE, HIGH_RISK, LOW_RISK], ids=["worked", "high", "low"])
def test_the_html_report_is_dutch_local_and_highlights_what_matters(answers):
    r = record(answers, words={"veg_fruit_per_day": "drie <stuks>"}, crisis=answers is HIGH_RISK)
    page = reports.to_html(r, "Kliniek <b>")
    assert visible_words(page) & ENGLISH == set()
    assert "Kliniek &lt;b&gt;" in page and "drie &lt;stuks&gt;" in page and "<stuks>" not in page
    assert "Afgerond: 10 januari 2026, 10:00" in page
    assert page.index("Samenvatting") < page.index("Uitkomst") < page.index("Antwoorden") < page.index("Bijlage")
    crisis = '<tr class="alert"><th scope="row">Crisis</th>'
    assert (crisis in page) == (answers is HIGH_RISK)
    if answers is HIGH_RISK:
        assert ('<tr class="alert"><th scope="row">Alarmsignalen</th><td>zwarte ontlasting en gele huid of gele '
                "ogen</td>") in page  # fmt: skip
        assert '<tr class="alert"><th scope="row">Afspraak</th><td>eerst huisarts</td>' in page


def test_the_pdf_has_embedded_fonts_page_numbers_a_running_header_and_the_tips_in_an_appendix(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils is not installed: run `make test` (scripts/install_system.sh installs it)")
    advice = [{"id": f"t{i}", "title": f"Tip {i}", "text": "Een zin die de tip uitlegt. " * 12, "sources": []}
              for i in range(1, 8)]  # fmt: skip
    path = tmp_path / "r.pdf"
    path.write_bytes(reports.to_pdf(record(HIGH_RISK, advice=advice, crisis=True), "Testkliniek"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(fonts) > 2 and all(" yes " in line for line in fonts[2:])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 2 and "Title:           Intake Testkliniek: IN-TEST22" in info
    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True,
                            text=True, check=True).stdout for n in range(1, pages + 1)]  # fmt: skip
    for number, page in enumerate(texts, 1):
        assert "Intake IN-TEST22 · Testkliniek · vertrouwelijk" in page
        assert f"Pagina {number} van {pages}" in page
    assert "Afspraak: eerst huisarts" in texts[0] and "Crisiswoorden gebruikt" in texts[0]
    appendix = next(i for i, page in enumerate(texts) if "Bijlage: tips" in page)
    assert "Tip 1" not in "".join(texts[:appendix])
    for i in range(1, 8):  # no tip is split over two pages
        assert sum(f"Tip {i}\n" in page or f"{i}. Tip {i}" in page for page in texts) == 1


def test_what_the_page_offers_for_each_kind_of_question():
    from channels.web import input_for

    assert input_for(None) is None and input_for("nothing") is None
    assert input_for("consent") == {"item": "consent", "kind": "choice", "extras": []}
    assert input_for("age")["kind"] == "number" and input_for("age")["integer"] is True
    assert input_for("skin_impact")["kind"] == "scale"
    flags = input_for("red_flags")
    assert flags["kind"] == "checkboxes" and flags["none"] == "geen"
    assert flags["options"][0] == "bloed bij de ontlasting"
    assert input_for("taxa_low")["kind"] == "text"  # fifteen names: typed, not ticked


def test_failed_sign_ins_lock_a_client_for_the_window():
    from channels.clinic import FailedSignIns

    now = [100.0]
    limiter = FailedSignIns(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("a") == 0
        limiter.fail("a")
    assert limiter.retry_after("a") == 60 and limiter.retry_after("b") == 0
    now[0] += 59.5
    assert limiter.retry_after("a") == 1
    now[0] += 1
    assert limiter.retry_after("a") == 0


def test_the_staff_cookie_is_signed_and_expires():
    from channels.clinic import COOKIE_SECONDS, ClinicAccess, FailedSignIns

    access = ClinicAccess("token", b"secret", FailedSignIns())
    value = access.cookie_value(now=1000.0)
    assert access.cookie_ok(value, now=1000.0 + COOKIE_SECONDS - 1)
    assert not access.cookie_ok(value, now=1000.0 + COOKIE_SECONDS)
    assert not access.cookie_ok(value[:-1] + ("0" if value[-1] != "0" else "1"), now=1000.0)
    assert not ClinicAccess("other", b"secret", FailedSignIns()).cookie_ok(value, now=1000.0)
    assert not ClinicAccess("", b"secret", FailedSignIns()).cookie_ok(value, now=1000.0)


def test_scores_of_the_record_are_the_engines():
    assert record().scores == compute_scores(WORKED_EXAMPLE)
