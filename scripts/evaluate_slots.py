"""Held-out slot filling through the trained NLU and the turn logic; writes a JSON report."""

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rasa.core.agent import Agent  # noqa: E402
from rasa.utils.log_utils import configure_structlog  # noqa: E402

from bot.evaluation import load_cases, slot_filling  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    configure_structlog(logging.WARNING)  # no message texts in the output
    agent = Agent.load(args.model)
    loop = asyncio.new_event_loop()

    def classify(text):
        intent = loop.run_until_complete(agent.parse_message(text))["intent"]
        return intent.get("name"), intent.get("confidence", 0.0)

    cases = load_cases(args.cases)
    share, misses = slot_filling(cases, classify)
    report = {
        "cases": len(cases),
        "right_at_first_try": len(cases) - len(misses),
        "share": round(share, 4),
        "per_item": {
            item: round(1 - sum(m.case.item == item for m in misses) / sum(c.item == item for c in cases), 4)
            for item in dict.fromkeys(c.item for c in cases)
        },
        "misses": [{"item": m.case.item, "text": m.case.text, "expected": m.case.value, "got": m.got} for m in misses],
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"slot filling: {share:.1%} of {len(cases)} held-out answers right at the first try -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
