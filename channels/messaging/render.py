"""One ChannelMessage as each provider's API payloads (without the recipient), within its limits.

The limits and the shared rules (splitting, shortening, numbering, reply ids) are in
bot/channel_messages.py; this module only knows each API's JSON shapes.
"""

from __future__ import annotations

from bot import channel_messages as cm
from bot.channel_messages import ChannelMessage


# --- WhatsApp Cloud API ------------------------------------------------------------------------
def _wa_text(text: str) -> dict:
    return {"type": "text", "text": {"body": text, "preview_url": False}}


def _wa_reply_id(index: int, title: str) -> str:
    """The full title when it fits (the reply is then read without the options), else a token."""
    return title if len(title) <= cm.WHATSAPP_ID else cm.option_token(index, title)


def whatsapp(message: ChannelMessage) -> list:
    """Reply buttons for up to 3 options, a list message for up to 10, numbered text beyond;
    the link as a cta_url button. Long text goes first as plain text messages."""
    options = list(message.options)
    choice = options if len(options) <= cm.WHATSAPP_ROWS else []
    text = message.text if choice or not options else cm.with_numbered_options(message)
    if not choice and message.link is None:
        return [_wa_text(part) for part in cm.split_text(text, cm.WHATSAPP_TEXT)]
    parts = cm.split_text(text or message.link[0], cm.WHATSAPP_TEXT, last_limit=cm.WHATSAPP_BODY)
    payloads = [_wa_text(part) for part in parts[:-1]]
    body = {"text": parts[-1]}
    if choice:
        payloads.append({"type": "interactive", "interactive": _wa_choice(body, choice)})
        body = {"text": message.link[0]} if message.link else body
    if message.link:
        title, url = message.link
        action = {"name": "cta_url", "parameters": {"display_text": cm.shorten(title, cm.WHATSAPP_BUTTON_TITLE),
                                                    "url": url}}  # fmt: skip
        payloads.append({"type": "interactive", "interactive": {"type": "cta_url", "body": body, "action": action}})
    return payloads


def _wa_choice(body: dict, options: list) -> dict:
    if len(options) <= cm.WHATSAPP_BUTTONS:
        titles = cm.short_titles(options, cm.WHATSAPP_BUTTON_TITLE)
        buttons = [{"type": "reply", "reply": {"id": _wa_reply_id(i, full), "title": short}}
                   for i, (full, short) in enumerate(zip(options, titles))]  # fmt: skip
        return {"type": "button", "body": body, "action": {"buttons": buttons}}
    rows = []
    for i, (full, short) in enumerate(zip(options, cm.short_titles(options, cm.WHATSAPP_ROW_TITLE))):
        row = {"id": _wa_reply_id(i, full), "title": short}
        if short != full:
            row["description"] = cm.shorten(full, cm.WHATSAPP_ROW_DESCRIPTION)
        rows.append(row)
    section = {"title": "Antwoorden", "rows": rows}
    return {"type": "list", "body": body, "action": {"button": "Kies een antwoord", "sections": [section]}}


# --- Telegram Bot API ----------------------------------------------------------------------------
def telegram(message: ChannelMessage) -> list:
    keyboard = [[{"text": title, "callback_data": cm.option_token(i, title)}]
                for i, title in enumerate(message.options)]  # fmt: skip
    if message.link:
        keyboard.append([{"text": message.link[0], "url": message.link[1]}])
    parts = cm.split_text(message.text or (message.link[0] if message.link else ""), cm.TELEGRAM_TEXT)
    payloads = [{"text": part} for part in parts]
    if keyboard:
        payloads[-1]["reply_markup"] = {"inline_keyboard": keyboard}
    return payloads


# --- Messenger Send API ----------------------------------------------------------------------------
def messenger(message: ChannelMessage) -> list:
    options = list(message.options)
    quick = bool(options) and len(options) <= cm.MESSENGER_QUICK_REPLIES
    text = message.text if quick or not options else cm.with_numbered_options(message)
    last_limit = cm.MESSENGER_TEMPLATE_TEXT if message.link and not quick else None
    payloads = [{"text": part} for part in cm.split_text(text or "…", cm.MESSENGER_TEXT, last_limit)]
    if quick:
        payloads[-1]["quick_replies"] = [
            {"content_type": "text", "title": short,
             "payload": full if len(full) <= cm.MESSENGER_PAYLOAD else cm.option_token(i, full)}
            for i, (full, short) in enumerate(zip(options, cm.short_titles(options, cm.MESSENGER_TITLE)))
        ]  # fmt: skip
    if message.link:
        title, url = message.link
        last = payloads.pop()["text"] if not quick else title
        button = {"type": "web_url", "url": url, "title": cm.shorten(title, cm.MESSENGER_TITLE)}
        template = {"template_type": "button", "text": last, "buttons": [button]}
        payloads.append({"attachment": {"type": "template", "payload": template}})
    return payloads


# --- Twilio (WhatsApp or SMS) --------------------------------------------------------------------
def twilio(message: ChannelMessage) -> list:
    text = cm.with_link_text(cm.with_numbered_options(message), message.link)
    return [{"Body": part} for part in cm.split_text(text, cm.TWILIO_TEXT)]


RENDERERS = {"whatsapp": whatsapp, "telegram": telegram, "facebook": messenger, "twilio": twilio}
