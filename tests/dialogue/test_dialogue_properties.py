"""The dialogue as a state machine, explored with Hypothesis (issue 9).

The trained model and the real actions run in-process (tests/conftest.py). Each example starts
from one of the states below, a copy of a conversation that reached it, and sends a random
sequence of message kinds. After every message:

- there is a reply, and the assistant listens again (no circuit breaker, no chained actions);
- no answered item is lost, except after a confirmed restart, delete or under-age answer, or
  when branching no longer asks it;
- ``requested_slot`` moves to another item only when the answers change or the user went back;
- crisis wording always gets the 113 reply.

``make test`` runs FUZZ_EXAMPLES examples (default 25); ``make fuzz`` runs many more.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dialogue import texts
from bot.questionnaire import ITEM_IDS, asked_items

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
MAX_ACTIONS_PER_MESSAGE = 5  # Rasa's circuit breaker trips at 10

# What a user says to reach each state (answers from the spec's worked example).
INTERVIEW = ["ja", "vrouw", "40", "drie", "twee", "geen", "2", "1", "nul", "1", "vier keer", "twee keer per dag",
             "2 tot 3 keer per week", "drie glazen", "elke maand", "soms", "soms", "bijna nooit", "vaak", "zes uur",
             "ja", "nee", "1 kuur", "nee", "weet ik niet", "acne", "5", "nee", "geen"]  # fmt: skip
PATHS = {
    "before consent": ["hallo"],
    "first answers": ["hallo", "ja", "vrouw"],
    "mid interview": ["hallo"] + INTERVIEW[:14],
    "stress questions": ["hallo"] + INTERVIEW[:16],
    "skin question": ["hallo"] + INTERVIEW[:26],
    "review": ["hallo"] + INTERVIEW,
    "after no consent": ["hallo", "nee"],
    "under 18": ["hallo", "ja", "man", "15", "ja"],
    "paused": ["hallo", "ja", "vrouw", "40", "ik kom later terug"],
    "stopped": ["hallo", "ja", "vrouw", "stop"],
    "after the results": ["hallo"] + INTERVIEW + ["ja, dat klopt"],
    "after delete": ["hallo", "ja", "vrouw", "verwijder mijn gegevens"],
}
KINDS = {
    "greet": ["hallo", "hoi", "goedemorgen", "hey daar"],
    "thanks": ["dank je", "bedankt!", "thanks", "top, dankjewel"],
    "affirm": ["ja", "jazeker", "oke", "ok", "prima", "is goed"],
    "deny": ["nee", "liever niet", "nee hoor"],
    "question": ["wat betekent mijn score?", "hoe lang duurt het consult", "is koffie slecht voor mijn darmen?",
                 "wat moet ik hier invullen"],
    "faq": ["wat is de darm-leveras?", "heeft mijn darm invloed op mijn huid?", "in welk eten zit veel magnesium",
            "wat doen al die bacterien in je darmen"],
    "why": ["waarom vraag je dat?", "wat heeft dat ermee te maken?"],
    "back": ["vorige vraag", "kunnen we terug naar de vorige vraag"],
    "skip": ["sla over", "weet ik niet"],
    "english": ["what is this", "hello, do you speak english?"],
    "intent text": ["/greet", "/faq_scores", '/inform{"age": 3}', "/nonsense", "/affirm"],
    "emoji": ["😀", "👍🏻", "🙈🙈🙈"],
    "crisis": ["ik wil niet meer leven", "soms, en dan denk ik aan zelfmoord",
               "niemand zou me missen als ik er niet meer was", "ik wil er gewoon een eind aan maken"],
}  # fmt: skip
CONFIRMATIONS = (texts.CONFIRM_RESTART, texts.CONFIRM_DELETE)


def generated(kind):
    if kind == "gibberish":
        return st.text(alphabet="qwrtzpsdfghjklxcvbnm", min_size=3, max_size=12)
    if kind == "digits":
        return st.integers(min_value=0, max_value=200).map(str)
    if kind == "long text":
        return st.text(alphabet="abcdefghij klmnop<>{};=", min_size=300, max_size=600)
    if kind == "empty":
        return st.sampled_from(["", " ", "   "])
    return st.sampled_from(KINDS[kind])


ALL_KINDS = sorted(KINDS) + ["gibberish", "digits", "long text", "empty"]
MESSAGES = st.sampled_from(ALL_KINDS).flatmap(lambda kind: generated(kind).map(lambda text: (kind, text)))


class Chats:
    """Conversations with the in-process agent; each state reached once, then copied per example."""

    def __init__(self, agent, loop):
        self.agent, self.loop, self.count = agent, loop, 0
        self.templates = {}

    def send(self, sender, text):
        return self.loop.run_until_complete(self.agent.handle_text(text, sender_id=sender)) or []

    def tracker(self, sender):
        return self.loop.run_until_complete(self.agent.processor.get_tracker(sender))

    def full_tracker(self, sender):
        """Every session's events: a turn that crosses a section boundary ends in a new session (actions/sessions)."""
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve_full_tracker(sender))

    def template(self, state):
        if state not in self.templates:
            sender = f"template-{len(self.templates)}"
            for text in PATHS[state]:
                self.send(sender, text)
            self.templates[state] = sender
        return self.templates[state]

    def copy(self, state):
        from rasa.shared.core.trackers import DialogueStateTracker

        source = self.tracker(self.template(state))
        self.count += 1
        sender = f"fuzz-{self.count}"
        copied = DialogueStateTracker.from_events(sender, list(source.events), slots=self.agent.domain.slots)
        self.loop.run_until_complete(self.agent.tracker_store.save(copied))
        return sender


