"""One turn of the intake interview, as a pure function of the state and the user's message.

The Rasa form's validation action is a thin adapter around ``take_turn``: it
reads the state from the slots, calls this, sends the messages and writes the
slots back. ``take_turn`` reads the message once (``bot.parsing.reading``) and
hands it to ``HANDLERS``, an ordered table of small handlers: the first that
takes the message makes the turn. The order is the dialogue's priorities:
crisis first, then deleting, whatever the interview waits for, pausing and
stopping, questions, and answers last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Optional

from bot import faq
from bot import questionnaire as q
from bot.clinic import EXAMPLE_CLINIC, Clinic
from bot.dialogue import review, texts
from bot.dialogue.message import (  # noqa: F401 (GOING_ON and the statuses are part of this module's interface)
    AFTER_CRISIS,
    COMPLETE,
    CONFIRM_DELETE,
    CONFIRM_RESTART,
    CONFIRM_VALUE,
    DELETED,
    GOING_ON,
    NO_CONSENT,
    PAUSED,
    REVIEW,
    STOPPED,
    UNDER_AGE_STATUS,
    Message,
    Outcome,
)
from bot.labels import answer_label
from bot.parsing import signals as sig
from bot.parsing.answers import (
    OUT_OF_RANGE,
    UNDER_AGE,
    VAGUE_FREQUENCY,
    Parsed,
    conclusion,
    extract_facts,
    parse_answer,
    parse_yes_no,
)
from bot.parsing.reading import (  # noqa: F401 (INTENT_SIGNALS: tests)
    INTENT_CONFIDENCE,
    INTENT_SIGNALS,
    OUT_OF_SCOPE_CONFIDENCE,
    Nlu,
    Reading,
    read,
)
from bot.parsing.text import normalise

MAX_FAILURES = 3
# NLU intents that a message answering the question may get.
ANSWER_INTENTS = (None, "inform", "affirm", "deny", "nlu_fallback")
SURE = 0.5  # an NLU request or question this sure (its top intent) outweighs an answer read from a small word
# Requests that end or rewind the interview: from the NLU alone never for a question.
CONTROL = frozenset({sig.STOP, sig.PAUSE, sig.RESTART, sig.DELETE_DATA, sig.BACK, sig.SKIP})
SKIP_BUTTON = "Sla over"
WORDS_KEPT = 200  # characters of the user's own words kept beside an answer


def bubbles(messages: list) -> list:
    """A turn's messages as few chat bubbles: texts joined by a blank line up to and including a
    message with buttons, which keeps its buttons. Crisis and red-flag warnings keep a bubble of
    their own (``Message.alone``). Fewer bubbles also mean fewer events in every stored conversation."""
    out: list = []
    group: list = []

    def close() -> None:
        if group:
            out.append(Message("\n\n".join(m.text for m in group), group[-1].buttons))
            group.clear()

    for message in messages:
        if message.alone:
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
    for it in q.asked_items(answers):
        if it.id not in answers:
            return it.id
    return None


def progress(answers: dict, item_id: str) -> tuple:
    """(number, total) of ``item_id`` among the items this user will be asked.

    The total counts every item that an answer still to come could switch on, so it only goes
    down during the interview ("Vraag 12 van 31", later "van 27"), never up."""
    possible = {it.id: _opening(it) for it in q.ITEMS if it.id not in answers}
    ids = [it.id for it in q.asked_items({**possible, **answers})]
    return (ids.index(item_id) + 1 if item_id in ids else len(ids)), len(ids)


def _opening(it: q.Item):
    """An answer to ``it`` that switches on the most follow-up questions."""
    if it.kind == q.CODE_LIST:
        return list(it.codes[:1])
    if it.kind == q.CODE:
        return next((c for c in it.codes if c not in ("never", "no", "none")), None)
    return it.minimum


def question(answers: dict, item_id: str, failures: int = 0) -> Message:
    number, total = progress(answers, item_id)
    it = q.ITEMS_BY_ID[item_id]
    buttons = it.buttons + ((SKIP_BUTTON,) if failures >= MAX_FAILURES and item_id != "consent" else ())
    return Message(f"Vraag {number} van {total}. {it.text}", buttons)


def _describe(item_id: str, value) -> str:
    """"geslacht vrouw" reads badly; "Geslacht: vrouw." with one colon."""
    return f"{q.ITEMS_BY_ID[item_id].title}: {answer_label(item_id, value)}."


def _acknowledge(item_id: str, value) -> str:
    return "Genoteerd. " + _describe(item_id, value)


def _prune(answers: dict, order: list) -> None:
    """Drop answers of items that branching now leaves out (after a correction)."""
    keep = {it.id for it in q.asked_items(answers)}
    for item_id in [i for i in answers if i not in keep]:
        del answers[item_id]
        order.remove(item_id)


def start(answers: dict, order: list, clinic: Clinic = EXAMPLE_CLINIC, text: str = "", nlu: Optional[Nlu] = None,
          words: Optional[dict] = None) -> Outcome:  # fmt: skip
    """The form starts or resumes: introduce the check, or welcome the user back.

    Crisis wording in the message that started it is answered first, whatever the NLU made of it.
    """
    item_id = next_item(answers)
    outcome = Outcome(dict(answers), list(order), item_id, words=dict(words or {}))
    reading = read(text, nlu)
    if reading.crisis or reading.crisis_nlu:
        outcome.crisis = True
        outcome.messages.append(Message(texts.CRISIS, alone=True))
    if item_id is None:
        if answers.get("consent") == "yes":
            return _review(outcome)
        outcome.status = NO_CONSENT
        return outcome
    if answers:
        number, total = progress(answers, item_id)
        outcome.messages.append(Message(texts.welcome_back(f"vraag {number} van {total}")))
    else:
        outcome.messages.append(Message(texts.intro(clinic)))
    outcome.messages.append(question(answers, item_id))
    return outcome


@dataclass
class Turn:
    """One message being handled: the state before it, the reading of it, and the outcome so far."""

    reading: Reading
    clinic: Clinic
    out: Outcome
    pending: Optional[dict]

    @property
    def requested(self) -> str:
        return self.out.requested

    @cached_property
    def parsed(self) -> Parsed:
        """The message read as an answer to the requested item (never for markup, a question or the review)."""
        r = self.reading
        if r.junk or r.question or _in_review(self) or self.requested not in q.ITEMS_BY_ID:
            return Parsed(problem="not_read")
        asks = r.nlu.intent not in ANSWER_INTENTS and r.nlu.confidence >= SURE
        if r.maybe_question and (asks or r.topic or r.advice):  # "kan je een vette lever krijgen ...": no 1 from "een"
            return Parsed(problem="not_read")
        parsed = parse_answer(self.requested, r.text)
        sure = asks and r.nlu.intent != "crisis"  # crisis: the lexicon decides
        off_subject = not r.on_subject and r.nlu.intent == "out_of_scope"  # "schrijf een gedicht over katten"
        if parsed.ok and (sure or off_subject) and _read_from_small_words(self.requested, r):
            return Parsed(problem="not_read")  # "vertel eens een grap" is no 1, "geen zin meer, ik stop" no 0
        if not parsed.ok and q.ITEMS_BY_ID[self.requested].codes == ("yes", "no"):
            said = {"affirm": "yes", "deny": "no"}.get(r.nlu.intent) if r.nlu.confidence >= SURE else None
            return Parsed(said) if said else parsed  # "ga je gang", "dat is in orde"
        return parsed

    def nlu_says(self, intent: str) -> bool:
        """The NLU's top intent, confident, for a message that is no readable answer and no question."""
        nlu = self.reading.nlu
        sure = nlu.intent == intent and nlu.confidence >= INTENT_CONFIDENCE
        return sure and not self.parsed.ok and not (self.reading.question or self.reading.maybe_question)

    def signal(self, name: str) -> bool:
        """A keyword signal, or the NLU's intent for it when the message is no readable answer (and, for the
        requests that end or rewind the interview, no question: "hoe zet ik mijn router opnieuw op?")."""
        if name in self.reading.keywords:
            return True
        if name in CONTROL and self.reading.question:
            return False
        return name in self.reading.signals and not self.parsed.ok

    def say(self, text: str, buttons: tuple = (), alone: bool = False) -> None:
        self.out.messages.append(Message(text, buttons, alone))

    def ask(self, item_id: Optional[str]) -> Outcome:
        """Ask ``item_id`` next (again); during the review, show the review question again."""
        out = self.out
        if out.pending and out.pending.get("kind") == REVIEW and next_item(out.answers) is None:
            self.say(texts.REVIEW_QUESTION, texts.REVIEW_BUTTONS)
            return out
        if out.pending and out.pending.get("kind") == REVIEW:
            out.pending = None
            item_id = next_item(out.answers)
        if out.requested != item_id:
            out.failures = 0
        out.requested = item_id
        if item_id is None:
            return _review(out)
        self.out.messages.append(question(out.answers, item_id, out.failures))
        return out

    def revisit(self, item_id: str, message: str) -> Outcome:
        """Ask an item again that may already have an answer (back, or a review that names it)."""
        self.out.pending = None
        self.say(message)
        self.out.requested, self.out.failures = item_id, 0
        self.out.messages.append(question(self.out.answers, item_id))
        return self.out

    def end(self, status: str, message: str) -> Outcome:
        self.out.status, self.out.requested, self.out.pending = status, None, None
        self.say(message)
        return self.out

    def record(self, item_id: str, value, acknowledge: bool = True) -> None:
        out = self.out
        out.answers[item_id] = value
        if item_id in out.order:
            out.order.remove(item_id)
        out.order.append(item_id)
        out.words[item_id] = self.reading.text[:WORDS_KEPT]
        _prune(out.answers, out.order)
        for gone in [i for i in out.words if i not in out.answers]:
            del out.words[gone]
        if acknowledge:
            self.say(_acknowledge(item_id, value))

    def erase(self) -> None:
        self.out.answers, self.out.order, self.out.words, self.out.pending = {}, [], {}, None

    def previous(self) -> Optional[str]:
        """The answered item before the one asked now, in questionnaire order (never consent)."""
        asked = [it.id for it in q.asked_items(self.out.answers) if it.id != "consent"]
        before = asked[: asked.index(self.requested)] if self.requested in asked else asked
        answered = [i for i in before if i in self.out.answers]
        return answered[-1] if answered else None

    def last_answered(self) -> Optional[str]:
        return self.out.order[-1] if self.out.order and self.out.order[-1] != "consent" else None


