"""A message, interpreted once: ``interpret(reading, state) -> Interpretation``, before any handler acts.

The interpretation holds the answer reading (the message read as an answer to the item asked), the requests the
message makes, the safety signals, the question it asks, and ``act``: what the turn does with it. The handlers
(``bot.dialogue.handlers``) only act on it; they read nothing themselves.

Each decision is a named rule (``RULES``), tested from a table (tests/unit/test_interpret.py). The rules are tried in
the order of the dialogue's priorities, written once here: safety first, then deleting, whatever the interview waits
for, ending and rewinding, questions, and answers last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Optional

from bot import faq
from bot import questionnaire as q
from bot.dialogue import liveness, review, safety
from bot.dialogue import report_confirmation as rc
from bot.dialogue.pending import (
    AfterCrisis,
    ConfirmDelete,
    ConfirmReport,
    ConfirmRestart,
    ConfirmValue,
    Pending,
    Review,
)
from bot.parsing import signals as sig
from bot.parsing.answers import UNDER_AGE, Parsed, conclusion, extract_facts, parse_answer, parse_yes_no
from bot.parsing.reading import Reading
from bot.parsing.safety import red_flags
from bot.parsing.text import normalise
from bot.thresholds import (
    INTENT_CONFIDENCE,
    OFF_TOPIC_WORDS,
    POLITE_REQUEST_WORDS,
    RESUME_WORDS,
    SHORT_ANSWER_PART,
    SHORT_PAUSE,
    SMALL_TALK_WORDS,
    SURE,
    YES_NO_WORDS,
)

# NLU intents that a message answering the question may get; violence and danger often come with an answer, and
# their lexicons catch them whatever the answer; a correction carries the value it corrects to ("nee, nooit eigenlijk").
ANSWER_INTENTS = (None, "inform", "affirm", "deny", "nlu_fallback", "violence", "danger", "correct")
# Requests that end or rewind the interview: from the NLU alone never for a question.
CONTROL = frozenset({sig.STOP, sig.PAUSE, sig.RESTART, sig.DELETE_DATA, sig.BACK, sig.SKIP})
# Requests that let a lab report waiting for "Klopt dit?" lapse.
REPORT_LAPSES = frozenset({sig.STOP, sig.PAUSE, sig.BACK, sig.RESTART, sig.HUMAN, sig.SKIP})
NOT_READ = Parsed(problem="not_read")
RED_FLAGS = "red_flags"  # the item the alarm signs are recorded in
CONSENT = "consent"  # the interview's own start
# Items the review may ask again without a new value before naming one more counts as a stall (bot.dialogue.liveness).
REVIEW_REASKS = 3


@dataclass(frozen=True)
class State:
    """The interview before the message."""

    answers: Mapping
    order: tuple
    requested: Optional[str]
    pending: Optional[Pending] = None
    failures: int = 0  # stalls at this question so far (bot.dialogue.liveness)
    digressed: bool = False  # this question's one free digression is used

    @property
    def consented(self) -> bool:
        return self.answers.get("consent") == "yes"

    def last_answered(self) -> Optional[str]:
        return self.order[-1] if self.order and self.order[-1] != "consent" else None


@dataclass(frozen=True)
class Interpretation:
    """What one message means at this point of the interview, and what the turn does (``act``, by ``rule``)."""

    reading: Reading
    state: State
    answer: Parsed  # the message read as an answer to the item asked; problem "not_read" when it is none
    yes_no: Optional[str]  # a short yes or no, for a confirmation
    situations: tuple  # the safety situations (bot.dialogue.safety), the most urgent first
    in_review: bool  # the summary before the results is what the message answers
    pending: Optional[Pending] = None  # what the interview still waits for (a safety reply's question lapses)
    failures: int = 0  # stalls at this question, this message included
    digressed: bool = False
    act: str = ""
    rule: str = ""
    data: dict = field(default_factory=dict)  # what the act needs: the item named, a corrected value, ...

    @property
    def requested(self) -> Optional[str]:
        return self.state.requested


class _Context:
    """The facts the rules decide on, each computed once and only when a rule asks."""

    def __init__(self, reading: Reading, state: State):
        self.r = reading
        self.s = state

    @cached_property
    def yes_no(self) -> Optional[str]:
        r = self.r
        if r.question or len(r.words) > YES_NO_WORDS:
            return None
        return parse_yes_no(r.text)

    @cached_property
    def answer_as_sent(self) -> Parsed:
        """The answer, reading the state as it was (a review only when the review itself waits)."""
        return read_answer(self.r, self.s.requested, isinstance(self.s.pending, Review))

    @cached_property
    def effective_pending(self) -> Optional[Pending]:
        """After a safety reply, a message that is no yes/no and no "verder" returns to where the interview was;
        a lab report waiting for "Klopt dit?" lapses at a request to stop, pause, go back, start over or skip."""
        pending = self.s.pending
        if isinstance(pending, AfterCrisis) and not self.continues_after_crisis:
            return Review() if pending.review else None
        if isinstance(pending, ConfirmReport) and not pending.new and self.report_reply.kind == rc.OTHER and (
                self.r.keywords & REPORT_LAPSES):  # fmt: skip
            return None
        return pending

    @cached_property
    def report_reply(self):
        return rc.reply_to(rc.reading_of(self.s.pending), self.r.text, self.yes_no)

    @cached_property
    def continues_after_crisis(self) -> bool:
        return bool(self.yes_no) or self.signal(sig.RESUME, self.answer_as_sent) or self.later

    @cached_property
    def later(self) -> bool:
        """"Liever later": the button that answers "Wil je verder met de vragen, of liever later?"."""
        return normalise(self.r.text).strip(" .!") in ("liever later", "later")

    @cached_property
    def in_review(self) -> bool:
        return isinstance(self.effective_pending, Review)

    @cached_property
    def answer(self) -> Parsed:
        item_id = self.s.requested
        if item_id in q.ITEMS_BY_ID and liveness.offers_options(self.s.failures) and not self.in_review:
            picked = liveness.chosen(item_id, self.r.text)  # "2" while the options are shown
            if picked is not None:
                return Parsed(picked)
        return read_answer(self.r, item_id, self.in_review)

    def signal(self, name: str, answer: Optional[Parsed] = None) -> bool:
        """A keyword signal, or the NLU's intent for it when the message is no readable answer (and, for the
        requests that end or rewind the interview, no question: "hoe zet ik mijn router opnieuw op?")."""
        r = self.r
        if name in r.keywords:
            return True
        if name in CONTROL and r.question:
            return False
        return name in r.signals and not (answer or self.answer).ok

    def nlu_says(self, intent: str) -> bool:
        """The NLU's top intent, confident, for a message that is no readable answer and no question."""
        nlu = self.r.nlu
        sure = nlu.intent == intent and nlu.confidence >= INTENT_CONFIDENCE
        asks = (self.r.question or self.r.maybe_question) and not _polite_request(self.r)
        return sure and not self.answer.ok and not asks

    @cached_property
    def situations(self) -> tuple:
        return safety.situations(self.r, self.answer_as_sent.ok)

    @cached_property
    def new_red_flags(self) -> tuple:
        """Alarm signs the message reports that are not recorded yet; at the red-flag question plainer words count."""
        found = red_flags(self.r.text, asked=True) if self.s.requested == RED_FLAGS else self.r.red_flags
        recorded = self.s.answers.get(RED_FLAGS) or ()
        return tuple(code for code in found if code not in recorded)


