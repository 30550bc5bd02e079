"""What a turn produces: the messages to send and where the interview stands afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# Where the interview stands after a turn (the intake_status slot).
GOING_ON = None
COMPLETE = "complete"
NO_CONSENT = "no_consent"
UNDER_AGE_STATUS = "under_age"
STOPPED = "stopped"
PAUSED = "paused"
DELETED = "deleted"


@dataclass(frozen=True)
class Message:
    """One chat bubble: text and button titles (or (title, url) pairs). ``alone``: never merged."""

    text: str
    buttons: tuple = ()
    alone: bool = False


@dataclass
class Outcome:
    answers: dict  # item id -> value, for answered items only (None = skipped)
    order: list  # the answered items, in the order they were answered
    requested: Optional[str]  # the item asked next; None when the interview ends
    failures: int = 0  # messages at this question that did not move the interview (bot.dialogue.liveness)
    status: Optional[str] = GOING_ON
    messages: list = field(default_factory=list)
    pending: Optional[object] = None  # what else the interview waits for (bot.dialogue.pending)
    words: dict = field(default_factory=dict)  # item id -> the user's own words for that answer
    flags: set = field(default_factory=set)  # safety flags this turn set (bot.dialogue.safety.FLAGS)
    digressed: bool = False  # this question's one free digression is used
    gave_up: Optional[str] = None  # the item recorded as unanswered after too many stalls ("niet gelukt")
    # A lab report's reading confirmed in this turn (bot.dialogue.report_confirmation), kept for the clinic.
    report: Optional[dict] = None
