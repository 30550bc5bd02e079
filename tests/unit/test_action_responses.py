"""The check of action server responses (channels/action_responses.py) accepts and refuses what Rasa's does."""

import copy

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from channels import action_responses

RASA = RemoteAction._validate_action_result
EVENTS = [
    SlotSet("answers", {"age": 45, "skin": ["acne"]}), SlotSet("requested_slot", None), ActiveLoop("intake_form"),
    ActiveLoop(None), ActionExecuted("intake_form"), BotUttered("Hoe oud ben je?", {"buttons": [{"title": "1"}]}),
    SessionStarted(), UserUttered("ik ben 45", {"name": "inform", "confidence": 0.9}), FollowupAction("action_listen"),
    Restarted(), AllSlotsReset(), ConversationPaused(), ConversationResumed(), LoopInterrupted(True),
    ActionExecutionRejected("intake_form"),
]  # fmt: skip
VALID = [{"events": [e.as_dict() for e in EVENTS], "responses": [{"text": "Dank je", "buttons": []}]},
         {"events": [], "responses": []}, {}]  # fmt: skip


def broken() -> list:
    """Responses changed in each way an event or the response can; all but two break the schema (an active loop's
    and a bot message's wrong types are let through by the schema itself)."""
    out = [{"events": {"event": "slot"}}, {"events": [{"name": "x"}]}, {"events": [{"event": "unknown_event"}]},
           {"events": [{"event": "slot", "name": 3, "value": 1}]}, {"events": [{"event": "active_loop", "name": 4}]},
           {"events": [{"event": "bot", "text": 5}]}, {"events": [{"event": "slot", "timestamp": "now"}]},
           {"events": [{"event": "user", "text": "x", "parse_data": "not an object"}]}, {"responses": "x"},
           {"events": [{"event": "action", "name": "x", "confidence": "high"}]}, {"events": ["slot"]}]  # fmt: skip
    for index in range(len(EVENTS)):
        changed = copy.deepcopy(VALID[0])
        changed["events"][index]["event"] = 7
        out.append(changed)
    return out


def accepts(check, response) -> bool:
    try:
        return check(RemoteAction.__new__(RemoteAction), response)
    except ValidationError:
        return False


@pytest.mark.parametrize("response", VALID + broken())
def test_the_same_responses_pass_and_fail_as_with_rasas_own_check(response):
    assert accepts(action_responses.validate_action_result, response) == accepts(RASA, response)


def test_valid_responses_pass_and_a_refusal_carries_rasas_message():
    assert all(accepts(action_responses.validate_action_result, r) for r in VALID)
    assert sum(not accepts(action_responses.validate_action_result, r) for r in broken()) == len(broken()) - 2
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action_responses.validate_action_result(RemoteAction.__new__(RemoteAction), broken()[2])


def test_install_puts_the_check_in_place(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RASA)
    action_responses.install()
    assert RemoteAction._validate_action_result is action_responses.validate_action_result