# --- the answer reading --------------------------------------------------------------------------------------------


def read_answer(r: Reading, item_id: Optional[str], in_review: bool) -> Parsed:
    """The message read as an answer to ``item_id`` (never for markup, a question or the review), with the rules that
    keep small words from answering a sentence that asks or wants something else."""
    if r.junk or r.question or in_review or item_id not in q.ITEMS_BY_ID:
        return NOT_READ
    asks = r.nlu.intent not in ANSWER_INTENTS and r.nlu.confidence >= SURE
    text = r.text
    if r.maybe_question and (asks or r.topic or r.advice):  # "kan je een vette lever krijgen ...": no 1 from "een"
        if not r.answer_part:
            return NOT_READ
        text = r.answer_part  # "drie, hoe zit het met magnesium": "drie" is the answer
        if asks and len(text.split()) > SHORT_ANSWER_PART and not shares_words(text, item_id):
            return NOT_READ  # "ik drink elke ochtend yakult, doet dat iets" says nothing of nuts
    if item_id == RED_FLAGS:  # the alarm signs in the user's own words (bot.parsing.safety), or none at all
        found = red_flags(text, asked=True)
        if found:
            return Parsed(list(found))
        none = parse_answer(item_id, text)
        return Parsed([]) if none.ok or _speaks_of_signs(r) else none
    parsed = parse_answer(item_id, text)
    if parsed.ok and not r.answer_part and _read_from_een(item_id, r) and (
            r.maybe_question or _een_is_an_article(r) or _een_is_some(r)):  # fmt: skip
        return NOT_READ  # "is dat een diagnose?", "leest er een mens mee" are no 1
    off_subject = not r.on_subject and r.nlu.intent == "out_of_scope"  # "schrijf een gedicht over katten"
    # An answer to the question asked wins over a topic word: "niks aan de hand met mijn huid" at the skin question.
    own_subject = not r.maybe_question and speaks_of(r, item_id)
    if parsed.ok and (asks or off_subject) and not own_subject and read_from_small_words(item_id, r):
        return NOT_READ  # "vertel eens een grap" is no 1, "geen zin meer, ik stop" no 0
    if not parsed.ok and q.ITEMS_BY_ID[item_id].codes == ("yes", "no"):
        said = {"affirm": "yes", "deny": "no"}.get(r.nlu.intent) if r.nlu.confidence >= SURE else None
        return Parsed(said) if said else parsed  # "ga je gang", "dat is in orde"
    return parsed


