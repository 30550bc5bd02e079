"""Register the messaging channels' webhooks with the providers (`make channel-webhooks`).

For every channel that is on (all its variables set; see README, "Messaging channels"), tell
the provider to call ``$CHANNEL_PUBLIC_URL/webhooks/<channel>/webhook``, through the channel's
``*_API_URL``. The server itself never does this: it starts without a network call.

- WhatsApp: the phone number's webhook override (callback URL and verify token).
- Telegram: setWebhook with the secret token, for messages and button presses only.
- Messenger: the app's page subscription (callback URL, verify token) and the page's subscription
  to the app.
- Twilio: the SMS webhook of the number in $TWILIO_FROM; a WhatsApp sender (whatsapp:+...) is set
  in the Twilio console, so the script prints the URL to enter there.

Prints one line per channel, with no token; exits 1 when a registration failed.
"""

from __future__ import annotations

import argparse
import os
import sys

import requests

from channels.messaging import config

TIMEOUT = 20


def check(reply: requests.Response) -> dict:
    if reply.status_code >= 300:
        raise RuntimeError(f"the provider answered {reply.status_code}")
    return reply.json() if reply.content else {}


def whatsapp(s: dict, url: str) -> str:
    hook = {"override_callback_uri": url, "verify_token": s["WHATSAPP_VERIFY_TOKEN"]}
    number = f"{s['WHATSAPP_API_URL']}/{s['WHATSAPP_PHONE_NUMBER_ID']}"
    check(requests.post(number, json={"webhook_configuration": hook},
                        headers={"Authorization": f"Bearer {s['WHATSAPP_TOKEN']}"}, timeout=TIMEOUT))  # fmt: skip
    return "webhook override set on the phone number"


def telegram(s: dict, url: str) -> str:
    body = {"url": url, "secret_token": s["TELEGRAM_SECRET_TOKEN"], "allowed_updates": ["message", "callback_query"]}
    check(requests.post(f"{s['TELEGRAM_API_URL']}/bot{s['TELEGRAM_TOKEN']}/setWebhook", json=body, timeout=TIMEOUT))
    return "setWebhook done"


def messenger(s: dict, url: str) -> str:
    api, page_token = s["MESSENGER_API_URL"], s["MESSENGER_PAGE_TOKEN"]
    app = check(requests.get(f"{api}/app", params={"access_token": page_token}, timeout=TIMEOUT))["id"]
    fields = "messages,messaging_postbacks"
    subscription = {"object": "page", "callback_url": url, "verify_token": s["MESSENGER_VERIFY_TOKEN"],
                    "fields": fields, "access_token": f"{app}|{s['MESSENGER_APP_SECRET']}"}  # fmt: skip
    check(requests.post(f"{api}/{app}/subscriptions", data=subscription, timeout=TIMEOUT))
    page = {"subscribed_fields": fields, "access_token": page_token}
    check(requests.post(f"{api}/me/subscribed_apps", data=page, timeout=TIMEOUT))
    return "app subscription and page subscription set"


def twilio(s: dict, url: str) -> str:
    number = s["TWILIO_FROM"]
    if number.startswith("whatsapp:"):
        return f"a WhatsApp sender: enter {url} (POST) as its webhook in the Twilio console"
    sid, auth = s["TWILIO_ACCOUNT_SID"], (s["TWILIO_ACCOUNT_SID"], s["TWILIO_AUTH_TOKEN"])
    numbers = f"{s['TWILIO_API_URL']}/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers"
    found = check(requests.get(f"{numbers}.json", params={"PhoneNumber": number}, auth=auth, timeout=TIMEOUT))
    matches = found.get("incoming_phone_numbers") or []
    if not matches:
        raise RuntimeError("TWILIO_FROM is not a number of this account")
    body = {"SmsUrl": url, "SmsMethod": "POST"}
    check(requests.post(f"{numbers}/{matches[0]['sid']}.json", data=body, auth=auth, timeout=TIMEOUT))
    return "SMS webhook set on the number"


REGISTER = {"whatsapp": whatsapp, "telegram": telegram, "facebook": messenger, "twilio": twilio}


def main(argv=None, environ=os.environ) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="only print what would be registered")
    args = parser.parse_args(argv)
    public = environ.get(config.PUBLIC_URL, "").strip().rstrip("/")
    failed = False
    for provider in config.PROVIDERS:
        try:
            settings = config.settings(provider, environ)
        except config.ChannelConfigError as error:
            print(f"{provider.label}: {error}")
            failed = True
            continue
        if settings is None:
            print(f"{provider.label}: off (no variables set)")
            continue
        if not public.startswith("https://"):
            print(f"{provider.label}: set {config.PUBLIC_URL} to the https address the providers can reach")
            failed = True
            continue
        url = f"{public}/webhooks/{provider.name}/webhook"
        if args.dry_run:
            print(f"{provider.label}: would register {url}")
            continue
        try:
            print(f"{provider.label}: {url}: {REGISTER[provider.name](settings, url)}")
        except requests.RequestException as error:  # its text may hold a URL with a token: not printed
            print(f"{provider.label}: registration failed ({type(error).__name__})")
            failed = True
        except (RuntimeError, KeyError, ValueError) as error:
            print(f"{provider.label}: registration failed ({type(error).__name__}: {error})")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
