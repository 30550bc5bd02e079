"""What several Rasa servers must count once, kept in one Redis: ``SHARED_REDIS_URL``.

`make cluster` sets it to its Redis (database 2; the lock store uses database 1); under `make run`
it is unset and each count lives in the one server's memory. Two things use it:

- the messaging channels' duplicate check (channels/messaging/base.py: provider message ids);
- the clinic's failed sign-ins (``RedisFailedSignIns`` below): five failures from one address
  lock it out on every server, not five per server.

When Redis does not answer, each falls back to this process's memory (and logs a warning), so a
Redis outage never refuses a patient's message; the lock store already refuses it then.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from typing import Any, Optional

logger = logging.getLogger(__name__)
SHARED_REDIS_VARIABLE = "SHARED_REDIS_URL"
TIMEOUT_S = 2.0
_clients: dict = {}


def shared_redis(environ=os.environ) -> Optional[Any]:
    """A client of $SHARED_REDIS_URL (``redis://host:port/db``), one per URL; None when it is unset."""
    url = environ.get(SHARED_REDIS_VARIABLE, "")
    if not url:
        return None
    if url not in _clients:
        import redis

        _clients[url] = redis.Redis.from_url(url, socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S)
    return _clients[url]


class RedisFailedSignIns:
    """The interface of channels.clinic.FailedSignIns (``retry_after``, ``fail``), counted in Redis: a sorted
    set of failure times per client address, trimmed to the window. ``fallback`` (a FailedSignIns) counts
    while Redis does not answer."""

    def __init__(self, redis: Any, fallback: Any, limit: int, window: float, clock=time.time):
        self.redis, self.fallback, self.limit, self.window, self.clock = redis, fallback, limit, window, clock

    def _key(self, client: str) -> str:
        return f"clinic-signin:{client}"

    def retry_after(self, client: str) -> int:
        now = self.clock()
        try:
            pipe = self.redis.pipeline()
            pipe.zremrangebyscore(self._key(client), "-inf", now - self.window)
            pipe.zrange(self._key(client), 0, 0, withscores=True)
            pipe.zcard(self._key(client))
            _, oldest, count = pipe.execute()
        except Exception as error:
            logger.warning(f"sign-in limit: Redis unavailable ({type(error).__name__}), counting in this process")
            return self.fallback.retry_after(client)
        if count < self.limit or not oldest:
            return 0
        return max(1, int(oldest[0][1] + self.window - now + 0.999))

    def fail(self, client: str) -> None:
        now = self.clock()
        try:
            pipe = self.redis.pipeline()
            pipe.zadd(self._key(client), {f"{now:.6f}-{secrets.token_hex(4)}": now})
            pipe.expire(self._key(client), int(self.window) + 1)
            pipe.execute()
        except Exception as error:
            logger.warning(f"sign-in limit: Redis unavailable ({type(error).__name__}), counting in this process")
            self.fallback.fail(client)


def signin_limiter(limit: int, window: float, fallback: Any, environ=os.environ) -> Any:
    """Failed sign-ins counted in the shared Redis when there is one, else ``fallback`` (in memory)."""
    redis = shared_redis(environ)
    return fallback if redis is None else RedisFailedSignIns(redis, fallback, limit, window)
