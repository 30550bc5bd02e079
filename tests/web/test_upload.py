"""Uploading the lab report over REST and in the chat page, against the stack as `make run` starts it."""

import io
import time

import pytest
import requests
from playwright.sync_api import expect

from bot.dialogue import report_confirmation as rc
from bot.report_reading import texts
from bot.report_reading.limits import MAX_BYTES
from bot.scoring import compute_scores
from channels.web import UPLOAD_LABEL
from tests.answers import WORKED_EXAMPLE
from tests.report_reading.fixtures import photo, seed_layout
from tests.report_reading.test_refusals import encrypted, gif, with_attachment
from tests.web.conftest import CHAT, CLINIC_TOKEN, WebUser, screenshot

SEED = seed_layout()
UP_TO_THE_TEST = CHAT[:-2]  # the worked example up to the microbiome test question
SEED_LOW = ["Odoribacter", "Coprococcus", "Faecalibacterium", "Streptococcus"]  # the seed report's "Laag"


def upload(base, sender, data, name="uitslag.pdf", kind="application/pdf", **extra) -> requests.Response:
    fields = {"sender": sender} if sender is not None else {}
    return requests.post(f"{base}/webhooks/rest/upload", data={**fields, **extra},
                         files={"file": (name, data, kind)}, timeout=180)  # fmt: skip


def history_texts(user) -> list:
    return [m["text"] for m in user.history().json()]


@pytest.fixture(scope="module")
def at_the_test(stack):
    """A visitor who has answered up to the microbiome test question."""
    user = WebUser(stack["base"])
    for text in UP_TO_THE_TEST:
        user.say(text)
    assert user.replies[-1]["input"]["item"] == "microbiome_test"
    return user


def test_the_microbiome_questions_offer_the_upload(stack, at_the_test):
    offer = at_the_test.replies[-1]["input"]["upload"]
    assert offer == {"label": UPLOAD_LABEL, "text": rc.UPLOAD_TEXT, "max_bytes": MAX_BYTES,
                     "accept": offer["accept"]}  # fmt: skip
    assert "application/pdf" in offer["accept"] and "image/heic" in offer["accept"]
    assert "upload" not in WebUser(stack["base"]).say("hallo")[-1].get("input", {})  # not at consent


def test_a_full_intake_with_the_seed_report_uploaded(stack):
    base = stack["base"]
    user = WebUser(base)
    for text in UP_TO_THE_TEST:
        user.say(text)
    reply = upload(base, user.session, SEED.pdf)
    assert reply.status_code == 200
    shown = [m["text"] for m in reply.json()]
    assert shown[-1].startswith("Dit heb ik in je uitslag gelezen:\nLaag: Odoribacter, Coprococcus, Faecalibacterium "
                                "en Streptococcus\nHoog: geen\nNormaal: ")  # fmt: skip
    assert shown[-1].endswith(rc.QUESTION)
    assert [b["title"] for b in reply.json()[-1]["buttons"]] == list(rc.CONFIRM_BUTTONS)
    user.say("Dorea was hoog")  # a correction in words, then the yes
    assert "Hoog: Dorea" in user.replies[-1]["text"]
    user.say("ja")
    assert user.replies[0]["text"].startswith("Genoteerd uit je uitslag. Laag: Odoribacter, Coprococcus, "
                                              "Faecalibacterium en Streptococcus. Hoog: Dorea.")  # fmt: skip
    assert user.replies[-1]["input"]["item"] == "red_flags"  # the taxa questions are skipped
    view = user.complete(["geen"])
    expected = {**WORKED_EXAMPLE, "microbiome_test": "yes", "taxa_low": ["Odoribacter", "Coprococcus",
                "Faecalibacterium", "Streptococcus"], "taxa_high": ["Dorea"]}  # fmt: skip
    lines = view["own_taxa"]["lines"]
    assert [line["title"] for line in lines] == ["Odoribacter (laag)", "Coprococcus (laag)",
                                                 "Faecalibacterium (laag)", "Dorea (hoog)"]  # fmt: skip
    assert all("NAFLD" in line["text"] and "poortader" in line["text"] for line in lines)
    assert all(line["sources"][0].startswith("Microbioomrapport") for line in lines)

    reference = view["booking"]["reference"]
    record = requests.get(f"{base}/clinic/intakes/{reference}", headers={"Authorization": f"Bearer {CLINIC_TOKEN}"},
                          timeout=30).json()  # fmt: skip
    assert record["answers"] == expected
    assert record["scores"] == compute_scores(expected)
    assert record["words"]["taxa_low"] == rc.RECORDED_WORDS
    rows = {row["taxon"]: (row["level"], row["written"], row["source"]) for row in record["taxa_levels"]["rows"]}
    assert rows["Odoribacter"] == ("low", "Laag", "uit rapport gelezen")
    assert rows["Prevotella"] == ("normal", "Normaal", "uit rapport gelezen")
    assert rows["Dorea"] == ("high", "Hoog", "zelf ingevuld (verbeterd)")
    assert len(rows) == 15 and record["taxa_levels"]["source"] == "pdf"
    report = requests.get(f"{base}/clinic/intakes/{reference}", params={"format": "html"},
                          headers={"Authorization": f"Bearer {CLINIC_TOKEN}"}, timeout=30).text  # fmt: skip
    assert "Microbioomtest: niveaus" in report and "uit rapport gelezen" in report

    log = stack["log"].read_text()
    for secret in ("Odoribacter", "Faecalibacterium", "poortader", "Laag", "De connectie tussen"):
        assert secret not in log


