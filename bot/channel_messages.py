"""One channel-neutral bot message, and the pure rules that fit it to each messaging app.

A bot message is text, the options the user can pick (each option's title is also what it
sends: the dialogue understands the title as text) and at most one link (title, url). The
messaging channels (channels/messaging/) turn it into each provider's API calls; the rules
here (limits, splitting at paragraph breaks, shortening titles, numbered options, reading a
reply of a number or a title back as the option) are shared by all of them. No Rasa imports.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Optional, Sequence

# The custom JSON the delete actions send: "delete this conversation"; never shown to a user.
DELETE_MARKER = {"intake_deleted": True}

# Rasa reads a message that starts with "/" as an intent ("/restart" would silently reset the
# conversation): text a person typed never is one, so it gets an invisible character in front.
INTENT_PREFIX = "/"
ZERO_WIDTH_SPACE = "\u200b"


def typed(text: str) -> str:
    """A person's text as Rasa must read it: as text, never as an intent command."""
    return ZERO_WIDTH_SPACE + text if text.lstrip().startswith(INTENT_PREFIX) else text


# Each provider's limits (characters; Telegram's callback_data in bytes). Sources: the WhatsApp
# Cloud API, Telegram Bot API, Messenger Platform and Twilio Messaging API references.
WHATSAPP_TEXT = 4096
WHATSAPP_BODY = 1024  # body of an interactive message (buttons, list, link)
WHATSAPP_BUTTONS = 3
WHATSAPP_BUTTON_TITLE = 20
WHATSAPP_ROWS = 10
WHATSAPP_ROW_TITLE = 24
WHATSAPP_ROW_DESCRIPTION = 72
WHATSAPP_ID = 200  # reply button and list row ids (256 and 200)
TELEGRAM_TEXT = 4096
MESSENGER_TEXT = 2000
MESSENGER_TEMPLATE_TEXT = 640  # text of a button template (the link)
MESSENGER_QUICK_REPLIES = 13
MESSENGER_TITLE = 20
MESSENGER_PAYLOAD = 1000
TWILIO_TEXT = 1600

ELLIPSIS = "…"
NUMBER_REPLY = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
TOKEN = re.compile(r"^#(\d{1,2}):([0-9a-f]{8})$")
ONLY_TEXT = "Ik kan alleen tekst lezen. Wil je je antwoord typen?"


@dataclass(frozen=True)
class ChannelMessage:
    text: str
    options: tuple = ()  # titles; picking one sends its title
    link: Optional[tuple] = None  # (title, url): a URL button where the channel has one


def from_bot_message(message: dict) -> Optional[ChannelMessage]:
    """A Rasa-style bot message dict (text, buttons, custom) as a ChannelMessage.

    None for what only the web chat shows (custom JSON without text). A button with a "url"
    (or type "web_url") is the link; any other button is an option whose title is what it sends.
    """
    text = str(message.get("text") or "").strip()
    options, link = [], None
    for button in message.get("buttons") or []:
        title = str(button.get("title") or "").strip()
        url = button.get("url") or (button.get("payload") if button.get("type") == "web_url" else None)
        if url:
            link = link or (title, str(url))
        elif title:
            options.append(title)
    if not text and not options and link is None:
        return None
    return ChannelMessage(text, tuple(options), link)


def options_of(message: Optional[dict]) -> tuple:
    """The option titles of a stored bot message's buttons (links left out)."""
    if not message:
        return ()
    parsed = from_bot_message(message)
    return parsed.options if parsed else ()


def split_text(text: str, limit: int, last_limit: Optional[int] = None) -> list:
    """``text`` in parts of at most ``limit`` characters, cut at paragraph breaks where possible
    (then line breaks, then spaces). The last part is at most ``last_limit`` when given (for a
    message whose buttons ride on its last part)."""
    parts = _pack(text.strip(), limit, "\n\n")
    if last_limit is not None and parts and len(parts[-1]) > last_limit:
        parts = parts[:-1] + _pack(parts[-1], last_limit, "\n\n")
    return parts or [""]