def _review(out: Outcome) -> Outcome:
    """Every item is answered: the summary and "Klopt dit?" before the results."""
    out.pending = {"kind": REVIEW}
    out.requested = out.order[-1] if out.order else None
    if out.requested is None:
        out.status = COMPLETE
        return out
    return _show_review(out)


def _show_review(out: Outcome) -> Outcome:
    out.messages.append(Message(review.summary(out.answers, out.order)))
    out.messages.append(Message(texts.REVIEW_QUESTION, texts.REVIEW_BUTTONS))
    return out


# --- the handlers, in the order they are tried ---------------------------------------------------
Handler = Callable[[Turn], Optional[Outcome]]


def on_crisis(t: Turn) -> Optional[Outcome]:
    """Crisis wording, in any message and any state: 113 and 112 at once, and nothing recorded."""
    r = t.reading
    if not (r.crisis or (r.crisis_nlu and not t.parsed.ok)):
        return None
    t.out.crisis = True
    t.say(texts.CRISIS, alone=True)
    t.out.pending = {"kind": AFTER_CRISIS, **({"review": True} if _in_review(t) else {})}
    t.say(texts.CRISIS_CONTINUE, texts.CRISIS_BUTTONS)
    return t.out


def on_delete(t: Turn) -> Optional[Outcome]:
    """"Verwijder mijn gegevens" deletes at once; other wording or an NLU guess asks first."""
    r = t.reading
    if sig.DELETE_DATA in r.keywords:
        t.erase()
        return t.end(DELETED, texts.DELETED)
    if t.signal(sig.DELETE_DATA) or sig.asks_to_delete(r.text):
        t.out.pending = {"kind": CONFIRM_DELETE}
        t.say(texts.CONFIRM_DELETE, texts.CONFIRM_BUTTONS)
        return t.out
    return None


