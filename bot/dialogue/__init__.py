"""The intake conversation: questions, turns and results, without Rasa."""