FINER = {"\n\n": "\n", "\n": " "}


def _pack(text: str, limit: int, separator: str) -> list:
    """Pieces of ``text`` joined up to ``limit``; a piece too long is cut at the next finer break."""
    if len(text) <= limit:
        return [text] if text else []
    if separator not in FINER and separator != " ":
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    parts: list = []
    current = ""
    for piece in text.split(separator):
        candidate = f"{current}{separator}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        sub = _pack(piece, limit, FINER.get(separator, "")) if len(piece) > limit else [piece]
        parts.extend(sub[:-1])
        current = sub[-1] if sub else ""
    if current:
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def shorten(title: str, limit: int) -> str:
    """``title`` within ``limit`` characters: cut at a word and marked with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if title[len(cut)] != " " and " " in cut.strip():  # not at a word's end: back to the last space
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:/(-") + ELLIPSIS


def short_titles(options: Sequence[str], limit: int) -> list:
    """Each option's title within ``limit``, unique (providers refuse duplicate button titles)."""
    out: list = []
    for index, title in enumerate(options, 1):
        short = shorten(title, limit)
        if short in out:
            suffix = f" ({index})"
            short = shorten(title, limit - len(suffix)) + suffix
        out.append(short)
    return out


def numbered(options: Sequence[str], inline_width: int = 60) -> str:
    """The options as numbered text: "1. Ja  2. Nee" on one line, or one per line when long."""
    items = [f"{i}. {title}" for i, title in enumerate(options, 1)]
    inline = "  ".join(items)
    return inline if len(inline) <= inline_width else "\n".join(items)


def numbers_accepted(options: Sequence[str]) -> bool:
    """A reply of a number means an option only when there are two or more options: a single
    option ("Weet ik niet", "Sla over") sits beside a question whose answer may be a number."""
    return len(options) >= 2


def with_numbered_options(message: ChannelMessage) -> str:
    """Text with the options written out, for channels (or cases) without buttons."""
    if not message.options:
        return message.text
    if numbers_accepted(message.options):
        choices = "Typ het nummer of je antwoord:\n" + numbered(message.options)
    else:
        choices = "Of typ: " + message.options[0]
    return f"{message.text}\n\n{choices}" if message.text else choices


def with_link_text(text: str, link: Optional[tuple]) -> str:
    """The link written out in the text, for channels without URL buttons."""
    if not link:
        return text
    return f"{text}\n\n{link[0]}: {link[1]}" if text else f"{link[0]}: {link[1]}"


def option_token(index: int, title: str) -> str:
    """A short reply id for option ``index`` (0-based): fits Telegram's 64-byte callback_data and
    names the title's digest, so a tap on a button of an earlier question is recognised."""
    return f"#{index + 1}:{_digest(title)}"


def _digest(title: str) -> str:
    return hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]


def needs_options(text: str) -> bool:
    """Whether reading ``text`` needs the options last sent (a number, a token, a shortened title)."""
    text = (text or "").strip()
    return bool(NUMBER_REPLY.match(text) or TOKEN.match(text) or text.endswith(ELLIPSIS))


def resolve_reply(text: str, options: Sequence[str]) -> Optional[str]:
    """What a reply means given the options last sent: the full title for a number, a token or a
    (shortened) title; ``text`` itself otherwise. None for a token of options no longer shown."""
    stripped = (text or "").strip()
    token = TOKEN.match(stripped)
    if token:
        index = int(token.group(1)) - 1
        if 0 <= index < len(options) and _digest(options[index]) == token.group(2):
            return options[index]
        return None
    number = NUMBER_REPLY.match(stripped)
    if number and numbers_accepted(options) and 1 <= int(number.group(1)) <= len(options):
        return options[int(number.group(1)) - 1]
    folded = stripped.casefold()
    if folded.endswith(ELLIPSIS):
        stem = folded[:-1].rstrip()
        matches = [title for title in options if title.casefold().startswith(stem)]
        if len(matches) == 1:
            return matches[0]
    for title in options:
        if title.casefold() == folded:
            return title
    return text
