"""The acts of one turn: each does what the interpretation (``bot.dialogue.interpret``) decided, and reads nothing
itself. ``ACTS`` maps the interpretation's ``act`` to its handler."""

from __future__ import annotations

from bot import faq
from bot import questionnaire as q
from bot.dialogue import liveness, safety, texts
from bot.dialogue import report_confirmation as rc
from bot.dialogue.interpret import CONSENT, RED_FLAGS, plausible, previous_item
from bot.dialogue.interview import Turn, describe, next_item, show_review
from bot.dialogue.message import COMPLETE, DELETED, NO_CONSENT, PAUSED, STOPPED, UNDER_AGE_STATUS, Outcome
from bot.dialogue.pending import (
    AfterCrisis,
    ConfirmDelete,
    ConfirmReport,
    ConfirmRestart,
    ConfirmValue,
    Review,
    Revisit,
)
from bot.labels import answer_label
from bot.parsing.answers import OUT_OF_RANGE, UNDER_AGE, VAGUE_FREQUENCY
from bot.parsing.reading import Reading


def on_safety(t: Turn) -> Outcome:
    """Suicidal wording, violence or acute danger: the reply of each at once, its flag set, nothing recorded as an
    answer (an alarm sign with it is recorded as a red flag), and the question whether to go on."""
    found, flags = t.meaning.data["situations"], t.meaning.data["red_flags"]
    t.out.flags.update(found)
    _record_red_flags(t, flags)
    t.out.messages.extend(safety.replies(found, flags))
    t.out.pending = AfterCrisis(review=t.meaning.in_review or isinstance(t.meaning.state.pending, Review))
    t.say(texts.CRISIS_CONTINUE, texts.CRISIS_BUTTONS)
    return t.out


def on_alarm(t: Turn) -> Outcome:
    """An alarm sign in the user's words, at any question: recorded as its red flag, the huisarts at once, and the
    question again (nothing else of the message is recorded)."""
    flags = t.meaning.data["red_flags"]
    _record_red_flags(t, flags)
    t.out.messages.extend(safety.replies((), flags))
    return t.ask(t.requested or next_item(t.out.answers))


def on_delete(t: Turn) -> Outcome:
    t.erase()
    return t.end(DELETED, texts.DELETED)


def on_ask_delete(t: Turn) -> Outcome:
    t.out.pending = ConfirmDelete()
    t.say(texts.CONFIRM_DELETE, texts.CONFIRM_BUTTONS)
    return t.out


def on_confirm(t: Turn) -> Outcome:
    """A yes or no to "klopt dat?", "opnieuw beginnen?" or "alles verwijderen?"."""
    pending, yes = t.meaning.state.pending, t.meaning.data["yes"]
    t.out.pending = None
    if isinstance(pending, ConfirmValue):
        value = t.meaning.data.get("value")
        if not yes and value is not None:  # "nee sorry, ik ben 45": the new value, confirmed again if surprising
            return _record_or_confirm(t, pending.item, value, t.meaning.data["problem"])
        if not yes:
            t.say(texts.NO_PROBLEM)
            return t.ask(pending.item)
        if pending.problem == UNDER_AGE:
            t.erase()
            return t.end(UNDER_AGE_STATUS, texts.under_age(t.clinic))
        t.record(pending.item, pending.value)
        t.out.words[pending.item] = pending.words
        return t.ask(next_item(t.out.answers))
    if not yes:
        t.say(texts.NOT_RESTARTED)
        return t.ask(t.requested)
    t.erase()
    if isinstance(pending, ConfirmDelete):
        return t.end(DELETED, texts.DELETED)
    t.say(texts.RESTARTED)
    return t.ask(next_item(t.out.answers))


def on_after_crisis(t: Turn) -> Outcome:
    """"Wil je verder met de vragen?" answered: go on, or pause."""
    if not t.meaning.data["yes"]:
        t.out.pending = None
        return t.end(PAUSED, texts.PAUSED)
    t.out.pending = Review() if t.meaning.state.pending.review else None
    t.say(texts.CRISIS_AGAIN)
    return t.ask(t.requested)


