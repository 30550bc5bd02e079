"""A provider's API faked on loopback: an aiohttp app in its own thread that records every call.

The assistant's ``*_API_URL`` points at it; the tests read what the bot sent from ``calls``.
``fail_next(n, status)`` makes the next n calls fail (429 or 5xx), to see the retries. ``serve(path, body,
kind)`` makes a GET of ``path`` answer with a file (a user's document or photo) or, for a dict, with JSON
(WhatsApp's media lookup, Telegram's getFile).
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from aiohttp import web

from tests.conftest import free_port

ANSWERS = {  # what each provider answers to a successful call
    "whatsapp": {"messaging_product": "whatsapp", "messages": [{"id": "wamid.fake"}]},
    "telegram": {"ok": True, "result": {"message_id": 1}},
    "facebook": {"recipient_id": "1", "message_id": "m_fake", "id": "app1", "success": True},
    "twilio": {"sid": "SMfake", "status": "queued", "incoming_phone_numbers": [{"sid": "PNfake"}]},
}


@dataclass
class Call:
    path: str
    query: dict
    headers: dict
    json: object
    form: dict


class FakeProvider:
    def __init__(self, provider: str):
        self.provider = provider
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.calls: list = []
        self.failures: list = []
        self.files: dict = {}
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> "FakeProvider":
        self._thread.start()
        if not self._ready.wait(20):
            raise RuntimeError(f"the fake {self.provider} API did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stopped.set)
        self._thread.join(10)

    def fail_next(self, count: int, status: int) -> None:
        with self._lock:
            self.failures.extend([status] * count)

    def serve(self, path: str, body, kind: str = "application/octet-stream") -> str:
        with self._lock:
            self.files[path] = (body, kind)
        return self.url + path

    def mark(self) -> int:
        with self._lock:
            return len(self.calls)

    def since(self, mark: int) -> list:
        with self._lock:
            return self.calls[mark:]

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        content_type = request.headers.get("Content-Type", "")
        body = await request.json() if "json" in content_type and raw else None
        form = dict(await request.post()) if "form" in content_type else {}
        with self._lock:
            served = self.files.get(request.path) if request.method == "GET" else None
            failure = self.failures.pop(0) if self.failures and served is None else None
            if failure is None:
                self.calls.append(Call(request.path, dict(request.query), dict(request.headers), body, form))
        if served is not None:
            content, kind = served
            return web.json_response(content) if isinstance(content, dict) else web.Response(body=content,
                                                                                             content_type=kind)
        if failure is not None:
            return web.json_response({"error": "fake failure"}, status=failure, headers={"Retry-After": "0"})
        return web.json_response(ANSWERS[self.provider])

    def _serve(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)

        async def main():
            self._stopped = asyncio.Event()
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self._handle)
            runner = web.AppRunner(app)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", self.port).start()
            self._ready.set()
            await self._stopped.wait()
            await runner.cleanup()

        self._loop.run_until_complete(main())
        self._loop.close()
