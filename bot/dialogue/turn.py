"""One turn of the intake interview, as a pure function of the state and the user's message.

The Rasa form's validation action is a thin adapter around ``take_turn``: it
reads the answers from the slots, calls this, sends the messages and writes
the slots back. Every decision of the interview lives here, so it can be
tested without Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from bot.clinic import Clinic, clinic_from_env
from bot.dialogue import texts
from bot.dialogue.questions import QUESTIONS
from bot.labels import ITEM_NAMES, answer_label
from bot.parsing import signals as sig
from bot.parsing.answers import OUT_OF_RANGE, UNDER_AGE, VAGUE_FREQUENCY, conclusion, extract_facts, parse_answer
from bot.questionnaire import ITEMS, ITEMS_BY_ID, asked_items

# Where the interview stands after a turn.
GOING_ON = None
COMPLETE = "complete"
NO_CONSENT = "no_consent"
UNDER_AGE_STATUS = "under_age"
STOPPED = "stopped"
PAUSED = "paused"
DELETED = "deleted"

MAX_FAILURES = 3
SKIP_BUTTON = "Sla over"
# NLU intents that mean the same as a keyword signal, trusted at this confidence.
INTENT_SIGNALS = {
    "crisis": sig.CRISIS, "stop": sig.STOP, "pause": sig.PAUSE, "start_over": sig.RESTART,
    "human_handoff": sig.HUMAN, "skip": sig.SKIP, "go_back": sig.BACK, "ask_why": sig.WHY,
    "ask_meaning": sig.MEANING, "correct": sig.CORRECTION, "delete_data": sig.DELETE_DATA,
}  # fmt: skip
INTENT_CONFIDENCE = 0.8
STANDALONE_TEXTS = frozenset({texts.CRISIS, texts.RED_FLAG_NOW})
QUESTION_WORDS = ("wat", "waarom", "hoe", "wie", "waar", "welke", "wanneer", "kan", "mag", "moet", "is", "zijn", "heb")


@dataclass(frozen=True)
class Message:
    text: str
    buttons: tuple = ()


@dataclass
class Outcome:
    answers: dict  # item id -> value, for answered items only (None = skipped)
    order: list  # the answered items, in the order they were answered
    requested: Optional[str]  # the item asked next; None when the interview ends
    failures: int = 0
    status: Optional[str] = GOING_ON
    messages: list = field(default_factory=list)


def bubbles(messages: list) -> list:
    """A turn's messages as few chat bubbles: texts joined by a blank line up to and including a
    message with buttons, which keeps its buttons. Crisis and red-flag warnings keep a bubble of
    their own. Fewer bubbles also mean fewer events in every stored conversation (README,
    "Performance")."""
    out: list = []
    group: list = []

    def close() -> None:
        if group:
            out.append(Message("\n\n".join(m.text for m in group), group[-1].buttons))
            group.clear()

    for message in messages:
        if message.text in STANDALONE_TEXTS:
            close()
            out.append(message)
            continue
        group.append(message)
        if message.buttons:
            close()
    close()
    return out


def next_item(answers: dict) -> Optional[str]:
    """The first item still to ask, with branching applied; None when done or without consent."""
    if answers.get("consent") == "no":
        return None
    for it in asked_items(answers):
        if it.id not in answers:
            return it.id
    return None


def progress(answers: dict, item_id: str) -> tuple:
    """(number, total) of ``item_id`` among the items this user will be asked."""
    ids = [it.id for it in asked_items({**answers, item_id: answers.get(item_id)})]
    if item_id not in ids:
        ids = [it.id for it in asked_items(answers)]
    return ids.index(item_id) + 1 if item_id in ids else len(ids), len(ids)


def question(answers: dict, item_id: str, failures: int = 0) -> Message:
    number, total = progress(answers, item_id)
    q = QUESTIONS[item_id]
    buttons = q.buttons + ((SKIP_BUTTON,) if failures >= MAX_FAILURES and item_id != "consent" else ())
    return Message(f"Vraag {number} van {total}. {q.text}", buttons)


def _describe(item_id: str, value) -> str:
    return f"{ITEM_NAMES[item_id]}: {answer_label(item_id, value)}."


def _acknowledge(item_id: str, value) -> str:
    return "Genoteerd: " + _describe(item_id, value)


def _prune(answers: dict, order: list) -> None:
    """Drop answers of items that branching now leaves out (after a correction)."""
    keep = {it.id for it in asked_items(answers)}
    for item_id in [i for i in answers if i not in keep]:
        del answers[item_id]
        order.remove(item_id)


def _is_question(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return text.strip().endswith("?") or bool(words and words[0] in QUESTION_WORDS)


def start(answers: dict, order: list, clinic: Clinic | None = None, text: str = "") -> Outcome:
    """The form starts or resumes: introduce the check, or welcome the user back.

    Crisis wording in the message that started it is answered first, whatever the NLU made of it.
    """
    clinic = clinic or clinic_from_env()
    item_id = next_item(answers)
    outcome = Outcome(dict(answers), list(order), item_id)
    if sig.CRISIS in sig.detect(text):
        outcome.messages += [Message(texts.CRISIS), Message(texts.CRISIS_CONTINUE)]
    if item_id is None:
        outcome.status = COMPLETE if answers.get("consent") == "yes" else NO_CONSENT
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
    clinic: Clinic | None = None,
) -> Outcome:
    """Handle one user message while ``requested`` is being asked."""
    clinic = clinic or clinic_from_env()
    out = Outcome(dict(answers), list(order), requested, failures)
    say = out.messages.append
    looks_like_question = _is_question(text)
    parsed = parse_answer(requested, text) if not looks_like_question else None
    keywords = sig.detect(text)
    # The NLU's intent is a second opinion, only for messages that are not a readable answer.
    trusted = confidence >= INTENT_CONFIDENCE and not (parsed is not None and parsed.ok)
    nlu_only = {INTENT_SIGNALS[intent]} - keywords if trusted and intent in INTENT_SIGNALS else set()
    signals = keywords | nlu_only

    def ask(item_id: Optional[str]) -> Outcome:
        if out.requested != item_id:
            out.failures = 0
        out.requested = item_id
        if item_id is None:
            out.status = COMPLETE
        else:
            say(question(out.answers, item_id, out.failures))
        return out

    def end(status: str, message: str) -> Outcome:
        out.status, out.requested = status, None
        say(Message(message))
        return out

    if sig.CRISIS in signals:
        say(Message(texts.CRISIS))
        say(Message(texts.CRISIS_CONTINUE))
        return ask(requested)
    if sig.DELETE_DATA in signals:
        out.answers, out.order = {}, []
        return end(DELETED, texts.DELETED)
    short = {s for s in (sig.STOP, sig.PAUSE, sig.RESTART, sig.BACK) if sig.is_short_command(text, s)}
    if sig.PAUSE in signals and (sig.PAUSE in short or sig.PAUSE in nlu_only or len(text) < 60):
        return end(PAUSED, texts.PAUSED)
    if sig.STOP in short or sig.STOP in nlu_only:
        return end(STOPPED, texts.STOPPED)
    if sig.RESTART in signals:
        out.answers, out.order = {}, []
        say(Message(texts.RESTARTED))
        return ask(next_item(out.answers))
    if sig.HUMAN in signals:
        say(Message(texts.contact(clinic)))
        return ask(requested)

    if requested == "consent":
        return _consent_turn(out, text, signals, clinic, ask, end)

    if sig.BACK in short or sig.BACK in nlu_only:
        if not out.order or out.order[-1] == "consent":
            say(Message(texts.NOTHING_TO_GO_BACK))
            return ask(requested)
        previous = out.order.pop()
        del out.answers[previous]
        say(Message("Geen probleem, we gaan terug naar de vorige vraag."))
        return ask(previous)
    if sig.CORRECTION in signals and out.order and out.order[-1] != "consent":
        previous = out.order[-1]
        corrected = parse_answer(previous, sig.strip_correction(text))
        if corrected.ok:
            out.answers[previous] = corrected.value
            _prune(out.answers, out.order)
            say(Message("Aangepast: " + _describe(previous, corrected.value)))
            return ask(next_item(out.answers))

    if looks_like_question or signals & {sig.WHY, sig.MEANING}:
        reply = _answer_question(requested, text, signals)
        if reply:
            say(Message(reply))
            return ask(requested)

    if sig.SKIP in signals and not (parsed is not None and parsed.ok and conclusion(text)):
        out.answers[requested] = None
        out.order.append(requested)
        say(Message(texts.SKIPPED))
        return ask(next_item(out.answers))

    facts = {k: v for k, v in extract_facts(text).items() if k not in out.answers and k != requested}
    if parsed is not None and parsed.ok:
        out.answers[requested] = parsed.value
        out.order.append(requested)
        say(Message(_acknowledge(requested, parsed.value)))
        _add_facts(out, facts, say)
        return ask(next_item(out.answers))
    if parsed is not None and parsed.problem == UNDER_AGE:
        out.answers, out.order = {}, []
        return end(UNDER_AGE_STATUS, texts.under_age(clinic))
    if facts:
        _add_facts(out, facts, say)
        return ask(requested)
    if sig.ENGLISH in signals:
        say(Message(texts.ENGLISH))
        return ask(requested)
    if looks_like_question:
        say(Message(texts.NOT_AN_ANSWER))
        return ask(requested)
    if signals & {sig.GREETING, sig.THANKS}:
        say(Message(texts.THANKED if sig.THANKS in signals else texts.GREETED))
        return ask(requested)
    out.failures += 1
    say(Message(_hint(requested, parsed.problem if parsed else None)))
    if out.failures >= MAX_FAILURES:
        say(Message(texts.SKIP_OFFER))
    return ask(requested)


def _consent_turn(out: Outcome, text: str, signals: set, clinic: Clinic, ask, end) -> Outcome:
    if signals & {sig.WHY, sig.MEANING}:
        q = QUESTIONS["consent"]
        out.messages.append(Message(q.why if sig.WHY in signals else q.meaning))
        return ask("consent")
    parsed = parse_answer("consent", text)
    if parsed.ok and parsed.value == "yes":
        out.answers["consent"] = "yes"
        out.order.append("consent")
        out.messages.append(Message("Dank je wel! Dan beginnen we."))
        return ask(next_item(out.answers))
    if parsed.ok:
        out.answers, out.order = {}, []
        return end(NO_CONSENT, texts.no_consent(clinic))
    if sig.ENGLISH in signals:
        out.messages.append(Message(texts.ENGLISH))
    else:
        out.failures += 1
        out.messages.append(Message(texts.CONSENT_NEEDED))
    return ask("consent")


def _add_facts(out: Outcome, facts: dict, say) -> None:
    """Volunteered facts fill their items too, when the user has consented and they are still open."""
    if out.answers.get("consent") != "yes":
        return
    for item_id in [it.id for it in ITEMS if it.id in facts]:
        out.answers[item_id] = facts[item_id]
        out.order.append(item_id)
        if item_id == "red_flags":
            say(Message(texts.RED_FLAG_NOW))
        else:
            say(Message("Ik heb ook genoteerd: " + _describe(item_id, facts[item_id])))


def _answer_question(requested: str, text: str, signals: set) -> Optional[str]:
    q = QUESTIONS[requested]
    topic = sig.faq_topic(text)
    if sig.WHY in signals:
        return q.why
    if topic:
        return texts.FAQ[topic]
    if sig.MEANING in signals:
        return q.meaning
    return None


def _hint(item_id: str, problem: Optional[str]) -> str:
    it = ITEMS_BY_ID[item_id]
    if problem == OUT_OF_RANGE:
        return (
            f"Dat getal kan ik niet goed plaatsen: ik verwacht een getal van {int(it.minimum)} tot {int(it.maximum)}."
        )
    if problem == VAGUE_FREQUENCY:
        return "Kun je het iets preciezer zeggen? Bijvoorbeeld 'een paar keer per maand' of '2 keer per week'."
    return "Dat begreep ik niet helemaal. " + QUESTIONS[item_id].hint
