"""`make run` under its faults, with real processes (tests/faults/conftest.py): the action server paused and killed,
the Rasa server killed, a Rasa server that cannot start, and Ctrl-C. Each test says what the user reads and what
the SQLite tracker store holds. The tests run in this order on one `make run`; the last one stops it."""

import os
import signal
import time

import pytest
import requests

from bot.scoring import compute_scores
from scripts.supervision import RASA_STARTRETRIES
from tests.answers import WORKED_EXAMPLE
from tests.cluster.conftest import answer_text, next_message
from tests.faults.conftest import Visitor, is_error, start_stack

ERROR_WITHIN_S = 15  # the user reads the Dutch error within this time (ACTION_TIMEOUT_S is 10 s)
ACTIONS_BACK_WITHIN_S = 20  # a killed action server serves again within this time
HUNG_REPLACED_WITHIN_S = 90  # httpok: a check every 5 s, 10 s to answer, 5 s to stop, then the start


def midway(stack, items: int) -> Visitor:
    """A visitor ``items`` answers into the worked example."""
    visitor = Visitor(stack)
    visitor.say("hallo")
    for _ in range(items):
        item = visitor.asked()
        visitor.say(answer_text(item, WORKED_EXAMPLE[item]))
    return visitor


def slots(stack, visitor: Visitor) -> dict:
    return {name: stack.slot(visitor.sender_id, name) for name in ("requested_slot", "intake_pending")}


def finish(stack, visitor: Visitor) -> list:
    """Answers what is asked until the results; returns what was said."""
    said = []
    for _ in range(80):
        text = next_message(slots(stack, visitor), WORKED_EXAMPLE)
        if text is None:
            return said
        _texts, messages, _took = visitor.say(text)
        assert not is_error(messages)
        said.append(text)
    raise AssertionError("the intake did not end")


