"""The whole stack as `make run` starts it (scripts/run.sh), on free loopback ports, with its own databases;
Debian's chromium driven by Playwright; axe-core from the npm registry."""

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests

from bot.questionnaire import ITEM_IDS, ITEMS
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
CLINIC_TOKEN = "clinic-test-token"
ALLOWED_ORIGIN = "https://kliniek.example"
SIGNIN_WINDOW_SECONDS = 4  # the failed sign-in window of the test stack: short, so the lock-out test can wait it out
SCREENS = ROOT / "results" / "screens"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
AXE_VERSION = "4.10.2"
AXE_DIR = ROOT / ".venv" / "axe-core"  # outside the repository, kept between runs
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# English words that must not reach the Dutch report: the engine's bands and factor codes, item ids, codes.
ENGLISH = {"low", "moderate", "high", "borderline", "increased", "adequate", "middle", "severe", "mild", "none",
           "skincare_consult", "intake_consult", "gp_first", "low_whole_grain", "much_red_meat", "egfr", "true",
           "false", "null", "yes", "no", "never", "monthly", "weekly", "female", "male", "other", "eczema",
           "ageing", "pigmentation", "jaundice"}  # fmt: skip
ENGLISH |= set(ITEM_IDS) | {code for it in ITEMS for code in it.codes if "_" in code}
CHAT = ["hallo", "ja", "vrouw", "40", "drie", "2", "geen", "2", "1", "0", "1", "4 keer", "twee keer per dag",
        "2 tot 3 keer per week", "drie glazen", "elke maand", "soms", "soms", "bijna nooit", "vaak", "zes uur",
        "ik slik pantoprazol", "nee", "1 kuur", "nee", "weet ik niet", "acne", "5", "nee", "geen"]  # fmt: skip


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
        "CLINIC_SIGNIN_WINDOW_SECONDS": str(SIGNIN_WINDOW_SECONDS),
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
            reply = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": token, "message": "hoi"}, timeout=60)
            if reply.json() and not any(m.get("retry") for m in reply.json()):  # answered, not the Dutch error
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

    def say(self, text: str, **extra) -> list:
        reply = requests.post(f"{self.base}/webhooks/rest/webhook",
                              json={"sender": self.session, "message": text, **extra}, timeout=120)  # fmt: skip
        reply.raise_for_status()
        self.replies = reply.json()
        return self.replies

    def history(self):
        return requests.get(f"{self.base}/webhooks/rest/history", headers={"Authorization": f"Bearer {self.session}"},
                            timeout=10)  # fmt: skip

    def results_view(self):
        return next(m["custom"]["intake_results"] for m in self.replies if "intake_results" in (m.get("custom") or {}))

    def complete(self, chat) -> dict:
        """Says every line of ``chat``; when the dialogue then asks "Klopt dit?", says yes. The results card."""
        for text in chat:
            self.say(text)
        if not any("intake_results" in (m.get("custom") or {}) for m in self.replies):
            yes = [b["title"] for m in self.replies for b in (m.get("buttons") or [])]
            self.say(yes[0] if yes else "ja")
        return self.results_view()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium (no browser download), headless."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it) or apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser script, installed once from the npm registry into .venv/axe-core."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        if not shutil.which("npm"):
            pytest.fail("npm is not installed: run `make test` (scripts/install_system.sh installs it)")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "--silent",
                        f"axe-core@{AXE_VERSION}"], check=True, capture_output=True, timeout=300)  # fmt: skip
    return script.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, as (rule, first target) pairs.

    The script goes in through the DevTools protocol, so the page's own CSP (no inline script) stays on.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source + "\n;0")
    found = page.evaluate("opts => axe.run(document, opts).then(r => r.violations)",
                          {"runOnly": {"type": "tag", "values": WCAG_AA}})  # fmt: skip
    return [(v["id"], v["nodes"][0]["target"], v["nodes"][0].get("failureSummary", "")[:200]) for v in found]


def screenshot(page, name: str, **options) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path


def csp_errors(page) -> list:
    """Collects the console's Content Security Policy complaints for this page."""
    errors: list = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


@pytest.fixture(scope="session")
def completed(stack):
    """A finished intake of the worked example over REST: (the user, its reference)."""
    user = WebUser(stack["base"])
    return user, user.complete(CHAT)["booking"]["reference"]


@pytest.fixture(scope="session")
def seeded(stack):
    """Two intake records written straight into the stack's database: (worked example, red flag with crisis)."""
    from bot.clinic import Clinic
    from bot.dialogue.results import advice_record, build_result, shown_advice
    from bot.records import IntakeRecord, RecordStore, now
    from tests.answers import WORKED_EXAMPLE

    clinic = Clinic("Testkliniek", "https://kliniek.example/plan", "020", "a@b.example")
    flagged = {**WORKED_EXAMPLE, "red_flags": ["black_stool"]}
    store, references = RecordStore(stack["env"]["INTAKE_DB_URL"]), []
    for reference, answers, words, crisis in (
        ("IN-SEED22", WORKED_EXAMPLE, {"veg_fruit_per_day": "drie stuks", "med_ppi": "ik slik pantoprazol"}, False),
        ("IN-FLAG22", flagged, {"red_flags": "zwart, soms"}, True),
    ):
        result = build_result(answers, clinic, reference)
        advice = advice_record(shown_advice(answers, result["scores"]))
        store.save(IntakeRecord(reference, "seed-" + reference, answers, result["scores"], result["booking"], advice,
                                now(), now(), words, crisis))  # fmt: skip
        references.append(reference)
    return tuple(references)


def visible_words(page: str) -> set:
    return set(re.findall(r"[A-Za-z_]+", re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)))
