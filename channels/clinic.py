"""The clinic's side of the web channel: the staff page at /clinic and the clinic API.

- ``GET /clinic`` the staff page. Staff sign in with the clinic token (``POST /clinic/session``), which is
  exchanged for a short-lived cookie (HttpOnly, Secure, SameSite=Strict, path /clinic); ``POST
  /clinic/signout`` ends it. Failed sign-ins (and wrong Bearer tokens) are rate-limited per client address.
- ``GET /clinic/intakes?since=YYYY-MM-DD[&until=...][&red_flag=1][&booking=<kind>]`` the intakes, newest
  first, as JSON; ``GET /clinic/intakes/<reference>?format=json|html|pdf|fhir`` one intake. Both take the
  Bearer token or the staff cookie. Without either: 401, the same for every reference.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import time
from collections import defaultdict, deque
from datetime import date, datetime
from datetime import time as clock
from typing import Optional
from zoneinfo import ZoneInfo

from itsdangerous import BadSignature, TimestampSigner
from sanic import Blueprint, response
from sanic.request import Request

from bot import reports
from bot.clinic import clinic_from_env
from bot.records import RecordStore

COOKIE = "clinic_session"
COOKIE_SECONDS = 30 * 60
COOKIE_VALUE = b"staff"  # what the cookie signs, with its time of issue
MAX_FAILURES = 5
REFERENCE_PATTERN = re.compile(r"^[A-Z0-9-]{4,32}$")
FORMATS = ("json", "html", "pdf", "fhir")
DOWNLOADS = {"pdf": ("application/pdf", "pdf"), "fhir": ("application/fhir+json", "fhir.json")}


def bearer(request: Request) -> Optional[str]:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


class FailedSignIns:
    """At most ``limit`` failed attempts per client address within ``window`` seconds; then 429 until the
    oldest failure leaves the window. In memory, per server process (`make run`); several servers count in
    Redis instead (channels/cluster/shared.py)."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = 900.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.failures: dict = defaultdict(deque)

    def _recent(self, client: str) -> deque:
        failures, cutoff = self.failures[client], self.clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        return failures

    def retry_after(self, client: str) -> int:
        """Seconds until this client may try again; 0 when it may now."""
        failures = self._recent(client)
        if len(failures) < self.limit:
            return 0
        return max(1, int(failures[0] + self.window - self.clock() + 0.999))

    def fail(self, client: str) -> None:
        self._recent(client).append(self.clock())


class ClinicAccess:
    """Who may see intakes: the Bearer token, or a cookie the server signed after a sign-in with it.

    The cookie is an itsdangerous ``TimestampSigner`` signature (HMAC-SHA256) of its time of issue, under a key
    made of the server's secret and the clinic token: a new token ends every cookie, and a cookie is refused
    once it is 30 minutes old, whatever the browser keeps.
    """

    def __init__(self, token: str, secret: bytes, limiter: FailedSignIns):
        self.token = token
        self.key = hashlib.sha256(secret + b"\0clinic\0" + token.encode()).digest()
        self.limiter = limiter

    def _signer(self, now: Optional[float]) -> TimestampSigner:
        signer = TimestampSigner(self.key, salt="clinic-staff", digest_method=hashlib.sha256)
        if now is not None:
            signer.get_timestamp = lambda: int(now)  # type: ignore[method-assign]
        return signer

    def token_ok(self, token: Optional[str]) -> bool:
        return bool(self.token) and token is not None and hmac.compare_digest(token.encode(), self.token.encode())

    def cookie_value(self, now: Optional[float] = None) -> str:
        return self._signer(now).sign(COOKIE_VALUE).decode("ascii")

    def cookie_ok(self, value: Optional[str], now: Optional[float] = None) -> bool:
        if not self.token or not value:
            return False
        try:  # itsdangerous accepts an age equal to max_age: the cookie lives less than COOKIE_SECONDS
            return self._signer(now).unsign(value, max_age=COOKIE_SECONDS - 1) == COOKIE_VALUE
        except BadSignature:
            return False

    def check(self, request: Request) -> Optional[response.HTTPResponse]:
        """None when the request may go on; else the 401 or 429 to send."""
        client = request.remote_addr or request.ip or "?"
        wait = self.limiter.retry_after(client)
        if wait:
            return too_many(wait)
        if self.cookie_ok(request.cookies.get(COOKIE)):
            return None
        token = bearer(request)
        if self.token_ok(token):
            return None
        if token:
            self.limiter.fail(client)
        return unauthorised()


def with_cookie(reply: response.HTTPResponse, value: str, seconds: int) -> response.HTTPResponse:
    """The staff cookie: HttpOnly, Secure, SameSite=Strict, only for /clinic; ``seconds`` 0 removes it."""
    reply.cookies[COOKIE] = value
    for name, setting in (("httponly", True), ("secure", True), ("samesite", "Strict"), ("path", "/clinic"),
                          ("max-age", seconds)):  # fmt: skip
        reply.cookies[COOKIE][name] = setting
    return reply


