"""The interview's state during one turn: which item comes next, how a question is put, and ``Turn``:
the message being handled, with the outcome so far. The handlers (``bot.dialogue.handlers``) work on a
``Turn``; ``bot.dialogue.turn.take_turn`` runs them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from bot import questionnaire as q
from bot.clinic import Clinic
from bot.dialogue import review, texts
from bot.dialogue.message import (
    COMPLETE,
    REVIEW,
    Message,
    Outcome,
)
from bot.labels import answer_label
from bot.parsing import signals as sig
from bot.parsing.answers import (
    Parsed,
    conclusion,
    parse_answer,
)
from bot.parsing.reading import (
    INTENT_CONFIDENCE,
    Reading,
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


def describe(item_id: str, value) -> str:
    """"geslacht vrouw" reads badly; "Geslacht: vrouw." with one colon."""
    return f"{q.ITEMS_BY_ID[item_id].title}: {answer_label(item_id, value)}."


def acknowledgement(item_id: str, value) -> str:
    return "Genoteerd. " + describe(item_id, value)


def _prune(answers: dict, order: list) -> None:
    """Drop answers of items that branching now leaves out (after a correction)."""
    keep = {it.id for it in q.asked_items(answers)}
    for item_id in [i for i in answers if i not in keep]:
        del answers[item_id]
        order.remove(item_id)



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
        if r.junk or r.question or in_review(self) or self.requested not in q.ITEMS_BY_ID:
            return Parsed(problem="not_read")
        asks = r.nlu.intent not in ANSWER_INTENTS and r.nlu.confidence >= SURE
        text = r.text
        if r.maybe_question and (asks or r.topic or r.advice):  # "kan je een vette lever krijgen ...": no 1 from "een"
            if not r.answer_part:
                return Parsed(problem="not_read")
            text = r.answer_part  # "drie, hoe zit het met magnesium": "drie" is the answer
            if asks and len(text.split()) > SHORT_ANSWER_PART and not shares_words(text, self.requested):
                return Parsed(problem="not_read")  # "ik drink elke ochtend yakult, doet dat iets" says nothing of nuts
        parsed = parse_answer(self.requested, text)
        if parsed.ok and not r.answer_part and _read_from_een(self.requested, r) and (
                r.maybe_question or _een_is_an_article(r)):  # fmt: skip
            return Parsed(problem="not_read")  # "is dat een diagnose?", "leest er een mens mee" are no 1
        sure = asks  # a sure crisis intent too: "het heeft allemaal geen zin meer" is no "geen" (0)
        off_subject = not r.on_subject and r.nlu.intent == "out_of_scope"  # "schrijf een gedicht over katten"
        if parsed.ok and (sure or off_subject) and read_from_small_words(self.requested, r):
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
            return review_outcome(out)
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
            self.say(acknowledgement(item_id, value))

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


def review_outcome(out: Outcome) -> Outcome:
    """Every item is answered: the summary and "Klopt dit?" before the results."""
    out.pending = {"kind": REVIEW}
    out.requested = out.order[-1] if out.order else None
    if out.requested is None:
        out.status = COMPLETE
        return out
    return show_review(out)


def show_review(out: Outcome) -> Outcome:
    out.messages.append(Message(review.summary(out.answers, out.order)))
    out.messages.append(Message(texts.REVIEW_QUESTION, texts.REVIEW_BUTTONS))
    return out


# An answer before a closing question longer than this many words must share a word with the question asked.
SHORT_ANSWER_PART = 4
# Words that say nothing of what a message is about: "wat kan dat zijn" shares "zijn" with every question.
STOPWORDS = frozenset("""bedoel bedoelt betekent eigenlijk precies wordt worden hiermee daarmee vraag vragen zijn
    heeft hebben deze voor maar welke hoeveel niet meer kunnen moet moeten mijn jouw jullie alle alles daar hier
    waar wanneer iets gaat doen week weken vorige sinds""".split())


def shares_words(text: str, item_id: str) -> bool:
    """The text uses a word of the item's question or its explanation ("telt tofu ook?", "ik eet een handje noten"),
    compared by their first five letters ("handje" is "handjes")."""
    it = q.ITEMS_BY_ID[item_id]
    own = {w[:5] for w in re.findall(r"[a-z]+", normalise(text)) if len(w) >= 4 and w not in STOPWORDS}
    asked = {w[:5] for w in re.findall(r"[a-z]+", normalise(it.text + " " + it.meaning)) if w not in STOPWORDS}
    return bool(own & asked)


# Words that make an answer on their own ("een" is 1, "geen" 0, "niet" never) but also fill every sentence.
SMALL_WORDS = frozenset({"een", "geen", "niet", "nee", "ja", "nooit", "niks", "niets", "wel"})


def read_from_small_words(item_id: str, r: Reading) -> bool:
    """The answer comes only from small words in a sentence: weaker than a sure NLU request or question.
    "vertel eens een grap" is no 1, "ik wil niet verder met deze check" no "nooit"; "dus nee" and
    "rosacea en pigmentvlekken" stay answers, and so does a label or a button's title ("Geen van deze")."""
    if len(r.words) < 3 or any(c.isdigit() for c in r.text) or conclusion(r.text):
        return False
    it = q.ITEMS_BY_ID[item_id]
    if any(r.plain == normalise(choice) for choice in (*it.labels.values(), *it.buttons)):
        return False
    return _read_only_from(item_id, r, SMALL_WORDS)


def corrected_value(item_id: str, text: str) -> Parsed:
    """A correction's new value for ``item_id`` ("nee wacht, het zijn er vier" -> 4); none when it comes only from
    small words of a sentence ("wacht, die daarvoor klopte niet" is no "nooit")."""
    stripped = sig.strip_correction(text)
    parsed = parse_answer(item_id, stripped)
    words = tuple(re.findall(r"[a-z0-9']+", stripped))
    if parsed.ok and len(words) >= 3 and not any(c.isdigit() for c in stripped) and not conclusion(stripped):
        if not parse_answer(item_id, " ".join(w for w in words if w not in SMALL_WORDS)).ok:
            return Parsed(problem="not_read")
    return parsed


def _read_from_een(item_id: str, r: Reading) -> bool:
    """The answer comes only from the article "een", as in a question ("is dat een diagnose of zo")."""
    return "een" in r.words and _read_only_from(item_id, r, ("een",))


# Words after "een" that keep it a number: "een of twee", "een per week", "een à twee".
NUMBER_AFTER_EEN = frozenset({"of", "per", "tot", "a", "keer", "maal", "en", "x"})


def _een_is_an_article(r: Reading) -> bool:
    """Every "een" of a sentence stands before a word that makes it an article ("leest er een mens mee");
    "een", "ik heb er maar een", "een of twee" keep their number."""
    after = [r.words[i + 1] if i + 1 < len(r.words) else None for i, w in enumerate(r.words) if w == "een"]
    return len(r.words) >= 4 and all(word is not None and word not in NUMBER_AFTER_EEN for word in after)


def _read_only_from(item_id: str, r: Reading, words) -> bool:
    """Without these words the message reads as no answer to the item."""
    return not parse_answer(item_id, " ".join(w for w in r.words if w not in words)).ok


def in_review(t: Turn) -> bool:
    return bool(t.out.pending and t.out.pending.get("kind") == REVIEW)
