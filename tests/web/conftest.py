"""The whole stack as `make run` starts it (scripts/run.sh), on free loopback ports, with its own databases."""

import os
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
CLINIC_TOKEN = "clinic-test-token"
ALLOWED_ORIGIN = "https://kliniek.example"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """Base URL of a running assistant; stopped (SIGTERM) after the session."""
    data = tmp_path_factory.mktemp("stack")
    port = free_port()
    env = {
        **os.environ,
        "RASA_PORT": str(port),
        "ACTION_PORT": str(free_port()),
        "RASA_INTERFACE": "127.0.0.1",
        "TRACKER_DB": str(data / "trackers.db"),
        "INTAKE_DB_URL": f"sqlite:///{data / 'intakes.db'}",
        "CHAT_SESSION_SECRET": "test-secret-for-signing",
        "CLINIC_API_TOKEN": CLINIC_TOKEN,
        "CHAT_ALLOWED_ORIGINS": ALLOWED_ORIGIN,
        "CLINIC_NAME": "Testkliniek",
        "CLINIC_BOOKING_URL": "https://kliniek.example/plan",
    }
    log = open(data / "server.log", "w")
    process = subprocess.Popen(["scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 240
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the assistant stopped: {(data / 'server.log').read_text()[-2000:]}")
        try:
            token = requests.post(f"{base}/webhooks/rest/session", timeout=5).json()["session"]
            if requests.post(
                f"{base}/webhooks/rest/webhook", json={"sender": token, "message": "hoi"}, timeout=60
            ).json():
                break
        except (requests.RequestException, ValueError, KeyError):
            time.sleep(1)
    else:
        pytest.fail("the assistant did not answer within 240 s")
    yield {"base": base, "env": env, "log": data / "server.log"}
    process.terminate()
    process.wait(timeout=60)
    log.close()


class WebUser:
    """A visitor with a server-issued session, talking over the REST channel."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.post(f"{base}/webhooks/rest/session", timeout=10).json()["session"]
        self.replies: list = []

    def say(self, text: str) -> list:
        reply = requests.post(f"{self.base}/webhooks/rest/webhook", json={"sender": self.session, "message": text},
                              timeout=120)  # fmt: skip
        reply.raise_for_status()
        self.replies = reply.json()
        return self.replies

    def history(self):
        return requests.get(f"{self.base}/webhooks/rest/history", headers={"Authorization": f"Bearer {self.session}"},
                            timeout=10)  # fmt: skip

    def results_view(self):
        return next(m["custom"]["intake_results"] for m in self.replies if "custom" in m)
