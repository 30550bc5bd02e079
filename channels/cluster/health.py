"""Liveness and readiness of one Rasa server of the cluster, and its start and stop hooks.

Registered in credentials.yml as ``channels.cluster.health.ClusterChannel``, so every server has it,
`make run` (SQLite, one process) and each server of `make cluster` alike:

- ``GET /health/live``: 200 while the server's event loop answers.
- ``GET /health/ready``: 200 when the model is loaded and the tracker store and the lock store
  answer within ``HEALTH_TIMEOUT_S`` (2 s), and the server is not stopping; else 503. The body names
  the checks, never a conversation. An in-process lock store (`make run`) always answers.
  scripts/cluster.py takes a server out of nginx while it is not
  ready; Kubernetes does the same with a readiness probe (deploy/).
- After the server starts: every turn is made all-or-nothing (``turns.install``).
- On SIGTERM (Sanic's own graceful stop): readiness turns 503 at once, the listening socket closes,
  and the requests in flight finish (``SANIC_GRACEFUL_SHUTDOWN_TIMEOUT``, 15 s by default).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from sanic import Blueprint, response
from sanic.request import Request

from channels.cluster import turns


def _inner(store: Any) -> Any:
    while getattr(store, "_tracker_store", None) is not None:
        store = store._tracker_store
    return store


def _ping_of(store: Any) -> Optional[Callable[[], Any]]:
    """How to ask a store whether it answers: its own ping, a SELECT 1 on an SQL store (SQLite under
    `make run`), nothing to ask of a lock store in this process's memory."""
    ping = getattr(store, "ping", None)
    if ping is not None:
        return ping
    engine = getattr(store, "engine", None)
    if engine is not None:
        import sqlalchemy as sa

        def select_one() -> None:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))

        return select_one
    if isinstance(store, InMemoryLockStore):
        return lambda: None
    return None


async def _answers(check: Callable[[], Any], timeout_s: float) -> bool:
    try:
        await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, check), timeout_s)
        return True
    except Exception:  # unreachable, refused or too slow: not ready
        return False


async def readiness(app: Any, timeout_s: float) -> dict:
    agent = getattr(app.ctx, "agent", None)
    loaded = agent is not None and agent.is_ready() and getattr(agent, "cluster_guarded", False)  # turns.install ran
    checks = {"model": bool(loaded), "stopping": getattr(app.ctx, "stopping", False)}
    for name, store in (("tracker_store", getattr(agent, "tracker_store", None)),
                        ("lock_store", getattr(agent, "lock_store", None))):  # fmt: skip
        ping = _ping_of(_inner(store))
        checks[name] = bool(ping) and await _answers(ping, timeout_s)
    return checks


class ClusterChannel(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "cluster"

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "ClusterChannel":
        return cls()

    def __init__(self, environ=os.environ) -> None:
        self.action_timeout_s = float(environ.get("ACTION_TIMEOUT_S", "10"))
        self.health_timeout_s = float(environ.get("HEALTH_TIMEOUT_S", "2"))

    def url_prefix(self) -> str:
        return "/"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("cluster_health", __name__)

        @bp.listener("after_server_start")
        async def guard_turns(app, _loop) -> None:
            app.ctx.stopping = False
            turns.install(app.ctx.agent, self.action_timeout_s)

        @bp.listener("before_server_stop")
        async def stop_taking_requests(app, _loop) -> None:
            app.ctx.stopping = True

        @bp.route("/health/live", methods=["GET"])
        async def live(request: Request):
            return response.json({"live": True})

        @bp.route("/health/ready", methods=["GET"])
        async def ready(request: Request):
            checks = await readiness(request.app, self.health_timeout_s)
            ok = checks["model"] and checks["tracker_store"] and checks["lock_store"] and not checks["stopping"]
            return response.json({"ready": ok, **checks}, status=200 if ok else 503)

        return bp
