"""Messages outside the interview: before it starts and after it ended, in every closing state.

The interview itself is ``bot.dialogue.turn``. Here the user has not started yet, said no to
consent, stopped or paused, was under age, deleted the data, or has seen the results. Every
message gets a reply that fits that state and says what is possible next; a change of mind
starts or resumes the check. Like ``take_turn`` this is a table of small handlers, tried in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from bot import faq
from bot.clinic import Clinic
from bot.dialogue import results, safety, texts
from bot.dialogue.message import COMPLETE, NO_CONSENT, PAUSED, STOPPED, UNDER_AGE_STATUS, Message
from bot.parsing import signals as sig
from bot.parsing.answers import parse_yes_no
from bot.parsing.reading import Reading
from bot.thresholds import SHORT_REPLY_WORDS, START_CONFIDENCE

# Intents that say "let's do the check" (or go on with it), at this confidence.
START_INTENTS = ("greet", "start_intake", "resume")
BOOKING_WORDS = ("afspraak", "consult", "plannen", "boeken", "inplannen", "link", "referentie")
SCORE_WORDS = ("score", "scores", "uitslag", "uitkomst", "resultaat", "resultaten", "betekent", "betekenen")


@dataclass(frozen=True)
class State:
    status: Optional[str]  # the intake_status slot: None before the check, else how it ended
    answered: bool  # answers are stored (a paused or stopped check)
    result: Optional[dict]  # the intake_result slot, once the results were shown
    answers: dict = field(default_factory=dict)  # the answers behind the result (how much of each area)
    asked_delete: bool = False  # the assistant asked "Wil je echt dat ik alles verwijder?"


@dataclass
class Reply:
    messages: list = field(default_factory=list)
    start: bool = False  # start or resume the interview
    erase: bool = False  # forget every answer first (start over)
    delete: bool = False  # delete the intake record and the conversation
    flags: set = field(default_factory=set)  # safety flags (bot.dialogue.safety.FLAGS)
    asks_delete: bool = False  # the reply asks whether to delete everything: the next "ja" deletes


def results_again(answers: dict, scores: dict) -> str:
    """The results in brief, for "wat betekent mijn score?" after they were shown."""
    return results.results_in_brief(answers, scores) + " " + texts.SCORES_MEAN


def help_text(state: State) -> str:
    """What is possible from here, in one or two sentences."""
    if state.status == COMPLETE:
        return texts.AFTER_RESULTS
    if state.status == NO_CONSENT:
        return texts.AFTER_NO_CONSENT
    if state.status in (STOPPED, PAUSED) and state.answered:
        return texts.AFTER_PAUSE
    if state.status == UNDER_AGE_STATUS:
        return texts.AFTER_UNDER_AGE
    return texts.INVITE


def _safety(r: Reading, state: State, reply: Reply) -> bool:
    """Suicidal wording, violence, acute danger or an alarm sign: the reply of each, as inside the interview."""
    found = safety.situations(r, answer_read=False)
    if not (found or r.red_flags):
        return False
    reply.flags.update(found)
    reply.messages += safety.replies(found, r.red_flags) + [Message(help_text(state))]
    return True


def _delete(r: Reading, state: State, reply: Reply) -> bool:
    """"Verwijder mijn gegevens" deletes at once; other wording asks first, and a yes to that deletes."""
    yes_no = parse_yes_no(r.text) if len(r.words) <= SHORT_REPLY_WORDS and not r.question else None
    if state.asked_delete and yes_no:
        reply.delete = yes_no == "yes"
        reply.messages.append(Message(texts.DELETED if reply.delete else texts.NOT_DELETED + " " + help_text(state)))
        return True
    if sig.DELETE_DATA in r.keywords:
        reply.delete = True
        reply.messages.append(Message(texts.DELETED))
        return True
    if r.has(sig.DELETE_DATA) or sig.asks_to_delete(r.text):
        reply.asks_delete = True
        reply.messages.append(Message(texts.CONFIRM_DELETE, texts.CONFIRM_BUTTONS))
        return True
    return False


def _restart(r: Reading, state: State, reply: Reply) -> bool:
    if not r.has(sig.RESTART):
        return False
    reply.erase = reply.start = True
    reply.messages.append(Message(texts.RESTARTED))
    return True


def _human(r: Reading, state: State, reply: Reply, clinic: Clinic) -> bool:
    if not r.has(sig.HUMAN):
        return False
    reply.messages.append(Message(texts.contact(clinic)))
    return True


def _english(r: Reading, state: State, reply: Reply) -> bool:
    if not r.has(sig.ENGLISH):
        return False
    reply.messages.append(Message(texts.ENGLISH_OUTSIDE))
    return True


def _results_question(r: Reading, state: State, reply: Reply, clinic: Clinic) -> bool:
    """After the results: "wat betekent mijn score?", "waarom?" and "afspraak"."""
    if state.status != COMPLETE or not state.result:
        return False
    words = set(r.words)
    if words & set(BOOKING_WORDS) and r.topic in (None, "consult"):
        reply.messages.append(Message(results.booking_prompt(state.result, clinic)))
        return True
    if words & set(SCORE_WORDS) or r.has(sig.WHY) or r.has(sig.MEANING) or r.topic == "scores":
        reply.messages.append(Message(results_again(state.answers, state.result["scores"])))
        return True
    return False


def _question(r: Reading, state: State, reply: Reply) -> bool:
    if r.topic:
        reply.messages += [Message(faq.answer(r.topic)), Message(help_text(state))]
        return True
    if not r.in_domain():
        return False
    if r.question or r.maybe_question or r.nlu.intent == "question_other" or r.has(sig.WHY) or r.has(sig.MEANING):
        reply.messages += [Message(texts.NO_RELIABLE_ANSWER), Message(help_text(state))]
        return True
    return False


def _wants_to_start(r: Reading) -> bool:
    nlu = r.nlu
    if nlu.intent in START_INTENTS and nlu.confidence >= START_CONFIDENCE:
        return True
    if r.has(sig.GREETING) or r.has(sig.RESUME) or any(w in r.words for w in ("meedoen", "starten", "beginnen")):
        return True
    return len(r.words) <= SHORT_REPLY_WORDS and parse_yes_no(r.text) == "yes"


def _start(r: Reading, state: State, reply: Reply) -> bool:
    """A change of mind starts or resumes the check; after the results a greeting gets a greeting."""
    if not _wants_to_start(r):
        return False
    if state.status == COMPLETE:
        reply.messages.append(Message(texts.HELLO_AGAIN + " " + help_text(state)))
        return True
    reply.start = True
    return True


def _small_talk(r: Reading, state: State, reply: Reply) -> bool:
    if r.has(sig.THANKS):
        more = "" if state.status == COMPLETE else " " + help_text(state)
        reply.messages.append(Message(texts.YOU_ARE_WELCOME + more))
    elif r.nlu.intent == "goodbye" and r.nlu.confidence >= START_CONFIDENCE:
        reply.messages.append(Message(texts.GOODBYE))
    elif len(r.words) <= SHORT_REPLY_WORDS and parse_yes_no(r.text) == "no":
        reply.messages.append(Message("Prima. " + help_text(state)))
    else:
        return False
    return True


def _anything_else(r: Reading, state: State, reply: Reply) -> bool:
    reply.messages.append(Message(texts.NOT_FOR_ME + " " + help_text(state)))
    return True


HANDLERS: tuple = (
    _safety, _delete, _restart, _human, _english, _results_question, _question, _start, _small_talk, _anything_else,
)  # fmt: skip
NEEDS_CLINIC = (_human, _results_question)


def converse(reading: Reading, state: State, clinic: Clinic) -> Reply:
    """The reply to a message outside the interview."""
    reply = Reply()
    for handler in HANDLERS:
        done = handler(reading, state, reply, clinic) if handler in NEEDS_CLINIC else handler(reading, state, reply)
        if done:
            return reply
    raise AssertionError("_anything_else always answers")  # pragma: no cover
