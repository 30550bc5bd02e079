"""Rasa's check of every action server response, made once per event type instead of once per alternative.

Rasa validates each response of the action server against its JSON schema (``RemoteAction._validate_action_result``)
before it applies the events: a response with an unknown or malformed event is refused. The schema says an event
is valid when it matches exactly one of 23 alternatives (``oneOf``), one per event type, each fixed by its
``"event"`` constant. jsonschema tries every alternative for every event, which cost more of the Rasa server's time
than the NLU (docs/performance.md). ``validate_action_result`` checks the same schema the direct way: the response
without its events, then each event against the fields every event has and against the one alternative its
``"event"`` names. Since the alternatives differ in that constant, an event matches exactly one of them if and only
if it matches the one it names, so the same responses pass and fail (tests/unit/test_action_responses.py), and a
refused response raises jsonschema's ``ValidationError`` with Rasa's own message.

``install()`` puts it in place; the Rasa command line of this project (scripts/rasa_cli.py) calls it at start.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _checks() -> tuple:
    """(the response without its events, the fields of every event, {event type: its alternative}) as validators."""
    spec = RemoteAction.action_response_format_spec()
    make = validators.validator_for(spec)
    items = spec["properties"]["events"]["items"]
    response = copy.deepcopy(spec)
    response["properties"]["events"]["items"] = {}
    common = {key: value for key, value in items.items() if key != "oneOf"}
    by_type = {alternative["properties"]["event"]["const"]: make(alternative) for alternative in items["oneOf"]}
    return make(response), make(common), by_type


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """``RemoteAction._validate_action_result``: the same schema, each event checked against its own type."""
    response, common, by_type = _checks()
    try:
        response.validate(result)
        for event in result.get("events") or []:
            common.validate(event)
            alternative = by_type.get(event.get("event"))
            if alternative is None:
                raise ValidationError(f"{event.get('event')!r} is not a known event type")
            alternative.validate(event)
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    """Rasa's remote actions check their responses with ``validate_action_result``."""
    RemoteAction._validate_action_result = validate_action_result
