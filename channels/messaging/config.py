"""The messaging channels' environment contract: which variables turn a channel on.

A channel is on when all its variables are set, off when none is set, and the server refuses
to start when only some are set, naming the missing ones. The ``*_API_URL`` variables are
optional; their defaults (the providers' real API bases) live here and nowhere else.
Nothing here makes a network call.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional

from rasa.shared.exceptions import RasaException

PUBLIC_URL = "CHANNEL_PUBLIC_URL"


@dataclass(frozen=True)
class Provider:
    name: str  # the channel name: /webhooks/<name>/webhook, and the tracker's input channel
    label: str
    required: tuple
    api_variable: str
    api_default: str
    needs_public_url: bool = False


WHATSAPP = Provider(
    "whatsapp", "WhatsApp",
    ("WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"),
    "WHATSAPP_API_URL", "https://graph.facebook.com/v19.0",
)  # fmt: skip
TELEGRAM = Provider(
    "telegram", "Telegram", ("TELEGRAM_TOKEN", "TELEGRAM_SECRET_TOKEN"), "TELEGRAM_API_URL", "https://api.telegram.org"
)
MESSENGER = Provider(
    "facebook", "Messenger", ("MESSENGER_PAGE_TOKEN", "MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN"),
    "MESSENGER_API_URL", "https://graph.facebook.com/v19.0",
)  # fmt: skip
TWILIO = Provider(
    "twilio", "Twilio", ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"),
    "TWILIO_API_URL", "https://api.twilio.com", needs_public_url=True,
)  # fmt: skip
PROVIDERS = (WHATSAPP, TELEGRAM, MESSENGER, TWILIO)


class ChannelConfigError(RasaException):
    """A channel is half configured: the server does not start."""


def settings(provider: Provider, environ: Mapping[str, str] = os.environ) -> Optional[dict]:
    """The channel's settings (variable name -> value, the API base without a trailing slash),
    None when the channel is off; ChannelConfigError naming what is missing when half set."""
    values = {name: environ.get(name, "").strip() for name in provider.required}
    present = [name for name, value in values.items() if value]
    if not present:
        return None
    missing = [name for name, value in values.items() if not value]
    if provider.needs_public_url and not environ.get(PUBLIC_URL, "").strip():
        missing.append(PUBLIC_URL)
    if missing:
        raise ChannelConfigError(
            f"The {provider.label} channel is partly configured: set {', '.join(missing)} "
            f"(or unset {', '.join(present)} to turn it off)."
        )
    values[provider.api_variable] = (environ.get(provider.api_variable, "").strip() or provider.api_default).rstrip("/")
    values[PUBLIC_URL] = environ.get(PUBLIC_URL, "").strip().rstrip("/")
    return values
