"""`make channel-webhooks` registers each channel's webhook through its *_API_URL."""

import subprocess
import sys

from tests.channels.conftest import API_VARIABLES, PUBLIC_URL, ROOT, SECRETS


def test_registers_every_channel_that_is_on(providers):
    env = {**SECRETS, **{variable: providers[name].url for name, variable in API_VARIABLES.items()},
           "TWILIO_FROM": "+3197010000000", "PATH": "/usr/bin:/bin"}  # fmt: skip
    marks = {name: fake.mark() for name, fake in providers.items()}
    done = subprocess.run([sys.executable, "-m", "scripts.channel_webhooks"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    calls = {name: providers[name].since(mark) for name, mark in marks.items()}
    [whatsapp] = calls["whatsapp"]
    assert whatsapp.path == "/1234567890" and whatsapp.json["webhook_configuration"] == {
        "override_callback_uri": f"{PUBLIC_URL}/webhooks/whatsapp/webhook",
        "verify_token": "wa-verify",
    }
    [telegram] = calls["telegram"]
    assert telegram.path == "/bot123:tg-token/setWebhook" and telegram.json["secret_token"] == "tg-secret"
    assert telegram.json["url"] == f"{PUBLIC_URL}/webhooks/telegram/webhook"
    app, subscription, page = calls["facebook"]
    assert (app.path, subscription.path, page.path) == ("/app", "/app1/subscriptions", "/me/subscribed_apps")
    assert subscription.form["callback_url"] == f"{PUBLIC_URL}/webhooks/facebook/webhook"
    lookup, update = calls["twilio"]
    assert lookup.query["PhoneNumber"] == "+3197010000000"
    assert update.form["SmsUrl"] == f"{PUBLIC_URL}/webhooks/twilio/webhook"
    for secret in ("wa-token", "tg-token", "fb-page-token", "tw-auth-token"):
        assert secret not in done.stdout


def test_a_half_configured_channel_is_named_and_fails(providers):
    env = {"TELEGRAM_TOKEN": "1:x", "CHANNEL_PUBLIC_URL": PUBLIC_URL, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "scripts.channel_webhooks"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1 and "set TELEGRAM_SECRET_TOKEN" in done.stdout
    assert "WhatsApp: off" in done.stdout
