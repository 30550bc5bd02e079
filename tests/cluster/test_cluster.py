"""The production topology under load and under faults: real PostgreSQL, Redis, nginx, 2 Rasa servers, 2 action
servers (tests/cluster/conftest.py). The tests run in this order on one cluster; the last two stop Rasa servers."""

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from bot.scoring import compute_scores
from channels.cluster import ERROR_TEXT
from channels.messaging.base import pseudonym
from tests.answers import NO_RISK, WORKED_EXAMPLE, with_answers
from tests.cluster.conftest import SECRET, TELEGRAM_SECRET, User, answer_text, next_message

ACTIONS = ["actions-1", "actions-2"]


def answers_for(i: int) -> dict:
    return with_answers(WORKED_EXAMPLE if i % 2 == 0 else NO_RISK, age=20 + i, sleep_hours=5 + i % 4)


def assert_complete(slots: dict, answers: dict) -> None:
    assert {item: slots[item] for item in slots["answered_items"]} == answers
    assert slots["intake_result"]["scores"] == compute_scores(answers)


def assert_stored_exactly(cluster, user: User) -> None:
    """The tracker store holds each completed message once, in order, one turn at a time, with its replies."""
    events = cluster.events(user.sender_id)
    users = [data for kind, data in events if kind == "user"]
    assert [data["text"] for data in users] == user.sent
    assert len({data["message_id"] for data in users}) == len(users)
    if user.bot_texts is not None:  # compared as one text: the channel may show a stored message as two bubbles
        stored = [data["text"] for kind, data in events if kind == "bot" and data.get("text")]
        assert "\n\n".join(stored) == "\n\n".join(user.bot_texts)
    listening = True
    for kind, data in events:
        if kind == "user":
            assert listening, "a message was handled while the turn of the one before was still running"
            listening = False
        elif kind == "action" and data.get("name") == "action_listen":
            listening = True
    assert listening


def raw_texts(user: User, text: str, base: str = None) -> list:
    reply = requests.post(f"{base or user.cluster.base}/webhooks/rest/webhook",
                          json={"sender": user.session, "message": text}, timeout=60)  # fmt: skip
    assert reply.status_code in (200, 503)
    return [m["text"] for m in reply.json() if m.get("text")]


def start(user: User, answers: dict, items: int) -> None:
    """The first ``items`` answers of an intake."""
    user.say("hallo")
    for _ in range(items):
        item = user.slots()["requested_slot"]
        user.say(answer_text(item, answers[item]))


def midway(cluster, items: int):
    """A user ``items`` answers into the worked example: the user, the item asked, what was sent, the answer."""
    user = User(cluster)
    start(user, WORKED_EXAMPLE, items)
    asked = user.slots()["requested_slot"]
    return user, asked, list(user.sent), answer_text(asked, WORKED_EXAMPLE[asked])


def assert_goes_on(cluster, user: User, asked: str, sent: list) -> None:
    """Nothing of the failed message was kept; the interview then goes on to the exact scores."""
    assert user.slots()["requested_slot"] == asked and user.user_texts() == sent
    assert_complete(continue_intake(user, WORKED_EXAMPLE), WORKED_EXAMPLE)
    assert_stored_exactly(cluster, user)


def test_health_endpoints(cluster):
    assert requests.get(f"{cluster.base}/health/live", timeout=10).json() == {"live": True}
    for name in ("rasa-1", "rasa-2"):
        ready = requests.get(f"{cluster.server(name)}/health/ready", timeout=10)
        assert ready.status_code == 200
        assert ready.json() == {"ready": True, "model": True, "stopping": False, "tracker_store": True,
                                "lock_store": True}  # fmt: skip


def test_32_concurrent_intakes_spread_over_both_servers(cluster):
    users = [User(cluster) for _ in range(32)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(lambda i: users[i].intake(answers_for(i)), range(32)))
    for i, (user, slots) in enumerate(zip(users, results)):
        assert_complete(slots, answers_for(i))
        assert_stored_exactly(cluster, user)
    webhook = [line for line in cluster.access_log() if "/webhooks/rest/webhook 200" in line]
    ports = {f"upstream=127.0.0.1:{cluster.state['services'][name]['port']}" for name in ("rasa-1", "rasa-2")}
    for port in ports:
        assert sum(port in line for line in webhook) > 300  # about half of the 32 x 30 messages each


