"""The headline figures, before and now, from the reports `make evaluate` wrote in results/.

    python -m scripts.evaluation_summary [--results results]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts import evaluate_safety
from scripts.evaluate_frozen import (  # the baselines' one place
    BASELINE,
    FRESH_BASELINE,
    REGISTERS_BASELINE,
    ROOT,
    SECOND_BASELINE,
)


def summary(results: Path) -> str:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    frozen = json.loads((results / "frozen.json").read_text(encoding="utf-8"))
    cv = json.loads((results / "cv" / "intent_report.json").read_text(encoding="utf-8"))
    slots = json.loads((results / "slot_filling.json").read_text(encoding="utf-8"))
    fresh_baseline = json.loads(FRESH_BASELINE.read_text(encoding="utf-8"))
    second_baseline = json.loads(SECOND_BASELINE.read_text(encoding="utf-8"))
    fresh, second = frozen["fresh"], frozen["second"]
    return "\n".join(
        [
            *_frozen_of_this_round(frozen, results),
            f"first question set (tests/frozen, written and frozen {baseline['measured']}, a development set since, "
            f"{frozen['question_cases']} turns): "
            f"before {baseline['question_accuracy']:.1%}, now {frozen['question_accuracy']:.1%}",
            f"third question set (tests/frozen3, written and frozen {fresh_baseline['measured']} at the start "
            f"of the third round, reported as development since the fourth, {fresh['question_cases']} turns): "
            f"before {fresh_baseline['question_accuracy']:.1%}, "
            f"now {fresh['question_accuracy']:.1%}",
            f"second question set (tests/frozen2, frozen {second_baseline['measured']}; its misses guided the third "
            f"round, so a development set now): before {second_baseline['question_accuracy']:.1%}, "
            f"now {second['question_accuracy']:.1%}",
            f"5-fold cross-validation of data/nlu: {cv['accuracy']:.1%} "
            f"({cv['weighted avg']['support']} examples, weighted F1 {cv['weighted avg']['f1-score']:.2f})",
            f"answers right at the first try: {slots['share']:.1%} ({slots['right_at_first_try']} of {slots['cases']})",
        ]
    )


def _frozen_of_this_round(frozen: dict, results: Path) -> list:
    """The register set and the safety set (written before the fourth round), before and now, when measured."""
    lines = []
    if "registers" in frozen:
        now, before = frozen["registers"], json.loads(REGISTERS_BASELINE.read_text(encoding="utf-8"))
        lines.append(f"four registers (tests/frozen-registers, written and frozen {before['measured']}): answers "
                     f"right at the first try before {before['answer_accuracy']:.1%}, now {now['answer_accuracy']:.1%};"
                     f" requests before {before['request_accuracy']:.1%}, "
                     f"now {now['request_accuracy']:.1%}")  # fmt: skip
    if (results / "safety.json").exists():
        now = json.loads((results / "safety.json").read_text(encoding="utf-8"))["frozen"]
        before = json.loads(evaluate_safety.BASELINE.read_text(encoding="utf-8"))
        recall = "; ".join(f"{s} {before['recall'][s]} -> {now['recall'][s]}" for s in evaluate_safety.SITUATIONS)
        lines.append(f"safety (tests/frozen-safety, written and frozen {before['measured']}): {recall}; suicide-line "
                     f"false alarms on everyday messages {before['suicide_line_false_alarms_everyday']:.1%} -> "
                     f"{now['suicide_line_false_alarms_everyday']:.1%}")  # fmt: skip
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=ROOT / "results")
    print(summary(parser.parse_args().results))


if __name__ == "__main__":
    main()
