"""A lab report sent as a document or photo in each messaging app: downloaded through the provider's API
(the local fakes), read the same way as on the web, confirmed in the chat."""

import pytest

from bot.dialogue import report_confirmation as rc
from bot.report_reading import texts
from tests.channels.clients import new_user, slot, tracker_events
from tests.report_reading.fixtures import photo, seed_layout
from tests.report_reading.test_refusals import encrypted

CHANNELS = ("whatsapp", "telegram", "facebook", "twilio")
SEED = seed_layout()
SEED_LOW = ["Odoribacter", "Coprococcus", "Faecalibacterium", "Streptococcus"]


def consenting(channel, messaging_stack, providers):
    user = new_user(channel, messaging_stack, providers)
    user.say("hallo")
    user.say("ja")
    assert slot(messaging_stack, user.sender_id, "requested_slot") == "sex"
    return user


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_pdf_report_is_downloaded_read_and_confirmed(channel, messaging_stack, providers):
    user = consenting(channel, messaging_stack, providers)
    shown = user.send_document(SEED.pdf)
    said = "\n".join(user.texts())
    assert "Dit heb ik in je uitslag gelezen:\nLaag: Odoribacter, Coprococcus, Faecalibacterium en Streptococcus" \
        in said  # fmt: skip
    assert rc.QUESTION in said and slot(messaging_stack, user.sender_id, "taxa_low") is None
    assert shown[-1]["options"] == [] or [title for title, _ in shown[-1]["options"]] == list(rc.CONFIRM_BUTTONS)
    user.say("ja")
    assert slot(messaging_stack, user.sender_id, "microbiome_test") == "yes"
    assert slot(messaging_stack, user.sender_id, "taxa_low") == SEED_LOW
    assert slot(messaging_stack, user.sender_id, "taxa_high") == []
    assert slot(messaging_stack, user.sender_id, "requested_slot") == "sex"  # back to the open question
    downloads = [c for c in providers[channel].since(0) if c.json is None and not c.form and (
        "files" in c.path or "file" in c.path or "cdn" in c.path or "Media" in c.path)]  # fmt: skip
    assert downloads
    if channel == "twilio":  # Twilio's media needs the account's basic auth, sent only to the Twilio API
        assert any(c.headers.get("Authorization", "").startswith("Basic ") for c in downloads)
    if channel == "whatsapp":
        assert all(c.headers.get("Authorization") == "Bearer wa-token" for c in downloads)
    log = messaging_stack["log"].read_text()
    assert "Odoribacter" not in log and "Faecalibacterium" not in log


@pytest.mark.parametrize("channel", ["whatsapp", "telegram"])
def test_a_photo_of_the_report_is_read_too(channel, messaging_stack, providers):
    user = consenting(channel, messaging_stack, providers)
    user.send_document(photo(SEED.pdf, 2.5), "image/jpeg")
    assert "Laag: Odoribacter, Coprococcus, Faecalibacterium en Streptococcus" in "\n".join(user.texts())


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_refused_file_gets_the_dutch_reply_and_the_question_again(channel, messaging_stack, providers):
    user = consenting(channel, messaging_stack, providers)
    question = user.shown[-1]["text"]
    stored = tracker_events(messaging_stack, user.sender_id)
    shown = user.send_document(encrypted())
    assert shown[0]["text"] == texts.refused("encrypted")
    assert shown[-1]["text"] == question
    assert tracker_events(messaging_stack, user.sender_id) == stored


def test_before_consent_a_document_is_not_read(messaging_stack, providers):
    user = new_user("telegram", messaging_stack, providers)
    user.say("hallo")
    stored = tracker_events(messaging_stack, user.sender_id)
    shown = user.send_document(SEED.pdf)
    assert shown[0]["text"] == texts.NOT_NOW
    assert tracker_events(messaging_stack, user.sender_id) == stored
