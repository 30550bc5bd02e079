"""Facebook Messenger (Send API): /webhooks/facebook/webhook.

In: X-Hub-Signature-256 with $MESSENGER_APP_SECRET; every event of a batch; text, quick-reply
payloads and postbacks; an image or file attachment is a lab report to read (downloaded from the URL in
the signed event); other attachments (stickers, audio, location) are "not text"; echoes, deliveries and
reads are left out.
Out: POST {MESSENGER_API_URL}/me/messages with the page token.
"""

from __future__ import annotations

from typing import Optional

from channels.messaging import config
from channels.messaging.base import Incoming, number_or_none
from channels.messaging.meta import MetaChannel


class MessengerChannel(MetaChannel):
    provider = config.MESSENGER
    prefix = "MESSENGER"

    def events(self, request) -> list:
        body = request.json or {}
        found = []
        for entry in body.get("entry") or []:
            for event in entry.get("messaging") or []:
                user = str((event.get("sender") or {}).get("id") or "")
                when = number_or_none(event.get("timestamp"), 1000.0)
                message, postback = event.get("message"), event.get("postback")
                if message and not message.get("is_echo") and user:
                    text = (message.get("quick_reply") or {}).get("payload") or message.get("text")
                    media = None if text else _media(message)
                    found.append(Incoming(str(message["mid"]), user, text, timestamp=when, media=media))
                elif postback and user:
                    event_id = postback.get("mid") or f"postback:{user}:{event.get('timestamp')}"
                    found.append(Incoming(str(event_id), user, postback.get("payload") or postback.get("title"),
                                          timestamp=when))  # fmt: skip
        return found

    async def download(self, media: dict) -> Optional[bytes]:
        return await self.sender.fetch(media["url"])

    async def deliver(self, user: str, payload: dict) -> None:
        body = {"recipient": {"id": user}, "messaging_type": "RESPONSE", "message": payload}
        url = f"{self.api}/me/messages"
        await self.sender.post(url, json=body, params={"access_token": self.settings["MESSENGER_PAGE_TOKEN"]})


def _media(message: dict) -> Optional[dict]:
    """The first image or file attachment (a sticker is an image with a sticker id: not a report)."""
    for attachment in message.get("attachments") or []:
        payload = attachment.get("payload") or {}
        url = payload.get("url")
        if attachment.get("type") in ("image", "file") and not payload.get("sticker_id") and isinstance(url, str) \
                and url.startswith(("https://", "http://")):  # fmt: skip
            return {"url": url}
    return None
