"""The interview's state during one turn: which item comes next, how a question is put, and ``Turn``: the
interpreted message being acted on, with the outcome so far. The handlers (``bot.dialogue.handlers``) work on a
``Turn``; ``bot.dialogue.turn.take_turn`` runs them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot import questionnaire as q
from bot.clinic import Clinic
from bot.dialogue import liveness, review, texts
from bot.dialogue.interpret import Interpretation
from bot.dialogue.message import COMPLETE, Message, Outcome
from bot.dialogue.pending import Review, Revisit
from bot.labels import answer_label
from bot.parsing.reading import Reading
from bot.thresholds import WORDS_KEPT

SKIP_BUTTON = "Sla over"


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
    """The question, with its progress; after stalls, with its answers as numbered options (bot.dialogue.liveness)."""
    number, total = progress(answers, item_id)
    it = q.ITEMS_BY_ID[item_id]
    asked = f"Vraag {number} van {total}. {it.text}"
    if not liveness.offers_options(failures):
        return Message(asked, it.buttons)
    offered = liveness.options(item_id)
    skip = () if item_id == "consent" else (SKIP_BUTTON,)
    if not offered:
        return Message(f"{asked}\n\n{texts.TYPE_A_NUMBER}", it.wording.buttons + skip)
    how = texts.CHOOSE_OPTIONS if it.kind == q.CODE_LIST else texts.CHOOSE_OPTION
    if item_id == "consent":
        how = how.split(" Weet je het niet?")[0]
    listed = "\n".join(f"{i}. {label}" for i, label in enumerate(offered, 1))
    return Message(f"{asked}\n\n{how}\n{listed}", it.buttons + skip)


def describe(item_id: str, value) -> str:
    """"geslacht vrouw" reads badly; "Geslacht: vrouw." with one colon."""
    return f"{q.ITEMS_BY_ID[item_id].title}: {answer_label(item_id, value)}."


def acknowledgement(item_id: str, value) -> str:
    return texts.NOTED + " " + describe(item_id, value)


def _prune(answers: dict, order: list) -> None:
    """Drop answers of items that branching now leaves out (after a correction)."""
    keep = {it.id for it in q.asked_items(answers)}
    for item_id in [i for i in answers if i not in keep]:
        del answers[item_id]
        order.remove(item_id)



@dataclass
class Turn:
    """One message being acted on: its interpretation, the clinic, and the outcome so far."""

    meaning: Interpretation
    clinic: Clinic
    out: Outcome
    words_kept: int = WORDS_KEPT

    @property
    def reading(self) -> Reading:
        return self.meaning.reading

    @property
    def requested(self) -> str:
        return self.out.requested

    def say(self, text: str, buttons: tuple = (), alone: bool = False) -> None:
        self.out.messages.append(Message(text, buttons, alone))

    def ask(self, item_id: Optional[str]) -> Outcome:
        """Ask ``item_id`` next (again); during the review, show the review question again."""
        out = self.out
        if isinstance(out.pending, Review) and next_item(out.answers) is None:
            self.say(texts.REVIEW_QUESTION, texts.REVIEW_BUTTONS)
            return out
        if isinstance(out.pending, Review):
            out.pending = None
            item_id = next_item(out.answers)
        if out.requested != item_id:
            out.failures, out.digressed = 0, False
        out.requested = item_id
        if item_id is None:
            return review_outcome(out)
        self.out.messages.append(question(out.answers, item_id, out.failures))
        return out

    def revisit(self, item_id: str, message: str, pending=None) -> Outcome:
        """Ask an item again that may already have an answer (back, or a review that names it)."""
        self.out.pending = pending
        self.say(message)
        self.out.requested, self.out.failures, self.out.digressed = item_id, 0, False
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
        out.words[item_id] = self.reading.text[: self.words_kept]
        _prune(out.answers, out.order)
        for gone in [i for i in out.words if i not in out.answers]:
            del out.words[gone]
        if acknowledge:
            self.say(acknowledgement(item_id, value))

    def erase(self) -> None:
        self.out.answers, self.out.order, self.out.words, self.out.pending = {}, [], {}, None


def review_outcome(out: Outcome) -> Outcome:
    """Every item is answered: the summary and "Klopt dit?" before the results."""
    asked_again = out.pending if isinstance(out.pending, Revisit) else None
    unchanged = asked_again is not None and out.answers.get(asked_again.item) == asked_again.before
    out.pending = Review(asked_again.reasks if unchanged else 0)  # a new value is progress: the count starts over
    out.requested = out.order[-1] if out.order else None
    if out.requested is None:
        out.status = COMPLETE
        return out
    return show_review(out)


def show_review(out: Outcome) -> Outcome:
    out.messages.append(Message(review.summary(out.answers, out.order)))
    out.messages.append(Message(texts.REVIEW_QUESTION, texts.REVIEW_BUTTONS))
    return out
