"""The handlers of one turn, in the order they are tried: the first that takes the message makes the turn.
The order is the dialogue's priorities: crisis first, then deleting, whatever the interview waits for,
pausing and stopping, questions, and answers last."""

from __future__ import annotations

from typing import Callable, Optional

from bot import faq
from bot import questionnaire as q
from bot.dialogue import report_confirmation as rc
from bot.dialogue import review, texts
from bot.dialogue.interview import (
    MAX_FAILURES,
    SURE,
    WORDS_KEPT,
    Turn,
    corrected_value,
    describe,
    in_review,
    next_item,
    shares_words,
    show_review,
)
from bot.dialogue.message import (
    AFTER_CRISIS,
    COMPLETE,
    CONFIRM_DELETE,
    CONFIRM_RESTART,
    CONFIRM_VALUE,
    DELETED,
    NO_CONSENT,
    PAUSED,
    REVIEW,
    STOPPED,
    UNDER_AGE_STATUS,
    Outcome,
)
from bot.labels import answer_label
from bot.parsing import signals as sig
from bot.parsing.answers import (
    OUT_OF_RANGE,
    UNDER_AGE,
    VAGUE_FREQUENCY,
    conclusion,
    extract_facts,
    parse_answer,
    parse_yes_no,
)
from bot.parsing.reading import (
    INTENT_CONFIDENCE,
    Reading,
)

# --- the handlers, in the order they are tried ---------------------------------------------------
Handler = Callable[[Turn], Optional[Outcome]]


def on_crisis(t: Turn) -> Optional[Outcome]:
    """Crisis wording, in any message and any state: 113 and 112 at once, and nothing recorded."""
    r = t.reading
    if not (r.crisis or (r.crisis_nlu and not t.parsed.ok)):
        return None
    t.out.crisis = True
    t.say(texts.CRISIS, alone=True)
    t.out.pending = {"kind": AFTER_CRISIS, **({"review": True} if in_review(t) else {})}
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


def on_report(t: Turn) -> Optional[Outcome]:
    """An uploaded lab report (``bot.dialogue.report_confirmation``): show what was read and ask "Klopt dit?";
    a yes records microbiome_test, taxa_low and taxa_high, a correction in words asks again. Requests to
    stop, pause, go back, start over or talk to someone drop the reading and go on as usual."""
    reading = rc.reading_of(t.pending)
    if reading is None:
        return None
    r = t.reading
    if t.pending.get("new"):
        if t.out.answers.get("consent") != "yes":
            t.out.pending = None
            t.say(rc.NOT_NOW)
            return t.ask(_still_open(t))
        t.out.pending = rc.waiting(reading)
        t.say(rc.shown(reading))
        t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
        return t.out
    reply = rc.reply_to(reading, r.text, _yes_no(r))
    if reply.kind == rc.CONFIRMED:
        t.out.pending = None
        for item_id, value in rc.answers_of(reading).items():
            t.record(item_id, value, acknowledge=False)
            t.out.words[item_id] = rc.RECORDED_WORDS
        t.out.report = reading.as_data()
        t.say(rc.recorded(reading))
        return t.ask(next_item(t.out.answers))
    if reply.kind == rc.CORRECTED:
        t.out.pending = rc.waiting(reply.reading)
        t.say("Aangepast. " + rc.shown(reply.reading))
        t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
        return t.out
    if reply.kind in (rc.ASK_LEVEL, rc.WRONG):
        t.say(rc.ask_level(reply.taxa) if reply.kind == rc.ASK_LEVEL else rc.WHAT_WRONG, rc.CONFIRM_BUTTONS)
        return t.out
    if reply.kind == rc.DECLINE:
        t.out.pending = None
        t.say(rc.DECLINED)
        return t.ask(_still_open(t))
    if r.keywords & {sig.STOP, sig.PAUSE, sig.BACK, sig.RESTART, sig.HUMAN, sig.SKIP}:
        t.out.pending = None
        return None
    answer = _answer_question(t) if (r.question or r.topic or t.signal(sig.WHY)) else None
    t.say(answer or rc.STILL_WAITING)
    t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
    return t.out


