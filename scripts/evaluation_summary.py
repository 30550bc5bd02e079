"""The three figures of issue 11, from the reports `make evaluate` wrote in results/.

    python -m scripts.evaluation_summary [--results results]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts.evaluate_frozen import BASELINE, FRESH_BASELINE, ROOT, SECOND_BASELINE  # the baselines' one place


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
            f"frozen question set (written and frozen {baseline['measured']}, {frozen['question_cases']} turns): "
            f"before {baseline['question_accuracy']:.1%}, now {frozen['question_accuracy']:.1%}",
            f"third frozen question set (tests/frozen3, written and frozen {fresh_baseline['measured']} at the start "
            f"of the third round, {fresh['question_cases']} turns): before {fresh_baseline['question_accuracy']:.1%}, "
            f"now {fresh['question_accuracy']:.1%}",
            f"second question set (tests/frozen2, frozen {second_baseline['measured']}; its misses guided the third "
            f"round, so a development set now): before {second_baseline['question_accuracy']:.1%}, "
            f"now {second['question_accuracy']:.1%}",
            f"5-fold cross-validation of data/nlu: {cv['accuracy']:.1%} "
            f"({cv['weighted avg']['support']} examples, weighted F1 {cv['weighted avg']['f1-score']:.2f})",
            f"answers right at the first try: {slots['share']:.1%} ({slots['right_at_first_try']} of {slots['cases']})",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=ROOT / "results")
    print(summary(parser.parse_args().results))


if __name__ == "__main__":
    main()