def on_report(t: Turn) -> Outcome:
    """An uploaded lab report (``bot.dialogue.report_confirmation``): shown with "Klopt dit?"; a yes records the
    test and its taxa, a correction in words shows it again, "ik typ ze zelf" drops it."""
    reading, kind = t.meaning.data["reading"], t.meaning.data["reply"]
    if kind == "not_now":
        t.out.pending = None
        t.say(rc.NOT_NOW)
        return t.ask(_still_open(t))
    if kind == "show":
        t.out.pending = rc.waiting(reading)
        t.say(rc.shown(reading))
        t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
        return t.out
    if kind == rc.CONFIRMED:
        t.out.pending = None
        for item_id, value in rc.answers_of(reading).items():
            t.record(item_id, value, acknowledge=False)
            t.out.words[item_id] = rc.RECORDED_WORDS
        t.out.report = reading.as_data()
        t.say(rc.recorded(reading))
        return t.ask(next_item(t.out.answers))
    if kind == rc.CORRECTED:
        t.out.pending = rc.waiting(reading)
        t.say(texts.CHANGED + " " + rc.shown(reading))
        t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
        return t.out
    if kind in (rc.ASK_LEVEL, rc.WRONG):
        t.out.pending = rc.waiting(reading)
        t.say(rc.ask_level(t.meaning.data["taxa"]) if kind == rc.ASK_LEVEL else rc.WHAT_WRONG, rc.CONFIRM_BUTTONS)
        return t.out
    if kind == rc.DECLINE:
        t.out.pending = None
        t.say(rc.DECLINED)
        return t.ask(_still_open(t))
    t.out.pending = rc.waiting(reading)  # anything else: answered if it asks something, and "Klopt dit?" again
    question = t.meaning.data.get("question")
    t.say(question_text(t, *question) if question else rc.STILL_WAITING)
    t.say(rc.QUESTION, rc.CONFIRM_BUTTONS)
    return t.out


def _still_open(t: Turn):
    """The question asked before an upload: the requested item, or (when the upload came during the review,
    with every item answered) the next open one, which is none: the review again."""
    return t.requested if t.requested not in t.out.answers else next_item(t.out.answers)


def on_pause(t: Turn) -> Outcome:
    return t.end(PAUSED, texts.PAUSED)


def on_stop(t: Turn) -> Outcome:
    return t.end(STOPPED, texts.STOPPED)


def on_back_to(t: Turn) -> Outcome:
    return t.revisit(t.meaning.data["item"], texts.BACK_TO)


def on_back(t: Turn) -> Outcome:
    return t.revisit(previous_item(t.meaning.state), texts.BACK)


def on_nothing_to_go_back(t: Turn) -> Outcome:
    t.say(texts.NOTHING_TO_GO_BACK)
    return t.ask(t.requested)


def on_restart(t: Turn) -> Outcome:
    if [i for i in t.out.order if i != "consent"]:
        t.out.pending = ConfirmRestart()
        t.say(texts.CONFIRM_RESTART, texts.CONFIRM_BUTTONS)
        return t.out
    t.erase()
    t.say(texts.RESTARTED)
    return t.ask(next_item(t.out.answers))


def on_human(t: Turn) -> Outcome:
    t.say(texts.contact(t.clinic))
    return t.ask(t.requested)


def on_consent(t: Turn) -> Outcome:
    if t.meaning.data["yes"]:
        t.record("consent", "yes", acknowledge=False)
        t.say(texts.CONSENT_GIVEN)
        return t.ask(next_item(t.out.answers))
    t.erase()
    return t.end(NO_CONSENT, texts.no_consent(t.clinic))


def on_consent_unclear(t: Turn) -> Outcome:
    t.say(texts.CONSENT_NEEDED)
    return t.ask("consent")


def on_correction(t: Turn) -> Outcome:
    item_id, value = t.meaning.data["item"], t.meaning.data["value"]
    t.record(item_id, value, acknowledge=False)
    t.say(texts.CHANGED + " " + describe(item_id, value))
    return t.ask(next_item(t.out.answers))


def on_english(t: Turn) -> Outcome:
    t.say(texts.ENGLISH)
    return t.ask(t.requested)