def _still_open(t: Turn) -> Optional[str]:
    """The question asked before an upload: the requested item, or (when the upload came during the review,
    with every item answered) the next open one, which is none: the review again."""
    return t.requested if t.requested not in t.out.answers else next_item(t.out.answers)


def on_pause(t: Turn) -> Optional[Outcome]:
    """Pausing keeps every answer, so a clear keyword or the NLU's pause intent is enough, also in a question
    ("kan ik dit morgen afmaken?") and for a goodbye ("doei, tot later")."""
    r = t.reading
    goodbye = r.nlu.intent == "goodbye" and sig.GREETING not in r.keywords  # "dag bot": "dag" is hello too
    sure = (r.nlu.intent == "pause" or goodbye) and r.nlu.confidence >= INTENT_CONFIDENCE and not t.parsed.ok
    if sure and goodbye and sig.STOP in r.keywords:
        return t.end(STOPPED, texts.STOPPED)  # "doei, ik ben er klaar mee"
    if (sig.PAUSE in r.keywords and (r.is_short(sig.PAUSE) or len(r.text) < 60)) or sure or sig.asks_to_pause(r.text):
        return t.end(PAUSED, texts.PAUSED)
    return None


def on_stop(t: Turn) -> Optional[Outcome]:
    """"Stop" alone, or the NLU's stop intent for a message that is no answer ("ik wil stoppen met roken" is one)."""
    r = t.reading
    if r.is_short(sig.STOP) or sig.asks_to_stop(r.text) or (t.nlu_says("stop") and sig.SKIP not in r.keywords):
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
    changing = (t.nlu_says("correct") or sig.CORRECTION in r.keywords or sig.says_wrong(r.text)) and not (
        corrected_value(t.last_answered() or t.requested, r.text).ok)  # fmt: skip
    # "oeps, ik heb net iets verkeerds ingevuld": no new value, but the last answer was wrong
    asked_back = r.is_short(sig.BACK) or strong or t.nlu_says("go_back") or (changing and sig.says_wrong(r.text))
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
    if not ((sig.CORRECTION in t.reading.keywords or t.nlu_says("correct")) and previous) or in_review(t):
        return None
    corrected = corrected_value(previous, t.reading.text)
    if not corrected.ok:
        return None
    t.record(previous, corrected.value, acknowledge=False)
    t.say("Aangepast. " + describe(previous, corrected.value))
    return t.ask(next_item(t.out.answers))


def on_question(t: Turn) -> Optional[Outcome]:
    """A clear question ("wat is ...", "waarom ...?") gets an answer, then the question again."""
    r = t.reading
    if not (r.question or t.signal(sig.WHY) or t.signal(sig.MEANING)):
        return None
    small_talk = {sig.GREETING, sig.THANKS} & r.keywords and not r.topic and len(r.words) <= 6
    skip = sig.SKIP in r.keywords and sig.MEANING not in r.keywords  # "ik weet niet wat u met ... bedoelt" asks
    if skip or small_talk:  # "kunnen we deze overslaan?", "dag, hoe gaat het?"
        return None
    t.say(_answer_question(t) or _no_answer(r))
    return t.ask(t.requested)


def _no_answer(r: Reading) -> str:
    """An honest reply to a question without a fixed answer; "not for me" when it is off topic."""
    if not r.in_domain():
        return texts.NOT_AN_ANSWER
    return texts.NO_RELIABLE_ANSWER + (" " + texts.ASK_ABOUT_MEDICINES if r.about_medicine() else "")


