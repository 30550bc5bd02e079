"""Every intake finishes, whatever the user types: what the interview does with messages that do not move it.

A message that records or changes an answer, goes to another question, ends or pauses the check, answers a
confirmation or gets a safety reply moves the interview (or is exempt). Any other message at a question is a stall,
except one answered digression per question (a question the assistant answers: the FAQ, why, what is meant, a
person to talk to). After ``OPTIONS_AFTER`` stalls the question comes with its answers as numbered options and
buttons, and "sla over", so that a digit or a button answers; after ``GIVE_UP_AFTER`` the item is recorded as
unanswered, marked "niet gelukt" for the clinic, and the interview goes on. So no question takes more than
``GIVE_UP_AFTER`` + 1 messages, and no stalling reply is given three times in a row.
"""

from __future__ import annotations

import re
from typing import Optional

from bot import questionnaire as q

OPTIONS_AFTER = 2
GIVE_UP_AFTER = 3
# Acts that leave the interview where it was.
STALLING = frozenset({"question", "human", "english", "junk", "not_understood", "not_for_me", "thanks", "greeting",
                      "pregnancy", "review_which", "consent_unclear", "nothing_to_go_back"})  # fmt: skip
# Of those, a digression the assistant answers: the first one at a question counts as progress.
DIGRESSIONS = frozenset({"question", "human", "pregnancy"})


def stalls(act: str, failures: int, digressed: bool, data: dict) -> tuple:
    """(act, failures, digressed) after this act: the stall counted, and "give_up" when it is one too many."""
    unanswered_report = act == "report" and data.get("reply") == "other"  # no answer to a lab report's "Klopt dit?"
    if act not in STALLING and not unanswered_report:
        return act, failures, digressed
    if act in DIGRESSIONS and not digressed:
        return act, failures, True
    failures += 1
    return ("give_up" if failures >= GIVE_UP_AFTER else act), failures, digressed


def offers_options(failures: int) -> bool:
    return failures >= OPTIONS_AFTER


def options(item_id: str) -> tuple:
    """The answers offered as numbered options: a coded item's labels (no options for a number)."""
    it = q.ITEMS_BY_ID[item_id]
    return tuple(it.labels.values()) if it.kind in (q.CODE, q.CODE_LIST) else ()


def chosen(item_id: str, text: str) -> Optional[object]:
    """The option(s) a reply of digits chooses while the options are shown ("2", "1 en 3"); None otherwise."""
    it = q.ITEMS_BY_ID[item_id]
    numbers = re.findall(r"\d+", text)
    if not numbers or re.sub(r"[\d\s,.;&+]|\ben\b", "", text.lower()).strip():
        return None
    codes = it.codes
    picked = [int(n) for n in numbers]
    if it.kind not in (q.CODE, q.CODE_LIST) or not all(1 <= n <= len(codes) for n in picked):
        return None
    if it.kind == q.CODE:
        return codes[picked[0] - 1] if len(picked) == 1 else None
    return [code for i, code in enumerate(codes, 1) if i in picked]