# Words that say nothing of what a message is about: "wat kan dat zijn" shares "zijn" with every question.
STOPWORDS = frozenset("""bedoel bedoelt betekent eigenlijk precies wordt worden hiermee daarmee vraag vragen zijn
    heeft hebben deze voor maar welke hoeveel niet meer kunnen moet moeten mijn jouw jullie alle alles daar hier
    waar wanneer iets gaat doen week weken vorige sinds""".split())


def speaks_of(r: Reading, item_id: str) -> bool:
    """The message names the subject of the item asked: a word sharing its first four letters with a word of the
    item's short name ("huid" and "huidklachten", "slaap" and "slaapuren")."""
    name = {w[:4] for w in re.findall(r"[a-z]+", normalise(q.ITEMS_BY_ID[item_id].name)) if len(w) >= 4}
    return any(len(w) >= 4 and w[:4] in name for w in r.words if w not in STOPWORDS)


def _speaks_of_signs(r: Reading) -> bool:
    """At the red-flag question: words of the signs that the safety lexicon found denied, wanted or explained
    ("ik ben afgevallen, maar dat is de bedoeling"): no red flag, so the answer is none."""
    return bool(re.search(r"\b(bloed|poep|ontlasting|afgevallen|afvallen|kilo|overgeven|braken|slikken|geel|gele|"
                          r"buikpijn|buik)\w*", r.plain))


def shares_words(text: str, item_id: str) -> bool:
    """The text uses a word of the item's question or its explanation ("telt tofu ook?", "ik eet een handje noten"),
    compared by their first five letters ("handje" is "handjes")."""
    it = q.ITEMS_BY_ID[item_id]
    own = {w[:5] for w in re.findall(r"[a-z]+", normalise(text)) if len(w) >= 4 and w not in STOPWORDS}
    asked = {w[:5] for w in re.findall(r"[a-z]+", normalise(it.text + " " + it.meaning)) if w not in STOPWORDS}
    return bool(own & asked)


# Words that make an answer on their own ("een" is 1, "geen" 0, "niet" never) but also fill every sentence.
SMALL_WORDS = frozenset({"een", "geen", "niet", "nee", "ja", "nooit", "niks", "niets", "wel"})
# Words after "een" that keep it a number: "een of twee", "een per week", "een à twee", and the units counted:
# "een glas", "een kuur", "een handje".
NUMBER_AFTER_EEN = frozenset({"of", "per", "tot", "a", "keer", "maal", "en", "x", "glas", "glaasje", "glazen", "kuur",
                              "portie", "porties", "stuk", "stuks", "stukje", "handje", "handvol", "boterham",
                              "sneetje", "snee", "kom", "kommetje", "schaal", "schaaltje", "kopje", "beker", "blikje",
                              "flesje", "biertje", "wijntje", "uur", "uurtje", "reep", "bakje", "schep"})