def on_question(t: Turn) -> Outcome:
    """A question gets its answer (the FAQ, why, what is meant, or an honest reply), then the question again."""
    t.say(question_text(t, *t.meaning.data["reply"]))
    return t.ask(t.requested)


def on_review_confirmed(t: Turn) -> Outcome:
    t.out.pending, t.out.status, t.out.requested = None, COMPLETE, None
    return t.out


def on_review_which(t: Turn) -> Outcome:
    if liveness.offers_options(t.out.failures):
        t.say(texts.REVIEW_WHICH_OR_YES, texts.REVIEW_BUTTONS)
    else:
        t.say(texts.REVIEW_WHICH)
    return t.out


def on_review_change(t: Turn) -> Outcome:
    item_id, value = t.meaning.data["item"], t.meaning.data["value"]
    t.record(item_id, value, acknowledge=False)
    t.say(texts.CHANGED + " " + describe(item_id, value))
    return show_review(t.out)


def on_review_reask(t: Turn) -> Outcome:
    return t.revisit(t.meaning.data["item"], texts.ASK_AGAIN, Revisit(t.meaning.data["reasks"]))


def on_skip(t: Turn) -> Outcome:
    t.record(t.requested, None, acknowledge=False)
    t.say(texts.SKIPPED)
    return t.ask(next_item(t.out.answers))


def on_junk(t: Turn) -> Outcome:
    t.say(texts.JUNK + " " + q.ITEMS_BY_ID[t.requested].hint)
    return t.ask(t.requested)


def on_confirm_value(t: Turn) -> Outcome:
    """A surprising value is confirmed before it counts: "Je schreef 4 bij leeftijd: klopt dat?"."""
    return _record_or_confirm(t, t.requested, t.meaning.data["value"], t.meaning.data["problem"])


def _record_or_confirm(t: Turn, item_id: str, value, problem) -> Outcome:
    if problem == UNDER_AGE or not plausible(item_id, value):
        t.out.pending = ConfirmValue(item_id, value, problem, t.reading.text[: t.words_kept])
        t.say(texts.confirm_value(f"{answer_label(item_id, value)} bij {q.ITEMS_BY_ID[item_id].name}"),
              texts.CONFIRM_BUTTONS)  # fmt: skip
        return t.out
    t.record(item_id, value)
    return t.ask(next_item(t.out.answers))


def on_answer(t: Turn) -> Outcome:
    item_id, value = t.requested, t.meaning.data["value"]
    t.record(item_id, value)
    if item_id == RED_FLAGS and value:  # a red flag at the last question: the huisarts before anything else
        t.out.messages.extend(safety.replies((), tuple(value)))
    _record_facts(t, t.meaning.data["facts"])
    then = t.meaning.data["then"]
    if then:
        t.say(question_text(t, *then))
    return t.ask(next_item(t.out.answers))


def on_pregnancy(t: Turn) -> Outcome:
    t.say(texts.PREGNANCY + " " + texts.PREGNANCY_NOTED)
    return t.ask(t.requested)


def on_facts(t: Turn) -> Outcome:
    _record_facts(t, t.meaning.data["facts"])
    return t.ask(t.requested)


def on_not_for_me(t: Turn) -> Outcome:
    t.say(texts.NOT_AN_ANSWER)
    return t.ask(t.requested)


def on_thanks(t: Turn) -> Outcome:
    t.say(texts.THANKED)
    return t.ask(t.requested)


def on_greeting(t: Turn) -> Outcome:
    t.say(texts.GREETED)
    return t.ask(t.requested)


def on_not_understood(t: Turn) -> Outcome:
    t.say(_hint(t.requested, t.meaning.data["problem"]))
    return t.ask(t.requested)


