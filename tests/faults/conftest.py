"""`make run` as a clinic starts it (scripts/run.sh: supervisord, the action server, the Rasa server, SQLite), on
free loopback ports with its own databases, for the fault tests; and what its SQLite tracker store holds."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import requests

from channels.cluster import ERROR_TEXT
from scripts import supervision  # supervisord's XML-RPC interface
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]

START_TIMEOUT_S = 300


class Stack:
    """One `make run`: its process (scripts/run.sh, in a session of its own), its supervisord and its stores."""

    def __init__(self, directory: Path, env: dict):
        self.dir, self.env = directory, env
        self.base = f"http://127.0.0.1:{env['RASA_PORT']}"
        self.log_path = directory / "server.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(["scripts/run.sh"], cwd=ROOT, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        self.supervisor = supervision.Supervisor(directory / "run" / "supervisord.conf")

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def pid(self, name: str) -> int | None:
        return self.supervisor.pid(name)

    def state(self, name: str) -> str:
        return self.supervisor.processes().get(name, {}).get("statename", "")

    def ready(self) -> bool:
        try:
            return requests.get(f"{self.base}/health/ready", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def actions_answer(self) -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{self.env['ACTION_PORT']}/health", timeout=3).ok
        except requests.RequestException:
            return False

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make run stopped: {self.output()[-3000:]}")
            if self.ready() and self.actions_answer():
                return
            time.sleep(0.5)
        pytest.fail(f"make run was not ready within {timeout:.0f} s: {self.output()[-3000:]}")

    def send(self, name: str, sig) -> int:
        pid = self.pid(name)
        assert pid, f"{name} is not running"
        os.kill(pid, sig)
        return pid

    def stop(self, sig=signal.SIGTERM, timeout: float = 90) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            raise
        finally:
            self.log.close()

    # --- what the SQLite tracker store holds ------------------------------------------------------------
    def events(self, sender_id: str) -> list:
        with sqlite3.connect(self.env["TRACKER_DB"]) as db:
            rows = db.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender_id,))
            return [(kind, json.loads(data)) for kind, data in rows.fetchall()]

    def user_texts(self, sender_id: str) -> list:
        return [data["text"] for kind, data in self.events(sender_id) if kind == "user"]

    def slot(self, sender_id: str, name: str):
        values = [data["value"] for kind, data in self.events(sender_id) if kind == "slot" and data["name"] == name]
        return values[-1] if values else None


def start_stack(directory: Path, **extra) -> Stack:
    directory.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "RASA_PORT": str(free_port()), "ACTION_PORT": str(free_port()), "RASA_INTERFACE": "127.0.0.1",
           "TRACKER_DB": str(directory / "trackers.db"), "INTAKE_DB_URL": f"sqlite:///{directory / 'intakes.db'}",
           "CHAT_SESSION_SECRET": "fault-test-secret", "CLINIC_NAME": "Testkliniek", "RUN_DIR": str(directory / "run"),
           "CLINIC_BOOKING_URL": "https://kliniek.example/plan", **extra}  # fmt: skip
    return Stack(directory, env)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """`make run` with the default action timeout (ACTION_TIMEOUT_S unset: 10 s)."""
    running = start_stack(tmp_path_factory.mktemp("make-run"))
    try:
        running.wait_ready()
    except BaseException:
        running.stop()
        raise
    yield running
    if running.process.poll() is None:
        running.stop()


class Visitor:
    """One visitor over the REST channel, as the web chat talks to the server."""

    def __init__(self, stack: Stack):
        self.stack = stack
        self.session = requests.post(f"{stack.base}/webhooks/rest/session", timeout=30).json()["session"]
        self.sender_id = self.session.split(".")[0]

    def say(self, text: str, timeout: float = 60) -> tuple:
        """(the reply's texts, the reply's messages, seconds it took)."""
        began = time.monotonic()
        body = {"sender": self.session, "message": text}
        reply = requests.post(f"{self.stack.base}/webhooks/rest/webhook", json=body, timeout=timeout)
        reply.raise_for_status()
        messages = reply.json()
        return [m["text"] for m in messages if m.get("text")], messages, time.monotonic() - began

    def user_texts(self) -> list:
        return self.stack.user_texts(self.sender_id)

    def asked(self):
        return self.stack.slot(self.sender_id, "requested_slot")


def is_error(messages: list) -> bool:
    """The server's reply to a turn it could not complete: its Dutch error alone, marked for the web chat."""
    return [(m.get("text"), m.get("retry")) for m in messages] == [(ERROR_TEXT, True)]
