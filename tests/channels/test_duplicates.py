"""Provider message ids are handled once: in this process's memory, or in a shared Redis."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from channels.messaging.base import Duplicates


class FakeRedis:
    def __init__(self, fail=False):
        self.keys, self.fail = {}, fail

    def set(self, key, value, nx=False, ex=None):
        if self.fail:
            raise ConnectionError("redis is down")
        if nx and key in self.keys:
            return None
        self.keys[key] = ex
        return True


def first(duplicates, key, redis=None):
    """In a thread of its own: earlier tests (Playwright's sync API) may leave a loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, duplicates.first_time(key, redis)).result()


def test_in_memory_each_id_once_and_the_oldest_forgotten_first():
    duplicates = Duplicates(window=3600, capacity=2)
    assert [first(duplicates, k) for k in ("a", "a", "b")] == [True, False, True]
    assert first(duplicates, "c") and first(duplicates, "a")  # capacity 2: "a" was forgotten
    assert not first(duplicates, "c")


def test_shared_redis_remembers_for_the_window_and_memory_takes_over_when_it_fails():
    redis = FakeRedis()
    one, other = Duplicates(window=7200), Duplicates(window=7200)  # two servers
    assert first(one, "whatsapp:wamid.1", redis) and not first(other, "whatsapp:wamid.1", redis)
    assert redis.keys == {"channel-msg:whatsapp:wamid.1": 7200}
    down = FakeRedis(fail=True)
    assert first(one, "x", down) and not first(one, "x", down)
