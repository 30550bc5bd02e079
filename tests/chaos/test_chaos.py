"""make chaos: 32 concurrent intakes with one fault in the middle, once under `make run` (the action server
killed) and once under `make cluster` (a Rasa server killed). Every intake must complete with the engine's exact
scores and every message must be stored exactly once, in order; a user whose turn failed sends it again, as the
web chat's "Opnieuw versturen" does. The figures are printed and written to results/chaos.json."""

import json
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import requests

from tests.cluster.conftest import TOKEN, User
from tests.cluster.test_cluster import answers_for, assert_complete, assert_stored_exactly
from tests.faults.conftest import start_stack

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "results" / "chaos.json"
INTAKES = 32
MESSAGES_PER_INTAKE = 30  # the worked example and the no-risk answers: about 30 messages each


def sent_so_far(users: list) -> int:
    return sum(len(user.sent) for user in users)


def run_with_fault(target, fault, recovered) -> dict:
    """32 intakes through ``target`` (an object with ``base`` and ``events``); ``fault()`` once half the messages
    are through; ``recovered()`` says when the faulty part serves again. Returns the figures."""
    users = [User(target) for _ in range(INTAKES)]
    times: dict = {}

    def inject() -> None:
        while sent_so_far(users) < INTAKES * MESSAGES_PER_INTAKE // 2:
            time.sleep(0.2)
        times["fault"] = time.monotonic()
        fault()
        while not recovered():
            time.sleep(0.5)
        times["recovered"] = time.monotonic()

    injector = threading.Thread(target=inject, daemon=True)
    began = time.monotonic()
    injector.start()
    with ThreadPoolExecutor(max_workers=INTAKES) as pool:
        results = list(pool.map(lambda i: users[i].intake(answers_for(i), retry=True), range(INTAKES)))
    took = time.monotonic() - began
    injector.join(timeout=300)
    assert "recovered" in times, "the fault came after the intakes ended, or nothing recovered"
    for i, (user, slots) in enumerate(zip(users, results)):
        assert_complete(slots, answers_for(i))
        assert_stored_exactly(target, user)
    messages = sent_so_far(users)
    return {"intakes": INTAKES, "completed_with_exact_scores": INTAKES, "messages_stored_once": messages,
            "failed_turns_sent_again": sum(user.errors for user in users), "seconds": round(took, 1),
            "messages_per_second": round(messages / took, 1),
            "fault_after_s": round(times["fault"] - began, 1),
            "recovered_after_s": round(times["recovered"] - times["fault"], 1)}  # fmt: skip


def record(section: str, figures: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    found = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    found[section] = {**figures, "date": time.strftime("%Y-%m-%d %H:%M")}
    RESULTS.write_text(json.dumps(found, indent=2))
    print(f"\n{section}: {json.dumps(figures)}", flush=True)


def test_32_intakes_under_make_run_with_the_action_server_killed_once(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("chaos-run"), RASA_AUTH_TOKEN=TOKEN)
    try:
        stack.wait_ready()
        target = SimpleNamespace(base=stack.base, events=stack.events)
        killed: list = []

        def kill() -> None:
            killed.append(stack.send("actions", signal.SIGKILL))

        figures = run_with_fault(target, kill, lambda: stack.pid("actions") not in (None, *killed)
                                 and stack.actions_answer())  # fmt: skip
        assert stack.output().count("exited: rasa") == 0  # the Rasa server ran on
        record("make run, action server killed (SIGKILL) once", figures)
    finally:
        stack.stop()


def test_32_intakes_under_make_cluster_with_a_rasa_server_killed_once(cluster):
    killed: list = []

    def kill() -> None:
        killed.append(cluster.pid("rasa-2"))
        cluster.signal(["rasa-2"], signal.SIGKILL)

    def ready_again() -> bool:
        try:
            fresh = cluster.pid("rasa-2") not in (None, *killed)
            return fresh and requests.get(f"{cluster.server('rasa-2')}/health/ready", timeout=3).status_code == 200
        except requests.RequestException:
            return False

    figures = run_with_fault(cluster, kill, ready_again)
    record("make cluster, a Rasa server killed (SIGKILL) once", figures)