def read_from_small_words(item_id: str, r: Reading) -> bool:
    """The answer comes only from small words in a sentence: weaker than a sure NLU request or question.
    "vertel eens een grap" is no 1, "ik wil niet verder met deze check" no "nooit"; "dus nee" and
    "rosacea en pigmentvlekken" stay answers, and so does a label or a button's title ("Geen van deze")."""
    if len(r.words) < 3 or any(c.isdigit() for c in r.text) or conclusion(r.text) or "één" in r.text.lower():
        return False
    it = q.ITEMS_BY_ID[item_id]
    choices = [normalise(choice) for choice in (*it.labels.values(), *it.buttons)]
    if r.plain in choices or any(len(c.split()) >= 2 and f" {c} " in f" {r.plain} " for c in choices):
        return False  # a label or a button's title, also in a sentence: "ik heb geen van deze"
    if any(w == "een" and nxt in NUMBER_AFTER_EEN for w, nxt in zip(r.words, r.words[1:])):
        return False  # "een keer, voor mijn oor": a count
    return _read_only_from(item_id, r, SMALL_WORDS)


def corrected_value(item_id: str, text: str) -> Parsed:
    """A correction's new value for ``item_id`` ("nee wacht, het zijn er vier" -> 4); none when it comes only from
    small words of a sentence ("wacht, die daarvoor klopte niet" is no "nooit")."""
    stripped = sig.strip_correction(text)
    parsed = parse_answer(item_id, stripped)
    words = tuple(re.findall(r"[a-z0-9']+", stripped))
    if parsed.ok and len(words) >= 3 and not any(c.isdigit() for c in stripped) and not conclusion(stripped):
        if not parse_answer(item_id, " ".join(w for w in words if w not in SMALL_WORDS)).ok:
            return NOT_READ
    return parsed


def _read_from_een(item_id: str, r: Reading) -> bool:
    """The answer comes only from the article "een", as in a question ("is dat een diagnose of zo"); the accented
    "één" is always the number."""
    return "een" in r.words and "één" not in r.text.lower() and _read_only_from(item_id, r, ("een",))


# "een beetje", "een hoop": an amount, not the number one.
AMOUNT_AFTER_EEN = frozenset({"beetje", "tikje", "heleboel", "hoop", "boel", "zooi", "zootje", "bult", "berg"})


def _een_is_some(r: Reading) -> bool:
    return any(w == "een" and nxt in AMOUNT_AFTER_EEN for w, nxt in zip(r.words, r.words[1:]))


# "Kunnen we ophouden", "mag ik even pauzeren?": a request in the form of a question. Short, without a topic and
# without an object ("kan ik stoppen met de pil" asks something else).
MODAL_VERBS = frozenset({"kunnen", "kan", "mogen", "mag", "zullen", "zal"})
MODAL_SUBJECTS = frozenset({"we", "wij", "ik", "je", "jij", "u"})
OBJECT_WORDS = frozenset({"met", "over", "van", "voor", "bij", "aan", "mijn", "de", "het"})


def _polite_request(r: Reading) -> bool:
    words = r.words
    return (len(words) <= POLITE_REQUEST_WORDS and len(words) >= 3 and words[0] in MODAL_VERBS
            and words[1] in MODAL_SUBJECTS and not r.topic and not OBJECT_WORDS & set(words))  # fmt: skip


def _een_is_an_article(r: Reading) -> bool:
    """Every "een" of a sentence stands before a word that makes it an article ("leest er een mens mee");
    "een", "ik heb er maar een", "een of twee" keep their number."""
    after = [r.words[i + 1] if i + 1 < len(r.words) else None for i, w in enumerate(r.words) if w == "een"]
    return len(r.words) >= 4 and all(word is not None and word not in NUMBER_AFTER_EEN for word in after)


def _read_only_from(item_id: str, r: Reading, words) -> bool:
    """Without these words the message reads as no answer to the item."""
    return not parse_answer(item_id, " ".join(w for w in r.words if w not in words)).ok


# --- the rules, in the order of the dialogue's priorities ------------------------------------------------------------
# Each rule returns None when it does not decide, else (act, data).


def rule_safety(c: _Context) -> Optional[tuple]:
    """Suicidal wording, violence or acute danger, in any message and any state: the reply of each, and nothing
    recorded as an answer; an alarm sign is recorded as a red flag, with the huisarts at once."""
    if c.situations:
        return "safety", {"situations": c.situations, "red_flags": c.new_red_flags}
    if c.new_red_flags and c.s.requested == RED_FLAGS:  # the answer to the question asked, before any request
        return "answer", {"value": list(c.new_red_flags), "then": None, "facts": {}}
    if c.new_red_flags:
        consent = parse_answer(CONSENT, c.r.standard).value if c.s.requested == CONSENT else None
        return "alarm", {"red_flags": c.new_red_flags, "consent": consent}
    return None


