"""WhatsApp Cloud API (Meta): /webhooks/whatsapp/webhook. Rasa has no connector for it.

In: text, reply-button and list replies; anything else (image, audio, sticker, location, ...) is
"not text". Statuses (sent, delivered, read) and other phone numbers' events are left out.
Out: POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages with the bearer token.
"""

from __future__ import annotations

from channels.messaging import config
from channels.messaging.base import Incoming, number_or_none
from channels.messaging.meta import MetaChannel

IGNORED = ("reaction", "system", "unsupported")


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
                    found.append(Incoming(str(message["id"]), str(message["from"]), _text(message),
                                          timestamp=number_or_none(message.get("timestamp"))))  # fmt: skip
        return found

    async def deliver(self, user: str, payload: dict) -> None:
        url = f"{self.api}/{self.settings['WHATSAPP_PHONE_NUMBER_ID']}/messages"
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": user, **payload}
        await self.sender.post(url, json=body, headers={"Authorization": f"Bearer {self.settings['WHATSAPP_TOKEN']}"})


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