def unauthorised() -> response.HTTPResponse:
    return response.json({"error": "unauthorised"}, status=401, headers={"WWW-Authenticate": "Bearer"})


def too_many(wait: int) -> response.HTTPResponse:
    return response.json({"error": "too many failed sign-ins"}, status=429, headers={"Retry-After": str(wait)})


def local_day_start(text: Optional[str], days_after: int = 0) -> Optional[datetime]:
    """The start of a YYYY-MM-DD day in Amsterdam time (as an aware datetime); ValueError when malformed."""
    if not text:
        return None
    day = date.fromisoformat(text)
    return datetime.combine(day.fromordinal(day.toordinal() + days_after), clock(), ZoneInfo(reports.LOCAL_TIME))


def select(records: list, until: Optional[datetime], red_flag: bool, booking: Optional[str]) -> list:
    return [
        r
        for r in records
        if (until is None or r.completed_at < until)
        and (not red_flag or r.scores.get("red_flag"))
        and (not booking or r.booking.get("kind") == booking)
    ]


def report_links(reference: str) -> tuple:
    base = f"/clinic/intakes/{reference}"
    return (("Terug naar de lijst", "/clinic"), ("Download PDF", f"{base}?format=pdf"),
            ("Download FHIR", f"{base}?format=fhir"))  # fmt: skip


def add_routes(bp: Blueprint, access: ClinicAccess, records: RecordStore, page) -> None:
    """The staff page, sign-in and sign-out, the list and one intake, on the channel's blueprint."""

    @bp.route("/clinic", methods=["GET", "HEAD"])
    async def staff_page(request: Request):
        return response.html(page("clinic.html", columns=reports.list_columns()), headers={"Cache-Control": "no-store"})

    @bp.route("/clinic/session", methods=["GET"])
    async def who(request: Request):
        return response.json({"signed_in": access.cookie_ok(request.cookies.get(COOKIE))})

    @bp.route("/clinic/session", methods=["POST"])
    async def sign_in(request: Request):
        client = request.remote_addr or request.ip or "?"
        wait = access.limiter.retry_after(client)
        if wait:
            return too_many(wait)
        body = request.json if isinstance(request.json, dict) else {}
        if not access.token_ok(str(body.get("token") or "")):
            access.limiter.fail(client)
            return unauthorised()
        return with_cookie(response.json({"signed_in": True}), access.cookie_value(), COOKIE_SECONDS)

    @bp.route("/clinic/signout", methods=["POST"])
    async def sign_out(request: Request):
        return with_cookie(response.json({"signed_in": False}), "", 0)

    @bp.route("/clinic/intakes", methods=["GET", "HEAD"])
    async def intakes(request: Request):
        refused = access.check(request)
        if refused:
            return refused
        try:
            since = local_day_start(request.args.get("since"))
            until = local_day_start(request.args.get("until"), days_after=1)
        except ValueError:
            return response.json({"error": "since and until are dates: YYYY-MM-DD"}, status=400)
        chosen = select(records.listing(since), until, request.args.get("red_flag") in ("1", "true", "ja"),
                        request.args.get("booking"))  # fmt: skip
        return response.json([reports.listing_entry(r) for r in chosen], headers={"Cache-Control": "no-store"})

    @bp.route("/clinic/intakes/<reference>", methods=["GET", "HEAD"])
    async def intake(request: Request, reference: str):
        refused = access.check(request)
        if refused:
            return refused
        wanted = request.args.get("format", "json")
        if wanted not in FORMATS:
            return response.json({"error": f"format must be one of {', '.join(FORMATS)}"}, status=400)
        record = records.get(reference) if REFERENCE_PATTERN.match(reference) else None
        if record is None:
            return response.json({"error": "not found"}, status=404)
        clinic = clinic_from_env()
        headers = {"Cache-Control": "no-store"}
        if wanted == "html":
            headers["Content-Security-Policy"] = (
                f"default-src 'none'; style-src '{reports.report_style_hash()}'; img-src 'self'; "
                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            )
            return response.html(reports.to_html(record, clinic.name, report_links(reference)), headers=headers)
        if wanted in DOWNLOADS:
            kind, extension = DOWNLOADS[wanted]
            headers["Content-Disposition"] = f'attachment; filename="intake-{reference}.{extension}"'
            if wanted == "pdf":  # WeasyPrint takes a second or so: off the event loop
                body = await asyncio.to_thread(reports.to_pdf, record, clinic.name)
                return response.raw(body, content_type=kind, headers=headers)
            return response.text(reports.fhir_json(record), content_type=kind, headers=headers)
        return response.json(reports.to_json(record), headers=headers)