def rule_delete(c: _Context) -> Optional[tuple]:
    """"Verwijder mijn gegevens" deletes at once; other wording or an NLU guess asks first."""
    if sig.DELETE_DATA in c.r.keywords:
        return "delete", {}
    if c.signal(sig.DELETE_DATA, c.answer_as_sent) or sig.asks_to_delete(c.r.standard):
        return "ask_delete", {}
    return None


def rule_confirmation(c: _Context) -> Optional[tuple]:
    """A yes or no to what the interview asked to confirm; after a safety reply also "verder"."""
    pending = c.s.pending
    if isinstance(pending, ConfirmValue) and c.yes_no == "no":
        corrected = parse_answer(pending.item, c.r.text)  # "nee sorry, ik ben 45": the new value at once
        value = corrected.value if corrected.ok and corrected.value != pending.value else None
        return "confirm", {"yes": False, "value": value, "problem": corrected.problem if value is not None else None}
    if isinstance(pending, (ConfirmValue, ConfirmRestart, ConfirmDelete)) and c.yes_no:
        return "confirm", {"yes": c.yes_no == "yes"}
    if isinstance(pending, AfterCrisis) and c.continues_after_crisis:
        return "after_crisis", {"yes": c.yes_no != "no" and not c.later}
    return None


def rule_report(c: _Context) -> Optional[tuple]:
    """An uploaded lab report waits to be shown, or for "Klopt dit?" (bot.dialogue.report_confirmation). A request to
    stop, pause, go back, start over, skip or talk to someone lets it lapse and is handled as usual."""
    pending = c.effective_pending
    if not isinstance(pending, ConfirmReport):
        return None
    reading = rc.reading_of(pending)
    if pending.new:
        return "report", {"reading": reading, "reply": "show" if c.s.consented else "not_now"}
    reply = c.report_reply
    if reply.kind == rc.OTHER:
        question = question_reply(c) if (c.r.question or c.r.topic or c.signal(sig.WHY)) else None
        return "report", {"reading": reading, "reply": rc.OTHER, "question": question}
    return "report", {"reading": reply.reading or reading, "reply": reply.kind, "taxa": reply.taxa}


def rule_pause(c: _Context) -> Optional[tuple]:
    """Pausing keeps every answer, so a clear keyword or the NLU's pause intent is enough, also in a question
    ("kan ik dit morgen afmaken?") and for a goodbye ("doei, tot later"); "doei, ik ben er klaar mee" stops."""
    r = c.r
    goodbye = r.nlu.intent == "goodbye" and sig.GREETING not in r.keywords  # "dag bot": "dag" is hello too
    sure = (r.nlu.intent == "pause" or goodbye) and r.nlu.confidence >= INTENT_CONFIDENCE and not c.answer.ok
    if sure and goodbye and sig.STOP in r.keywords:
        return "stop", {}
    short = r.is_short(sig.PAUSE) or len(r.text) < SHORT_PAUSE
    if (sig.PAUSE in r.keywords and short) or sure or sig.asks_to_pause(r.standard):
        return "pause", {}
    return None


def rule_stop(c: _Context) -> Optional[tuple]:
    """"Stop" alone, or the NLU's stop intent for a message that is no answer ("ik wil stoppen met roken" is one)."""
    r = c.r
    if r.is_short(sig.STOP) or sig.asks_to_stop(r.standard) or (c.nlu_says("stop") and sig.SKIP not in r.keywords):
        return "stop", {}
    return None


def rule_back(c: _Context) -> Optional[tuple]:
    """Back to the previous question, or to the one the message names; the answer stays until a new one is given."""
    r, s = c.r, c.s
    strong = any(sig.has_phrase(r.standard, p) for p in sig.STRONG_BACK)
    changing = (c.nlu_says("correct") or sig.CORRECTION in r.keywords or sig.says_wrong(r.standard)) and not (
        corrected_value(s.last_answered() or s.requested, r.text).ok)  # fmt: skip
    # "oeps, ik heb net iets verkeerds ingevuld", "foutje bij de vorige, mag ik die opnieuw doen": no new value, but
    # the last answer was wrong
    wrong_before = sig.says_wrong(r.standard) or "vorige" in r.words
    asked_back = r.is_short(sig.BACK) or strong or c.nlu_says("go_back") or (changing and wrong_before)
    if sig.RESTART in r.keywords or not (asked_back or changing):
        return None
    named = review.named_item(r.text)
    if (changing or sig.BACK in r.keywords or c.nlu_says("go_back")) and named in s.answers and named != s.requested:
        return "back_to", {"item": named}  # "even terug naar de vraag over noten"
    if not asked_back:
        return None
    return ("back", {}) if previous_item(s) else ("nothing_to_go_back", {})