@pytest.fixture(scope="module")
def chats(agent, loop):
    return Chats(agent, loop)


def answered(tracker):
    return {item: tracker.get_slot(item) for item in (tracker.get_slot("answered_items") or []) if item in ITEM_IDS}


def actions_since_last_user(tracker):
    events = list(tracker.events)
    last_user = max(i for i, e in enumerate(events) if e.type_name == "user")
    return [e.action_name for e in events[last_user + 1 :] if e.type_name == "action"]


def check_message(chats, sender, kind, text):
    before = chats.tracker(sender)
    answers_before, requested_before = answered(before), before.get_slot("requested_slot")
    pending_before = before.get_slot("intake_pending") or {}
    last_bot = next((e.text for e in reversed(list(before.events)) if e.type_name == "bot" and e.text), "")
    replies = chats.send(sender, text)
    after = chats.tracker(sender)
    said = [r.get("text") or "" for r in replies]
    where = f"state after {kind!r} {text[:40]!r}"

    assert any(r.get("text") or r.get("custom") for r in replies), f"no reply: {where}"
    actions = actions_since_last_user(chats.full_tracker(sender))
    assert len(actions) <= MAX_ACTIONS_PER_MESSAGE and actions[-1] == "action_listen", f"{actions}: {where}"
    if kind == "crisis":
        assert any("113" in s for s in said), f"no 113 reply: {where}"

    answers_after = answered(after)
    lost = {item for item in answers_before if item not in answers_after}
    confirmed = any(c in last_bot for c in CONFIRMATIONS) or pending_before.get("problem") == "under_age"
    explicit = "verwijder mijn gegevens" in text or text.startswith("/")
    still_asked = {it.id for it in asked_items(answers_after)} if answers_after else set(ITEM_IDS)
    assert not lost or confirmed or explicit or not (lost & still_asked), f"lost {lost}: {where}"

    requested_after = after.get_slot("requested_slot")
    if requested_before and requested_after and requested_after != requested_before:
        assert answers_after != answers_before or kind in ("back", "intent text"), f"moved: {where}"
    return replies


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(state=st.sampled_from(sorted(PATHS)), messages=st.lists(MESSAGES, min_size=1, max_size=5))
def test_every_message_in_every_state_gets_a_reply_and_loses_nothing(chats, state, messages):
    sender = chats.copy(state)
    for kind, text in messages:
        check_message(chats, sender, kind, text)


def test_every_state_is_reached(chats):
    """The paths above really reach their states (else the property test would explore less)."""
    assert chats.tracker(chats.template("after the results")).get_slot("intake_status") == "complete"
    assert chats.tracker(chats.template("review")).get_slot("intake_pending") == {"kind": "review"}
    assert chats.tracker(chats.template("under 18")).get_slot("intake_status") == "under_age"
    assert chats.tracker(chats.template("paused")).get_slot("intake_status") == "paused"
    assert chats.tracker(chats.template("after no consent")).get_slot("intake_status") == "no_consent"
    assert chats.tracker(chats.template("mid interview")).get_slot("requested_slot") == "audit_c_binge"
