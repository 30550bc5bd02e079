"""The four messaging channels against the running assistant, each with a fake provider API."""

import time

import pytest
import requests

from bot.channel_messages import ONLY_TEXT
from bot.records import RecordStore
from bot.scoring import compute_scores
from tests.answers import WORKED_EXAMPLE
from tests.channels import limits
from tests.channels.clients import new_user, tracker_events
from tests.channels.intake import FREE_TEXT, booking_reference, complete_intake

CHANNELS = ("whatsapp", "telegram", "facebook", "twilio")


@pytest.fixture(params=CHANNELS)
def channel(request):
    return request.param


def user_of(channel, messaging_stack, providers):
    return new_user(channel, messaging_stack, providers)


def test_unsigned_and_wrongly_signed_requests_are_refused(channel, messaging_stack, providers):
    user = user_of(channel, messaging_stack, providers)
    mark = providers[channel].mark()
    event = user.text_event("hallo", user.new_id())
    assert user.post(event, signature="none").status_code == 401
    assert user.post(event, signature="wrong").status_code == 403
    assert tracker_events(messaging_stack, user.sender_id) == []
    assert providers[channel].since(mark) == []


def test_complete_intake_with_taps_numbers_titles_and_free_text(channel, messaging_stack, providers):
    user = user_of(channel, messaging_stack, providers)
    how = complete_intake(user, messaging_stack)
    assert set(how) == set(WORKED_EXAMPLE)
    assert {"number", "title", "text"} <= set(how.values())
    assert ("tap" in how.values()) == user.taps
    reference = booking_reference(user.shown)
    record = RecordStore(messaging_stack["records"]).get(reference)
    assert record is not None and record.sender_id == user.sender_id
    assert record.answers == WORKED_EXAMPLE
    assert record.scores == compute_scores(WORKED_EXAMPLE)
    assert any(text.startswith("Dank je wel voor je antwoorden!") for text in user.texts())
    for call in user.all_calls:
        limits.CHECKS[channel](call)
    assert not any("intake_results" in str(call.json or call.form) for call in user.all_calls)  # web-only JSON

    user.say("verwijder mijn gegevens")
    assert user.shown and "verwijderd" in " ".join(user.texts())
    assert tracker_events(messaging_stack, user.sender_id) == []
    assert RecordStore(messaging_stack["records"]).get(reference) is None
    log = messaging_stack["log"].read_text()  # nothing personal at the server's log level
    for personal in (user.user, user.sender_id, FREE_TEXT["sex"], FREE_TEXT["whole_grain_per_day"]):
        assert personal not in log


def test_a_duplicate_delivery_is_processed_once_and_a_replay_reaches_nothing(channel, messaging_stack, providers):
    user = user_of(channel, messaging_stack, providers)
    event = user.text_event("hallo", user.new_id())
    assert user.exchange(event)
    stored = tracker_events(messaging_stack, user.sender_id)
    assert stored
    assert user.exchange(event) == []  # the provider delivers it again, or someone replays it
    assert user.exchange(event) == []
    assert tracker_events(messaging_stack, user.sender_id) == stored


def test_media_gets_a_text_only_notice_and_the_question_again(channel, messaging_stack, providers):
    user = user_of(channel, messaging_stack, providers)
    question = user.say("hallo")[-1]
    stored = tracker_events(messaging_stack, user.sender_id)
    shown = user.send_media()
    assert shown[0]["text"] == ONLY_TEXT
    assert shown[-1]["text"] == question["text"] and shown[-1]["options"] == question["options"]
    assert tracker_events(messaging_stack, user.sender_id) == stored


@pytest.mark.parametrize("channel", ["whatsapp", "twilio"])
def test_provider_errors_are_retried(channel, messaging_stack, providers):
    user = user_of(channel, messaging_stack, providers)
    providers[channel].fail_next(2, 503)
    shown = user.say("hallo")
    assert shown and "Vraag 1 van" in shown[-1]["text"]


def test_a_replayed_whatsapp_message_from_long_ago_is_ignored(messaging_stack, providers):
    user = user_of("whatsapp", messaging_stack, providers)
    event = user.text_event("hallo", user.new_id())
    event["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = str(int(time.time()) - 3 * 24 * 3600)
    assert user.exchange(event) == []
    assert tracker_events(messaging_stack, user.sender_id) == []


@pytest.mark.parametrize(
    "channel, token", [("whatsapp", "WHATSAPP_VERIFY_TOKEN"), ("facebook", "MESSENGER_VERIFY_TOKEN")]
)
def test_meta_subscription_needs_the_verify_token(channel, token, messaging_stack):
    url = f"{messaging_stack['base']}/webhooks/{channel}/webhook"
    params = {"hub.mode": "subscribe", "hub.challenge": "12345", "hub.verify_token": messaging_stack["env"][token]}
    assert requests.get(url, params=params, timeout=10).text == "12345"
    wrong = requests.get(url, params={**params, "hub.verify_token": "guess"}, timeout=10)
    assert wrong.status_code == 403 and "12345" not in wrong.text


def test_telegram_answers_each_button_press_and_knows_old_buttons(messaging_stack, providers):
    user = user_of("telegram", messaging_stack, providers)
    user.say("hallo")
    consent_options = user.last_options()
    user.tap(0)  # "Ja, ik geef toestemming"
    answered = [c.json for c in user.calls if c.path.endswith("/answerCallbackQuery")]
    assert answered == [{"callback_query_id": user.callback_id}]
    stored = tracker_events(messaging_stack, user.sender_id)
    user.shown = [{"text": "", "options": consent_options, "link": None}]
    user.tap(1)  # a consent button pressed again, now that the sex question is open
    answered = [c.json for c in user.calls if c.path.endswith("/answerCallbackQuery")]
    assert answered == [{"callback_query_id": user.callback_id, "text": "Die knop hoort bij een eerdere vraag."}]
    assert tracker_events(messaging_stack, user.sender_id) == stored


def test_twilio_answers_with_empty_twiml(messaging_stack, providers):
    user = user_of("twilio", messaging_stack, providers)
    reply = user.post(user.text_event("hallo", user.new_id()))
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("text/xml")
    assert reply.text.endswith("<Response></Response>")
