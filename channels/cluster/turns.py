"""All-or-nothing turns: a message whose turn cannot be completed leaves no trace and gets a Dutch error.

Rasa 3.6 swallows a failed custom action ("the action's events are lost") and carries on: the
message is stored with half a turn and the user gets no answer. Its tracker store wrapper falls back
to memory when the database is unreachable (a fresh, empty conversation). Here instead, once the
agent is loaded (``install``):

- calls to the action server have a timeout (``ACTION_TIMEOUT_S``, 10 s); a connection error, a
  timeout or a 5xx aborts the turn (a 400 stays Rasa's "action rejected");
- the tracker store is used directly, so its errors abort the turn too;
- an aborted turn (or a lock store error) is answered with ``ERROR_TEXT`` (marked ``RETRY_MARK`` for the
  web chat) and nothing of it is
  saved: the tracker is written only at the end of a turn, in one transaction. The conversation is
  where it was, and the same message sent again is handled as if it were the first time.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from channels.cluster import ERROR_TEXT, RETRY_MARK

logger = logging.getLogger(__name__)


class TurnAborted(BaseException):
    """A call the turn depends on failed. A BaseException, so that Rasa's ``except Exception`` around
    each action cannot swallow it and save half a turn."""


class GuardedEndpoint(EndpointConfig):
    """The action server endpoint with a timeout, whose failures abort the turn."""

    def __init__(self, original: EndpointConfig, timeout_s: float):
        super().__init__(original.url, original.params, original.headers, original.basic_auth, original.token,
                         original.token_name, original.cafile, **original.kwargs)  # fmt: skip
        self.type = original.type
        self.timeout_s = timeout_s

    async def request(self, *args: Any, **kwargs: Any) -> Optional[Any]:
        kwargs["timeout"] = aiohttp.ClientTimeout(total=self.timeout_s)
        try:
            return await super().request(*args, **kwargs)
        except ClientResponseError as error:
            if error.status == 400:
                raise
            raise TurnAborted(f"action server answered {error.status}") from None
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise TurnAborted(f"action server unreachable or too slow ({type(error).__name__})") from None


def install(agent: Any, action_timeout_s: float) -> None:
    """Make every turn of ``agent`` all-or-nothing (idempotent)."""
    if getattr(agent, "cluster_guarded", False):
        return
    store = agent.tracker_store
    if isinstance(store, FailSafeTrackerStore):
        store = store._tracker_store
    agent.tracker_store = agent.processor.tracker_store = store
    if agent.action_endpoint is not None:
        guarded = GuardedEndpoint(agent.action_endpoint, action_timeout_s)
        agent.action_endpoint = agent.processor.action_endpoint = guarded
    original = agent.handle_message

    async def handle_message(message: UserMessage) -> Optional[list]:
        try:
            return await original(message)
        except (Exception, TurnAborted) as error:  # never CancelledError: a stopping server finishes its turns
            # The type only: database errors carry the statement's values (answers).
            logger.warning(f"A turn was not completed ({type(error).__name__}); the user is asked to try again.")
            channel = message.output_channel
            collecting = isinstance(channel, CollectingOutputChannel)
            if collecting:
                channel.messages.clear()  # half a turn's messages: not shown, not stored
            await channel.send_text_message(message.sender_id, ERROR_TEXT)
            if collecting:  # the web chat shows it as an error, with "Opnieuw versturen" and the text kept
                channel.messages[-1][RETRY_MARK] = True
            return channel.messages if collecting else None

    agent.handle_message = handle_message
    agent.cluster_guarded = True
