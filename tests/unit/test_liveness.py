"""Every intake finishes, whatever the user types (bot.dialogue.liveness), as a property of the turn logic.

From states all through the interview, Hypothesis sends sequences drawn from a corpus of garbage, digressions,
off-topic text and half-answers. However they are drawn, the interview reaches the results with at most
``GIVE_UP_AFTER`` + 1 messages per question, never gives the same stalling reply three times in a row, and loses no
answer. ``make test`` runs FUZZ_EXAMPLES examples (default 40), ``make fuzz`` many more; the same property runs
through the trained model in tests/dialogue.
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clinic import Clinic
from bot.dialogue.liveness import GIVE_UP_AFTER, STALLING
from bot.dialogue.message import COMPLETE
from bot.dialogue.pending import Revisit
from bot.dialogue.turn import take_turn
from bot.questionnaire import ITEMS
from tests.answers import WORKED_EXAMPLE

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
CLINIC = Clinic("Testkliniek", "https://kliniek.example/plan", "010 000 00 00", "test@kliniek.example")
CORPUS = {
    "digression": ["wat is een microbioom?", "waarom vraag je dat?", "wat bedoel je?", "ik wil iemand spreken",
                   "is koffie slecht voor mijn darmen?", "wat doet magnesium eigenlijk", "hoe lang duurt dit nog?",
                   "wat gebeurt er met mijn gegevens?", "kan ik een afspraak maken", "wat is een vette lever"],
    "off topic": ["wat voor weer wordt het morgen", "wie wint het WK", "schrijf een gedicht over katten", "hallo",
                  "dank je", "hoi hoi", "what is this", "lol", "😀", "?", "...", "ok", "pizza!", "je bent een bot"],
    "half answer": ["ik eet wel groente", "hangt ervan af", "best veel", "meer dan vroeger", "ik denk het",
                    "ja en nee", "wisselt nogal", "normaal denk ik", "gemiddeld", "een beetje", "zoals iedereen",
                    "dat verschilt per week", "niet heel vaak maar wel eens"],
}  # fmt: skip
MESSAGES = st.one_of(
    st.sampled_from([text for texts_ in CORPUS.values() for text in texts_]),
    st.text(alphabet="qwrtzpdfghjklxcvnm <>{}#", min_size=1, max_size=30),
)
# Where the interview may stand: after consent at every question, in the review, at a surprising value.
ORDER = [it.id for it in ITEMS if it.id in WORKED_EXAMPLE]
STARTS = list(range(1, len(ORDER))) + ["review", "confirm"]


def state_at(start):
    if start == "review":
        o = take_turn(WORKED_EXAMPLE, ORDER, ORDER[-1], 0, "geen", clinic=CLINIC)  # the last answer again
        return dict(o.answers), list(o.order), o.requested, o.pending
    answers = {i: WORKED_EXAMPLE[i] for i in ORDER[: 3 if start == "confirm" else start]}
    requested = "sleep_hours" if start == "confirm" else ORDER[start]
    if start == "confirm":
        o = take_turn(answers, list(answers), requested, 0, "1 uur", clinic=CLINIC)  # "1 uur bij slaap: klopt dat?"
        return dict(o.answers), list(o.order), o.requested, o.pending
    return answers, list(answers), requested, None


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.sampled_from(STARTS), messages=st.lists(MESSAGES, min_size=150, max_size=150))
def test_every_intake_reaches_the_results_with_at_most_four_messages_per_question(start, messages):
    answers, order, requested, pending = state_at(start)
    failures, digressed, words = 0, False, {}
    at_question, stalled_replies = 0, []
    for text in messages:
        before = dict(answers)
        o = take_turn(answers, order, requested, failures, text, clinic=CLINIC, pending=pending, words=words,
                      digressed=digressed)  # fmt: skip
        assert o.messages or o.status == COMPLETE, f"no reply to {text!r}"  # the results follow a confirmed review
        changed = requested if isinstance(pending, Revisit) else None  # asked again from the review: a new answer
        assert all(o.answers.get(k) == v for k, v in before.items() if k in o.answers and k != changed)  # none lost
        assert set(before) <= set(o.answers)
        if o.status == COMPLETE:
            return
        assert o.status is None, (text, o.status)
        moved = (o.requested, type(o.pending)) != (requested, type(pending)) or o.answers != before
        at_question = 0 if moved else at_question + 1  # a fact volunteered for another item moves it too
        assert at_question < GIVE_UP_AFTER + 1, f"stuck at {requested} after {text!r}"
        reply = "\n".join(m.text for m in o.messages)
        stalled_replies = stalled_replies + [reply] if o.failures > failures else []
        assert len(stalled_replies) < 3 or len(set(stalled_replies[-3:])) > 1, f"the same reply three times: {reply}"
        answers, order, requested, pending = o.answers, o.order, o.requested, o.pending
        failures, digressed, words = o.failures, o.digressed, o.words
    raise AssertionError(f"no results after {len(messages)} messages from {start}")


def test_the_stalling_acts_are_acts_the_turn_knows():
    from bot.dialogue.handlers import ACTS

    assert STALLING <= set(ACTS)
