"""Users of each messaging app, posting signed webhook requests as the provider would, and
reading what the bot sent from the fake provider API."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import sqlite3
import time

import requests
from twilio.request_validator import RequestValidator

from channels.messaging.base import pseudonym
from tests.channels.conftest import PUBLIC_URL, SECRETS

COUNTER = itertools.count(1)
SESSION_SECRET = b"test-secret-for-signing"


def unique() -> int:
    return int(time.time() * 1000) % 10**9 * 1000 + next(COUNTER)


class ChannelUser:
    """One user of one app. ``say``, ``tap`` and ``send_media`` return what the bot sent back,
    each as {"text", "options": [(shown title, what a tap sends)], "link"}; ``calls`` the raw API calls."""

    name = ""
    taps = True  # whether the app shows tappable options

    def __init__(self, stack: dict, fake, user: str):
        self.stack, self.fake, self.user = stack, fake, user
        self.url = f"{stack['base']}/webhooks/{self.name}/webhook"
        self.sender_id = pseudonym(SESSION_SECRET, self.name, user)
        self.shown: list = []
        self.calls: list = []
        self.all_calls: list = []

    # provider-specific ------------------------------------------------------------------------
    def text_event(self, text: str, event_id: str) -> dict:
        raise NotImplementedError

    def tap_event(self, reply: str, title: str, event_id: str) -> dict:
        raise NotImplementedError

    def media_event(self, event_id: str) -> dict:
        raise NotImplementedError

    def sign(self, body: bytes, form: dict | None) -> dict:
        raise NotImplementedError

    def read(self, call) -> dict:
        raise NotImplementedError

    # shared -----------------------------------------------------------------------------------
    def encode(self, event: dict) -> tuple:
        return json.dumps(event).encode(), None

    def post(self, event: dict, signature: str = "right") -> requests.Response:
        body, form = self.encode(event)
        headers = {"Content-Type": "application/json"} if form is None else {}
        if signature == "right":
            headers.update(self.sign(body, form))
        elif signature == "wrong":
            headers.update({key: value[:-4] + "beef" for key, value in self.sign(body, form).items()})
        return requests.post(self.url, data=form if form is not None else body, headers=headers, timeout=120)

    def exchange(self, event: dict, signature: str = "right") -> list:
        mark = self.fake.mark()
        reply = self.post(event, signature)
        assert reply.status_code == 200, (reply.status_code, reply.text)
        self.calls = [c for c in self.fake.since(mark) if self.mine(c)]
        self.all_calls += self.calls
        self.shown = [self.read(c) for c in self.calls if self.read(c) is not None]
        return self.shown

    def mine(self, call) -> bool:
        return True

    def say(self, text: str) -> list:
        return self.exchange(self.text_event(text, self.new_id()))

    def tap(self, index: int) -> list:
        title, reply = self.last_options()[index]
        return self.exchange(self.tap_event(reply, title, self.new_id()))

    def send_media(self) -> list:
        return self.exchange(self.media_event(self.new_id()))

    def send_document(self, data: bytes, kind: str = "application/pdf") -> list:
        return self.exchange(self.document_event(self.new_id(), data, kind))

    def new_id(self) -> str:
        return str(unique())

    def last_options(self) -> list:
        return next((m["options"] for m in reversed(self.shown) if m["options"]), [])

    def texts(self) -> list:
        return [m["text"] for m in self.shown]


def meta_signature(secret: str, body: bytes) -> dict:
    return {"X-Hub-Signature-256": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


class WhatsAppUser(ChannelUser):
    name = "whatsapp"

    def envelope(self, message: dict) -> dict:
        value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": SECRETS["WHATSAPP_PHONE_NUMBER_ID"]},
                 "contacts": [{"wa_id": self.user}], "messages": [message]}  # fmt: skip
        return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
                "value": value}]}]}  # fmt: skip

    def base(self, event_id: str, kind: str) -> dict:
        return {"from": self.user, "id": f"wamid.{event_id}", "timestamp": str(int(time.time())), "type": kind}

    def text_event(self, text, event_id):
        return self.envelope({**self.base(event_id, "text"), "text": {"body": text}})

    def tap_event(self, reply, title, event_id):
        kind = "list_reply" if self.last_kind == "list" else "button_reply"
        return self.envelope({**self.base(event_id, "interactive"),
                              "interactive": {"type": kind, kind: {"id": reply, "title": title}}})  # fmt: skip

    def media_event(self, event_id):
        sticker = {"id": "sticker1", "mime_type": "image/webp"}
        return self.envelope({**self.base(event_id, "sticker"), "sticker": sticker})

    def document_event(self, event_id, data: bytes, kind: str) -> dict:
        media_id = f"media{event_id}"
        url = self.fake.serve(f"/files/{media_id}", data, kind)
        self.fake.serve(f"/{media_id}", {"url": url, "mime_type": kind, "file_size": len(data), "id": media_id})
        field = "document" if kind == "application/pdf" else "image"
        return self.envelope({**self.base(event_id, field), field: {"id": media_id, "mime_type": kind}})

    def sign(self, body, form):
        return meta_signature(SECRETS["WHATSAPP_APP_SECRET"], body)

    def mine(self, call):
        return (call.json or {}).get("to") == self.user

    def read(self, call):
        body = call.json
        if body["type"] == "text":
            return {"text": body["text"]["body"], "options": [], "link": None}
        inner = body["interactive"]
        self.last_kind = inner["type"]
        options, link = [], None
        if inner["type"] == "button":
            options = [(b["reply"]["title"], b["reply"]["id"]) for b in inner["action"]["buttons"]]
        elif inner["type"] == "list":
            options = [(r["title"], r["id"]) for s in inner["action"]["sections"] for r in s["rows"]]
        elif inner["type"] == "cta_url":
            link = inner["action"]["parameters"]["url"]
        return {"text": inner["body"]["text"], "options": options, "link": link}


class TelegramUser(ChannelUser):
    name = "telegram"

    def update(self, event_id: str, **content) -> dict:
        return {"update_id": int(event_id), **content}

    def message(self, event_id: str, **content) -> dict:
        chat = {"id": int(self.user), "type": "private"}
        return self.update(event_id, message={"message_id": int(event_id) % 10**6, "date": int(time.time()),
                                              "chat": chat, "from": {"id": int(self.user)}, **content})  # fmt: skip

    def text_event(self, text, event_id):
        return self.message(event_id, text=text)

    def tap_event(self, reply, title, event_id):
        self.callback_id = f"cb{event_id}"
        chat = {"id": int(self.user), "type": "private"}
        query = {
            "id": self.callback_id,
            "from": {"id": int(self.user)},
            "data": reply,
            "message": {"message_id": 1, "date": int(time.time()), "chat": chat},
        }
        return self.update(event_id, callback_query=query)  # fmt: skip

    def media_event(self, event_id):
        return self.message(event_id, sticker={"file_id": "sticker1", "emoji": "👍"})

    def document_event(self, event_id, data: bytes, kind: str) -> dict:
        token = SECRETS["TELEGRAM_TOKEN"]
        self.fake.serve(f"/file/bot{token}/documents/file_{event_id}", data, kind)
        self.fake.serve(f"/bot{token}/getFile", {"ok": True, "result": {"file_id": f"doc{event_id}",
                        "file_path": f"documents/file_{event_id}"}})  # fmt: skip
        if kind == "application/pdf":
            return self.message(event_id, document={"file_id": f"doc{event_id}", "mime_type": kind,
                                                    "file_size": len(data)})  # fmt: skip
        sizes = [{"file_id": f"small{event_id}", "width": 90, "height": 120, "file_size": 2000},
                 {"file_id": f"doc{event_id}", "width": 1800, "height": 2500, "file_size": len(data)}]  # fmt: skip
        return self.message(event_id, photo=sizes)

    def sign(self, body, form):
        return {"X-Telegram-Bot-Api-Secret-Token": SECRETS["TELEGRAM_SECRET_TOKEN"]}

    def mine(self, call):
        return str((call.json or {}).get("chat_id")) == self.user or "callback_query_id" in (call.json or {})

    def read(self, call):
        if not call.path.endswith("/sendMessage"):
            return None
        keyboard = (call.json.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = [button for row in keyboard for button in row]
        options = [(b["text"], b["callback_data"]) for b in buttons if "callback_data" in b]
        link = next((b["url"] for b in buttons if "url" in b), None)
        return {"text": call.json["text"], "options": options, "link": link}


class MessengerUser(ChannelUser):
    name = "facebook"

    def envelope(self, message: dict) -> dict:
        event = {"sender": {"id": self.user}, "recipient": {"id": "page1"}, "timestamp": int(time.time() * 1000),
                 "message": message}  # fmt: skip
        return {"object": "page", "entry": [{"id": "page1", "time": int(time.time() * 1000), "messaging": [event]}]}

    def text_event(self, text, event_id):
        return self.envelope({"mid": f"m_{event_id}", "text": text})

    def tap_event(self, reply, title, event_id):
        return self.envelope({"mid": f"m_{event_id}", "text": title, "quick_reply": {"payload": reply}})

    def media_event(self, event_id):
        return self.envelope({"mid": f"m_{event_id}", "attachments": [{"type": "image", "payload": {
            "url": "https://x/sticker.png", "sticker_id": 369239263222822}}]})  # fmt: skip

    def document_event(self, event_id, data: bytes, kind: str) -> dict:
        url = self.fake.serve(f"/cdn/report{event_id}", data, kind)
        field = "file" if kind == "application/pdf" else "image"
        return self.envelope({"mid": f"m_{event_id}", "attachments": [{"type": field, "payload": {"url": url}}]})

    def sign(self, body, form):
        return meta_signature(SECRETS["MESSENGER_APP_SECRET"], body)

    def mine(self, call):
        return ((call.json or {}).get("recipient") or {}).get("id") == self.user

    def read(self, call):
        message = call.json["message"]
        if "attachment" in message:
            template = message["attachment"]["payload"]
            return {"text": template["text"], "options": [], "link": template["buttons"][0]["url"]}
        options = [(q["title"], q["payload"]) for q in message.get("quick_replies") or []]
        return {"text": message["text"], "options": options, "link": None}


class TwilioUser(ChannelUser):
    name = "twilio"
    taps = False

    def encode(self, event):
        return None, event

    def base(self, event_id: str) -> dict:
        return {"MessageSid": f"SM{event_id}", "AccountSid": SECRETS["TWILIO_ACCOUNT_SID"], "From": self.user,
                "To": SECRETS["TWILIO_FROM"], "NumMedia": "0"}  # fmt: skip

    def text_event(self, text, event_id):
        return {**self.base(event_id), "Body": text}

    def media_event(self, event_id):
        return {**self.base(event_id), "Body": "", "NumMedia": "1", "MediaUrl0": "https://x/1.ogg",
                "MediaContentType0": "audio/ogg"}  # fmt: skip

    def document_event(self, event_id, data: bytes, kind: str) -> dict:
        sid = SECRETS["TWILIO_ACCOUNT_SID"]
        url = self.fake.serve(f"/2010-04-01/Accounts/{sid}/Messages/MM{event_id}/Media/ME{event_id}", data, kind)
        return {**self.base(event_id), "Body": "", "NumMedia": "1", "MediaUrl0": url, "MediaContentType0": kind}

    def sign(self, body, form):
        url = f"{PUBLIC_URL}/webhooks/twilio/webhook"
        return {"X-Twilio-Signature": RequestValidator(SECRETS["TWILIO_AUTH_TOKEN"]).compute_signature(url, form)}

    def mine(self, call):
        return call.form.get("To") == self.user

    def read(self, call):
        body = call.form["Body"]
        numbered = re.finditer(r"(?m)(?:^|  )(\d+)\. (.+?)(?=  \d+\. |$)", body)
        options = [(m.group(2).strip(), m.group(1)) for m in numbered]
        options += [(title, title) for title in re.findall(r"(?m)^Of typ: (.+)$", body)]
        links = re.findall(r"(?m)^Plan je consult: (https://\S+)$", body)
        link = links[-1] if links else None
        return {"text": body, "options": options, "link": link}


def new_user(name: str, stack: dict, providers: dict) -> ChannelUser:
    """A user never seen before: a fresh phone number, chat id or page-scoped id."""
    number = unique()
    address = {"whatsapp": f"316{number % 10**8:08d}", "telegram": str(number), "facebook": str(number),
               "twilio": f"whatsapp:+316{number % 10**8:08d}"}[name]  # fmt: skip
    return USERS[name](stack, providers[name], address)


USERS = {"whatsapp": WhatsAppUser, "telegram": TelegramUser, "facebook": MessengerUser, "twilio": TwilioUser}


def tracker_events(stack: dict, sender_id: str) -> list:
    """The stored events of one conversation (the SQLite tracker store)."""
    with sqlite3.connect(stack["trackers"]) as db:
        try:
            rows = db.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender_id,)).fetchall()
        except sqlite3.OperationalError:  # no table yet
            return []
    return [json.loads(row[0]) for row in rows]


def slot(stack: dict, sender_id: str, name: str):
    value = None
    for event in tracker_events(stack, sender_id):
        if event.get("event") == "slot" and event.get("name") == name:
            value = event.get("value")
    return value