def on_pending(t: Turn) -> Optional[Outcome]:
    """What the interview waits for besides an answer: a confirmation, or whether to go on."""
    pending = t.pending or {}
    kind = pending.get("kind")
    yes_no = _yes_no(t.reading)
    if kind == CONFIRM_VALUE and yes_no:
        item_id, value = pending["item"], pending["value"]
        t.out.pending = None
        if yes_no == "no":
            t.say("Geen probleem.")
            return t.ask(item_id)
        if pending.get("problem") == UNDER_AGE:
            t.erase()
            return t.end(UNDER_AGE_STATUS, texts.under_age(t.clinic))
        t.record(item_id, value)
        t.out.words[item_id] = pending.get("words", "")
        return t.ask(next_item(t.out.answers))
    if kind in (CONFIRM_RESTART, CONFIRM_DELETE) and yes_no:
        t.out.pending = None
        if yes_no == "no":
            t.say(texts.NOT_RESTARTED)
            return t.ask(t.requested)
        t.erase()
        if kind == CONFIRM_DELETE:
            return t.end(DELETED, texts.DELETED)
        t.say(texts.RESTARTED)
        return t.ask(next_item(t.out.answers))
    if kind == AFTER_CRISIS and (yes_no or t.signal(sig.RESUME)):
        t.out.pending = {"kind": REVIEW} if pending.get("review") else None
        if yes_no == "no":
            t.out.pending = None
            return t.end(PAUSED, texts.PAUSED)
        t.say(texts.CRISIS_AGAIN)
        return t.ask(t.requested)
    if kind == AFTER_CRISIS:
        t.out.pending = {"kind": REVIEW} if pending.get("review") else None
    return None


