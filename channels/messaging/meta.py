"""What WhatsApp Cloud API and Messenger share: Meta's signature and subscription check."""

from __future__ import annotations

import hashlib
import hmac
from typing import Optional

from sanic import response
from sanic.request import Request

from channels.messaging.base import MessagingChannel


def signature_status(request: Request, app_secret: str) -> Optional[int]:
    """None when X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with the app secret;
    401 without a signature, 403 with a wrong one (compared in constant time)."""
    header = request.headers.get("x-hub-signature-256", "")
    if not header.startswith("sha256="):
        return 401
    expected = hmac.new(app_secret.encode(), request.body or b"", hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(header[7:].strip().lower(), expected) else 403


def subscription(request: Request, verify_token: str):
    """Meta's GET verification: echo hub.challenge only for the right verify token."""
    token = request.args.get("hub.verify_token", "")
    if request.args.get("hub.mode") == "subscribe" and hmac.compare_digest(token.encode(), verify_token.encode()):
        return response.text(request.args.get("hub.challenge", ""))
    return response.text("Forbidden", status=403)


class MetaChannel(MessagingChannel):
    """WhatsApp and Messenger: the app secret and verify token are ``<prefix>_APP_SECRET`` and
    ``<prefix>_VERIFY_TOKEN``."""

    prefix = ""

    def authenticate(self, request: Request) -> Optional[int]:
        return signature_status(request, self.settings[f"{self.prefix}_APP_SECRET"])

    def verify_subscription(self, request: Request):
        return subscription(request, self.settings[f"{self.prefix}_VERIFY_TOKEN"])
