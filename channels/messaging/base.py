"""What the four messaging channels share: the flow of one incoming message, duplicate
detection, pseudonymous sender ids, and sending to a provider without blocking the server.

A provider module (whatsapp.py, telegram.py, messenger.py, twilio.py) checks the request's
signature, reads the provider's events as ``Incoming`` and says how to send one payload; the
rest happens here:

1. a provider message id seen before (a duplicate delivery or a replayed request) is ignored,
   and so is a message older than the duplicate window;
2. a document or photo is downloaded through the provider's API (``download``) and read as a lab
   report (``channels/report_upload.py``): a reading with known bacteria goes to the conversation,
   anything else gets a Dutch notice and the last question again; stickers, voice, location: "Ik kan
   alleen tekst lezen" and the last question again. In both cases the channel sends the notice and
   nothing reaches the conversation;
3. a reply of a number, a button token or a shortened title becomes the option's full title,
   read from the last bot message in the tracker (so it works whichever server sent it);
4. the message goes to Rasa; the bot's messages are collected, the delete marker handled by
   channels/deletion.py, web-only custom JSON dropped, and the rest rendered and sent in order.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Optional

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.lock_store import RedisLockStore
from sanic import Blueprint, response
from sanic.request import Request

from bot import channel_messages as cm
from bot import sessions
from bot.report_reading import texts as report_texts
from bot.report_reading.limits import MAX_BYTES
from channels import report_upload
from channels.cluster import shared
from channels.deletion import handle_delete_marker
from channels.messaging import config, render

logger = logging.getLogger(__name__)
MAX_TEXT = 2000  # characters of one user message passed on
DUPLICATE_WINDOW = 2 * 24 * 3600  # seconds a provider message id is remembered
DUPLICATE_CAPACITY = 100_000  # ids remembered per process at most
TIMEOUT = aiohttp.ClientTimeout(total=15, connect=5)
RETRIES = 4  # attempts per payload on 429, 5xx and connection errors
BACKOFF = 0.5  # seconds before the 2nd attempt, doubled each time (or the provider's Retry-After)
STALE_BUTTON = "Die knop hoort bij een eerdere vraag."
NOT_FETCHED = "Ik kon je bestand niet ophalen. Probeer het nog eens, of typ de namen."


@dataclass
class Incoming:
    """One event from a provider, reduced to what the flow needs."""

    event_id: str  # the provider's message id: duplicates share it
    user: str  # the provider's address of the user (phone number, chat id, page-scoped id)
    text: Optional[str]  # None: not text (media, sticker, voice, location)
    timestamp: Optional[float] = None  # when the user sent it, if the provider says
    context: Any = None  # provider details for sending (e.g. Telegram's callback query id)
    media: Optional[dict] = None  # a document or photo: what the provider needs to download it


class Duplicates:
    """Provider message ids seen in the last ``window`` seconds.

    Per process by default (bounded, oldest forgotten first). With a shared Redis (``shared_redis``:
    $SHARED_REDIS_URL, else the Redis of the server's lock store, whichever its class), the
    ids are kept there instead, so a duplicate that reaches another server is still recognised; if
    Redis fails, this process's memory is used.
    """

    def __init__(self, window: float = DUPLICATE_WINDOW, capacity: int = DUPLICATE_CAPACITY):
        self.window, self.capacity = window, capacity
        self.seen: OrderedDict = OrderedDict()

    def _first_in_memory(self, key: str, now: float) -> bool:
        while self.seen and next(iter(self.seen.values())) < now - self.window:
            self.seen.popitem(last=False)
        if key in self.seen:
            return False
        while len(self.seen) >= self.capacity:
            self.seen.popitem(last=False)
        self.seen[key] = now
        return True

    async def first_time(self, key: str, redis: Any = None) -> bool:
        now = time.time()
        if redis is not None:
            try:
                stored = await asyncio.get_running_loop().run_in_executor(
                    None, lambda: redis.set(f"channel-msg:{key}", 1, nx=True, ex=int(self.window))
                )
                return bool(stored)
            except Exception:  # Redis down: fall back to this process's memory
                logger.warning("duplicate check: Redis unavailable, using this process's memory")
        return self._first_in_memory(key, now)

    async def forget(self, key: str, redis: Any = None) -> None:
        """The message was not handled: a redelivery may try again, on this server or another."""
        self.seen.pop(key, None)
        if redis is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(None, redis.delete, f"channel-msg:{key}")
            except Exception:
                logger.warning("duplicate check: Redis unavailable, a message id stays claimed until it expires")


class Sender:
    """Posts payloads to a provider with aiohttp: timeouts, retries with backoff on 429, 5xx and
    connection errors. Logs name the provider and the status, never text or recipients."""

    def __init__(self, provider: str):
        self.provider = provider
        self._session: Optional[aiohttp.ClientSession] = None

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def post(self, url: str, **kwargs: Any) -> Optional[dict]:
        delay = BACKOFF
        for attempt in range(1, RETRIES + 1):
            try:
                async with self.session().post(url, **kwargs) as reply:
                    if reply.status < 300:
                        return await reply.json(content_type=None)
                    retry = reply.status == 429 or reply.status >= 500
                    wait = _retry_after(reply.headers.get("Retry-After"), delay)
                    logger.warning("%s API answered %s (attempt %s of %s)", self.provider, reply.status, attempt,
                                   RETRIES)  # fmt: skip
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                retry, wait = True, delay
                logger.warning("%s API unreachable: %s (attempt %s of %s)", self.provider, type(error).__name__,
                               attempt, RETRIES)  # fmt: skip
            if not retry or attempt == RETRIES:
                break
            await asyncio.sleep(wait)
            delay *= 2
        logger.error("%s API: a message could not be delivered", self.provider)
        return None

    async def fetch(self, url: str, limit: int = MAX_BYTES, **kwargs: Any) -> Optional[bytes]:
        """A file from the provider, in memory: at most ``limit`` + 1 bytes are read (more means too large);
        None when it cannot be fetched. Logs name the provider and the status, never the URL."""
        try:
            async with self.session().get(url, **kwargs) as reply:
                if reply.status >= 300:
                    logger.warning("%s API answered %s to a download", self.provider, reply.status)
                    return None
                chunks, size = [], 0
                async for chunk in reply.content.iter_chunked(65536):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > limit:
                        break
                return b"".join(chunks)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning("%s API unreachable for a download: %s", self.provider, type(error).__name__)
            return None

    async def fetch_json(self, url: str, **kwargs: Any) -> Optional[dict]:
        data = await self.fetch(url, 1024 * 1024, **kwargs)
        try:
            return None if data is None else json.loads(data)
        except ValueError:
            return None


def _retry_after(value: Optional[str], default: float) -> float:
    try:
        return min(float(value), 30.0) if value else default
    except ValueError:
        return default


def number_or_none(value: Any, scale: float = 1.0) -> Optional[float]:
    try:
        return float(value) / scale
    except (TypeError, ValueError):
        return None


def pseudonym(secret: bytes, provider: str, user: str) -> str:
    """The conversation id for a provider's user: a keyed hash, so the tracker store and the
    intake records hold no phone number or chat id, and nobody can aim at another's id."""
    digest = hmac.new(secret, f"{provider}:{user}".encode(), hashlib.sha256).hexdigest()
    return f"{provider}-{digest[:40]}"


def last_bot_message(tracker: Any) -> Optional[dict]:
    """The last bot message a messaging user saw (text and buttons), from the tracker."""
    for event in reversed(getattr(tracker, "events", None) or []):
        if getattr(event, "type_name", None) == "bot":
            message = {"text": event.text, "buttons": (event.data or {}).get("buttons")}
            if cm.from_bot_message(message) is not None:
                return message
    return None


class MessagingChannel(InputChannel):
    """Base of the four provider channels; off (no routes) when its variables are not set."""

    provider: config.Provider

    @classmethod
    def name(cls) -> str:
        return cls.provider.name

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "MessagingChannel":
        return cls(config.settings(cls.provider))

    def __init__(self, settings: Optional[dict], secret: Optional[bytes] = None):
        self.settings = settings
        self.api = settings[self.provider.api_variable] if settings else ""
        self._secret = secret
        self.duplicates = Duplicates()
        self.sender = Sender(self.provider.label)

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            from channels.web import SECRET_FILE  # the web sessions' key signs pseudonyms too

            self._secret = sessions.load_secret(SECRET_FILE)
        return self._secret

    # --- what each provider defines ----------------------------------------------------------
    def authenticate(self, request: Request) -> Optional[int]:
        """None when the request is the provider's, else the status to refuse it with."""
        raise NotImplementedError

    def events(self, request: Request) -> list:
        """The request's events as Incoming (messages only; statuses and echoes left out)."""
        raise NotImplementedError

    async def deliver(self, user: str, payload: dict) -> None:
        raise NotImplementedError

    async def acknowledge(self, event: Incoming, notice: Optional[str] = None) -> None:
        """Provider-specific receipt of an event (Telegram answers callback queries)."""

    async def download(self, media: dict) -> Optional[bytes]:
        """The document or photo a user sent, through the provider's API; None when it cannot be fetched."""
        return None

    def verify_subscription(self, request: Request):
        return response.text("Not found", status=404)

    def reply(self):
        return response.json({"status": "ok"})

    # --- the shared flow ---------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint(f"messaging_{self.name()}", __name__)
        if not self.settings:
            return bp  # the channel is off: no routes

        @bp.listener("after_server_stop")
        async def close(app, loop):
            await self.sender.close()

        @bp.route("/webhook", methods=["GET"])
        async def verify(request: Request):
            return self.verify_subscription(request)

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request):
            refused = self.authenticate(request)
            if refused is not None:
                logger.warning("%s webhook: refused a request (%s)", self.provider.label, refused)
                return response.json({"error": "not authenticated"}, status=refused)
            try:
                events = self.events(request)
            except (ValueError, KeyError, TypeError, AttributeError):
                return response.json({"error": "unreadable body"}, status=400)
            agent = request.app.ctx.agent
            for event in events:
                await self.handle(event, agent, on_new_message)
            return self.reply()

        return bp

    async def handle(self, event: Incoming, agent: Any, on_new_message) -> None:
        key = f"{self.name()}:{event.event_id}"
        too_old = event.timestamp is not None and event.timestamp < time.time() - self.duplicates.window
        redis = shared_redis(agent)
        if too_old or not await self.duplicates.first_time(key, redis):
            return  # processed before (or replayed): nothing reaches the conversation
        sender_id = pseudonym(self.secret, self.name(), event.user)
        text = event.text
        if text is not None and cm.needs_options(text):
            options = cm.options_of(last_bot_message(await agent.tracker_store.retrieve(sender_id)))
            text = cm.resolve_reply(text, options)
            if text is None:
                await self.acknowledge(event, STALE_BUTTON)
                return
        await self.acknowledge(event)
        if text is None and event.media is not None:
            await self.receive_report(event, agent, on_new_message, sender_id)
            return
        if text is None:
            await self.repeat_question(event.user, agent, sender_id)
            return
        if not text.strip():
            return  # nothing to read (no provider sends this to a bot, but nothing breaks)
        collector = CollectingOutputChannel()
        try:
            message = UserMessage(cm.typed(text[:MAX_TEXT]), collector, sender_id, input_channel=self.name())
            await on_new_message(message)
        except Exception:
            await self.duplicates.forget(key, redis)  # a redelivery may try again
            raise
        shown = handle_delete_marker(collector.messages, agent.tracker_store, sender_id)
        await self.send_all(event.user, shown)

    async def receive_report(self, event: Incoming, agent: Any, on_new_message, sender_id: str) -> None:
        """A document or photo: downloaded, read as a lab report (never stored); a reading with known bacteria
        goes to the conversation, anything else gets a notice from the channel and the last question again."""
        tracker = await agent.tracker_store.retrieve(sender_id)
        last = last_bot_message(tracker)
        again = [last] if last else []
        if not report_upload.upload_allowed(tracker):
            await self.send_all(event.user, [{"text": report_texts.NOT_NOW}] + again)
            return
        data = await self.download(event.media)
        if data is None:
            await self.send_all(event.user, [{"text": NOT_FETCHED}] + again)
            return
        read = await report_upload.read_upload(data)
        del data
        if read.reading is None:
            await self.send_all(event.user, [{"text": read.reply}] + again)
            return
        collector = CollectingOutputChannel()
        message = UserMessage(report_upload.UPLOAD_TEXT, collector, sender_id, input_channel=self.name(),
                              metadata=report_upload.metadata(read.reading))  # fmt: skip
        await on_new_message(message)
        await self.send_all(event.user, handle_delete_marker(collector.messages, agent.tracker_store, sender_id))

    async def repeat_question(self, user: str, agent: Any, sender_id: str) -> None:
        """Not text: say so and show the last bot message again; the conversation is untouched."""
        last = last_bot_message(await agent.tracker_store.retrieve(sender_id))
        await self.send_all(user, [{"text": cm.ONLY_TEXT}] + ([last] if last else []))

    async def send_all(self, user: str, messages: list) -> None:
        renderer = render.RENDERERS[self.name()]
        for message in messages:
            neutral = cm.from_bot_message(message)
            if neutral is None:
                continue  # custom JSON is for the web chat only
            for payload in renderer(neutral):
                await self.deliver(user, payload)


def shared_redis(agent: Any, environ=os.environ) -> Any:
    """The Redis that the servers share for the duplicate check: $SHARED_REDIS_URL when set (the explicit
    setting, channels/cluster/shared.py), else the lock store's when it is a Redis lock store (Rasa's or a
    subclass, such as the cluster's); None: this process's memory."""
    explicit = shared.shared_redis(environ)
    if explicit is not None:
        return explicit
    lock_store = getattr(agent, "lock_store", None)
    return getattr(lock_store, "red", None) if isinstance(lock_store, RedisLockStore) else None