def test_one_conversations_parallel_messages_run_one_at_a_time_in_order(cluster):
    user = User(cluster)
    start(user, WORKED_EXAMPLE, 3)  # consent, sex, age
    assert user.slots()["requested_slot"] == "veg_fruit_per_day"
    items = ["veg_fruit_per_day", "whole_grain_per_day", "legumes_per_week", "nuts_per_week",
             "leafy_greens_per_week", "dark_chocolate_per_week"]  # fmt: skip
    texts = ["7", "6", "5", "4", "3", "2"]
    servers = [cluster.server("rasa-1"), cluster.server("rasa-2")]
    replies: dict = {}
    # The action servers pause, so the first turn holds the lock while all the others arrive.
    cluster.signal(ACTIONS, signal.SIGSTOP)
    try:
        threads = []
        for k, text in enumerate(texts):
            thread = threading.Thread(target=lambda k=k, text=text: replies.__setitem__(k, raw_texts(
                user, text, servers[k % 2])))  # fmt: skip
            thread.start()
            threads.append(thread)
            time.sleep(0.2)
    finally:
        time.sleep(0.3)
        cluster.signal(ACTIONS, signal.SIGCONT)
    for thread in threads:
        thread.join(timeout=120)
    assert all(ERROR_TEXT not in replies[k] for k in range(len(texts))), replies
    slots = user.slots()
    assert [slots[item] for item in items] == [7, 6, 5, 4, 3, 2]
    user.sent += texts
    user.bot_texts = None
    assert_stored_exactly(cluster, user)


def test_a_conversation_moving_between_servers_keeps_its_answers(cluster):
    user = User(cluster)
    slots = user.intake(WORKED_EXAMPLE, bases=[cluster.server("rasa-1"), cluster.server("rasa-2")])
    assert_complete(slots, WORKED_EXAMPLE)
    assert_stored_exactly(cluster, user)


def test_a_duplicate_delivery_reaching_the_other_server_is_handled_once(cluster, telegram):
    """Telegram delivers an update again (it saw no answer in time); nginx sends the retry to the other server."""
    chat = str(int(time.time() * 1000) % 10**9)
    person = {"id": int(chat), "type": "private"}
    update = {"update_id": int(chat), "message": {"message_id": 1, "date": int(time.time()), "text": "hallo",
                                                  "chat": person, "from": {"id": int(chat)}}}  # fmt: skip
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    mark = telegram.mark()
    for server in ("rasa-1", "rasa-2"):
        reply = requests.post(f"{cluster.server(server)}/webhooks/telegram/webhook", json=update, headers=headers,
                              timeout=60)  # fmt: skip
        assert reply.status_code == 200
    sender_id = pseudonym(SECRET.encode(), "telegram", chat)
    assert [data["text"] for kind, data in cluster.events(sender_id) if kind == "user"] == ["hallo"]
    sent = [call.json["text"] for call in telegram.since(mark) if (call.json or {}).get("chat_id") in (chat, int(chat))]
    assert len(sent) == 1 and sent[0].startswith("Hoi! Ik ben de intake-assistent van Testkliniek.")
    assert 2 * 24 * 3600 - 60 < cluster.redis().ttl(f"channel-msg:telegram:{chat}") <= 2 * 24 * 3600


def test_failed_sign_ins_are_counted_once_for_both_servers(cluster):
    """Five wrong tokens from one address, spread over the servers, lock that address out on both (not five each)."""
    servers = [cluster.server("rasa-1"), cluster.server("rasa-2")]
    statuses = [requests.post(f"{servers[k % 2]}/clinic/session", json={"token": "wrong"}, timeout=30).status_code
                for k in range(5)]  # fmt: skip
    assert statuses == [401] * 5
    for server in servers:
        locked = requests.post(f"{server}/clinic/session", json={"token": "wrong"}, timeout=30)
        assert locked.status_code == 429 and 800 < int(locked.headers["Retry-After"]) <= 900
    assert cluster.redis().zcard("clinic-signin:127.0.0.1") == 5