def rule_restart(c: _Context) -> Optional[tuple]:
    return ("restart", {}) if c.signal(sig.RESTART) else None


def rule_human(c: _Context) -> Optional[tuple]:
    return ("human", {}) if c.signal(sig.HUMAN) else None


def rule_consent(c: _Context) -> Optional[tuple]:
    """The consent question: only a clear yes or no counts; a question about it gets an answer."""
    if c.s.requested != "consent":
        return None
    r = c.r
    if c.signal(sig.WHY) or c.signal(sig.MEANING) or r.question:
        return "question", {"reply": question_reply(c, default="why" if c.signal(sig.WHY) else "meaning")}
    parsed = parse_answer("consent", r.text)
    if parsed.ok and parsed.value == "yes":
        return "consent", {"yes": True}
    if parsed.ok and not r.maybe_question:
        return "consent", {"yes": False}
    if c.signal(sig.ENGLISH):
        return "english", {}
    return "consent_unclear", {}


def rule_correction(c: _Context) -> Optional[tuple]:
    """"Nee wacht, het zijn er vier": the previous answer, corrected."""
    previous = c.s.last_answered()
    wants = sig.CORRECTION in c.r.keywords or c.nlu_says("correct")
    if not (wants and previous) or c.in_review or _corrects_itself(c.r):
        return None
    corrected = corrected_value(previous, c.r.text)
    return ("correction", {"item": previous, "value": corrected.value}) if corrected.ok else None


def _corrects_itself(r: Reading) -> bool:
    """"4 wacht nee 3", "vierenzeventig nee wacht vijfenzeventig": a value before the correction corrects the answer
    in the same message (the answer readers take the value after it), not the previous answer."""
    return bool(re.match(r"^\W*\S+.*\b(nee\s+wacht|wacht\s+nee|nee\s+sorry|ik\s+bedoel|sorry)\b", r.plain)) and not (
        re.match(r"^\W*(nee\s+)?(wacht|sorry|oeps|ik\s+bedoel)\b", r.plain))  # fmt: skip


def rule_english(c: _Context) -> Optional[tuple]:
    """"why do you need this", "next question please": what they ask for, in Dutch; only a message with nothing the
    assistant can read gets "I only speak Dutch"."""
    r = c.r
    if not c.signal(sig.ENGLISH) or r.topic or r.keywords & {sig.WHY, sig.MEANING, sig.SKIP, sig.RESTART, sig.BACK}:
        return None
    return "english", {}


def rule_question(c: _Context) -> Optional[tuple]:
    """A clear question ("wat is ...", "waarom ...?") gets an answer, then the question again."""
    r = c.r
    if not (r.question or c.signal(sig.WHY) or c.signal(sig.MEANING)):
        return None
    small_talk = {sig.GREETING, sig.THANKS} & r.keywords and not r.topic and len(r.words) <= SMALL_TALK_WORDS
    skip = sig.SKIP in r.keywords and sig.MEANING not in r.keywords  # "ik weet niet wat u met ... bedoelt" asks
    if skip or small_talk:  # "kunnen we deze overslaan?", "dag, hoe gaat het?"
        return None
    if not r.question and c.answer.ok and conclusion(r.text):  # "kefir? nooit van gehoord, ..., dus geen" answers
        return None
    if r.answer_part and c.answer.ok and not read_from_small_words(c.s.requested, r):
        return None  # "indapamide, telt dat?": the answer, asking whether it counts
    return "question", {"reply": question_reply(c)}


def rule_review(c: _Context) -> Optional[tuple]:
    """The summary before the results: "ja" shows them; naming an item corrects or re-asks it."""
    if not c.in_review:
        return None
    item_id = review.named_item(c.r.text)
    if c.yes_no == "yes" and not item_id:
        return "review_confirmed", {}
    if item_id is None:
        return "review_which", {}
    parsed = parse_answer(item_id, review.after_name(c.r.text, item_id))
    if parsed.ok and review.gives_value(c.r.text):
        return "review_change", {"item": item_id, "value": parsed.value}
    reasks = c.effective_pending.reasks
    if reasks >= REVIEW_REASKS:  # a loop between the review and its questions ends: this counts as a stall
        return "review_which", {}
    return "review_reask", {"item": item_id, "reasks": reasks + 1}


