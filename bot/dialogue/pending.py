"""What the interview waits for besides an answer to the item asked: one small dataclass per kind.

The intake_pending slot stores it as a dict with its ``kind`` (``to_slot``/``from_slot``); the dialogue works on
the dataclasses only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import ClassVar, Optional, Union


@dataclass(frozen=True)
class ConfirmValue:
    """"Je schreef 4 bij leeftijd: klopt dat?": a surprising value, recorded only when confirmed."""

    item: str
    value: object
    problem: Optional[str] = None  # UNDER_AGE: a confirmed age under 18 ends the check
    words: str = ""  # the user's own words for the value
    kind: ClassVar[str] = "confirm_value"


@dataclass(frozen=True)
class ConfirmRestart:
    """"Wil je echt opnieuw beginnen?"."""

    kind: ClassVar[str] = "confirm_restart"


@dataclass(frozen=True)
class ConfirmDelete:
    """"Wil je echt dat ik al je antwoorden verwijder?"."""

    kind: ClassVar[str] = "confirm_delete"


@dataclass(frozen=True)
class AfterCrisis:
    """After a safety reply: "Wil je verder met de vragen, of liever later?"; ``review``: it came during the review."""

    review: bool = False
    kind: ClassVar[str] = "after_crisis"


@dataclass(frozen=True)
class Review:
    """The summary before the results: "Klopt dit?"; ``reasks``: items asked again from it without a new value."""

    reasks: int = 0
    kind: ClassVar[str] = "review"


@dataclass(frozen=True)
class Revisit:
    """An item asked again from the review; the summary comes back after it, with the count of ``reasks``."""

    reasks: int = 0
    kind: ClassVar[str] = "revisit"


@dataclass(frozen=True)
class ConfirmReport:
    """An uploaded lab report's reading, waiting for "Klopt dit?" (bot.dialogue.report_confirmation); ``new``: it
    still has to be shown."""

    reading: dict
    new: bool = False
    kind: ClassVar[str] = "confirm_report"


Pending = Union[ConfirmValue, ConfirmRestart, ConfirmDelete, AfterCrisis, Review, Revisit, ConfirmReport]
# The kinds that ask a yes or no of the very next message: any other answer lets them lapse.
CONFIRMATIONS = (ConfirmValue, ConfirmRestart, ConfirmDelete)
KINDS = {cls.kind: cls for cls in (ConfirmValue, ConfirmRestart, ConfirmDelete, AfterCrisis, Review, Revisit,
                                   ConfirmReport)}


def to_slot(pending: Optional[Pending]) -> Optional[dict]:
    """The slot's dict: the kind and the fields that differ from their default ({"kind": "review"})."""
    if pending is None:
        return None
    values = asdict(pending)
    return {"kind": pending.kind, **{f.name: values[f.name] for f in fields(pending) if values[f.name] != f.default}}


def from_slot(stored) -> Optional[Pending]:
    """The pending kind stored in the slot; None for nothing or for a kind this version does not know."""
    if isinstance(stored, tuple(KINDS.values())):
        return stored
    if not isinstance(stored, dict) or stored.get("kind") not in KINDS:
        return None
    cls = KINDS[stored["kind"]]
    return cls(**{f.name: stored[f.name] for f in fields(cls) if f.name in stored})


def waits_besides(stored) -> bool:
    """The interview waits for something besides the answer to the item asked (a "Klopt dit?", a yes or no); an
    item asked again from the review waits for its answer as any question does."""
    pending = from_slot(stored)
    return pending is not None and not isinstance(pending, Revisit)
