"""The cluster as `make cluster` starts it (scripts/cluster.py): PostgreSQL, Redis, nginx, 2 Rasa servers and
2 action servers on free loopback ports in a temporary folder, once for the module; and a simulated user who
drives an intake by the `requested_slot` read through the tracker API."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from bot.labels import code_label, format_number
from channels.cluster import ERROR_TEXT
from scripts.cluster import free_port_block, launch, wait_ready
from tests.channels.fakes import FakeProvider

SECRET = "cluster-test-secret"
TOKEN = "cluster-test-token"
ACTION_TIMEOUT_S = 3
CONFIRM_TEXT = "ja, dat klopt"
TELEGRAM_TOKEN, TELEGRAM_SECRET = "123:tg-token", "tg-secret"


class Cluster:
    def __init__(self, directory: Path, process: subprocess.Popen):
        self.dir, self.process = directory, process

    @property
    def state(self) -> dict:
        return json.loads((self.dir / "state.json").read_text())

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.state['port']}"

    def server(self, name: str) -> str:
        return f"http://127.0.0.1:{self.state['services'][name]['port']}"

    def pid(self, name: str) -> int:
        return self.state["services"][name]["pid"]

    def signal(self, names: list, sig) -> None:
        for name in names:
            os.kill(self.pid(name), sig)

    def wait_ready(self, name: str, timeout: float = 240) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if requests.get(f"{self.server(name)}/health/ready", timeout=3).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        pytest.fail(f"{name} did not get ready again")

    def access_log(self) -> list:
        return (Path(self.state["access_log"])).read_text().splitlines()

    def pg(self, args: list) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + args, check=True, capture_output=True)

    def redis(self, db: int = 2):
        import redis

        return redis.Redis(port=self.state["services"]["redis"]["port"], db=db)

    def events(self, sender_id: str) -> list:
        """The conversation's rows in the tracker store, in the order stored."""
        import sqlalchemy as sa

        engine = sa.create_engine(f"postgresql+psycopg2://postgres@127.0.0.1:{self.state['postgres']['port']}/trackers")
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender_id}
            ).fetchall()
        engine.dispose()
        return [(type_name, json.loads(data)) for type_name, data in rows]


@pytest.fixture(scope="module")
def telegram():
    """A fake Telegram API (tests/channels/fakes.py): the cluster's servers have the Telegram channel on."""
    fake = FakeProvider("telegram").start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def cluster(telegram):
    directory = Path(tempfile.mkdtemp(prefix="intake-cluster-"))
    base = free_port_block(10)
    env = {"RASA_PORT": str(base), "ACTION_PORT": str(base + 4), "CLUSTER_PG_PORT": str(base + 8),
           "CLUSTER_REDIS_PORT": str(base + 9), "CLUSTER_REPLICAS": "2", "CLUSTER_ACTION_REPLICAS": "2",
           "CHAT_SESSION_SECRET": SECRET, "RASA_AUTH_TOKEN": TOKEN, "ACTION_TIMEOUT_S": str(ACTION_TIMEOUT_S),
           "CLINIC_NAME": "Testkliniek", "CLINIC_BOOKING_URL": "https://kliniek.example/plan",
           "TELEGRAM_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
           "TELEGRAM_API_URL": telegram.url}  # fmt: skip
    process = launch(directory, env)
    try:
        wait_ready(process, directory, timeout=400)
    except RuntimeError as error:
        process.kill()
        pytest.fail(str(error))
    yield Cluster(directory, process)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
    if not os.environ.get("CLUSTER_TEST_KEEP"):  # set it to read the servers' logs after a failure
        shutil.rmtree(directory, ignore_errors=True)


def answer_text(item_id: str, value) -> str:
    """What a patient types for one answer of tests/answers.py: the Dutch label of a code, a number."""
    if value is None:
        return "weet ik niet"
    if isinstance(value, list):
        return ", ".join(code_label(item_id, code) for code in value) if value else "geen"
    if isinstance(value, str):
        return code_label(item_id, value)
    return format_number(value)


def next_message(slots: dict, answers: dict):
    """What the patient says next, read from the slots: a confirmation when the interview waits for one
    (a value to confirm, the review of all answers), else the answer to the item asked; None when done."""
    if slots.get("intake_pending"):
        return CONFIRM_TEXT
    item = slots.get("requested_slot")
    return None if item is None else answer_text(item, answers[item])


class Failed(Exception):
    """The server did not complete the turn (an HTTP error, or the Dutch error message)."""


class User:
    """One visitor with a signed session, talking through nginx (or straight to one Rasa server)."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.http = requests.Session()
        self.session = self.http.post(f"{cluster.base}/webhooks/rest/session", timeout=30).json()["session"]
        self.sender_id = self.session.split(".")[0]
        self.sent: list = []  # the messages whose turn completed, in order
        self.bot_texts: list = []  # every reply text of those turns, in order
        self.errors = 0

    def say(self, text: str, base: str = None) -> list:
        reply = self.http.post(f"{base or self.cluster.base}/webhooks/rest/webhook",
                               json={"sender": self.session, "message": text}, timeout=120)  # fmt: skip
        if reply.status_code != 200:
            raise Failed(f"HTTP {reply.status_code}")
        texts = [m["text"] for m in reply.json() if m.get("text")]
        if texts == [ERROR_TEXT]:
            raise Failed("error message")
        self.sent.append(text)
        if self.bot_texts is not None:
            self.bot_texts += texts
        return texts

    def tracker(self, events: str = "AFTER_RESTART") -> dict:
        problem = None
        for _ in range(60):
            try:  # a server killed while it answers drops the connection: ask again, as for an HTTP error
                reply = self.http.get(f"{self.cluster.base}/conversations/{self.sender_id}/tracker",
                                      params={"token": TOKEN, "include_events": events}, timeout=60)  # fmt: skip
            except requests.ConnectionError as error:
                problem = error
            else:
                if reply.status_code == 200:
                    return reply.json()
                problem = reply.status_code
            time.sleep(0.5)
        raise AssertionError(f"the tracker API kept failing: {problem}")

    def slots(self) -> dict:
        return self.tracker(events="NONE")["slots"]

    def user_texts(self) -> list:
        return [e["text"] for e in self.tracker()["events"] if e["event"] == "user"]

    def say_until_done(self, text: str, base: str = None) -> None:
        """Send; on a failed turn, send again unless the tracker shows it was handled after all."""
        for _attempt in range(30):
            before = len(self.user_texts())
            try:
                self.say(text, base)
                return
            except (Failed, requests.RequestException):
                self.errors += 1
                if len(self.user_texts()) > before:  # handled, only the answer was lost on the way
                    self.sent.append(text)
                    self.bot_texts = None  # replies unknown from here on
                    return
                time.sleep(1)
        raise AssertionError("a message never went through")

    def intake(self, answers: dict, bases=None, retry=False) -> dict:
        """The whole intake, each answer chosen by the item the tracker says is being asked."""
        send = self.say_until_done if retry else self.say
        bases = bases or [None]
        send("hallo", bases[0])
        for step in range(1, 80):
            slots = self.slots()
            text = next_message(slots, answers)
            if text is None:
                return slots
            send(text, bases[step % len(bases)])
        raise AssertionError("the intake did not end")