def on_pause(t: Turn) -> Optional[Outcome]:
    """Pausing keeps every answer, so a clear keyword or the NLU's pause intent is enough."""
    r = t.reading
    if (sig.PAUSE in r.keywords and (r.is_short(sig.PAUSE) or len(r.text) < 60)) or t.nlu_says("pause"):
        return t.end(PAUSED, texts.PAUSED)
    return None


def on_stop(t: Turn) -> Optional[Outcome]:
    """"Stop" alone, or the NLU's stop intent for a message that is no answer ("ik wil stoppen met roken" is one)."""
    if t.reading.is_short(sig.STOP) or (t.nlu_says("stop") and sig.SKIP not in t.reading.keywords):
        return t.end(STOPPED, texts.STOPPED)
    return None


def on_restart(t: Turn) -> Optional[Outcome]:
    if not t.signal(sig.RESTART):
        return None
    if [i for i in t.out.order if i != "consent"]:
        t.out.pending = {"kind": CONFIRM_RESTART}
        t.say(texts.CONFIRM_RESTART, texts.CONFIRM_BUTTONS)
        return t.out
    t.erase()
    t.say(texts.RESTARTED)
    return t.ask(next_item(t.out.answers))


def on_human(t: Turn) -> Optional[Outcome]:
    if not t.signal(sig.HUMAN):
        return None
    t.say(texts.contact(t.clinic))
    return t.ask(t.requested)


def on_consent(t: Turn) -> Optional[Outcome]:
    """The consent question: only a clear yes or no counts; a question about it gets an answer."""
    if t.requested != "consent":
        return None
    r, it = t.reading, q.ITEMS_BY_ID["consent"]
    if t.signal(sig.WHY) or t.signal(sig.MEANING) or r.question:
        t.say(_answer_question(t) or (it.why if t.signal(sig.WHY) else it.meaning))
        return t.ask("consent")
    parsed = parse_answer("consent", r.text)
    if parsed.ok and parsed.value == "yes":
        t.record("consent", "yes", acknowledge=False)
        t.say("Dank je wel! Dan beginnen we.")
        return t.ask(next_item(t.out.answers))
    if parsed.ok and not r.maybe_question:
        t.erase()
        return t.end(NO_CONSENT, texts.no_consent(t.clinic))
    if t.signal(sig.ENGLISH):
        t.say(texts.ENGLISH)
    else:
        t.out.failures += 1
        t.say(texts.CONSENT_NEEDED)
    return t.ask("consent")


