"""Tracker store and lock store for several Rasa servers sharing one conversation.

Named by module path in the cluster's endpoints file (scripts/templates/cluster-endpoints.yml):

- ``ClusterSQLTrackerStore``: Rasa's SQL tracker store (PostgreSQL) with a connection timeout, a
  statement timeout, and a ping before using a connection that was idle for a second or more, so a
  restarted database is reconnected on the next message instead of failing it. (SQLAlchemy's
  pre-ping on every use cost a tenth of a busy server's time: a message opens three sessions.)
  Rasa's SQL store blocks the server's event loop while PostgreSQL answers; here each call runs in a
  worker thread, so the server goes on with other conversations meanwhile.
- ``ClusterRedisLockStore``: Rasa's Redis ticket lock, with three changes. Rasa reads the lock,
  changes it and writes it back in separate calls, so two servers taking a ticket at the same moment
  can both get the same number and process one conversation at once; here each change is one Redis
  transaction (WATCH/MULTI), run in a worker thread like the SQL calls. Tickets are short-lived
  (``lock_lifetime``, 10 s) and the server that holds or waits for one renews it, so a server that
  dies frees its conversations within that time instead of Rasa's 60 s. Waiting has a deadline, and
  the poll is 50 ms instead of 1 s.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Callable, Coroutine, Optional

import sqlalchemy as sa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore

logger = logging.getLogger(__name__)


IDLE_PING_S = 1.0
STORE_THREADS = 16
_threads: dict = {}
_local = threading.local()


def _pool() -> ThreadPoolExecutor:
    if "pool" not in _threads:
        _threads["pool"] = ThreadPoolExecutor(max_workers=STORE_THREADS, thread_name_prefix="stores")
    return _threads["pool"]


async def in_thread(function: Callable, *args: Any) -> Any:
    """``function(*args)`` in a store thread: the event loop serves other requests while it waits."""
    return await asyncio.get_running_loop().run_in_executor(_pool(), function, *args)


def _complete(coroutine: Coroutine) -> Any:
    """Run one of Rasa's (blocking) store coroutines to the end, on this thread's own event loop."""
    if getattr(_local, "loop", None) is None:
        _local.loop = asyncio.new_event_loop()
    return _local.loop.run_until_complete(coroutine)


def _ping_when_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Before a connection idle for IDLE_PING_S is used: SELECT 1, and a fresh connection if that fails."""
    last, now = record.info.get("used"), time.monotonic()
    record.info["used"] = now
    if last is not None and now - last >= IDLE_PING_S:
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
        except Exception as error:
            raise sa.exc.DisconnectionError() from error


class ClusterSQLTrackerStore(SQLTrackerStore):
    def __init__(self, connect_timeout: int = 5, statement_timeout: int = 10, **kwargs: Any) -> None:
        if kwargs.get("dialect") == "postgresql":
            query = dict(kwargs.pop("query", None) or {})
            query.setdefault("connect_timeout", str(connect_timeout))
            query.setdefault("options", f"-c statement_timeout={int(statement_timeout) * 1000}")
            kwargs["query"] = query
        super().__init__(**kwargs)
        self.engine = sa.create_engine(self.engine.url, pool_size=10, max_overflow=10)
        sa.event.listen(self.engine, "checkout", _ping_when_idle)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))

    async def retrieve(self, sender_id: str) -> Any:
        return await in_thread(lambda: _complete(super(ClusterSQLTrackerStore, self).retrieve(sender_id)))

    async def retrieve_full_tracker(self, conversation_id: str) -> Any:
        full = super(ClusterSQLTrackerStore, self).retrieve_full_tracker
        return await in_thread(lambda: _complete(full(conversation_id)))

    async def save(self, tracker: Any) -> None:
        await in_thread(lambda: _complete(super(ClusterSQLTrackerStore, self).save(tracker)))

    async def keys(self) -> Any:
        return await in_thread(lambda: _complete(super(ClusterSQLTrackerStore, self).keys()))


class ClusterRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Any) -> None:
        import redis

        options = dict(endpoint_config.kwargs)
        self.lifetime = float(options.pop("lock_lifetime", 10))
        self.poll = float(options.pop("poll_interval", 0.05))
        self.acquire_timeout = float(options.pop("acquire_timeout", 30))
        timeout = float(options.pop("socket_timeout", 2))
        super().__init__(host=endpoint_config.url or "localhost", socket_timeout=timeout, **options)
        self.red = redis.StrictRedis(
            host=endpoint_config.url or "localhost", port=int(options.get("port", 6379)), db=int(options.get("db", 1)),
            password=options.get("password"), socket_timeout=timeout, socket_connect_timeout=timeout,
        )  # fmt: skip

    def ping(self) -> None:
        self.red.ping()

    # --- every change of a lock is one Redis transaction ------------------------------------------
    def _change(self, conversation_id: str, change: Callable[[TicketLock], Any]) -> Any:
        key = self.key_prefix + conversation_id

        def transaction(pipe) -> Any:
            raw = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(raw)) if raw else self.create_lock(conversation_id)
            lock.remove_expired_tickets()
            result = change(lock)
            pipe.multi()
            if lock.tickets:
                pipe.set(key, lock.dumps(), px=int(self.lifetime * 2000))
            else:
                pipe.delete(key)
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = 0) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime or self.lifetime))
        except Exception as error:
            raise LockError(f"Error while acquiring lock: {type(error).__name__}") from error

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: None)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)  # deletes the key when no ticket is left

    def renew(self, conversation_id: str, ticket_number: int) -> bool:
        def extend(lock: TicketLock) -> bool:
            for ticket in lock.tickets:
                if ticket.number == ticket_number:
                    ticket.expires = time.time() + self.lifetime
                    return True
            return False

        return self._change(conversation_id, extend)

    async def _keep(self, conversation_id: str, ticket: int) -> None:
        while True:
            await asyncio.sleep(self.lifetime / 4)
            try:
                if not await in_thread(self.renew, conversation_id, ticket):
                    logger.warning("A conversation's lock ticket expired before it was renewed.")
            except Exception as error:
                logger.warning(f"Could not renew a lock ticket: {type(error).__name__}")

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        deadline = time.monotonic() + self.acquire_timeout
        while time.monotonic() < deadline:
            lock = await in_thread(self.get_lock, conversation_id)
            if lock is None or not any(t.number == ticket for t in lock.tickets):
                break  # our ticket is gone (expired): never run without it
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
        raise LockError("Could not acquire the conversation's lock in time.")

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: Optional[float] = None, wait_time_in_seconds: Optional[float] = None
    ) -> AsyncGenerator[TicketLock, None]:
        ticket = await in_thread(self.issue_ticket, conversation_id, self.lifetime)
        keeper = asyncio.ensure_future(self._keep(conversation_id, ticket))
        try:
            yield await self._acquire_lock(conversation_id, ticket, self.poll)
        finally:
            keeper.cancel()
            try:
                await in_thread(self.cleanup, conversation_id, ticket)
            except Exception as error:  # the turn is done and saved; the ticket expires by itself
                logger.warning(f"Could not release a lock ticket: {type(error).__name__}")
