"""The web channel: chat page, signed sessions, the REST endpoints it relies on, and the clinic API.

Registered in credentials.yml as ``channels.web.IntakeWebChannel``; its routes
sit at the server's root:

- ``GET /chat`` the Dutch chat page; ``GET /chat/embed.js`` one script tag embeds it on a clinic site.
- ``POST /webhooks/rest/session`` a new signed session; ``POST /webhooks/rest/webhook``
  ``{"sender": <session>, "message": ...}``; ``GET /webhooks/rest/history`` (Bearer session) the
  conversation so far, so a page reload continues it. A sender that is not a valid session is refused.
- ``GET /clinic/intakes/<reference>?format=json|html|pdf|fhir`` with ``Authorization: Bearer
  $CLINIC_API_TOKEN``. Without a valid token: 401, the same for every reference.

Allowed origins come from ``$CHAT_ALLOWED_ORIGINS`` (space or comma separated), never ``*``: they
may frame /chat (CSP frame-ancestors), and scripts/run.sh passes them to Rasa's own ``--cors``.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from bot import reports, sessions
from bot.clinic import clinic_from_env
from bot.paths import VAR_DIR
from bot.records import RecordStore

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
SECRET_FILE = VAR_DIR / "session.key"
ASSETS = {"chat.js": "application/javascript", "chat.css": "text/css", "embed.js": "application/javascript"}
REFERENCE_PATTERN = re.compile(r"^[A-Z0-9-]{4,32}$")
# Sent by the actions that delete an intake (actions/tracker_state.py); never shown to the user.
DELETE_MARKER = {"intake_deleted": True}
FORMATS = ("json", "html", "pdf", "fhir")
MAX_MESSAGE_CHARS = 2000


def allowed_origins(value: Optional[str]) -> tuple:
    origins = tuple(o.rstrip("/") for o in re.split(r"[\s,]+", value or "") if o)
    if "*" in origins:
        raise ValueError("CHAT_ALLOWED_ORIGINS may not contain '*': name the clinic sites")
    return origins


def bearer(request: Request) -> Optional[str]:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def unwrap(store: Any) -> Any:
    """The real tracker store behind Rasa's fail-safe and awaitable wrappers."""
    while getattr(store, "_tracker_store", None) is not None:
        store = store._tracker_store
    return store


def delete_tracker(store: Any, sender_id: str) -> None:
    """Remove one conversation from the tracker store (SQL, Redis or in memory)."""
    store = unwrap(store)
    if hasattr(store, "session_scope") and hasattr(store, "SQLEvent"):
        with store.session_scope() as session:
            session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete()
            session.commit()
    elif hasattr(store, "red"):
        store.red.delete(getattr(store, "key_prefix", "") + sender_id)
    elif isinstance(getattr(store, "store", None), dict):
        store.store.pop(sender_id, None)
    else:
        raise RuntimeError(f"cannot delete from a {type(store).__name__}")


def transcript(tracker) -> list:
    """The conversation as the page shows it: user and bot messages with their buttons."""
    shown = []
    for event in tracker.events:
        if event.type_name == "user" and event.text:
            shown.append({"from": "user", "text": event.text})
        elif event.type_name == "bot":
            data = event.data or {}
            shown.append(
                {"from": "bot", "text": event.text, "buttons": data.get("buttons"), "custom": data.get("custom")}
            )
    return shown


class IntakeWebChannel(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "intake_web"

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "IntakeWebChannel":
        return cls(credentials or {})

    def __init__(self, credentials: Optional[dict] = None, environ=os.environ):
        credentials = credentials or {}
        self.origins = allowed_origins(environ.get("CHAT_ALLOWED_ORIGINS", credentials.get("allowed_origins", "")))
        self.secret = sessions.load_secret(SECRET_FILE, environ)
        self.clinic_token = environ.get("CLINIC_API_TOKEN", "")
        self.records = RecordStore()

    def url_prefix(self) -> str:
        return "/"  # the routes below are absolute

    # --- helpers -----------------------------------------------------------------------------
    def page(self) -> str:
        clinic = clinic_from_env()
        text = (STATIC / "chat.html").read_text(encoding="utf-8")
        return text.replace("{{CLINIC_NAME}}", html.escape(clinic.name))

    def clinic_authorised(self, request: Request) -> bool:
        token = bearer(request) or ""
        return bool(self.clinic_token) and hmac.compare_digest(token.encode(), self.clinic_token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("intake_web", __name__)
        frame = " ".join(("'self'",) + self.origins)

        @bp.route("/chat", methods=["GET"])
        async def chat_page(request: Request):
            reply = response.html(self.page())
            reply.headers["Content-Security-Policy"] = f"frame-ancestors {frame}"
            reply.headers["Cache-Control"] = "no-store"
            return reply

        @bp.route("/chat/<asset>", methods=["GET"])
        async def chat_asset(request: Request, asset: str):
            if asset not in ASSETS:
                return response.text("Not found", status=404)
            return response.text((STATIC / asset).read_text(encoding="utf-8"), content_type=ASSETS[asset])

        @bp.route("/webhooks/rest/session", methods=["POST"])
        async def new_session(request: Request):
            return response.json({"session": sessions.issue(self.secret)})

        @bp.route("/webhooks/rest/webhook", methods=["POST"])
        async def receive(request: Request):
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = sessions.verify(self.secret, body.get("sender") or bearer(request))
            if sender_id is None:
                return response.json({"error": "invalid or missing session"}, status=403)
            text = str(body.get("message") or "")[:MAX_MESSAGE_CHARS]
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, sender_id, input_channel=self.name()))
            messages = [m for m in collector.messages if (m.get("custom") or {}) != DELETE_MARKER]
            if len(messages) < len(collector.messages):  # "verwijder mijn gegevens": the conversation goes too
                delete_tracker(request.app.ctx.agent.tracker_store, sender_id)
            return response.json(messages)

        @bp.route("/webhooks/rest/history", methods=["GET"])
        async def history(request: Request):
            sender_id = sessions.verify(self.secret, bearer(request))
            if sender_id is None:
                return response.json({"error": "invalid or missing session"}, status=403)
            store = request.app.ctx.agent.tracker_store
            tracker = await store.retrieve(sender_id)
            return response.json(transcript(tracker) if tracker else [])

        @bp.route("/clinic/intakes/<reference>", methods=["GET"])
        async def clinic_intake(request: Request, reference: str):
            if not self.clinic_authorised(request):
                return response.json({"error": "unauthorised"}, status=401, headers={"WWW-Authenticate": "Bearer"})
            wanted = request.args.get("format", "json")
            if wanted not in FORMATS:
                return response.json({"error": f"format must be one of {', '.join(FORMATS)}"}, status=400)
            record = self.records.get(reference) if REFERENCE_PATTERN.match(reference) else None
            if record is None:
                return response.json({"error": "not found"}, status=404)
            clinic = clinic_from_env()
            headers = {"Cache-Control": "no-store"}
            if wanted == "html":
                return response.html(reports.to_html(record, clinic.name), headers=headers)
            if wanted == "pdf":
                return response.raw(
                    reports.to_pdf(record, clinic.name), content_type="application/pdf", headers=headers
                )
            if wanted == "fhir":
                body = json.dumps(reports.to_fhir(record), ensure_ascii=False)
                return response.text(body, content_type="application/fhir+json", headers=headers)
            return response.json(reports.to_json(record), headers=headers)

        return bp