def assert_complete(stack, visitor: Visitor, sent: list) -> None:
    """Exact scores, and every message stored exactly once, in order."""
    result = stack.slot(visitor.sender_id, "intake_result")
    assert result["scores"] == compute_scores(WORKED_EXAMPLE)
    assert visitor.user_texts() == sent


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def wait_for(check, timeout: float) -> float:
    """Seconds until ``check()`` held; fails after ``timeout``."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if check():
            return time.monotonic() - began
        time.sleep(0.5)
    pytest.fail(f"not within {timeout} s")


def test_a_paused_action_server_the_user_reads_the_error_nothing_is_stored_and_it_is_replaced(stack):
    visitor = midway(stack, 2)
    asked, stored = visitor.asked(), visitor.user_texts()
    assert asked == "age" and stored == ["hallo", "Ja, ik geef toestemming", "vrouw"]
    rasa = stack.pid("rasa")
    paused = stack.send("actions", signal.SIGSTOP)
    paused_at = time.monotonic()
    try:
        _texts, messages, took = visitor.say("40")
        assert is_error(messages) and took < ERROR_WITHIN_S, (messages, took)
        newcomer = Visitor(stack)  # a new session's first message, while the action server hangs
        _texts, messages, newcomer_took = newcomer.say("hallo")
        assert is_error(messages) and newcomer_took < ERROR_WITHIN_S, (messages, newcomer_took)
        assert visitor.user_texts() == stored and visitor.asked() == "age"  # nothing of the failed turn
        assert newcomer.user_texts() == []
        # httpok finds /health unanswered and restarts the hung action server: a new process that answers
        wait_for(lambda: stack.pid("actions") not in (None, paused) and stack.actions_answer(), HUNG_REPLACED_WITHIN_S)
        print(f"\npaused action server: the error after {took:.1f} s (a newcomer's: {newcomer_took:.1f} s); "
              f"replaced and answering {time.monotonic() - paused_at:.0f} s after the pause")  # fmt: skip
    finally:
        if alive(paused):
            os.kill(paused, signal.SIGCONT)
    assert not alive(paused) and stack.pid("rasa") == rasa  # replaced; the Rasa server ran on
    texts, messages, _took = visitor.say("40")  # the same message again: handled as if it were the first time
    assert not is_error(messages) and "Leeftijd: 40" in texts[0]
    assert visitor.asked() == "veg_fruit_per_day"
    said = finish(stack, visitor)
    assert_complete(stack, visitor, stored + ["40"] + said)


def test_a_killed_action_server_is_started_again_within_20_s_and_the_same_message_then_goes_through(stack):
    visitor = midway(stack, 3)
    asked, stored = visitor.asked(), visitor.user_texts()
    text = answer_text(asked, WORKED_EXAMPLE[asked])
    rasa = stack.pid("rasa")
    killed = stack.send("actions", signal.SIGKILL)
    began = time.monotonic()
    _texts, messages, took = visitor.say(text)  # refused at once: the error, nothing stored
    assert is_error(messages) and took < ERROR_WITHIN_S
    assert visitor.user_texts() == stored and visitor.asked() == asked

    def goes_through() -> bool:
        _texts, messages, _took = visitor.say(text)
        return not is_error(messages)

    wait_for(goes_through, ACTIONS_BACK_WITHIN_S + 5)
    back = time.monotonic() - began
    print(f"\nkilled action server: the error after {took:.1f} s; the message went through {back:.1f} s after the kill")
    assert back < ACTIONS_BACK_WITHIN_S
    assert stack.pid("actions") != killed and stack.pid("rasa") == rasa  # the Rasa server kept running
    assert visitor.user_texts() == stored + [text]  # the retries that failed left nothing; the one that worked, once
    said = finish(stack, visitor)
    assert_complete(stack, visitor, stored + [text] + said)


def test_a_killed_rasa_server_is_started_again_and_the_intake_goes_on_with_its_answers(stack):
    visitor = midway(stack, 5)
    asked, stored = visitor.asked(), visitor.user_texts()
    text = answer_text(asked, WORKED_EXAMPLE[asked])
    actions = stack.pid("actions")
    killed = stack.send("rasa", signal.SIGKILL)
    with pytest.raises(requests.ConnectionError):  # the web chat shows its "niet verstuurd" bubble
        visitor.say(text, timeout=10)
    back = wait_for(lambda: stack.ready(), 180)
    print(f"\nkilled Rasa server: ready again {back:.0f} s after the kill")
    assert stack.pid("rasa") != killed and stack.pid("actions") == actions
    bearer = {"Authorization": f"Bearer {visitor.session}"}
    history = requests.get(f"{stack.base}/webhooks/rest/history", headers=bearer, timeout=30).json()
    assert [m["text"] for m in history if m["from"] == "user"] == stored  # a reload shows the conversation so far
    texts, messages, _took = visitor.say(text)
    assert not is_error(messages) and visitor.asked() != asked
    said = finish(stack, visitor)
    assert_complete(stack, visitor, stored + [text] + said)


def test_ctrl_c_stops_everything(stack):
    pids = [stack.pid("rasa"), stack.pid("actions"), stack.supervisor.call("getPID")]
    assert all(pids)
    os.killpg(stack.process.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C: the whole foreground group
    assert stack.stop(timeout=90) == 0
    assert [pid for pid in pids if alive(pid)] == []
    assert "stopped: rasa (exit status 0)" in stack.output()  # it finished its turns and ended by itself


def test_a_rasa_server_that_cannot_start_is_reported_as_a_crash_loop_and_ends_make_run(tmp_path):
    broken = start_stack(tmp_path / "broken", TELEGRAM_TOKEN="123:only-the-token")  # half a channel: Rasa refuses
    try:
        code = broken.process.wait(timeout=400)
    finally:
        broken.stop()
    output = broken.output()
    assert code == 1
    assert "The Telegram channel is partly configured: set TELEGRAM_SECRET_TOKEN" in output  # the reason, in the log
    # the first start and RASA_STARTRETRIES more, each after a longer pause (one more when the machine is so busy
    # that the first failure came after RASA_STARTSECS: that counts as started, and is started again at once)
    assert output.count("spawned: 'rasa'") in (1 + RASA_STARTRETRIES, 2 + RASA_STARTRETRIES)
    assert "gave up: rasa entered FATAL state" in output
    assert "CRASH LOOP: rasa could not be started" in output
    assert output.rstrip().splitlines()[-1].startswith("make run stopped: rasa could not be started")
    with pytest.raises(requests.ConnectionError):  # the action server was stopped too
        requests.get(f"http://127.0.0.1:{broken.env['ACTION_PORT']}/health", timeout=5)
