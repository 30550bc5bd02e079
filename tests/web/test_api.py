"""The web channel and the clinic API against the running stack (scripts/run.sh)."""

import json
import subprocess
import sys

import pytest
import requests
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE
from tests.web.conftest import ALLOWED_ORIGIN, CLINIC_TOKEN, ROOT, WebUser

CHAT = ["hallo", "ja", "vrouw", "40", "drie", "2", "geen", "2", "1", "0", "1", "4 keer", "twee keer per dag",
        "2 tot 3 keer per week", "drie glazen", "elke maand", "soms", "soms", "bijna nooit", "vaak", "zes uur",
        "ik slik pantoprazol", "nee", "1 kuur", "nee", "weet ik niet", "acne", "5", "nee", "geen"]  # fmt: skip


def clinic(base, reference, token=CLINIC_TOKEN, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{base}/clinic/intakes/{reference}", headers=headers, params=params, timeout=30)


@pytest.fixture(scope="module")
def completed(stack):
    user = WebUser(stack["base"])
    for text in CHAT:
        user.say(text)
    return user, user.results_view()["booking"]["reference"]


def test_chat_page_is_served_with_framing_limited_to_allowed_origins(stack):
    page = requests.get(f"{stack['base']}/chat", timeout=10)
    assert page.status_code == 200 and '<html lang="nl">' in page.text and "Testkliniek" in page.text
    assert page.headers["Content-Security-Policy"] == f"frame-ancestors 'self' {ALLOWED_ORIGIN}"
    embed = requests.get(f"{stack['base']}/chat/embed.js", timeout=10)
    assert embed.status_code == 200 and "iframe" in embed.text


def test_cors_only_for_configured_origins(stack):
    def preflight(origin):
        return requests.options(f"{stack['base']}/webhooks/rest/session", timeout=10,
                                headers={"Origin": origin, "Access-Control-Request-Method": "POST"})  # fmt: skip

    assert preflight(ALLOWED_ORIGIN).headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    assert "Access-Control-Allow-Origin" not in preflight("https://elders.example").headers


@pytest.mark.parametrize("sender", ["anna", "", None, "abc.def", "x" * 24 + ".forged-signature"])
def test_a_sender_that_is_no_issued_session_is_refused(stack, sender):
    reply = requests.post(
        f"{stack['base']}/webhooks/rest/webhook", json={"sender": sender, "message": "hoi"}, timeout=10
    )
    assert reply.status_code == 403


def test_a_session_sees_only_its_own_conversation(stack):
    anna, ben = WebUser(stack["base"]), WebUser(stack["base"])
    anna.say("hallo")
    anna.say("ja")
    assert ben.history().json() == []
    tampered = anna.session[:-2] + ("AA" if not anna.session.endswith("AA") else "BB")
    forged = requests.get(f"{stack['base']}/webhooks/rest/history", headers={"Authorization": f"Bearer {tampered}"},
                          timeout=10)  # fmt: skip
    assert forged.status_code == 403
    texts = [m["text"] for m in anna.history().json()]
    assert texts[0] == "hallo" and "ja" in texts


def test_record_as_json_html_pdf_and_fhir(stack, completed):
    user, reference = completed
    record = clinic(stack["base"], reference).json()
    assert record["reference"] == reference
    assert record["answers"] == WORKED_EXAMPLE
    assert record["scores"] == compute_scores(WORKED_EXAMPLE)
    assert record["booking"]["kind"] == "skincare_consult" and record["booking"]["reference"] == reference
    assert [a["id"] for a in record["advice"]] == ["ppi", "low_whole_grain", "low_veg_fruit", "few_fermented",
                                                   "ultra_processed"]  # fmt: skip
    assert record["started_at"] < record["completed_at"]

    page = clinic(stack["base"], reference, format="html")
    assert page.headers["Content-Type"].startswith("text/html")
    assert f"Intake Testkliniek: {reference}" in page.text and "Darmflora-index (0-100)</th><td>90" in page.text

    pdf = clinic(stack["base"], reference, format="pdf")
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")

    fhir = clinic(stack["base"], reference, format="fhir")
    assert fhir.headers["Content-Type"].startswith("application/fhir+json")
    response = QuestionnaireResponse.parse_obj(json.loads(fhir.text))  # validates against FHIR R4
    assert response.status == "completed" and response.identifier.value == reference
    by_link = {item.linkId: item for item in response.item}
    assert by_link["veg_fruit_per_day"].answer[0].valueInteger == 3
    assert by_link["audit_c_frequency"].answer[0].valueCoding.code == "2_3_per_week"
    assert by_link["egfr"].answer is None
    scores = {item.linkId: item for item in by_link["scores"].item}
    assert scores["score.microbiome_score"].answer[0].valueInteger == 90


def test_without_a_valid_token_401_says_nothing_about_the_reference(stack, completed):
    _, reference = completed
    replies = [clinic(stack["base"], ref, token=token) for ref in (reference, "IN-ZZZZZZ") for token in (None, "wrong")]
    assert {r.status_code for r in replies} == {401}
    assert len({r.text for r in replies}) == 1
    assert clinic(stack["base"], "IN-ZZZZZZ").status_code == 404
    assert clinic(stack["base"], reference, format="xml").status_code == 400


def test_purge_removes_records_past_retention(stack):
    user = WebUser(stack["base"])
    for text in CHAT:
        user.say(text)
    reference = user.results_view()["booking"]["reference"]
    assert clinic(stack["base"], reference).status_code == 200
    run = subprocess.run([sys.executable, "-m", "bot.records", "purge", "--days", "0"], cwd=ROOT, env=stack["env"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0 and run.stdout.startswith("purged ")
    assert clinic(stack["base"], reference).status_code == 404


def test_delete_my_data_removes_record_and_conversation(stack):
    user = WebUser(stack["base"])
    for text in CHAT:
        user.say(text)
    reference = user.results_view()["booking"]["reference"]
    replies = user.say("verwijder mijn gegevens")
    assert replies[0]["text"] == "Je gegevens zijn verwijderd. Je kunt altijd opnieuw beginnen door 'hallo' te typen."
    assert clinic(stack["base"], reference).status_code == 404
    assert user.history().json() == []


def test_no_answer_text_in_the_server_log(stack, completed):
    log = stack["log"].read_text()
    for answer in ("pantoprazol", "acne", "bijna nooit", "zes uur"):
        assert answer not in log