def on_review(t: Turn) -> Optional[Outcome]:
    """The summary before the results: "ja" shows them; naming an item corrects or re-asks it."""
    if not in_review(t):
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
        t.say("Aangepast. " + describe(item_id, parsed.value))
        return show_review(t.out)
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
    if t.reading.answer_part:  # "drie, hoe zit het met magnesium": the answer, then the question's reply
        if t.reading.topic and not t.reading.advice:
            t.say(faq.answer(t.reading.topic))
        elif t.reading.in_domain():
            t.say(texts.NO_RELIABLE_ANSWER)
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
    r = t.reading
    # "why do you need this", "next question please", "is my liver connected to my gut bacteria?": what they ask
    # for, in Dutch; only a message with nothing the assistant can read gets "I only speak Dutch".
    if not t.signal(sig.ENGLISH) or r.topic or r.keywords & {sig.WHY, sig.MEANING, sig.SKIP, sig.RESTART, sig.BACK}:
        return None
    t.say(texts.ENGLISH)
    return t.ask(t.requested)


def on_small_talk(t: Turn) -> Optional[Outcome]:
    r = t.reading
    if r.off_topic() and len(r.words) > 3:  # "vertaal 'goedemorgen' eens naar het Spaans" is no greeting
        t.say(texts.NOT_AN_ANSWER)
    elif t.signal(sig.THANKS):
        t.say(texts.THANKED)
    elif t.signal(sig.GREETING) or (t.signal(sig.RESUME) and len(r.words) <= 5):  # "heej, ben er weer": hello, go on
        t.say(texts.GREETED)
    elif r.nlu.intent == "out_of_scope" and (r.nlu.confidence >= SURE or not r.on_subject):
        t.say(texts.NOT_AN_ANSWER)
    else:
        return None
    return t.ask(t.requested)


def on_not_understood(t: Turn) -> Outcome:
    if in_review(t):
        t.say(texts.REVIEW_WHICH)
        return t.out
    t.out.failures += 1
    t.say(_hint(t.requested, t.parsed.problem))
    if t.out.failures >= MAX_FAILURES:
        t.say(texts.SKIP_OFFER)
    return t.ask(t.requested)


HANDLERS: tuple[Handler, ...] = (
    on_crisis, on_delete, on_pending, on_report, on_pause, on_stop, on_back, on_restart, on_human, on_consent,
    on_correction, on_english, on_question, on_review, on_skip, on_junk, on_answer, on_facts, on_maybe_question,
    on_small_talk, on_not_understood,
)


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
            t.say("Ik heb ook genoteerd: " + describe(item_id, facts[item_id]))
    return bool(facts)


def _answer_question(t: Turn) -> Optional[str]:
    r = t.reading
    it = q.ITEMS_BY_ID.get(t.requested)
    if it and t.signal(sig.WHY) and (not r.topic or sig.WHY in r.keywords and not faq.match(r.words)):
        return it.why  # a topic only the NLU guessed does not beat "waarvoor gebruiken jullie ..."
    if r.topic and not r.advice:
        return faq.answer(r.topic)
    if it and ((t.signal(sig.MEANING) and not r.off_topic()) or _about_the_question(r, it)):
        return it.meaning
    return None


def _about_the_question(r: Reading, it: q.Item) -> bool:
    """A question that uses the words of the question asked ("telt tofu ook?") is about its meaning."""
    if r.nlu.intent not in (None, "ask_meaning", "inform", "nlu_fallback"):
        return False
    return shares_words(r.text, it.id)


def _hint(item_id: str, problem: Optional[str]) -> str:
    it = q.ITEMS_BY_ID[item_id]
    if problem == OUT_OF_RANGE:
        low, high = int(it.minimum), int(it.maximum)
        return f"Dat getal kan ik niet goed plaatsen: ik verwacht een getal van {low} tot {high}."
    if problem == VAGUE_FREQUENCY:
        return "Kun je het iets preciezer zeggen? Bijvoorbeeld 'een paar keer per maand' of '2 keer per week'."
    return "Dat begreep ik niet helemaal. " + it.hint
