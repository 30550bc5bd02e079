"""Chat sessions issued by the server: an unguessable id with an HMAC signature (itsdangerous).

A client holds ``<id>.<signature>``: 144 random bits, signed with HMAC-SHA256 under the server's secret
(itsdangerous's ``Signer`` without key derivation, so tokens issued before it still verify). Only the
server can make a valid one, so nobody can talk in another user's conversation by choosing a sender id.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Optional

from itsdangerous import BadSignature, Signer

ID_BYTES = 18  # 144 random bits


def _signer(secret: bytes) -> Signer:
    return Signer(secret, sep=".", key_derivation="none", digest_method=hashlib.sha256)


def issue(secret: bytes) -> str:
    return _signer(secret).sign(secrets.token_urlsafe(ID_BYTES)).decode("ascii")


def verify(secret: bytes, token: object) -> Optional[str]:
    """The session id of a valid token, else None."""
    if not isinstance(token, str) or token.count(".") != 1 or token.startswith("."):
        return None
    try:
        return _signer(secret).unsign(token).decode("ascii")
    except (BadSignature, UnicodeError):
        return None


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
