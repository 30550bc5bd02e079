"""A conversation helper on the shared agent fixture (tests/conftest.py)."""

import pytest


class Conversation:
    """One user talking to the assistant; keeps every reply and the tracker after each turn."""

    def __init__(self, agent, loop, sender):
        self.agent, self.loop, self.sender = agent, loop, sender
        self.replies: list = []

    def say(self, text: str) -> list:
        responses = self.loop.run_until_complete(self.agent.handle_text(text, sender_id=self.sender)) or []
        self.replies = [r["text"] for r in responses if r.get("text")]
        self.custom = [r["custom"] for r in responses if r.get("custom")]
        return self.replies

    def slot(self, name: str):
        return self.tracker().get_slot(name)

    def tracker(self):
        return self.loop.run_until_complete(self.agent.processor.get_tracker(self.sender))


@pytest.fixture
def conversation(agent, loop, request):
    return Conversation(agent, loop, f"test-{request.node.name}")
