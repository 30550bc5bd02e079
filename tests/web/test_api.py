"""The web channel and the clinic API against the running stack (scripts/run.sh)."""

import json
import re
import subprocess
import sys

import pytest
import requests
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from bot.questionnaire import ITEMS
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE
from tests.web.conftest import ALLOWED_ORIGIN, CHAT, CLINIC_TOKEN, ENGLISH, ROOT, WebUser, visible_words

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def clinic(base, reference, token=CLINIC_TOKEN, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{base}/clinic/intakes/{reference}", headers=headers, params=params, timeout=30)


def test_chat_page_headers(stack):
    page = requests.get(f"{stack['base']}/chat", timeout=10)
    assert page.status_code == 200 and '<html lang="nl">' in page.text and "Testkliniek" in page.text
    assert page.headers["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        f"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' {ALLOWED_ORIGIN}"
    )
    assert "<script>" not in page.text and " style=" not in page.text  # no inline script or style
    assert page.headers["Cache-Control"] == "no-store"
    head = requests.head(f"{stack['base']}/chat", timeout=10)  # curl -I
    assert head.status_code == 200
    for response in (page, head):
        assert {k: response.headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS
        assert "Access-Control-Allow-Credentials" not in response.headers


def test_every_response_gets_the_security_headers(stack):
    base = stack["base"]
    replies = [requests.get(base + "/", timeout=10), requests.get(base + "/nowhere", timeout=10),
               requests.post(base + "/webhooks/rest/session", timeout=10), requests.get(base + "/clinic", timeout=10),
               requests.get(base + "/clinic/intakes", timeout=10)]  # fmt: skip
    assert [r.status_code for r in replies] == [200, 404, 200, 200, 401]
    for reply in replies:
        assert {k: reply.headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS, reply.url
        assert reply.headers["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';")
        assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]
        assert "Access-Control-Allow-Credentials" not in reply.headers


def test_static_assets_are_cached_by_content_hash(stack):
    page = requests.get(f"{stack['base']}/chat", timeout=10).text
    script = re.search(r'src="(/chat/chat\.js\?v=[0-9a-f]{12})"', page).group(1)
    asset = requests.get(stack["base"] + script, timeout=10)
    assert asset.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert asset.headers["Content-Type"].startswith("application/javascript")
    stale = requests.get(f"{stack['base']}/chat/chat.js?v=000000000000", timeout=10)
    assert stale.headers["Cache-Control"] == "no-cache"
    embed = requests.get(f"{stack['base']}/chat/embed.js", timeout=10)
    assert embed.status_code == 200 and "iframe" in embed.text
    icon = requests.get(f"{stack['base']}/favicon.ico", timeout=10)
    assert icon.status_code == 200 and icon.headers["Content-Type"] == "image/svg+xml"


def test_the_webhook_says_what_input_fits_the_question(stack):
    user = WebUser(stack["base"])
    user.say("hallo", start=True)
    asked = {}
    for text in ["ja", "vrouw", "40"]:
        asked[text] = user.say(text)[-1].get("input")
    assert asked["ja"] == {"item": "sex", "kind": "choice", "extras": ["Weet ik niet", "Sla over", "Vorige vraag"]}
    assert asked["vrouw"]["kind"] == "number" and asked["vrouw"]["integer"] is True
    assert (asked["vrouw"]["min"], asked["vrouw"]["max"]) == (18, 110)
    assert asked["40"]["item"] == "veg_fruit_per_day" and asked["40"]["integer"] is False
    texts = [m["text"] for m in user.history().json() if m["from"] == "user"]
    assert texts == ["ja", "vrouw", "40"]  # the page's own "hallo" is not shown


def test_checkboxes_and_scale(stack):
    user = WebUser(stack["base"])
    upto_skin = CHAT[: CHAT.index("acne")]
    for text in upto_skin:
        user.say(text)
    skin = user.replies[-1]["input"]
    assert skin["kind"] == "checkboxes" and skin["none"] == "geen"
    assert skin["options"][:2] == ["acne (puistjes)", "rosacea (rode huid, vooral in het gezicht)"]
    scale = user.say(", ".join(skin["options"][:2]))[-1]["input"]
    assert scale == {"item": "skin_impact", "kind": "scale", "min": 0, "max": 10,
                     "extras": ["Weet ik niet", "Sla over", "Vorige vraag"]}  # fmt: skip


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
    assert record["words"]["med_ppi"] == "ik slik pantoprazol" and record["words"]["veg_fruit_per_day"] == "drie"
    assert record["crisis"] is False

    page = clinic(stack["base"], reference, format="html")
    assert page.headers["Content-Type"].startswith("text/html")
    assert f"Intake Testkliniek: {reference}" in page.text
    assert "<h3>Darmflora: <span class=\"band\">verhoogd</span></h3><p>index 90 van 100</p>" in page.text
    assert "<th scope=\"row\">Afspraak</th><td>skincare-consult</td>" in page.text
    assert '<td>ja</td><td class="words">ik slik pantoprazol</td>' in page.text  # own words beside the value
    assert re.search(r"Afgerond: \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2} ", page.text)  # Amsterdam time, to the minute
    assert page.headers["Content-Security-Policy"].startswith("default-src 'none'; style-src 'sha256-")

    pdf = clinic(stack["base"], reference, format="pdf")
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["Content-Disposition"] == f'attachment; filename="intake-{reference}.pdf"'

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


def test_diet_questions_answered_weet_ik_niet_give_an_incomplete_card_and_report(stack):
    """The user-tested case: every diet question "weet ik niet". The card and the report say "onvolledig"."""
    diet = [i for i, it in enumerate(ITEMS) if it.section == "diet"]
    chat = [text if i - 1 not in diet else "weet ik niet" for i, text in enumerate(CHAT)]  # CHAT[i]: item i - 1
    card = WebUser(stack["base"]).complete(chat)
    gut, magnesium = card["areas"][0], card["areas"][1]
    assert (gut["state"], gut["band_label"]) == ("incomplete", "onvolledig")
    assert gut["basis"] == "Op basis van 0 van 7 voedingsvragen en 9 van 9 andere vragen."
    assert (magnesium["state"], magnesium["band_label"]) == ("incomplete", "onvolledig")
    assert magnesium["basis"] == "Op basis van 0 van 7 voedingsvragen en 5 van 6 andere vragen."
    reference = card["booking"]["reference"]
    record = clinic(stack["base"], reference).json()
    assert [record["answers"][ITEMS[i].id] for i in diet] == [None] * len(diet)
    page = clinic(stack["base"], reference, format="html").text
    assert '<h3>Darmflora: <span class="band">onvolledig</span></h3>' in page
    assert '<p class="basis">Op basis van 0 van 7 voedingsvragen en 9 van 9 andere vragen.</p>' in page


def test_the_html_report_holds_no_english_code_words(stack, completed):
    _, reference = completed
    page = clinic(stack["base"], reference, format="html").text
    assert visible_words(page) & ENGLISH == set()


def test_the_list_of_intakes(stack, completed):
    _, reference = completed
    base, auth = stack["base"], {"Authorization": f"Bearer {CLINIC_TOKEN}"}
    listed = requests.get(f"{base}/clinic/intakes", params={"since": "2020-01-01"}, headers=auth, timeout=10).json()
    entry = next(e for e in listed if e["reference"] == reference)
    assert entry["booking"] == "skincare_consult" and entry["booking_label"] == "skincare-consult"
    assert entry["red_flag"] is False and entry["crisis"] is False
    assert [e["completed_at"] for e in listed] == sorted((e["completed_at"] for e in listed), reverse=True)
    assert requests.get(f"{base}/clinic/intakes", params={"since": "2999-01-01"}, headers=auth, timeout=10).json() == []
    flagged = requests.get(f"{base}/clinic/intakes", params={"red_flag": "1"}, headers=auth, timeout=10).json()
    assert reference not in [e["reference"] for e in flagged]
    kind = requests.get(f"{base}/clinic/intakes", params={"booking": "gp_first"}, headers=auth, timeout=10).json()
    assert reference not in [e["reference"] for e in kind]
    malformed = requests.get(f"{base}/clinic/intakes", params={"since": "gisteren"}, headers=auth, timeout=10)
    assert malformed.status_code == 400
    assert requests.get(f"{base}/clinic/intakes", timeout=10).status_code == 401


def test_crisis_wording_is_flagged_in_the_report_without_its_text(stack):
    user = WebUser(stack["base"])
    middle = CHAT.index("zes uur")
    for text in CHAT[:middle]:
        user.say(text)
    user.say("ik denk de laatste tijd heel veel aan zelfmoord")
    go_on = [b["title"] for m in user.replies for b in (m.get("buttons") or [])]
    user.say(go_on[0] if go_on else "ja")  # go on with the questions
    reference = user.complete(CHAT[middle:])["booking"]["reference"]
    assert clinic(stack["base"], reference).json()["crisis"] is True
    page = clinic(stack["base"], reference, format="html").text
    assert '<tr class="alert"><th scope="row">Crisis</th><td>Crisiswoorden gebruikt' in page
    assert "zelfmoord" not in page


def test_without_a_valid_token_401_says_nothing_about_the_reference(stack, completed):
    _, reference = completed
    replies = [clinic(stack["base"], ref, token=token) for ref in (reference, "IN-ZZZZZZ") for token in (None, "wrong")]
    assert {r.status_code for r in replies} == {401}
    assert len({r.text for r in replies}) == 1
    assert clinic(stack["base"], "IN-ZZZZZZ").status_code == 404
    assert clinic(stack["base"], reference, format="xml").status_code == 400


def test_purge_removes_records_past_retention(stack):
    user = WebUser(stack["base"])
    reference = user.complete(CHAT)["booking"]["reference"]
    assert clinic(stack["base"], reference).status_code == 200
    run = subprocess.run([sys.executable, "-m", "bot.records", "purge", "--days", "0"], cwd=ROOT, env=stack["env"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0 and run.stdout.startswith("purged ")
    assert clinic(stack["base"], reference).status_code == 404


def test_delete_my_data_removes_record_and_conversation(stack):
    user = WebUser(stack["base"])
    reference = user.complete(CHAT)["booking"]["reference"]
    replies = user.say("verwijder mijn gegevens")
    assert "verwijderd" in replies[0]["text"] and replies[0]["deleted"] is True
    assert clinic(stack["base"], reference).status_code == 404
    assert user.history().json() == []


def test_no_answer_text_in_the_server_log(stack, completed):
    log = stack["log"].read_text()
    for answer in ("pantoprazol", "acne", "bijna nooit", "zes uur"):
        assert answer not in log