def on_back(t: Turn) -> Optional[Outcome]:
    """Back to the previous question; its answer stays until the user gives another."""
    r = t.reading
    strong = any(sig.has_phrase(r.text, p) for p in sig.STRONG_BACK)
    changing = (t.nlu_says("correct") or sig.CORRECTION in r.keywords) and not parse_answer(
        t.last_answered() or t.requested, sig.strip_correction(r.text)).ok  # fmt: skip
    asked_back = r.is_short(sig.BACK) or strong or t.nlu_says("go_back")
    if sig.RESTART in r.keywords or not (asked_back or changing):
        return None
    named = review.named_item(r.text)
    if (changing or sig.BACK in r.keywords or t.nlu_says("go_back")) and named in t.out.answers and (
        named != t.requested):  # "even terug naar de vraag over noten"  # fmt: skip
        return t.revisit(named, texts.BACK_TO)
    if not asked_back:
        return None
    previous = t.previous()
    if previous is None:
        t.say(texts.NOTHING_TO_GO_BACK)
        return t.ask(t.requested)
    return t.revisit(previous, texts.BACK)


def on_correction(t: Turn) -> Optional[Outcome]:
    """"Nee wacht, het zijn er vier": the previous answer, corrected."""
    previous = t.last_answered()
    if not ((sig.CORRECTION in t.reading.keywords or t.nlu_says("correct")) and previous) or _in_review(t):
        return None
    corrected = parse_answer(previous, sig.strip_correction(t.reading.text))
    if not corrected.ok:
        return None
    t.record(previous, corrected.value, acknowledge=False)
    t.say("Aangepast. " + _describe(previous, corrected.value))
    return t.ask(next_item(t.out.answers))


def on_question(t: Turn) -> Optional[Outcome]:
    """A clear question ("wat is ...", "waarom ...?") gets an answer, then the question again."""
    r = t.reading
    if not (r.question or t.signal(sig.WHY) or t.signal(sig.MEANING)):
        return None
    small_talk = {sig.GREETING, sig.THANKS} & r.keywords and not r.topic and len(r.words) <= 6
    if sig.SKIP in r.keywords or small_talk:  # "kunnen we deze overslaan?", "dag, hoe gaat het?"
        return None
    t.say(_answer_question(t) or _no_answer(r))
    return t.ask(t.requested)


def _no_answer(r: Reading) -> str:
    """An honest reply to a question without a fixed answer; "not for me" when it is off topic."""
    off_topic = r.nlu.intent == "out_of_scope" and r.nlu.confidence >= OUT_OF_SCOPE_CONFIDENCE
    return texts.NOT_AN_ANSWER if off_topic or not r.on_subject else texts.NO_RELIABLE_ANSWER


def on_review(t: Turn) -> Optional[Outcome]:
    """The summary before the results: "ja" shows them; naming an item corrects or re-asks it."""
    if not _in_review(t):
        return None
    item_id = review.named_item(t.reading.text)
    if _yes_no(t.reading) == "yes" and not item_id:
        t.out.pending, t.out.status, t.out.requested = None, COMPLETE, None
        return t.out
    if item_id is None:
        t.say(texts.REVIEW_WHICH)
        return t.out
    parsed = parse_answer(item_id, review.after_name(t.reading.text, item_id))
    if parsed.ok and review.gives_value(t.reading.text):
        t.record(item_id, parsed.value, acknowledge=False)
        t.say("Aangepast. " + _describe(item_id, parsed.value))
        return _show_review(t.out)
    return t.revisit(item_id, "Goed, dan vraag ik dat opnieuw.")


def on_skip(t: Turn) -> Optional[Outcome]:
    r = t.reading
    if not t.signal(sig.SKIP) or (t.parsed.ok and conclusion(r.text)):
        return None
    t.record(t.requested, None, acknowledge=False)
    t.say(texts.SKIPPED)
    return t.ask(next_item(t.out.answers))


