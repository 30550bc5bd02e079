"""Telegram Bot API: /webhooks/telegram/webhook.

In: the X-Telegram-Bot-Api-Secret-Token header must equal $TELEGRAM_SECRET_TOKEN (set with the
webhook by `make channel-webhooks`). Private-chat text messages and inline-button presses
(callback_data is a short option token, mapped back to the option); "/start" means "hallo";
a photo or a document is a lab report to read (getFile gives its path, then GET
{TELEGRAM_API_URL}/file/bot<token>/<path>); stickers, voice, location and the like are "not text".
Every press is answered (answerCallbackQuery), so the app stops showing its spinner.
Out: POST {TELEGRAM_API_URL}/bot<token>/sendMessage; the webhook is never set at start-up.
"""

from __future__ import annotations

import hmac
from typing import Optional

from bot.report_reading.limits import MAX_BYTES
from channels.messaging import config
from channels.messaging.base import Incoming, MessagingChannel, number_or_none

COMMANDS = {"/start": "hallo"}


class TelegramChannel(MessagingChannel):
    provider = config.TELEGRAM

    def authenticate(self, request) -> Optional[int]:
        given = request.headers.get("x-telegram-bot-api-secret-token")
        if not given:
            return 401
        expected = self.settings["TELEGRAM_SECRET_TOKEN"]
        return None if hmac.compare_digest(given.encode(), expected.encode()) else 403

    def method(self, name: str) -> str:
        return f"{self.api}/bot{self.settings['TELEGRAM_TOKEN']}/{name}"

    def events(self, request) -> list:
        update = request.json or {}
        update_id = str(update["update_id"])
        message = update.get("message")
        if message and (message.get("chat") or {}).get("type", "private") == "private":
            text = message.get("text")
            if text is not None:
                text = COMMANDS.get(text.strip().split("@")[0], text)
            chat = str(message["chat"]["id"])
            return [Incoming(update_id, chat, text, timestamp=number_or_none(message.get("date")),
                             media=None if text is not None else _media(message))]  # fmt: skip
        query = update.get("callback_query")
        if query and query.get("message"):
            chat = str(query["message"]["chat"]["id"])
            return [Incoming(update_id, chat, str(query.get("data") or ""), context=str(query["id"]))]
        return []  # edited messages, channel posts, group chats: not for this assistant

    async def acknowledge(self, event: Incoming, notice: Optional[str] = None) -> None:
        if event.context:
            body = {"callback_query_id": event.context, **({"text": notice} if notice else {})}
            await self.sender.post(self.method("answerCallbackQuery"), json=body)

    async def download(self, media: dict) -> Optional[bytes]:
        found = await self.sender.fetch_json(self.method("getFile"), params={"file_id": media["file_id"]})
        path = ((found or {}).get("result") or {}).get("file_path")
        if not isinstance(path, str) or ".." in path:
            return None
        return await self.sender.fetch(f"{self.api}/file/bot{self.settings['TELEGRAM_TOKEN']}/{path}")

    async def deliver(self, user: str, payload: dict) -> None:
        await self.sender.post(self.method("sendMessage"), json={"chat_id": user, **payload})


def _media(message: dict) -> Optional[dict]:
    """A document, or the largest size of a photo that stays within the upload limit."""
    document = message.get("document") or {}
    if document.get("file_id"):
        return {"file_id": str(document["file_id"])}
    sizes = [p for p in message.get("photo") or [] if p.get("file_id")]
    fitting = [p for p in sizes if int(p.get("file_size") or 0) <= MAX_BYTES] or sizes[:1]
    if not fitting:
        return None
    best = max(fitting, key=lambda p: int(p.get("width") or 0) * int(p.get("height") or 0))
    return {"file_id": str(best["file_id"])}
