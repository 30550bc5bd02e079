"""What several servers must count once: provider message ids (handled once) and the clinic's failed sign-ins. In
this process's memory, or in a shared Redis (Debian's redis-server, started here on a free port; the cluster
tests show the duplicate check across two real servers)."""

import asyncio
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
import redis as redis_client
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from channels.clinic import FailedSignIns
from channels.cluster.shared import SHARED_REDIS_VARIABLE, RedisFailedSignIns, signin_limiter
from channels.messaging.base import Duplicates, shared_redis
from tests.conftest import free_port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: run `make test` (scripts/install_system.sh installs it)")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--dir", str(tmp_path_factory.mktemp("redis"))], stdout=subprocess.DEVNULL)  # fmt: skip
    client = redis_client.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis_client.ConnectionError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/2"
    process.terminate()
    process.wait(timeout=10)


def run(coroutine):
    """In a thread of its own: earlier tests (Playwright's sync API) may leave a loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def first(duplicates, key, redis=None):
    return run(duplicates.first_time(key, redis))


def test_in_memory_each_id_once_and_the_oldest_forgotten_first():
    duplicates = Duplicates(window=3600, capacity=2)
    assert [first(duplicates, k) for k in ("a", "a", "b")] == [True, False, True]
    assert first(duplicates, "c") and first(duplicates, "a")  # capacity 2: "a" was forgotten
    assert not first(duplicates, "c")


def test_shared_redis_remembers_for_the_window_and_forgetting_frees_the_id_everywhere(redis_url):
    client = redis_client.Redis.from_url(redis_url)
    one, other = Duplicates(window=7200), Duplicates(window=7200)  # two servers
    assert first(one, "whatsapp:wamid.1", client) and not first(other, "whatsapp:wamid.1", client)
    assert 7190 < client.ttl("channel-msg:whatsapp:wamid.1") <= 7200
    run(one.forget("whatsapp:wamid.1", client))  # the turn failed: a redelivery may try again, on either server
    assert client.exists("channel-msg:whatsapp:wamid.1") == 0
    assert first(other, "whatsapp:wamid.1", client) and not first(one, "whatsapp:wamid.1", client)


def test_memory_takes_over_when_redis_is_unreachable():
    down = redis_client.Redis(port=free_port(), socket_timeout=1, socket_connect_timeout=1)
    duplicates = Duplicates()
    assert first(duplicates, "x", down) and not first(duplicates, "x", down)
    run(duplicates.forget("x", down))  # no error; the memory forgets it
    assert first(duplicates, "x", down)


def test_which_redis_is_shared(redis_url):
    memory = SimpleNamespace(lock_store=InMemoryLockStore())
    assert shared_redis(memory, environ={}) is None
    rasa_redis = SimpleNamespace(lock_store=RedisLockStore(host="127.0.0.1", port=free_port()))
    assert shared_redis(rasa_redis, environ={}) is rasa_redis.lock_store.red  # any Redis lock store, by class
    explicit = shared_redis(memory, environ={SHARED_REDIS_VARIABLE: redis_url})  # the setting wins
    assert explicit.connection_pool.connection_kwargs["db"] == 2 and explicit.ping()


def test_failed_sign_ins_are_counted_once_for_all_servers(redis_url):
    client = redis_client.Redis.from_url(redis_url)
    now = [1000.0]

    def server():
        return RedisFailedSignIns(client, FailedSignIns(limit=5, window=60), limit=5, window=60, clock=lambda: now[0])

    one, other = server(), server()
    for limiter in (one, other, one, other):
        assert limiter.retry_after("10.0.0.7") == 0
        limiter.fail("10.0.0.7")
        now[0] += 1
    assert other.retry_after("10.0.0.7") == 0  # 4 failures in all
    one.fail("10.0.0.7")  # the fifth, at 1004: locked on every server until the first (1000) leaves the window
    assert one.retry_after("10.0.0.7") == 56 and other.retry_after("10.0.0.7") == 56
    assert one.retry_after("10.0.0.8") == 0
    now[0] = 1060.5
    assert other.retry_after("10.0.0.7") == 0
    assert 0 < client.ttl("clinic-signin:10.0.0.7") <= 61


def test_the_sign_in_limit_is_in_memory_without_a_shared_redis_and_there_when_redis_fails(redis_url):
    memory = FailedSignIns(limit=5, window=60)
    assert signin_limiter(5, 60, memory, environ={}) is memory
    assert isinstance(signin_limiter(5, 60, memory, environ={SHARED_REDIS_VARIABLE: redis_url}), RedisFailedSignIns)
    down = redis_client.Redis(port=free_port(), socket_timeout=1, socket_connect_timeout=1)
    limiter = RedisFailedSignIns(down, FailedSignIns(limit=2, window=60), limit=2, window=60)
    limiter.fail("a")
    limiter.fail("a")
    assert limiter.retry_after("a") == 60
