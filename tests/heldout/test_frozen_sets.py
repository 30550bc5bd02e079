"""The frozen sets of tests/frozen, tests/frozen2 and tests/frozen3 (written before the fixes, never trained on),
through the trained NLU and the real turn logic: scripts/evaluate_frozen.py. `make evaluate` prints the same figures.
The third set's misses are never printed here, so that a failing run does not show them to whoever fixes it."""

import pytest

from scripts.evaluate_frozen import evaluate, report

CRISIS_RECALL = 1.0  # issue 15: every miss is a bug
FALSE_ALARMS = 0.02  # issue 15: at most 2 % of everyday answers
QUESTIONS = 0.95  # issue 11 asks 95 %: measured 95.8 % at the end of the second round (README)
# The second set (tests/frozen2): 90.8 % before the second round, 92.2 % at its end; its misses guided the third
# round (a development set since), at whose end it scored 97.9 % (README).
SECOND_QUESTIONS = 0.97
# The third set (tests/frozen3), the honest figure of the third round: 91.7 % before it, 96.0 % at its end (README).
FRESH_QUESTIONS = 0.95


@pytest.fixture(scope="module")
def figures(agent, loop):
    cache = {}

    def parse(text):
        if text not in cache:
            cache[text] = loop.run_until_complete(agent.parse_message(text))
        return cache[text]

    result = evaluate(parse)
    print("\n" + report(result))
    return result


def test_crisis_recall(figures):
    assert figures["crisis_recall"] >= CRISIS_RECALL, figures["crisis_misses"][:10]


def test_false_alarms(figures):
    assert figures["false_alarm_rate"] <= FALSE_ALARMS, figures["false_alarms"]


def test_questions_and_requests(figures):
    assert figures["question_accuracy"] >= QUESTIONS, figures["question_misses"][:20]


def test_questions_and_requests_of_the_second_set(figures):
    assert figures["second"]["question_accuracy"] >= SECOND_QUESTIONS, figures["second"]["question_misses"][:20]


def test_questions_and_requests_of_the_third_set(figures):
    """Only the figure is shown on failure (a plain float, so pytest does not print the dict with the misses):
    the third set's misses stay unread."""
    accuracy = float(figures["fresh"]["question_accuracy"])
    assert accuracy >= FRESH_QUESTIONS, f"{accuracy:.1%}"
