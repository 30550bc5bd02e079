"""One assistant for the four messaging-channel tests, started as `make run` starts it
(scripts/run.sh) with every channel's variables set and each *_API_URL on a fake provider."""

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.channels.fakes import FakeProvider
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_URL = "https://assistant.kliniek.example"
SECRETS = {
    "WHATSAPP_TOKEN": "wa-token", "WHATSAPP_PHONE_NUMBER_ID": "1234567890", "WHATSAPP_APP_SECRET": "wa-app-secret",
    "WHATSAPP_VERIFY_TOKEN": "wa-verify", "TELEGRAM_TOKEN": "123:tg-token", "TELEGRAM_SECRET_TOKEN": "tg-secret",
    "MESSENGER_PAGE_TOKEN": "fb-page-token", "MESSENGER_APP_SECRET": "fb-app-secret",
    "MESSENGER_VERIFY_TOKEN": "fb-verify",
    "TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef", "TWILIO_AUTH_TOKEN": "tw-auth-token",
    "TWILIO_FROM": "whatsapp:+3197010000000", "CHANNEL_PUBLIC_URL": PUBLIC_URL,
}  # fmt: skip
API_VARIABLES = {"whatsapp": "WHATSAPP_API_URL", "telegram": "TELEGRAM_API_URL", "facebook": "MESSENGER_API_URL",
                 "twilio": "TWILIO_API_URL"}  # fmt: skip


@pytest.fixture(scope="session")
def providers():
    fakes = {name: FakeProvider(name).start() for name in API_VARIABLES}
    yield fakes
    for fake in fakes.values():
        fake.stop()


@pytest.fixture(scope="session")
def messaging_stack(tmp_path_factory, providers):
    """Base URL, environment and log of the running assistant; stopped (SIGTERM) at the end."""
    data = tmp_path_factory.mktemp("messaging")
    port, action_port = free_port(), free_port()
    env = {
        **os.environ, **SECRETS,
        **{variable: providers[name].url for name, variable in API_VARIABLES.items()},
        "RASA_PORT": str(port), "ACTION_PORT": str(action_port), "RASA_INTERFACE": "127.0.0.1",
        "TRACKER_DB": str(data / "trackers.db"), "INTAKE_DB_URL": f"sqlite:///{data / 'intakes.db'}",
        "CHAT_SESSION_SECRET": "test-secret-for-signing", "CLINIC_NAME": "Testkliniek",
        "CLINIC_BOOKING_URL": "https://kliniek.example/plan",
    }  # fmt: skip
    log = open(data / "server.log", "w")
    process = subprocess.Popen(["scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    verify = {"hub.mode": "subscribe", "hub.verify_token": SECRETS["WHATSAPP_VERIFY_TOKEN"], "hub.challenge": "up"}
    deadline = time.time() + 240
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the assistant stopped: {(data / 'server.log').read_text()[-3000:]}")
        try:
            up = requests.get(f"{base}/webhooks/whatsapp/webhook", params=verify, timeout=5).text == "up"
            socket.create_connection(("127.0.0.1", action_port), timeout=1).close()
            if up:
                break
        except (requests.RequestException, OSError):
            pass
        time.sleep(1)
    else:
        pytest.fail("the assistant did not start within 240 s")
    yield {"base": base, "env": env, "log": data / "server.log", "trackers": data / "trackers.db",
           "records": env["INTAKE_DB_URL"]}  # fmt: skip
    process.terminate()
    process.wait(timeout=60)
    log.close()