def rule_skip(c: _Context) -> Optional[tuple]:
    """"Sla over", "weet ik niet"; but a hedge before or after a number answers: "idk, misschien 2 per dag",
    "2x of 3x, weet niet precies", and so does a concluded answer."""
    if not c.signal(sig.SKIP) or (c.answer.ok and (conclusion(c.r.text) or _hedged_number(c.r))):
        return None
    return "skip", {}


def _hedged_number(r: Reading) -> bool:
    """Not knowing for sure, next to a number: a digit, said as a hedge rather than a refusal."""
    return any(ch.isdigit() for ch in r.text) and not any(sig.has_phrase(r.standard, p) for p in REFUSALS)


# Skip phrases that refuse, whatever number stands beside them: "sla over", "zeg ik liever niet".
REFUSALS = ("overslaan", "sla over", "skip", "zeg ik liever niet", "wil ik niet zeggen", "beantwoord ik liever niet",
            "volgende vraag", "next question")


def rule_junk(c: _Context) -> Optional[tuple]:
    """Markup, code or a very long text is never read as an answer."""
    return ("junk", {}) if c.r.junk else None


def rule_answer(c: _Context) -> Optional[tuple]:
    """A readable answer is recorded; a surprising one is confirmed first."""
    parsed, item_id = c.answer, c.s.requested
    if parsed.problem == UNDER_AGE or (parsed.ok and not plausible(item_id, parsed.value)):
        return "confirm_value", {"value": parsed.value, "problem": parsed.problem}
    if not parsed.ok:
        return None
    then = None
    if c.r.answer_part:  # "drie, hoe zit het met magnesium": the answer, then the question's reply
        if c.r.topic and not c.r.advice:
            then = ("faq", c.r.topic)
        elif c.r.in_domain():
            then = ("unknown", None)
    return "answer", {"value": parsed.value, "then": then, "facts": volunteered(c, exclude=item_id)}


def rule_pregnancy(c: _Context) -> Optional[tuple]:
    """"Ik ben zwanger" said, not asked: noted for the clinic, with the advice to ask the verloskundige first."""
    r = c.r
    return ("pregnancy", {}) if r.pregnant and not (r.question or r.maybe_question) else None


def rule_facts(c: _Context) -> Optional[tuple]:
    """"Trouwens, ik slik omeprazol" fills med_ppi; a question about it ("zorgen maagzuurremmers voor ...") does not."""
    nlu = c.r.nlu
    if faq.key_of(nlu.intent) and nlu.confidence >= SURE or c.r.maybe_question:
        return None
    facts = volunteered(c, exclude=c.s.requested)
    return ("facts", {"facts": facts}) if facts else None


def rule_maybe_question(c: _Context) -> Optional[tuple]:
    """"Heeft magnesium invloed op slaap": not an answer, so a question after all."""
    r = c.r
    other = r.nlu.intent == "question_other" and r.nlu.confidence >= INTENT_CONFIDENCE
    if not (r.maybe_question or r.topic or other):
        return None
    return "question", {"reply": question_reply(c)}


def rule_small_talk(c: _Context) -> Optional[tuple]:
    r = c.r
    if r.off_topic() and len(r.words) > OFF_TOPIC_WORDS:  # "vertaal 'goedemorgen' eens naar het Spaans" is no greeting
        return "not_for_me", {}
    if c.signal(sig.THANKS):
        return "thanks", {}
    if c.signal(sig.GREETING) or (c.signal(sig.RESUME) and len(r.words) <= RESUME_WORDS):  # "heej, ben er weer"
        return "greeting", {}
    if r.nlu.intent == "out_of_scope" and (r.nlu.confidence >= SURE or not r.on_subject):
        return "not_for_me", {}
    return None


def rule_not_understood(c: _Context) -> Optional[tuple]:
    return ("review_which", {}) if c.in_review else ("not_understood", {"problem": c.answer.problem})