def on_give_up(t: Turn) -> Outcome:
    """Too many messages at this question did not move the interview (bot.dialogue.liveness): it goes on without it.
    At consent nothing is kept; in the review the results are shown; a lab report's reading is dropped."""
    if isinstance(t.meaning.pending, ConfirmReport):
        t.out.pending = None
        t.say(rc.DECLINED)
        return t.ask(_still_open(t))
    if t.meaning.in_review:
        t.say(texts.GAVE_UP_REVIEW)
        t.out.pending, t.out.status, t.out.requested = None, COMPLETE, None
        return t.out
    if t.requested == "consent":
        t.erase()
        return t.end(NO_CONSENT, texts.GAVE_UP_CONSENT)
    if t.requested not in t.out.answers:  # an item asked again keeps its earlier answer
        t.record(t.requested, None, acknowledge=False)
        t.out.gave_up = t.requested
    t.say(texts.GAVE_UP)
    return t.ask(next_item(t.out.answers))


ACTS: dict = {
    "safety": on_safety, "alarm": on_alarm, "report": on_report, "delete": on_delete, "ask_delete": on_ask_delete,
    "confirm": on_confirm,
    "after_crisis": on_after_crisis, "pause": on_pause, "stop": on_stop, "back_to": on_back_to, "back": on_back,
    "nothing_to_go_back": on_nothing_to_go_back, "give_up": on_give_up,
    "restart": on_restart, "human": on_human, "consent": on_consent, "consent_unclear": on_consent_unclear,
    "correction": on_correction, "english": on_english, "question": on_question,
    "review_confirmed": on_review_confirmed, "review_which": on_review_which, "review_change": on_review_change,
    "review_reask": on_review_reask, "skip": on_skip, "junk": on_junk, "confirm_value": on_confirm_value,
    "answer": on_answer, "pregnancy": on_pregnancy, "facts": on_facts, "not_for_me": on_not_for_me, "thanks": on_thanks,
    "greeting": on_greeting, "not_understood": on_not_understood,
}  # fmt: skip


def question_text(t: Turn, kind: str, topic) -> str:
    """The reply to a question: the FAQ's answer, why the item is asked, what it means, or an honest reply."""
    it = q.ITEMS_BY_ID.get(t.requested)
    if kind == "faq":
        return faq.answer(topic)
    if kind == "why":
        return it.why
    if kind == "meaning":
        return it.meaning
    if kind == "off_topic":
        return texts.NOT_AN_ANSWER
    return _honest(t.reading)


def _honest(r: Reading) -> str:
    """An honest reply to a question without a fixed answer, pointing to the huisarts when it names medicines, and to
    the verloskundige when it speaks of a pregnancy."""
    more = [texts.ASK_ABOUT_MEDICINES] if r.about_medicine() else []
    if r.pregnant or r.about_pregnancy():
        more.append(texts.PREGNANCY)
    if r.pregnant:
        more.append(texts.PREGNANCY_NOTED)
    return " ".join([texts.NO_RELIABLE_ANSWER, *more])


def _record_facts(t: Turn, facts: dict) -> None:
    """Volunteered facts fill their items too."""
    for item_id in [it.id for it in q.ITEMS if it.id in facts]:
        t.record(item_id, facts[item_id], acknowledge=False)
        t.say(texts.ALSO_NOTED + " " + describe(item_id, facts[item_id]))


def _record_red_flags(t: Turn, flags: tuple) -> None:
    """New red flags join those recorded; the user's own words stay beside them. Before consent nothing is kept,
    unless the same message gives it ("ja. ik doe mee omdat ik bloed in mijn ontlasting heb")."""
    if flags and t.requested == CONSENT and t.meaning.data.get("consent") == "yes":
        t.record(CONSENT, "yes", acknowledge=False)
        t.out.requested = None  # asked anew below: the first question after consent
    if not flags or t.out.answers.get(CONSENT) != "yes":
        return
    recorded = list(t.out.answers.get(RED_FLAGS) or [])
    codes = q.ITEMS_BY_ID[RED_FLAGS].codes
    t.record(RED_FLAGS, sorted(set(recorded) | set(flags), key=codes.index), acknowledge=False)


def _hint(item_id: str, problem) -> str:
    it = q.ITEMS_BY_ID[item_id]
    if problem == OUT_OF_RANGE:
        return texts.out_of_range(int(it.minimum), int(it.maximum))
    if problem == VAGUE_FREQUENCY:
        return texts.VAGUE_FREQUENCY
    return texts.NOT_UNDERSTOOD + " " + it.hint
