"""One turn of the intake interview, as a pure function of the state and the user's message.

The Rasa form's validation action is a thin adapter around ``take_turn``: it reads the state from the slots, calls
this, sends the messages and writes the slots back. ``take_turn`` reads the message once (``bot.parsing.reading``),
interprets it once (``bot.dialogue.interpret``: what it means here and what the turn does), and the handler of that
act (``bot.dialogue.handlers.ACTS``) makes the turn.
"""

from __future__ import annotations

from typing import Optional

from bot.clinic import EXAMPLE_CLINIC, Clinic
from bot.dialogue import safety, texts
from bot.dialogue.handlers import ACTS
from bot.dialogue.interpret import State, interpret
from bot.dialogue.interview import (  # noqa: F401 (interface)
    Turn,
    bubbles,
    next_item,
    progress,
    question,
    review_outcome,
)
from bot.dialogue.message import (  # noqa: F401 (the statuses are part of this module's interface)
    COMPLETE,
    DELETED,
    GOING_ON,
    NO_CONSENT,
    PAUSED,
    STOPPED,
    UNDER_AGE_STATUS,
    Message,
    Outcome,
)
from bot.dialogue.pending import CONFIRMATIONS, Pending, from_slot
from bot.parsing.reading import INTENT_SIGNALS, Nlu, read  # noqa: F401 (INTENT_SIGNALS: tests)


def start(answers: dict, order: list, clinic: Clinic = EXAMPLE_CLINIC, text: str = "", nlu: Optional[Nlu] = None,
          words: Optional[dict] = None) -> Outcome:  # fmt: skip
    """The form starts or resumes: introduce the check, or welcome the user back.

    Crisis wording in the message that started it is answered first, whatever the NLU made of it.
    """
    item_id = next_item(answers)
    outcome = Outcome(dict(answers), list(order), item_id, words=dict(words or {}))
    reading = read(text, nlu)
    found = safety.situations(reading, answer_read=False)
    outcome.flags.update(found)
    outcome.messages.extend(safety.replies(found))
    if item_id is None:
        if answers.get("consent") == "yes":
            return review_outcome(outcome)
        outcome.status = NO_CONSENT
        return outcome
    if answers:
        number, total = progress(answers, item_id)
        outcome.messages.append(Message(texts.welcome_back(f"vraag {number} van {total}")))
    else:
        outcome.messages.append(Message(texts.intro(clinic)))
    outcome.messages.append(question(answers, item_id))
    return outcome


def take_turn(
    answers: dict,
    order: list,
    requested: str,
    failures: int,
    text: str,
    intent: Optional[str] = None,
    confidence: float = 0.0,
    clinic: Clinic = EXAMPLE_CLINIC,
    *,
    nlu: Optional[Nlu] = None,
    pending: Optional[Pending] = None,
    words: Optional[dict] = None,
    digressed: bool = False,
) -> Outcome:
    """Handle one user message while ``requested`` is being asked (``pending``: what else it waits for)."""
    nlu = nlu or Nlu(intent, confidence, ((intent, confidence),) if intent else ())
    pending = from_slot(pending)
    meaning = interpret(read(text, nlu), State(answers, tuple(order), requested, pending, int(failures), digressed))
    # A confirmation ("klopt dat?", "opnieuw beginnen?") is answered by this message or lapses.
    waiting = None if isinstance(meaning.pending, CONFIRMATIONS) else meaning.pending
    out = Outcome(dict(answers), list(order), requested, meaning.failures, pending=waiting, words=dict(words or {}),
                  digressed=meaning.digressed)  # fmt: skip
    outcome = ACTS[meaning.act](Turn(meaning, clinic, out))
    if meaning.reading.pregnant:
        outcome.flags.add(safety.PREGNANCY)
    return outcome