def on_junk(t: Turn) -> Optional[Outcome]:
    """Markup, code or a very long text is never read as an answer."""
    if not t.reading.junk:
        return None
    t.say(texts.JUNK + " " + q.ITEMS_BY_ID[t.requested].hint)
    return t.ask(t.requested)


def on_answer(t: Turn) -> Optional[Outcome]:
    """A readable answer is recorded; a surprising one is confirmed first."""
    parsed = t.parsed
    item_id = t.requested
    if parsed.problem == UNDER_AGE or (parsed.ok and not _plausible(item_id, parsed.value)):
        t.out.pending = {"kind": CONFIRM_VALUE, "item": item_id, "value": parsed.value, "problem": parsed.problem,
                         "words": t.reading.text[:WORDS_KEPT]}  # fmt: skip
        t.say(texts.confirm_value(_shown(item_id, parsed.value)), texts.CONFIRM_BUTTONS)
        return t.out
    if not parsed.ok:
        return None
    t.record(item_id, parsed.value)
    _add_facts(t, exclude=item_id)
    return t.ask(next_item(t.out.answers))


def on_facts(t: Turn) -> Optional[Outcome]:
    """"Trouwens, ik slik omeprazol" fills med_ppi; a question about it ("zorgen maagzuurremmers voor ...") does not."""
    nlu = t.reading.nlu
    if faq.key_of(nlu.intent) and nlu.confidence >= SURE or t.reading.maybe_question:
        return None
    if not _add_facts(t, exclude=t.requested):
        return None
    return t.ask(t.requested)


def on_maybe_question(t: Turn) -> Optional[Outcome]:
    """"Heeft magnesium invloed op slaap": not an answer, so a question after all."""
    r = t.reading
    other = r.nlu.intent == "question_other" and r.nlu.confidence >= INTENT_CONFIDENCE
    if not (r.maybe_question or r.topic or other):
        return None
    t.say(_answer_question(t) or _no_answer(r))
    return t.ask(t.requested)


def on_english(t: Turn) -> Optional[Outcome]:
    if not t.signal(sig.ENGLISH):
        return None
    t.say(texts.ENGLISH)
    return t.ask(t.requested)


def on_small_talk(t: Turn) -> Optional[Outcome]:
    r = t.reading
    if t.signal(sig.THANKS):
        t.say(texts.THANKED)
    elif t.signal(sig.GREETING):
        t.say(texts.GREETED)
    elif r.nlu.intent == "out_of_scope" and (r.nlu.confidence >= SURE or not r.on_subject):
        t.say(texts.NOT_AN_ANSWER)
    else:
        return None
    return t.ask(t.requested)


def on_not_understood(t: Turn) -> Outcome:
    if _in_review(t):
        t.say(texts.REVIEW_WHICH)
        return t.out
    t.out.failures += 1
    t.say(_hint(t.requested, t.parsed.problem))
    if t.out.failures >= MAX_FAILURES:
        t.say(texts.SKIP_OFFER)
    return t.ask(t.requested)


HANDLERS: tuple = (
    on_crisis, on_delete, on_pending, on_pause, on_stop, on_back, on_restart, on_human, on_consent, on_correction,
    on_english, on_question, on_review, on_skip, on_junk, on_answer, on_facts, on_maybe_question, on_small_talk,
    on_not_understood,
)  # fmt: skip


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
    pending: Optional[dict] = None,
    words: Optional[dict] = None,
) -> Outcome:
    """Handle one user message while ``requested`` is being asked (``pending``: what else it waits for)."""
    nlu = nlu or Nlu(intent, confidence, ((intent, confidence),) if intent else ())
    out = Outcome(dict(answers), list(order), requested, failures, pending=pending, words=dict(words or {}))
    turn = Turn(read(text, nlu), clinic, out, pending)
    for handler in HANDLERS:
        outcome = handler(turn)
        if outcome is not None:
            return outcome
    raise AssertionError("on_not_understood always answers")  # pragma: no cover