def test_action_server_slow_or_down_gets_the_dutch_error_and_the_interview_goes_on(cluster):
    user, asked, sent, text = midway(cluster, 4)
    cluster.signal(ACTIONS, signal.SIGSTOP)  # hanging: the call times out after ACTION_TIMEOUT_S
    try:
        assert raw_texts(user, text) == [ERROR_TEXT]
    finally:
        cluster.signal(ACTIONS, signal.SIGCONT)
    assert user.slots()["requested_slot"] == asked and user.user_texts() == sent
    cluster.signal(ACTIONS, signal.SIGKILL)  # gone: refused at once, until the supervisor starts them again
    assert raw_texts(user, text) == [ERROR_TEXT]
    wait_for_actions(cluster)
    assert_goes_on(cluster, user, asked, sent)


def wait_for_actions(cluster, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if all(requests.get(f"{cluster.server(name)}/health", timeout=3).ok for name in ACTIONS):
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail("the action servers were not started again")


def continue_intake(user: User, answers: dict) -> dict:
    for _ in range(80):
        slots = user.slots()
        text = next_message(slots, answers)
        if text is None:
            return slots
        user.say(text)
    raise AssertionError("the intake did not end")


def test_postgresql_restart_mid_conversation(cluster):
    user, asked, sent, _text = midway(cluster, 6)
    pg = cluster.state["postgres"]
    cluster.pg([pg["pg_ctl"], "-D", pg["data"], "-m", "fast", "-w", "-l", pg["log"], "restart"])
    assert_goes_on(cluster, user, asked, sent)  # the first message after the restart goes through as well


def test_redis_down_no_message_is_handled_without_the_lock(cluster):
    user, asked, sent, text = midway(cluster, 5)
    cluster.signal(["redis"], signal.SIGSTOP)
    try:
        assert raw_texts(user, text, cluster.server("rasa-1")) == [ERROR_TEXT]
        assert raw_texts(user, text, cluster.server("rasa-2")) == [ERROR_TEXT]
        ready = requests.get(f"{cluster.server('rasa-1')}/health/ready", timeout=10)
        assert ready.status_code == 503 and ready.json()["lock_store"] is False
    finally:
        cluster.signal(["redis"], signal.SIGCONT)
    assert_goes_on(cluster, user, asked, sent)


def test_a_rasa_server_killed_mid_run_loses_no_conversation(cluster):
    users = [User(cluster) for _ in range(8)]
    killed: list = []
    killer = threading.Timer(8, lambda: (cluster.signal(["rasa-2"], signal.SIGKILL), killed.append(time.time())))
    killer.start()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: users[i].intake(answers_for(i), retry=True), range(8)))
    finished = time.time()
    killer.join()
    assert killed and killed[0] < finished  # killed in the middle of the run
    for i, (user, slots) in enumerate(zip(users, results)):
        assert_complete(slots, answers_for(i))
        assert_stored_exactly(cluster, user)
    supervisor = (Path(cluster.state["dir"]) / "cluster.log").read_text()
    assert "rasa-2: NOT ready" in supervisor  # nginx was told to leave it out


def test_sigterm_lets_the_turns_in_flight_finish(cluster):
    server = cluster.server("rasa-1")
    users = [User(cluster) for _ in range(3)]
    for user in users:
        user.say("hallo", server)
        user.say(answer_text("consent", "yes"), server)
    replies: dict = {}
    cluster.signal(ACTIONS, signal.SIGSTOP)
    try:
        threads = [threading.Thread(target=lambda u=u: replies.__setitem__(u.sender_id, raw_texts(u, "vrouw", server)))
                   for u in users]  # fmt: skip
        for thread in threads:
            thread.start()
        time.sleep(0.7)
        cluster.signal(["rasa-1"], signal.SIGTERM)
        time.sleep(0.5)
        with pytest.raises(requests.ConnectionError):  # no new requests
            requests.post(f"{server}/webhooks/rest/session", timeout=5)
    finally:
        cluster.signal(ACTIONS, signal.SIGCONT)
    for thread in threads:
        thread.join(timeout=60)
    for user in users:
        assert replies[user.sender_id] and ERROR_TEXT not in replies[user.sender_id]
        user.sent.append("vrouw")
        user.bot_texts += replies[user.sender_id]
        assert_stored_exactly(cluster, user)

