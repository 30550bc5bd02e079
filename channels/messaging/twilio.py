"""Twilio (WhatsApp through Twilio, or SMS): /webhooks/twilio/webhook.

In: X-Twilio-Signature, checked with the twilio package's RequestValidator against
$CHANNEL_PUBLIC_URL + the path (the URL Twilio calls) and the posted form. A photo or PDF without
text is a lab report to read (MediaUrl0, downloaded with the account's basic auth, and only from
$TWILIO_API_URL, so the credentials never go elsewhere); other media and shared locations are "not
text". The webhook answers with empty TwiML.
Out: POST {TWILIO_API_URL}/2010-04-01/Accounts/<sid>/Messages.json (basic auth) with aiohttp,
so the server's event loop is never blocked; options are numbered in the text.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import parse_qs

import aiohttp
from sanic import response
from twilio.request_validator import RequestValidator

from channels.messaging import config
from channels.messaging.base import Incoming, MessagingChannel

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def form_of(request) -> dict:
    """The posted form, first value per field, blank fields kept: Twilio signs them too (an empty
    Body with a photo), and Sanic's own request.form leaves them out."""
    fields = parse_qs((request.body or b"").decode("utf-8", "replace"), keep_blank_values=True)
    return {key: values[0] for key, values in fields.items()}


class TwilioChannel(MessagingChannel):
    provider = config.TWILIO

    def authenticate(self, request) -> Optional[int]:
        signature = request.headers.get("x-twilio-signature")
        if not signature:
            return 401
        query = f"?{request.query_string}" if request.query_string else ""
        url = self.settings[config.PUBLIC_URL] + request.path + query
        params = form_of(request)
        validator = RequestValidator(self.settings["TWILIO_AUTH_TOKEN"])
        return None if validator.validate(url, params, signature) else 403

    def events(self, request) -> list:
        form = form_of(request)
        if "Body" not in form and "NumMedia" not in form:
            return []  # a status callback, not a message
        body = (form.get("Body") or "").strip()
        not_text = not body and (int(form.get("NumMedia") or 0) > 0 or form.get("Latitude") is not None)
        event_id = form.get("MessageSid") or form.get("SmsMessageSid")
        media = _media(form, self.api) if not_text else None
        return [Incoming(str(event_id), str(form.get("From") or ""), None if not_text else body, media=media)]

    def reply(self):
        return response.text(EMPTY_TWIML, content_type="text/xml")

    async def download(self, media: dict) -> Optional[bytes]:
        sid = self.settings["TWILIO_ACCOUNT_SID"]
        return await self.sender.fetch(media["url"], auth=aiohttp.BasicAuth(sid, self.settings["TWILIO_AUTH_TOKEN"]))

    async def deliver(self, user: str, payload: dict) -> None:
        sid = self.settings["TWILIO_ACCOUNT_SID"]
        url = f"{self.api}/2010-04-01/Accounts/{sid}/Messages.json"
        data = {"From": self.settings["TWILIO_FROM"], "To": user, **payload}
        await self.sender.post(url, data=data, auth=aiohttp.BasicAuth(sid, self.settings["TWILIO_AUTH_TOKEN"]))


MEDIA_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif")


def _media(form: dict, api: str) -> Optional[dict]:
    """The first attached photo or PDF, when its URL is on the Twilio API (the basic auth goes nowhere else)."""
    url, kind = form.get("MediaUrl0") or "", (form.get("MediaContentType0") or "").split(";")[0].strip().lower()
    if kind in MEDIA_TYPES and url.startswith(api.rstrip("/") + "/"):
        return {"url": url}
    return None
