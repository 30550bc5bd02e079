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

# What the interview waits for besides an answer to the requested item (the intake_pending slot).
CONFIRM_VALUE = "confirm_value"  # "Je schreef 4 jaar: klopt dat?"
CONFIRM_RESTART = "confirm_restart"
CONFIRM_DELETE = "confirm_delete"
AFTER_CRISIS = "after_crisis"  # "Wil je verder met de vragen?"
REVIEW = "review"  # the summary before the results: "Klopt dit?"


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
    failures: int = 0
    status: Optional[str] = GOING_ON
    messages: list = field(default_factory=list)
    pending: Optional[dict] = None  # see the pending kinds above
    words: dict = field(default_factory=dict)  # item id -> the user's own words for that answer
    crisis: bool = False  # crisis wording occurred in this turn
    # A lab report's reading confirmed in this turn (bot.dialogue.report_confirmation), kept for the clinic.
    report: Optional[dict] = None