# --- small helpers ---------------------------------------------------------------------------------
# Words that make an answer on their own ("een" is 1, "geen" 0, "niet" never) but also fill every sentence.
SMALL_WORDS = frozenset({"een", "geen", "niet", "nee", "ja", "nooit", "niks", "niets", "wel"})


def _read_from_small_words(item_id: str, r: Reading) -> bool:
    """The answer comes only from small words in a sentence: weaker than a sure NLU request or question.
    "vertel eens een grap" is no 1, "ik wil niet verder met deze check" no "nooit"; "dus nee" and
    "rosacea en pigmentvlekken" stay answers."""
    if len(r.words) < 3 or any(c.isdigit() for c in r.text) or conclusion(r.text):
        return False
    if any(r.plain == normalise(label) for label in q.ITEMS_BY_ID[item_id].labels.values()):
        return False
    rest = " ".join(w for w in r.words if w not in SMALL_WORDS)
    return not parse_answer(item_id, rest).ok


def _in_review(t: Turn) -> bool:
    return bool(t.out.pending and t.out.pending.get("kind") == REVIEW)


def _yes_no(r: Reading) -> Optional[str]:
    if r.question or len(r.words) > 8:
        return None
    return parse_yes_no(r.text)


def _plausible(item_id: str, value) -> bool:
    bounds = q.ITEMS_BY_ID[item_id].plausible
    return bounds is None or value is None or bounds[0] <= value <= bounds[1]


def _shown(item_id: str, value) -> str:
    """"4 bij je leeftijd": the value and what it answers."""
    return f"{answer_label(item_id, value)} bij {q.ITEMS_BY_ID[item_id].name}"


def _add_facts(t: Turn, exclude: str) -> bool:
    """Volunteered facts fill their items too, when the user has consented and they are still open."""
    out = t.out
    if out.answers.get("consent") != "yes":
        return False
    facts = {k: v for k, v in extract_facts(t.reading.text).items() if k not in out.answers and k != exclude}
    for item_id in [it.id for it in q.ITEMS if it.id in facts]:
        t.record(item_id, facts[item_id], acknowledge=False)
        if item_id == "red_flags":
            t.say(texts.RED_FLAG_NOW, alone=True)
        else:
            t.say("Ik heb ook genoteerd: " + _describe(item_id, facts[item_id]))
    return bool(facts)


def _answer_question(t: Turn) -> Optional[str]:
    r = t.reading
    it = q.ITEMS_BY_ID.get(t.requested)
    if it and t.signal(sig.WHY) and (not r.topic or sig.WHY in r.keywords and not faq.match(r.words)):
        return it.why  # a topic only the NLU guessed does not beat "waarvoor gebruiken jullie ..."
    if r.topic and not r.advice:
        return faq.answer(r.topic)
    if it and (t.signal(sig.MEANING) or _about_the_question(r, it)):
        return it.meaning
    return None


STOPWORDS = frozenset("bedoel bedoelt betekent eigenlijk precies wordt worden hiermee daarmee vraag vragen".split())


def _about_the_question(r: Reading, it: q.Item) -> bool:
    """A question that uses the words of the question asked ("telt tofu ook?") is about its meaning."""
    if r.nlu.intent not in (None, "ask_meaning", "inform", "nlu_fallback"):
        return False
    own = {w for w in r.words if len(w) >= 4 and w not in STOPWORDS}
    asked = set(re.findall(r"[a-z]+", normalise(it.text + " " + it.meaning)))
    return bool(own & asked)


def _hint(item_id: str, problem: Optional[str]) -> str:
    it = q.ITEMS_BY_ID[item_id]
    if problem == OUT_OF_RANGE:
        low, high = int(it.minimum), int(it.maximum)
        return f"Dat getal kan ik niet goed plaatsen: ik verwacht een getal van {low} tot {high}."
    if problem == VAGUE_FREQUENCY:
        return "Kun je het iets preciezer zeggen? Bijvoorbeeld 'een paar keer per maand' of '2 keer per week'."
    return "Dat begreep ik niet helemaal. " + it.hint
