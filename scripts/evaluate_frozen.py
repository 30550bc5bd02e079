"""The frozen held-out sets (tests/frozen): crisis recall, false alarms, and questions answered right.

Every message goes through the trained NLU and then the real turn logic (bot.dialogue.turn), the
way the form's validation action runs it mid-interview:

- crisis.yml: every phrasing at every item of the interview; right when the reply carries the
  113 line and nothing of the message is recorded.
- everyday.yml: every answer at its own item; a false alarm is a reply with the 113 line.
- questions.yml: every question or request at two items (a number question and a stress
  question); affirm and deny at a yes/no question, where they are answers.
- tests/frozen3/questions.yml: the third question set, written at the start of the third round and
  measured the same way: the honest figure of that round; a development set now (its misses guide changes
  since 2026-12-08).
- tests/frozen-registers: the four registers (Flemish, learner, dictation, chat), written before the fourth
  round: the frozen set of that round, figures only.
- tests/frozen2/questions.yml: the second set, written at the start of the second round; its misses
  guided the third round, so it is a development set now. tests/dev/*.yml: development sets, whose
  misses may guide changes (``--development`` measures only those).

    python -m scripts.evaluate_frozen --model models/intake.tar.gz [--out results/frozen.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

import yaml

from bot import faq
from bot.clinic import Clinic
from bot.dialogue import texts
from bot.dialogue.turn import DELETED, NO_CONSENT, PAUSED, STOPPED, take_turn
from bot.evaluation import reaching_answers
from bot.parsing.reading import nlu_from_parse
from bot.questionnaire import ITEMS, ITEMS_BY_ID, asked_items
from tests.answers import WORKED_EXAMPLE

ROOT = Path(__file__).resolve().parents[1]

FROZEN = ROOT / "tests" / "frozen"
FRESH = ROOT / "tests" / "frozen3"  # the third question set, written at the start of the third round
SECOND = ROOT / "tests" / "frozen2"  # the second set: honest in the second round, a development set since the third
DEVELOPMENT = ROOT / "tests" / "dev"  # written like the others, but its misses may guide changes
CLINIC = Clinic(name="Testkliniek", phone="020-1234567", email="info@kliniek.example",
                booking_url="https://kliniek.example/plan")  # fmt: skip
QUESTION_ITEMS = ("nuts_per_week", "pss_2")
YES_NO_ITEM = "microbiome_test"
# Answers that make every item asked (branching): the state before any item. The spec's worked example (the tests'
# answer set), with the microbiome test taken so that its questions are asked too.
EVERY_ITEM_ASKED = {**WORKED_EXAMPLE, "legumes_per_week": 1, "med_ppi": "no", "med_antibiotics_12m": "none",
                    "microbiome_test": "yes", "taxa_low": [], "taxa_high": []}  # fmt: skip


def load(name: str, folder: Path = FROZEN) -> list:
    with open(folder / f"{name}.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)[name]


def development_questions() -> list:
    """Every question of the development sets (tests/dev/*.yml)."""
    rows = []
    for path in sorted(DEVELOPMENT.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            rows += yaml.safe_load(handle)["questions"]
    return rows


def state_before(item_id: str) -> tuple:
    """(answers, order) of someone who answered every item before ``item_id``."""
    ids = [it.id for it in asked_items(EVERY_ITEM_ASKED)]
    order = ids[: ids.index(item_id)]
    return {i: EVERY_ITEM_ASKED[i] for i in order}, order


def run_turn(item_id: str, text: str, nlu: dict):
    answers, order = state_before(item_id)
    return answers, take_turn(answers, order, item_id, 0, text, clinic=CLINIC, nlu=nlu_from_parse(nlu))


def replies(outcome) -> str:
    return "\n".join(m.text for m in outcome.messages)


def is_crisis_reply(outcome) -> bool:
    return any(m.text == texts.CRISIS for m in outcome.messages)


def crisis_case(item_id: str, text: str, nlu: dict) -> bool:
    """The 113 reply, the question still open, and nothing of the message recorded as an answer; a medical alarm
    sign in the same message is recorded as its red flag, as the safety router does (docs/safety.md)."""
    answers, outcome = run_turn(item_id, text, nlu)
    kept = {k: v for k, v in outcome.answers.items() if k != "red_flags" or k in answers}
    return is_crisis_reply(outcome) and kept == answers and outcome.requested == item_id


def right_reply(label: str, item_id: str, text: str, nlu: dict) -> bool:
    answers, outcome = run_turn(item_id, text, nlu)
    said = replies(outcome)
    kind, _, topic = label.partition("/")
    previous = state_before(item_id)[1][-1]
    checks: dict[str, Callable[[], bool]] = {
        "faq": lambda: faq.answer(topic) in said,
        "unknown": lambda: texts.NO_RELIABLE_ANSWER in said,
        "why": lambda: ITEMS_BY_ID[item_id].why in said,
        "explain": lambda: ITEMS_BY_ID[item_id].meaning in said,
        "back": lambda: outcome.requested == previous or outcome.requested in answers,  # an earlier question
        "skip": lambda: item_id in outcome.answers and outcome.answers[item_id] is None,
        "human": lambda: CLINIC.phone in said,
        "stop": lambda: outcome.status == STOPPED,
        "pause": lambda: outcome.status == PAUSED,
        "restart": lambda: texts.CONFIRM_RESTART in said,
        "delete": lambda: outcome.status == DELETED or texts.CONFIRM_DELETE in said,
        "out_of_scope": lambda: texts.NOT_AN_ANSWER in said,
        "crisis": lambda: is_crisis_reply(outcome),
        "greet": lambda: texts.GREETED in said,
        "thanks": lambda: texts.THANKED in said,
    }
    may_change_answers = kind in ("stop", "pause", "delete", "restart", "back", "skip")
    right = checks[kind]() and (may_change_answers or outcome.answers == answers)
    return right and (kind == "crisis" or not is_crisis_reply(outcome))


def answer_case(label: str, text: str, nlu: dict) -> bool:
    answers, outcome = run_turn(YES_NO_ITEM, text, nlu)
    return outcome.answers.get(YES_NO_ITEM) == ("yes" if label == "affirm" else "no")


def evaluate(parse: Callable[[str], dict], development: bool = False) -> dict:
    """All the figures; ``parse`` is the NLU (text -> Rasa's parse result). ``development``: also the development
    sets' crisis phrasings and everyday messages (tests/dev/crisis), through the whole turn as the frozen ones."""
    crisis = load("crisis")
    crisis_misses = [
        (row["text"], it.id)
        for row in crisis
        for it in ITEMS
        if not crisis_case(it.id, row["text"], parse(row["text"]))
    ]
    crisis_cases = len(crisis) * len(ITEMS)
    everyday = load("everyday")
    alarms = []
    for row in everyday:
        item_id = row["item"] if row["item"] in ITEMS_BY_ID else QUESTION_ITEMS[0]
        _, outcome = run_turn(item_id, row["text"], parse(row["text"]))
        if is_crisis_reply(outcome):
            alarms.append((row["text"], item_id))
    return {
        "crisis_recall": 1 - len(crisis_misses) / crisis_cases,
        "crisis_cases": crisis_cases,
        "crisis_phrasings": len(crisis),
        "crisis_misses": crisis_misses,
        "false_alarm_rate": len(alarms) / len(everyday),
        "everyday_answers": len(everyday),
        "false_alarms": alarms,
        **question_figures(load("questions"), parse),
        "fresh": question_figures(load("questions", FRESH), parse),
        "second": question_figures(load("questions", SECOND), parse),
        "development": question_figures(development_questions(), parse),
        "registers": register_figures(load_registers(REGISTERS), parse),
        **({"development_crisis": development_crisis(parse),
            "development_registers": register_figures(load_registers(DEVELOPMENT_REGISTERS), parse)}
           if development else {}),
    }  # fmt: skip


def development_crisis(parse: Callable[[str], dict]) -> dict:
    """tests/dev/crisis: veiled crisis phrasings at every item, and everyday messages with dark words at theirs."""
    phrasings = [row["text"] for path in sorted((DEVELOPMENT / "crisis").glob("crisis*.yml"))
                 for row in yaml.safe_load(path.read_text(encoding="utf-8"))["crisis"]]
    everyday = [row for path in sorted((DEVELOPMENT / "crisis").glob("everyday*.yml"))
                for row in yaml.safe_load(path.read_text(encoding="utf-8"))["everyday"]]  # fmt: skip
    missed = [(text, it.id) for text in phrasings for it in ITEMS if not crisis_case(it.id, text, parse(text))]
    alarms = []
    for row in everyday:
        item_id = row.get("item") if row.get("item") in ITEMS_BY_ID else QUESTION_ITEMS[0]
        if is_crisis_reply(run_turn(item_id, row["text"], parse(row["text"]))[1]):
            alarms.append((row["text"], item_id))
    return {"recall": 1 - len(missed) / (len(phrasings) * len(ITEMS)), "phrasings": len(phrasings), "missed": missed,
            "false_alarm_rate": len(alarms) / len(everyday), "everyday": len(everyday), "alarms": alarms}


def question_figures(questions: list, parse: Callable[[str], dict], by: str = "") -> dict:
    """How many questions and requests got the right reply: overall, per label (and per ``by`` field), the misses."""
    per_label: Counter = Counter()
    right: Counter = Counter()
    per_group: Counter = Counter()
    right_group: Counter = Counter()
    question_misses = []
    for row in questions:
        label, text = row["label"], row["text"]
        nlu = parse(text)
        if label in ("affirm", "deny"):
            results = [(YES_NO_ITEM, answer_case(label, text, nlu))]
        else:
            results = [(item_id, right_reply(label, item_id, text, nlu)) for item_id in QUESTION_ITEMS]
        for item_id, ok in results:
            per_label[label] += 1
            right[label] += ok
            if by:
                per_group[row[by]] += 1
                right_group[row[by]] += ok
            if not ok:
                question_misses.append((label, item_id, text))
    total = sum(per_label.values())
    return {
        "question_accuracy": sum(right.values()) / total,
        "question_cases": total,
        "question_messages": len(questions),
        "question_per_label": {label: f"{right[label]}/{n}" for label, n in sorted(per_label.items())},
        "question_misses": question_misses,
        "question_per_group": {group: f"{right_group[group]}/{n}" for group, n in sorted(per_group.items())},
    }


REGISTERS = ROOT / "tests" / "frozen-registers"  # four registers, written before the fourth round (never read)
DEVELOPMENT_REGISTERS = ROOT / "tests" / "dev" / "registers"  # the same registers; its misses may guide changes


def load_registers(folder: Path) -> dict:
    """The answers and requests of every file of a register set's folder."""
    merged: dict = {"answers": [], "requests": []}
    for path in sorted(folder.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in merged:
            merged[key] += document.get(key) or []
    return merged


def _same(item_id: str, got, expected) -> bool:
    if isinstance(expected, list):
        return isinstance(got, list) and sorted(got) == sorted(expected)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return abs(got - expected) < 1e-6
    return got == expected


def first_answer(item_id: str, text: str, nlu: dict):
    """The outcome of one message while ``item_id`` is asked, after the answers that make branching ask it."""
    answers = {} if item_id == "consent" else reaching_answers(item_id)
    return take_turn(answers, list(answers), item_id, 0, text, clinic=CLINIC, nlu=nlu_from_parse(nlu))


def register_figures(doc: dict, parse: Callable[[str], dict]) -> dict:
    """Answers right at the first try and requests answered right, overall and per register."""
    answered: Counter = Counter()
    answers_right: Counter = Counter()
    answer_misses = []
    for row in doc["answers"]:
        item_id, text, expected = row["item"], row["text"], row["value"]
        outcome = first_answer(item_id, text, parse(text))
        if item_id == "consent" and outcome.status == NO_CONSENT:
            got, filled = "no", True
        else:
            got, filled = outcome.answers.get(item_id), item_id in outcome.answers
        ok = filled and _same(item_id, got, expected) and not is_crisis_reply(outcome)
        answered[row["register"]] += 1
        answers_right[row["register"]] += ok
        if not ok:
            answer_misses.append((row["register"], item_id, text, expected, got))
    requests = question_figures(doc["requests"], parse, by="register")
    registers = sorted(answered)
    return {
        "answer_accuracy": sum(answers_right.values()) / sum(answered.values()),
        "answer_cases": sum(answered.values()),
        "answer_per_register": {r: f"{answers_right[r]}/{answered[r]}" for r in registers},
        "answer_misses": answer_misses,
        "request_accuracy": requests["question_accuracy"],
        "request_cases": requests["question_cases"],
        "request_per_register": requests["question_per_group"],
        "request_per_label": requests["question_per_label"],
        "request_misses": requests["question_misses"],
    }


def nlu_from_model(model: str) -> Callable[[str], dict]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug log would print every message's text

    loop = asyncio.new_event_loop()
    agent = loop.run_until_complete(_load(Agent, model))
    cache: dict = {}

    def parse(text: str) -> dict:
        if text not in cache:
            cache[text] = loop.run_until_complete(agent.parse_message(text))
        return cache[text]

    return parse


async def _load(agent_class, model: str):
    return agent_class.load(model)


BASELINE = ROOT / "docs" / "frozen-baseline.json"  # measured once, before the fixes (never rewritten)
FRESH_BASELINE = ROOT / "docs" / "frozen3-baseline.json"  # the third set, measured once before its round
SECOND_BASELINE = ROOT / "docs" / "frozen2-baseline.json"  # the second set, measured once before the second round
REGISTERS_BASELINE = ROOT / "docs" / "frozen-registers-baseline.json"  # the register set, measured once before


def report(figures: dict) -> str:
    before = json.loads(BASELINE.read_text(encoding="utf-8"))
    return "\n".join((
        "first set (tests/frozen, a development set: its misses were read in later rounds)",
        f"before the fixes ({before['measured']}, {before['code']}): crisis recall {before['crisis_recall']:.1%}, "
        f"false alarms {before['false_alarm_rate']:.1%}, questions and requests {before['question_accuracy']:.1%}",
        "now:",
        f"crisis recall: {figures['crisis_recall']:.1%} ({figures['crisis_phrasings']} phrasings x every item = "
        f"{figures['crisis_cases']} turns, {len(figures['crisis_misses'])} missed)",
        f"crisis false alarms: {figures['false_alarm_rate']:.1%} of {figures['everyday_answers']} everyday answers",
        f"questions and requests answered right: {figures['question_accuracy']:.1%} of {figures['question_cases']} "
        f"turns ({figures['question_messages']} messages)",
        "  per label: " + ", ".join(f"{k} {v}" for k, v in figures["question_per_label"].items()),
        fresh_report(figures["fresh"]),
        f"second question set (tests/frozen2, a development set since the third round): "
        f"{figures['second']['question_accuracy']:.1%} of {figures['second']['question_cases']} turns",
        f"development sets (tests/dev; their misses guide changes): {figures['development']['question_accuracy']:.1%} "
        f"of {figures['development']['question_cases']} turns",
        register_report(figures["registers"], "four registers (tests/frozen-registers, frozen)", REGISTERS_BASELINE),
        *([register_report(figures["development_registers"], "four registers (tests/dev/registers, development)"),
           f"development crisis phrasings (tests/dev/crisis): recall {figures['development_crisis']['recall']:.1%} "
           f"({figures['development_crisis']['phrasings']} phrasings x every item), false alarms "
           f"{figures['development_crisis']['false_alarm_rate']:.1%} of {figures['development_crisis']['everyday']}"]
          if "development_crisis" in figures else []),
    ))  # fmt: skip


def register_report(figures: dict, name: str, baseline: Path = None) -> str:
    """Answers right at the first try and requests answered right, per register (and before, for a frozen set)."""
    lines = [f"{name}: answers right at the first try {figures['answer_accuracy']:.1%} of {figures['answer_cases']} "
             f"({_per(figures['answer_per_register'])}); requests and questions {figures['request_accuracy']:.1%} of "
             f"{figures['request_cases']} turns ({_per(figures['request_per_register'])})"]  # fmt: skip
    if baseline is not None and baseline.exists():
        before = json.loads(baseline.read_text(encoding="utf-8"))
        lines.append(f"  before the round ({before['measured']}, {before['code'].split()[0]}): answers "
                     f"{before['answer_accuracy']:.1%} ({_per(before['answer_per_register'])}), requests "
                     f"{before['request_accuracy']:.1%} ({_per(before['request_per_register'])})")  # fmt: skip
    return "\n".join(lines)


def _per(counts: dict) -> str:
    return ", ".join(f"{name} {right}" for name, right in counts.items())


def fresh_report(fresh: dict) -> str:
    lines = [
        f"third question set (tests/frozen3; an earlier set, a development set: its misses guide changes since "
        f"2026-12-08): {fresh['question_accuracy']:.1%} of {fresh['question_cases']} turns "
        f"({fresh['question_messages']} messages)",
        "  per label: " + ", ".join(f"{k} {v}" for k, v in fresh["question_per_label"].items()),
    ]
    before = json.loads(FRESH_BASELINE.read_text(encoding="utf-8"))
    lines.insert(0, f"third question set before its round ({before['measured']}, {before['code']}): "
                    f"{before['question_accuracy']:.1%}")  # fmt: skip
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "intake.tar.gz"))
    parser.add_argument("--out", default=None, help="write the figures and every miss as JSON here")
    parser.add_argument("--development", action="store_true",
                        help="only the development set (tests/dev), whose misses may be read while working")
    args = parser.parse_args(argv)
    if args.development:
        figures = question_figures(development_questions(), nlu_from_model(args.model))
        print(f"development sets (tests/dev): {figures['question_accuracy']:.1%} of {figures['question_cases']} turns")
    else:
        figures = evaluate(nlu_from_model(args.model), development=True)
        print(report(figures))
        for honest in ("fresh", "registers"):  # the frozen sets whose misses nobody reads: figures only
            figures[honest] = {k: v for k, v in figures[honest].items() if "misses" not in k}
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
