"""The web channel: chat page, signed sessions, the REST endpoints it relies on, and the clinic API.

Registered in credentials.yml as ``channels.web.IntakeWebChannel``; its routes
sit at the server's root:

- ``GET /chat`` the Dutch chat page; ``GET /chat/embed.js`` one script tag embeds it on a clinic site.
- ``POST /webhooks/rest/session`` a new signed session; ``POST /webhooks/rest/webhook``
  ``{"sender": <session>, "message": ...}``; ``GET /webhooks/rest/history`` (Bearer session) the
  conversation so far, so a page reload continues it. A sender that is not a valid session is refused.
- ``POST /webhooks/rest/upload`` (multipart: ``sender``, ``file``) a lab report as PDF or photo
  (``channels/report_upload.py``); answers like the webhook. 401 without a sender, 403 with an invalid
  one, 413 over 10 MB, 415 for another type. The file is read in memory and never stored.
  The webhook's last message carries ``input``: what the page should offer for the question asked
  (``input_for``). ``{"start": true}`` marks the page's own first message, which the history leaves out.
- ``/clinic``: the staff page and the clinic API (``channels/clinic.py``).

Every response of the server, Rasa's own routes included, gets the security headers (``security_headers``).
Allowed origins come from ``$CHAT_ALLOWED_ORIGINS`` (space or comma separated), never ``*``: they
may frame /chat (CSP frame-ancestors), and scripts/run.py passes them to Rasa's own ``--cors``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot import sessions
from bot.channel_messages import typed
from bot.clinic import clinic_from_env
from bot.dialogue.pending import waits_besides
from bot.dialogue.results import WEB_CHANNEL
from bot.labels import answer_label
from bot.paths import VAR_DIR
from bot.questionnaire import CODE_LIST, CONSENT_ITEM, ITEMS_BY_ID, NUMBER
from bot.records import RecordStore
from bot.report_reading.limits import MAX_BYTES
from bot.slots import PENDING, REQUESTED
from channels import clinic as staff
from channels import report_upload
from channels.clinic import bearer
from channels.cluster.shared import signin_limiter
from channels.deletion import handle_delete_marker, unwrap

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"  # the HTML pages (Jinja2, autoescaped)
SECRET_FILE = VAR_DIR / "session.key"
ASSETS = {
    "chat.js": "application/javascript", "chat.css": "text/css", "embed.js": "application/javascript",
    "clinic.js": "application/javascript", "clinic.css": "text/css", "favicon.svg": "image/svg+xml",
}  # fmt: skip
MAX_MESSAGE_CHARS = 2000
# Offered under every question but the consent (the dialogue understands these texts), and the answer kinds
# with an input of their own: a number with at most SCALE_STEPS steps is a row of buttons (a 0-10 scale), and a
# list of codes with Dutch labels is checkboxes with "Klaar" that send the chosen labels joined by ", ".
EXTRAS = ("Weet ik niet", "Sla over", "Vorige vraag")
SCALE_STEPS = 10
NONE_CHOSEN = "geen"
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
STATIC_CACHE = "public, max-age=31536000, immutable"  # asset URLs carry their content hash (?v=)
# The questions beside which the page offers to send the lab report (PDF or photo).
UPLOAD_SECTION = "microbiome"
FORM_OVERHEAD = 64 * 1024  # bytes of a multipart body besides the file (boundaries, the sender)
UPLOAD_LABEL = "Stuur je uitslag mee (PDF of foto)"
UPLOAD_ACCEPT = "application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif"


@lru_cache(maxsize=1)
def page_templates():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(("html",)),
                       undefined=StrictUndefined)  # fmt: skip


def allowed_origins(value: Optional[str]) -> tuple:
    origins = tuple(o.rstrip("/") for o in re.split(r"[\s,]+", value or "") if o)
    if "*" in origins:
        raise ValueError("CHAT_ALLOWED_ORIGINS may not contain '*': name the clinic sites")
    return origins


def transcript(tracker) -> list:
    """The conversation as the page shows it: user and bot messages with their buttons.

    The page's own first message (metadata ``start``) is left out: the user never typed it.
    """
    shown = []
    for event in tracker.events:
        if event.type_name == "user" and event.text and not (event.metadata or {}).get("start"):
            shown.append({"from": "user", "text": event.text})
        elif event.type_name == "bot":
            data = event.data or {}
            shown.append(
                {"from": "bot", "text": event.text, "buttons": data.get("buttons"), "custom": data.get("custom")}
            )
    return shown


def input_for(item_id: Optional[str]) -> Optional[dict]:
    """What the page offers for the question about ``item_id`` (None outside the interview)."""
    item = ITEMS_BY_ID.get(item_id or "")
    if item is None:
        return None
    found: dict = {"item": item.id, "kind": "text", "extras": [] if item.id == CONSENT_ITEM else list(EXTRAS)}
    if item.kind == NUMBER and item.maximum - item.minimum <= SCALE_STEPS:
        found.update(kind="scale", min=int(item.minimum), max=int(item.maximum))
    elif item.kind == CODE_LIST and item.choices.translated:
        found.update(kind="checkboxes", options=[answer_label(item.id, [code]) for code in item.codes],
                     none=NONE_CHOSEN)  # fmt: skip
    elif item.kind == NUMBER:
        found.update(kind="number", min=item.minimum, max=item.maximum, integer=item.integer)
    elif item.kind != CODE_LIST:
        found["kind"] = "choice"
    if item.section == UPLOAD_SECTION:
        found["upload"] = {"label": UPLOAD_LABEL, "text": report_upload.UPLOAD_TEXT, "max_bytes": MAX_BYTES,
                           "accept": UPLOAD_ACCEPT}  # fmt: skip
    return found


async def asked_item(store: Any, sender_id: str) -> Optional[str]:
    """The item whose answer the interview waits for now; None outside the interview, and while it waits for
    something else (a "Klopt dit?", a yes or no). Reads two rows from an SQL tracker store, else the tracker."""
    sql = unwrap(store)
    if hasattr(sql, "session_scope") and hasattr(sql, "SQLEvent"):
        event, latest = sql.SQLEvent, {}
        with sql.session_scope() as session:
            for name in (REQUESTED, PENDING):
                row = (
                    session.query(event.data)
                    .filter(event.sender_id == sender_id, event.type_name == "slot", event.action_name == name)
                    .order_by(event.id.desc())
                    .first()
                )
                latest[name] = None if row is None else json.loads(row[0]).get("value")
        return None if waits_besides(latest[PENDING]) else latest[REQUESTED]
    tracker = await store.retrieve(sender_id)
    return None if tracker is None else item_of(tracker)


def item_of(tracker) -> Optional[str]:
    return None if waits_besides(tracker.get_slot(PENDING)) else tracker.get_slot(REQUESTED)


def last_question(tracker) -> list:
    """The last bot message of the conversation, with what the page should offer for it: shown again after
    a notice from the channel, so the question stays open."""
    shown = [m for m in (transcript(tracker) if tracker else []) if m["from"] == "bot" and m.get("text")]
    if not shown:
        return []
    last = {key: value for key, value in shown[-1].items() if key != "from" and value is not None}
    wanted = input_for(item_of(tracker))
    return [{**last, **({"input": wanted} if wanted else {})}]


async def body_within(request: Request, limit: int) -> Optional[bytes]:
    """A streamed request body, or None when it is longer than ``limit`` (the rest is read and dropped, so
    the client gets its answer instead of a broken connection)."""
    chunks, size = [], 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
    return None if size > limit else b"".join(chunks)


def _multipart(request: Request, body: bytes) -> tuple:
    """(fields, files) of a multipart/form-data body; (None, None) for any other body."""
    from sanic.headers import parse_content_header
    from sanic.request import parse_multipart_form

    kind, parameters = parse_content_header(request.headers.get("content-type", ""))
    if kind != "multipart/form-data" or not parameters.get("boundary"):
        return None, None
    try:
        return parse_multipart_form(body, parameters["boundary"].encode("utf-8"))
    except (ValueError, KeyError, IndexError, UnicodeDecodeError):
        return None, None


def frame_ancestors(path: str, origins: tuple) -> str:
    """Only the chat page may be framed, by the clinic sites; nothing else by anyone."""
    return " ".join(("'self'",) + origins) if path == "/chat" else "'none'"


def content_security_policy(path: str, origins: tuple) -> str:
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        f"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors(path, origins)}"
    )


def security_headers(origins: tuple) -> Callable:
    """A response middleware for the whole server: CSP, nosniff, referrer, permissions, CORS without credentials.

    The chat never uses cookies (its session travels in the body or the Authorization header), so no response
    allows credentials; the clinic's routes allow no other origin at all.
    """

    def add(request: Request, reply) -> None:
        if reply is None:
            return
        headers, path = reply.headers, request.path
        headers.setdefault("Content-Security-Policy", content_security_policy(path, origins))
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Permissions-Policy"] = PERMISSIONS
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if path != "/chat":
            headers["X-Frame-Options"] = "DENY"
        headers.pop("Access-Control-Allow-Credentials", None)
        if path.startswith("/clinic"):
            for name in [n for n in headers.keys() if n.lower().startswith("access-control-")]:
                del headers[name]
        headers.setdefault("Cache-Control", "no-store")

    return add


class IntakeWebChannel(InputChannel):
    @classmethod
    def name(cls) -> str:
        return WEB_CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "IntakeWebChannel":
        return cls(credentials or {})

    def __init__(self, credentials: Optional[dict] = None, environ=os.environ):
        credentials = credentials or {}
        self.origins = allowed_origins(environ.get("CHAT_ALLOWED_ORIGINS", credentials.get("allowed_origins", "")))
        self.secret = sessions.load_secret(SECRET_FILE, environ)
        self.records = RecordStore()
        window = float(environ.get("CLINIC_SIGNIN_WINDOW_SECONDS", 900))
        limiter = signin_limiter(staff.MAX_FAILURES, window, staff.FailedSignIns(window=window), environ)
        self.clinic = staff.ClinicAccess(environ.get("CLINIC_API_TOKEN", ""), self.secret, limiter)
        self._versions: dict = {}

    def url_prefix(self) -> str:
        return "/"  # the routes below are absolute

    # --- helpers -----------------------------------------------------------------------------
    def version(self, asset: str) -> str:
        """A short hash of a static file, so its URL changes with it and it can be cached for a year."""
        if asset not in self._versions:
            self._versions[asset] = hashlib.sha256((STATIC / asset).read_bytes()).hexdigest()[:12]
        return self._versions[asset]

    def page(self, name: str, **context) -> str:
        """An HTML page of ``channels/templates``: its assets' URLs carry their hash, every value is escaped."""
        template = page_templates().get_template(name)
        return template.render(asset=self.version, clinic_name=clinic_from_env().name, **context)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("intake_web", __name__)
        add_headers = security_headers(self.origins)

        @bp.listener("before_server_start")
        async def headers_everywhere(app, _loop):
            # Last in the chain, after Sanic-CORS, so that it sees (and trims) the CORS headers too.
            if add_headers in app.response_middleware:
                app.response_middleware.remove(add_headers)
            app.response_middleware.append(add_headers)

        @bp.route("/chat", methods=["GET", "HEAD"])
        async def chat_page(request: Request):
            return response.html(self.page("chat.html"), headers={"Cache-Control": "no-store"})

        @bp.route("/chat/<asset>", methods=["GET", "HEAD"])
        async def chat_asset(request: Request, asset: str):
            if asset not in ASSETS:
                return response.text("Not found", status=404)
            cache = STATIC_CACHE if request.args.get("v") == self.version(asset) else "no-cache"
            return response.raw((STATIC / asset).read_bytes(), content_type=ASSETS[asset] + "; charset=utf-8",
                                headers={"Cache-Control": cache})  # fmt: skip

        @bp.route("/", methods=["HEAD"])
        async def root_head(request: Request):
            # Rasa's own "GET /" says hello; a HEAD (uptime monitors, curl -I) gets the same headers, no body.
            return response.text("")

        @bp.route("/favicon.ico", methods=["GET", "HEAD"])
        async def favicon(request: Request):
            body = (STATIC / "favicon.svg").read_bytes()
            return response.raw(body, content_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

        @bp.route("/webhooks/rest/session", methods=["POST"])
        async def new_session(request: Request):
            return response.json({"session": sessions.issue(self.secret)})

        @bp.route("/webhooks/rest/webhook", methods=["POST"])
        async def receive(request: Request):
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = sessions.verify(self.secret, body.get("sender") or bearer(request))
            if sender_id is None:
                return response.json({"error": "invalid or missing session"}, status=403)
            text = typed(str(body.get("message") or "")[:MAX_MESSAGE_CHARS])
            metadata = {"start": True} if body.get("start") is True else None
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, sender_id, input_channel=self.name(), metadata=metadata))
            store = request.app.ctx.agent.tracker_store
            messages = handle_delete_marker(collector.messages, store, sender_id)
            if len(messages) < len(collector.messages):  # "verwijder mijn gegevens": the page clears the screen
                messages = [{**m, "deleted": True} for m in messages]
            elif messages:
                wanted = input_for(await asked_item(store, sender_id))
                if wanted:
                    messages[-1] = {**messages[-1], "input": wanted}
            return response.json(messages)

        @bp.route("/webhooks/rest/history", methods=["GET"])
        async def history(request: Request):
            sender_id = sessions.verify(self.secret, bearer(request))
            if sender_id is None:
                return response.json({"error": "invalid or missing session"}, status=403)
            store = request.app.ctx.agent.tracker_store
            tracker = await store.retrieve_full_tracker(sender_id)  # every session (actions/sessions.py)
            shown = transcript(tracker) if tracker else []
            wanted = input_for(item_of(tracker)) if tracker else None
            if shown and wanted and shown[-1]["from"] == "bot":
                shown[-1]["input"] = wanted
            return response.json(shown)

        @bp.route("/webhooks/rest/upload", methods=["POST"], stream=True)
        async def upload(request: Request):
            """A lab report (PDF, JPEG, PNG or HEIC): read in a child process, never stored. The reading goes
            to the conversation, which asks "Klopt dit?"; a refused file gets a Dutch notice and the question
            again, and nothing reaches the conversation."""
            token = bearer(request)
            body = await body_within(request, MAX_BYTES + FORM_OVERHEAD)
            if body is None:
                return response.json([{"text": report_upload.refusal(report_upload.TOO_LARGE).reply}], status=413)
            fields, files = _multipart(request, body)
            del body
            token = (fields.get("sender") if fields else None) or token
            if not token:
                return response.json({"error": "missing session"}, status=401)
            sender_id = sessions.verify(self.secret, token)
            if sender_id is None:
                return response.json({"error": "invalid session"}, status=403)
            store = request.app.ctx.agent.tracker_store
            tracker = await store.retrieve(sender_id)
            sent = files.get("file") if files else None
            data = sent.body if sent is not None else b""
            checked = report_upload.quick_check(data)
            if checked is not None:
                return response.json([{"text": checked.reply}] + last_question(tracker), status=checked.status)
            if not report_upload.upload_allowed(tracker):
                return response.json([{"text": report_upload.texts.NOT_NOW}] + last_question(tracker))
            read = await report_upload.read_upload(data)
            del data, sent, files
            if read.reading is None:
                return response.json([{"text": read.reply}] + last_question(tracker), status=read.status)
            collector = CollectingOutputChannel()
            message = UserMessage(report_upload.UPLOAD_TEXT, collector, sender_id, input_channel=self.name(),
                                  metadata=report_upload.metadata(read.reading))  # fmt: skip
            await on_new_message(message)
            messages = list(collector.messages)
            wanted = input_for(await asked_item(store, sender_id))
            if messages and wanted:
                messages[-1] = {**messages[-1], "input": wanted}
            return response.json(messages)

        staff.add_routes(bp, self.clinic, self.records, self.page)
        return bp
