"""Chat sessions issued by the server: an unguessable id with an HMAC signature.

A client holds ``<id>.<signature>``; only the server, which knows the secret,
can make a valid one, so nobody can talk in another user's conversation by
choosing a sender id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Optional

ID_BYTES = 18  # 144 random bits


def _sign(secret: bytes, session_id: str) -> str:
    digest = hmac.new(secret, session_id.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def issue(secret: bytes) -> str:
    session_id = secrets.token_urlsafe(ID_BYTES)
    return f"{session_id}.{_sign(secret, session_id)}"


def verify(secret: bytes, token: object) -> Optional[str]:
    """The session id of a valid token, else None."""
    if not isinstance(token, str) or token.count(".") != 1:
        return None
    session_id, signature = token.split(".")
    if not session_id or not hmac.compare_digest(signature, _sign(secret, session_id)):
        return None
    return session_id


def load_secret(path: Path, environ=os.environ) -> bytes:
    """$CHAT_SESSION_SECRET, or a random secret kept in ``path`` (created once, mode 600)."""
    if environ.get("CHAT_SESSION_SECRET"):
        return environ["CHAT_SESSION_SECRET"].encode("utf-8")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode("utf-8")
