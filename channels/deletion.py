"""The one code path that deletes a conversation after "verwijder mijn gegevens", for every channel.

The delete actions (actions/tracker_state.py) delete the intake record and send a bot message
whose custom JSON is ``DELETE_MARKER``; it is never shown to anyone. Each channel collects the
bot's messages for one user message, hands them to ``handle_delete_marker`` and shows only what
it returns: when the marker was among them, the conversation is gone from the tracker store.
"""

from __future__ import annotations

from typing import Any

from bot.channel_messages import DELETE_MARKER


def unwrap(store: Any) -> Any:
    """The real tracker store behind Rasa's fail-safe and awaitable wrappers."""
    while getattr(store, "_tracker_store", None) is not None:
        store = store._tracker_store
    return store


def delete_tracker(store: Any, sender_id: str) -> None:
    """Remove one conversation from the tracker store (SQL, Redis or in memory)."""
    store = unwrap(store)
    if hasattr(store, "session_scope") and hasattr(store, "SQLEvent"):
        with store.session_scope() as session:
            session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete()
            session.commit()
    elif hasattr(store, "red"):
        store.red.delete(getattr(store, "key_prefix", "") + sender_id)
    elif isinstance(getattr(store, "store", None), dict):
        store.store.pop(sender_id, None)
    else:
        raise RuntimeError(f"cannot delete from a {type(store).__name__}")


def is_delete_marker(message: dict) -> bool:
    return (message.get("custom") or {}) == DELETE_MARKER


def handle_delete_marker(messages: list, store: Any, sender_id: str) -> list:
    """The messages without the marker; when it was there, the conversation is deleted first."""
    kept = [m for m in messages if not is_delete_marker(m)]
    if len(kept) < len(messages):
        delete_tracker(store, sender_id)
    return kept
