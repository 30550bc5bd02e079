"""WhatsApp Cloud API (Meta): /webhooks/whatsapp/webhook. Rasa has no connector for it.

In: text, reply-button and list replies; an image or a document is a lab report to read (downloaded:
GET {WHATSAPP_API_URL}/{media id} gives its URL, then GET that URL, both with the bearer token); anything
else (audio, sticker, location, ...) is "not text". Statuses (sent, delivered, read) and other phone
numbers' events are left out.
Out: POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages with the bearer token.
"""

from __future__ import annotations

from typing import Optional

from channels.messaging import config
from channels.messaging.base import Incoming, number_or_none
from channels.messaging.meta import MetaChannel

IGNORED = ("reaction", "system", "unsupported")
MEDIA = ("image", "document")  # what may be a lab report


class WhatsAppChannel(MetaChannel):
    provider = config.WHATSAPP
    prefix = "WHATSAPP"

    def events(self, request) -> list:
        body = request.json or {}
        found = []
        for entry in body.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                number = str((value.get("metadata") or {}).get("phone_number_id"))
                if number != self.settings["WHATSAPP_PHONE_NUMBER_ID"]:
                    continue
                for message in value.get("messages") or []:
                    if message.get("type") in IGNORED:
                        continue
                    kind = message.get("type")
                    media = {"id": str(message[kind]["id"])} if kind in MEDIA and (message.get(kind) or {}).get(
                        "id") else None  # fmt: skip
                    found.append(Incoming(str(message["id"]), str(message["from"]), _text(message),
                                          timestamp=number_or_none(message.get("timestamp")), media=media))  # fmt: skip
        return found

    def _auth(self) -> dict:
        return {"Authorization": f"Bearer {self.settings['WHATSAPP_TOKEN']}"}

    async def download(self, media: dict) -> Optional[bytes]:
        found = await self.sender.fetch_json(f"{self.api}/{media['id']}", headers=self._auth())
        url = (found or {}).get("url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            return None
        return await self.sender.fetch(url, headers=self._auth())

    async def deliver(self, user: str, payload: dict) -> None:
        url = f"{self.api}/{self.settings['WHATSAPP_PHONE_NUMBER_ID']}/messages"
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": user, **payload}
        await self.sender.post(url, json=body, headers=self._auth())


def _text(message: dict):
    kind = message.get("type")
    if kind == "text":
        return (message.get("text") or {}).get("body") or ""
    if kind == "interactive":
        reply = message.get("interactive") or {}
        chosen = reply.get("button_reply") or reply.get("list_reply") or {}
        return chosen.get("id") or chosen.get("title")
    if kind == "button":  # a quick-reply button of a template message
        return (message.get("button") or {}).get("text")
    return None
