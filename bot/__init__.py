"""The intake assistant's core: questionnaire, scoring, advice and Dutch text parsing.

Nothing in this package imports Rasa; the Rasa actions in ``actions/`` are thin
adapters around it.
"""