RULES: tuple = (
    rule_safety, rule_delete, rule_confirmation, rule_report, rule_pause, rule_stop, rule_back, rule_restart,
    rule_human,
    rule_consent, rule_correction, rule_english, rule_question, rule_review, rule_skip, rule_junk, rule_answer,
    rule_pregnancy, rule_facts, rule_maybe_question, rule_small_talk, rule_not_understood,
)  # fmt: skip


def interpret(reading: Reading, state: State) -> Interpretation:
    """What the message means here, and what the turn does with it: the first rule of ``RULES`` that decides."""
    c = _Context(reading, state)
    for rule in RULES:
        decided = rule(c)
        if decided is not None:
            act, data = decided
            act, failures, digressed = liveness.stalls(act, state.failures, state.digressed, data)
            return Interpretation(reading, state, c.answer, c.yes_no, c.situations, c.in_review, c.effective_pending,
                                  failures, digressed, act, rule.__name__.removeprefix("rule_"), data)  # fmt: skip
    raise AssertionError("rule_not_understood always decides")  # pragma: no cover


# --- what the rules share ------------------------------------------------------------------------------------------


def previous_item(s: State) -> Optional[str]:
    """The answered item before the one asked now, in questionnaire order (never consent)."""
    asked = [it.id for it in q.asked_items(s.answers) if it.id != "consent"]
    before = asked[: asked.index(s.requested)] if s.requested in asked else asked
    answered = [i for i in before if i in s.answers]
    return answered[-1] if answered else None


def plausible(item_id: str, value) -> bool:
    bounds = q.ITEMS_BY_ID[item_id].plausible
    return bounds is None or value is None or bounds[0] <= value <= bounds[1]


def volunteered(c: _Context, exclude: Optional[str]) -> dict:
    """Facts the message volunteers for other items still open, once the user has consented."""
    if not c.s.consented:
        return {}
    facts = extract_facts(c.r.text)
    return {k: v for k, v in facts.items() if k not in c.s.answers and k != exclude and k != RED_FLAGS}


def question_reply(c: _Context, default: Optional[str] = None) -> tuple:
    """What answers the question: ("why"|"meaning", None), ("faq", topic), or the honest ("unknown"|"off_topic", None).
    ``default`` answers a question about consent that nothing else answers."""
    r = c.r
    it = q.ITEMS_BY_ID.get(c.s.requested)
    # A topic only the NLU guessed does not beat "waarvoor gebruiken jullie ..."; a topic read from a word does not beat
    # an NLU whose top intent is sure the message asks why ("wat heeft mijn slaap met magnesium te maken?").
    if it and c.signal(sig.WHY) and (not r.topic or sig.WHY in r.keywords and not faq.match(r.words)
                                     or _nlu_top(r, "ask_why") and not ASKS_WHAT_IT_IS.search(r.plain)):  # fmt: skip
        return "why", None
    if it and _nlu_top(r, "ask_meaning") and MEANT.search(r.plain):  # "wat bedoel je met gefermenteerd?" asks what the
        return "meaning", None  # question means, though "gefermenteerd" is a word of an FAQ topic
    if r.topic and not r.advice:
        return "faq", r.topic
    if it and ((c.signal(sig.MEANING) and not r.off_topic()) or _about_the_question(r, it)):
        return "meaning", None
    if default:
        return default, None
    return ("unknown", None) if r.in_domain() else ("off_topic", None)


# Asking what the question means by a word: "wat bedoel je met ...", "wat wordt bedoeld met", "wat verstaat u onder".
MEANT = re.compile(r"\b(bedoel|bedoelt|bedoelen|bedoeld)\s+(\w+\s+){0,2}met\b|\bversta\w*\s+(\w+\s+){0,2}onder\b")


# "kefir, wat is dat en waarom zou ik dat drinken": the why is about the thing the message asks about, an FAQ topic.
ASKS_WHAT_IT_IS = re.compile(r"\bwat\s+(is|zijn)\b")


def _nlu_top(r: Reading, intent: str) -> bool:
    """The NLU's top intent is ``intent``, sure enough to count as a request (so no FAQ intent ranks above it)."""
    return r.nlu.intent == intent and r.nlu.confidence >= INTENT_CONFIDENCE


def _about_the_question(r: Reading, it: q.Item) -> bool:
    """A question that uses the words of the question asked ("telt tofu ook?") is about its meaning."""
    if r.nlu.intent not in (None, "ask_meaning", "inform", "nlu_fallback"):
        return False
    return shares_words(r.text, it.id)
