"""The web chat never leaves the visitor without a reply (headless Chromium against the running stack): when the
answer is empty, a 5xx, the server's own Dutch error, or does not come in time, the page shows an error bubble
with "Opnieuw versturen" and keeps the text, and sending it again carries on. (tests/faults shows the server side:
what the server answers and stores when its action server hangs or dies.)"""

import json

import pytest
from playwright.sync_api import expect

from channels.cluster import ERROR_TEXT
from tests.web.test_browser import PHONE, TIMEOUT, wait_for_item

NO_ANSWER = "Er kwam geen antwoord op je bericht."
FAULTS = {  # what the webhook answers once, and what the visitor reads
    "empty": ({"status": 200, "content_type": "application/json", "body": "[]"}, NO_ANSWER),
    "bad gateway": ({"status": 502, "content_type": "text/html", "body": "<h1>502 Bad Gateway</h1>"}, NO_ANSWER),
    "the server's Dutch error": ({"status": 200, "content_type": "application/json",
                                  "body": json.dumps([{"recipient_id": "x", "text": ERROR_TEXT, "retry": True}])},
                                 ERROR_TEXT),
    "nginx's Dutch error": ({"status": 503, "content_type": "application/json",
                             "body": json.dumps([{"recipient_id": None, "text": ERROR_TEXT, "retry": True}])},
                            ERROR_TEXT),
    "no answer in time": (None, NO_ANSWER),
}  # fmt: skip


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_turn_without_its_answer_gets_an_error_bubble_and_send_again(stack, browser, fault):
    reply, shown = FAULTS[fault]
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("window.intakeReplyTimeoutMs = 2000;")  # the page's 60 s, shortened for the test
    page = context.new_page()
    try:
        page.goto(f"{stack['base']}/chat")
        wait_for_item(page, "consent")
        held = []  # "no answer in time": the request is held and never answered
        page.route("**/webhooks/rest/webhook",
                   lambda route: route.fulfill(**reply) if reply else held.append(route), times=1)  # fmt: skip
        page.locator("#input").fill("ja")
        page.keyboard.press("Enter")
        retry = page.get_by_role("button", name="Opnieuw versturen")
        expect(retry).to_be_focused(timeout=TIMEOUT)
        expect(page.get_by_role("alert")).to_have_text(f"{shown} Je eerdere antwoorden zijn bewaard.Opnieuw versturen")
        expect(page.locator("#input")).to_have_value("ja")
        expect(page.locator(".msg.user")).to_have_count(0)  # the text is back in the field, not shown as sent
        page.keyboard.press("Enter")
        wait_for_item(page, "sex")
        expect(page.get_by_role("alert")).to_have_count(0)
        expect(page.locator("#input")).to_have_value("")
        expect(page.locator(".msg.user")).to_have_text(["Jij: ja"])
    finally:
        context.close()
