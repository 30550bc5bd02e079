"""The results card, the clinic report (HTML and PDF), the record's new fields, the web channel's helpers and the
staff sign-in's pieces, without a running server."""

import asyncio
import html
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
from bot.dialogue.results import WEB_CHANNEL, advice_record, build_result, results_view, shown_advice
from bot.questionnaire import ITEMS
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


def test_the_flags_and_the_items_not_managed_are_stored(monkeypatch, tmp_path):
    slots = {"violence_mentioned": True, "danger_mentioned": None, "pregnancy_mentioned": True,
             "items_not_managed": ["pss_2", "not-an-item", "age"]}  # fmt: skip
    messages, store = finish(WEB_CHANNEL, monkeypatch, tmp_path, slots)
    card = next(m["custom"]["intake_results"] for m in messages if "intake_results" in (m.get("custom") or {}))
    saved = store.get(card["booking"]["reference"])
    assert (saved.crisis, saved.violence, saved.danger, saved.pregnancy) == (False, True, False, True)
    assert saved.not_managed == ["age", "pss_2"]  # items only, in questionnaire order


def test_a_database_from_before_the_new_columns_gets_them(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with create_engine(url).begin() as db:
        db.execute(text("CREATE TABLE intake_records (reference VARCHAR(32) PRIMARY KEY, sender_id VARCHAR(128) NOT "
                        "NULL, answers JSON NOT NULL, scores JSON NOT NULL, booking JSON NOT NULL, advice JSON NOT "
                        "NULL, started_at DATETIME, completed_at DATETIME NOT NULL)"))  # fmt: skip
        db.execute(text("INSERT INTO intake_records VALUES ('IN-OLD222', 's0', '{}', '{}', '{}', '[]', NULL, "
                        "'2026-01-01 10:00:00')"))  # fmt: skip
    store = RecordStore(url)
    old = store.get("IN-OLD222")  # a record from before: no flags, nothing given up on
    assert (old.words, old.crisis, old.violence, old.danger, old.pregnancy, old.not_managed) == (
        {}, False, False, False, False, [])  # fmt: skip
    store.save(record(words={"age": "veertig"}, crisis=True, violence=True, not_managed=["egfr"]))
    assert store.get("IN-TEST22").words == {"age": "veertig"} and store.get("IN-TEST22").crisis is True
    assert store.get("IN-TEST22").violence is True and store.get("IN-TEST22").not_managed == ["egfr"]
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


# --- the clinician's report: third person, every alarm, honest areas, one template for HTML and PDF -------------
JE_WORDS = re.compile(r"\b(je|jouw|jij|jou|jezelf)\b", re.IGNORECASE)
DIET_UNKNOWN = {**WORKED_EXAMPLE, **{it.id: None for it in ITEMS if it.section == "diet"}}
ALARMED = {**HIGH_RISK, "egfr": 25}


def page_text(page: str) -> str:
    """What a reader of the HTML sees: no tags, no style, entities decoded."""
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def pdf_text(tmp_path, pdf: bytes, name="r.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def shown_advice_of(answers):
    return advice_record(shown_advice(answers, compute_scores(answers)))


@pytest.mark.parametrize("answers", [WORKED_EXAMPLE, ALARMED, LOW_RISK, DIET_UNKNOWN], ids=["worked", "alarms", "low",
                                                                                           "diet-unknown"])  # fmt: skip
def test_the_clinicians_report_never_says_je_in_html_or_pdf(answers, tmp_path):
    r = record(answers, advice=shown_advice_of(answers), words={"veg_fruit_per_day": "drie stuks"}, crisis=True,
               violence=True, danger=True, pregnancy=True, not_managed=["pss_2"])  # fmt: skip
    html_text = page_text(reports.to_html(r, "Testkliniek", (("Terug naar de lijst", "/clinic"),)))
    assert "Patiënt noemde" in html_text and "Huidklachten" in html_text
    assert JE_WORDS.findall(html_text) == []
    text = pdf_text(tmp_path, reports.to_pdf(r, "Testkliniek"))
    assert "Patiënt noemde" in text
    assert JE_WORDS.findall(text) == []
    # what the report quotes as the patient's own words stays as typed
    quoted = record(answers, words={"med_ppi": "ja, zie je wel"})
    assert '<td class="words">ja, zie je wel</td>' in reports.to_html(quoted, "Testkliniek")


def test_every_alarm_is_in_the_summary():
    r = record(ALARMED, crisis=True, violence=True, danger=True, pregnancy=True)
    page = reports.to_html(r, "Testkliniek")
    rows = re.findall(r'<tr class="(alert|)"><th scope="row">([^<]+)</th><td>([^<]+)</td></tr>', page)
    alarms = rows[:6]
    assert alarms == [
        ("alert", "Alarmsignalen", "zwarte ontlasting en gele huid of gele ogen"),
        ("alert", "Crisis", reports.CRISIS_LINE),
        ("alert", "Huiselijk geweld", "Patiënt noemde geweld thuis of in een relatie: volg op (de tekst is niet "
                                      "bewaard)."),
        ("alert", "Acuut gevaar", "Patiënt noemde acuut gevaar: volg direct op (de tekst is niet bewaard)."),
        ("alert", "Nierfunctie (eGFR) onder 30", "25: ernstig verminderd; bespreek medicatie en supplementen."),
        ("alert", "Zwangerschap", "Patiënt noemde een zwangerschap."),
    ]  # fmt: skip
    assert ("alert", "Plaspil (diureticum)", "ja") in rows and ("alert", "Afspraak", "eerst huisarts") in rows
    quiet = re.findall(r'<tr class="(alert|)"><th scope="row">([^<]+)</th><td>([^<]+)</td></tr>',
                       reports.to_html(record(LOW_RISK), "Testkliniek"))[:6]  # fmt: skip
    assert quiet == [("", "Alarmsignalen", "geen"), ("", "Crisis", "nee"), ("", "Huiselijk geweld", "nee"),
                     ("", "Acuut gevaar", "nee"), ("", "Nierfunctie (eGFR) onder 30", "onbekend"),
                     ("", "Zwangerschap", "nee")]  # fmt: skip
    kidney = re.findall(r'<th scope="row">Nierfunctie \(eGFR\) onder 30</th><td>([^<]+)</td>',
                        reports.to_html(record({**LOW_RISK, "egfr": 30}), "T"))  # fmt: skip
    assert kidney == ["nee (30)"]


def test_an_item_the_assistant_gave_up_on_says_niet_gelukt():
    answers = {**WORKED_EXAMPLE, "egfr": None, "sleep_hours": None}
    page = reports.to_html(record(answers, not_managed=["sleep_hours"]), "Testkliniek")
    assert ('<tr><th scope="row">slaap (uren per nacht)</th><td> <span class="failed">niet gelukt</span></td>'
            in page)  # fmt: skip
    assert '<th scope="row">nierfunctie (eGFR)</th><td>niet beantwoord</td>' in page  # skipped, not given up on
    assert '<tr class=""><th scope="row">Niet gelukt</th><td>slaap (uren per nacht)</td></tr>' in page


def test_the_report_is_honest_about_missing_answers():
    page = reports.to_html(record(DIET_UNKNOWN), "Testkliniek")
    assert ('<h3>Darmflora: <span class="band">onvolledig</span></h3><p>index 35 van 100 (niet beantwoorde vragen '
            'tellen als 0)</p><p class="basis">Op basis van 0 van 7 voedingsvragen en 9 van 9 andere vragen.</p>'
            in page)  # fmt: skip
    assert ('<p class="missing">Niet beantwoord: groente en fruit, volkoren, peulvruchten, noten of zaden, '
            "gefermenteerd eten, rood of bewerkt vlees en frisdrank, snoep, chips, fastfood of kant-en-klaar.</p>"
            in page)  # fmt: skip
    assert '<h3>Magnesium: <span class="band">onvolledig</span></h3>' in page
    assert ("<li>Magnesium uit voeding: naar schatting 120 mg per dag, nodig ongeveer 300 mg (te weinig). "
            "Ondergrens: 7 van de 7 voedingsvragen hiervoor niet beantwoord.</li>" in page)  # fmt: skip
    assert '<h3>Alcohol: <span class="band">verhoogd</span></h3>' in page  # answered: shown as it is
    drinks = reports.to_html(record({**WORKED_EXAMPLE, "audit_c_quantity": None}), "T")
    assert '<h3>Alcohol: <span class="band">niet berekend</span></h3><p class="basis">Op basis van 2 van 3 ' in drinks
    assert "Niet beantwoord: glazen op een drinkdag.</p>" in drinks


def test_the_pdf_is_tagged_pdf_ua_made_from_the_same_template(tmp_path):
    r = record(ALARMED, advice=shown_advice_of(ALARMED), crisis=True, not_managed=["pss_2"])
    path = tmp_path / "r.pdf"
    path.write_bytes(reports.to_pdf(r, "Testkliniek"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert 'pdfuaid:part="1"' in meta  # identifies itself as PDF/UA-1
    tree = subprocess.run(["pdfinfo", "-struct", str(path)], capture_output=True, text=True, check=True).stdout
    roles = [line.strip().split(" ")[0].rstrip(":") for line in tree.splitlines()]
    assert roles[0] == "Document" and {"H1", "H2", "H3", "Table", "TH", "TD", "L", "LI"} <= set(roles)
    assert roles.count("H2") == 4  # Samenvatting, Uitkomst, Antwoorden, Bijlage: the template's four sections
    # the same words in the same order as the HTML page (the PDF is that page, laid out for print)
    html_words = page_text(reports.to_html(r, "Testkliniek", pdf=True)).split()
    pdf_words = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    headings = ["Samenvatting", "Alarmsignalen", "Crisis", "Uitkomst", "Darmflora:", "Antwoorden", "Bijlage:"]
    assert [w for w in html_words if w in headings] == [w for w in pdf_words if w in headings]
    assert " ".join(html_words).count("niet gelukt") == " ".join(pdf_words).count("niet gelukt") == 1


def test_the_staff_list_entry_shows_who_the_areas_and_the_alarms():
    entry = reports.listing_entry(record(ALARMED, crisis=True, pregnancy=True))
    assert entry["patient"] == ["man", "40"] and reports.list_columns()["patient"] == ["Geslacht", "Leeftijd"]
    assert reports.list_columns()["areas"] == ["Darmflora", "Magnesium", "Alcohol", "Stress en slaap"]
    assert [(b["band"], b["state"], b["level"]) for b in entry["bands"]] == [
        ("verhoogd", "complete", 2), ("verhoogd", "complete", 2), ("verhoogd", "complete", 2),
        ("veel stress", "complete", 2)]  # fmt: skip
    assert entry["flags"] == ["alarmsignaal", "crisis", "eGFR < 30", "zwanger"] and entry["alert"] is True
    quiet = reports.listing_entry(record(DIET_UNKNOWN))
    assert [b["band"] for b in quiet["bands"]] == ["onvolledig", "onvolledig", "verhoogd", "veel stress"]
    assert quiet["flags"] == [] and quiet["alert"] is False


def test_dates_are_dutch_in_amsterdam_time():
    assert reports.local_time(T0) == "10 januari 2026, 10:00"
    assert reports.local_time(datetime(2026, 7, 3, 9, 5, tzinfo=timezone.utc)) == "3 juli 2026, 11:05"  # summer time
    assert reports.local_time(None) == "onbekend"


def test_the_fhir_output_is_built_from_the_models():
    from fhir.resources.questionnaireresponse import QuestionnaireResponse

    resource = reports.fhir_resource(record(ALARMED))
    assert isinstance(resource, QuestionnaireResponse)
    flags = next(item for item in resource.item if item.linkId == "red_flags")
    assert [a.valueCoding.display for a in flags.answer] == ["zwarte ontlasting", "gele huid of gele ogen"]
    assert QuestionnaireResponse.parse_raw(reports.fhir_json(record(ALARMED))).id == "IN-TEST22"