def test_a_photo_is_read_too(stack, at_the_test):
    reply = upload(stack["base"], at_the_test.session, photo(SEED.pdf, -2.0), "foto.jpg", "image/jpeg")
    assert reply.status_code == 200
    assert "Laag: Odoribacter, Coprococcus, Faecalibacterium en Streptococcus" in reply.json()[-1]["text"]
    at_the_test.say("Ik typ ze zelf")  # nothing is recorded; the question is asked again
    assert at_the_test.replies[-1]["input"]["item"] == "microbiome_test"


@pytest.mark.parametrize("sender, status", [(None, 401), ("not-a-session", 403), ("abc.def", 403)])
def test_without_a_valid_session_the_upload_is_refused(stack, sender, status):
    assert upload(stack["base"], sender, SEED.pdf).status_code == status


@pytest.mark.parametrize("case, status, reason", [
    ("more than 10 MB", 413, "too_large"),
    ("GIF", 415, "unsupported_type"),
    ("encrypted PDF", 200, "encrypted"),
    ("PDF with an attachment", 200, "active_content"),
])  # fmt: skip
def test_bad_files_get_a_dutch_reply_the_question_again_and_nothing_recorded(stack, at_the_test, case, status,
                                                                               reason):  # fmt: skip
    data = {"more than 10 MB": lambda: b"%PDF-1.7\n" + b"0" * MAX_BYTES, "GIF": gif, "encrypted PDF": encrypted,
            "PDF with an attachment": with_attachment}[case]()  # fmt: skip
    before = history_texts(at_the_test)
    reply = upload(stack["base"], at_the_test.session, data)
    assert reply.status_code == status
    messages = reply.json()
    assert messages[0]["text"] == texts.refused(reason)
    assert messages[-1]["input"]["item"] == "microbiome_test" and messages[-1]["text"] == before[-1]
    assert history_texts(at_the_test) == before


def test_a_file_without_known_taxa_says_what_was_expected_and_records_nothing(stack, at_the_test):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Factuur 2025-0412   Consult   85,00 euro")
    page.drawString(72, 700, "Akkermansia")
    page.drawString(250, 700, "Normaal")
    page.showPage()
    page.save()
    before = history_texts(at_the_test)
    reply = upload(stack["base"], at_the_test.session, buffer.getvalue())
    assert reply.status_code == 200
    assert reply.json()[0]["text"] == texts.no_taxa(("Akkermansia",))
    assert reply.json()[-1]["input"]["item"] == "microbiome_test"
    assert history_texts(at_the_test) == before


def test_before_consent_nothing_is_read(stack):
    user = WebUser(stack["base"])
    user.say("hallo")
    before = history_texts(user)
    reply = upload(stack["base"], user.session, SEED.pdf)
    assert reply.status_code == 200 and reply.json()[0]["text"] == texts.NOT_NOW
    assert reply.json()[-1]["text"] == before[-1] and history_texts(user) == before


def test_the_chat_page_sends_the_report_from_the_upload_button(stack, browser, tmp_path):
    user = WebUser(stack["base"])
    for text in UP_TO_THE_TEST:
        user.say(text)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{stack['base']}/chat")
    page.evaluate("token => localStorage.setItem('intake-session', token)", user.session)
    page.reload()
    button = page.get_by_role("button", name=UPLOAD_LABEL)
    expect(button).to_be_visible(timeout=60_000)
    screenshot(page, "chat-upload-offered")
    report = tmp_path / "uitslag.pdf"
    report.write_bytes(SEED.pdf)
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(str(report))
    expect(page.locator(".msg.bot").last).to_contain_text("Laag: Odoribacter, Coprococcus", timeout=120_000)
    expect(page.locator(".msg.user").last).to_have_text("Jij: " + rc.UPLOAD_TEXT)
    expect(page.get_by_role("button", name="Ja, dat klopt")).to_be_visible()
    screenshot(page, "chat-upload-read")
    page.close()


def test_other_conversations_are_answered_while_a_photo_is_read(stack, at_the_test):
    """The photo is read outside the server's event loop: a message of another conversation, sent while the
    photo is being read, is answered before the reading ends."""
    import threading

    finished = {}
    image = photo(SEED.pdf, 1.5, dpi=300)

    def send_photo():
        upload(stack["base"], at_the_test.session, image, "foto.jpg", "image/jpeg")
        finished["upload"] = time.monotonic()

    other = WebUser(stack["base"])
    reader = threading.Thread(target=send_photo)
    reader.start()
    time.sleep(0.5)
    assert other.say("hallo")[-1]["text"]
    answered = time.monotonic()
    reader.join(180)
    assert "upload" in finished and answered < finished["upload"]
    at_the_test.say("Ik typ ze zelf")
