"""An uploaded lab report, for every channel: when it may be sent, reading it without blocking the server,
and what reaches the conversation.

The web chat (``POST /webhooks/rest/upload``) and the messaging channels (a document or photo sent in
the chat) both call ``read_upload`` and ``upload_allowed``:

- A file is only read while the interview runs and the user has given consent; otherwise the channel
  says so (``texts.NOT_NOW``) and nothing is read.
- The file is read in a child process (``bot.report_reading.sandbox``), from a worker thread, so the
  event loop and the other conversations never wait for it. The bytes are never stored or logged.
- A file that is refused, or holds no known bacteria, gets a Dutch reply from the channel itself, with
  the open question again: nothing reaches the conversation, nothing is recorded.
- A reading with known taxa becomes a user message ``UPLOAD_TEXT`` with the reading in its metadata;
  the conversation then shows it and asks "Klopt dit?" (``bot.dialogue.report_confirmation``).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Optional

from bot.dialogue.report_confirmation import UPLOAD_TEXT, metadata
from bot.report_reading import filetypes, texts
from bot.report_reading.limits import MAX_BYTES
from bot.report_reading.reading import BROKEN, HTTP_STATUS, TOO_LARGE, UNSUPPORTED_TYPE, Refused, ReportReading
from bot.report_reading.sandbox import read_isolated
from bot.slots import REQUESTED, STATUS

__all__ = ["UPLOAD_TEXT", "Upload", "metadata", "read_upload", "upload_allowed"]
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    """What came of a file: a reading with known taxa, or the Dutch reply (and HTTP status) instead."""

    reading: Optional[ReportReading] = None
    reply: str = ""
    status: int = 200


def refusal(reason: str) -> Upload:
    return Upload(reply=texts.refused(reason), status=HTTP_STATUS.get(reason, 200))


def quick_check(data: bytes) -> Optional[Upload]:
    """The checks that need no reading: size and type (HTTP 413 and 415)."""
    if len(data) > MAX_BYTES:
        return refusal(TOO_LARGE)
    if filetypes.sniff(data) is None:
        return refusal(UNSUPPORTED_TYPE)
    return None


async def read_upload(data: bytes) -> Upload:
    """The file read in a child process from a worker thread (the event loop goes on meanwhile)."""
    checked = quick_check(data)
    if checked is not None:
        return checked
    try:
        reading = await asyncio.get_running_loop().run_in_executor(None, read_isolated, data)
    except Refused as refused:
        return refusal(refused.reason)
    except Exception as error:  # noqa: BLE001 (the worker could not be started: the user still gets a reply)
        logger.error("a lab report could not be read: %s", type(error).__name__)
        return refusal(BROKEN)
    if not reading.findings:
        return Upload(reply=texts.no_taxa(reading.unknown))
    return Upload(reading=reading)


def upload_allowed(tracker: Any) -> bool:
    """True while the interview runs (a question is asked) and the user has given consent."""
    if tracker is None:
        return False
    return (tracker.get_slot("consent") == "yes" and tracker.get_slot(REQUESTED) is not None
            and tracker.get_slot(STATUS) is None)  # fmt: skip
