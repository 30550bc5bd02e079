"""``python -m bot.scoring``: answers as JSON on stdin, the scores object as JSON on stdout.

A refused input prints one line on stderr and exits with status 2, printing
nothing on stdout.
"""

from __future__ import annotations

import json
import sys

from bot.scoring import compute_scores
from bot.validation import AnswerError

EXIT_REFUSED = 2


def main(stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr) -> int:
    try:
        answers = json.loads(stdin.read())
    except json.JSONDecodeError as error:
        print(f"input is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}", file=stderr)
        return EXIT_REFUSED
    try:
        scores = compute_scores(answers)
    except AnswerError as error:
        print(" ".join(str(error).split()), file=stderr)
        return EXIT_REFUSED
    print(json.dumps(scores, ensure_ascii=False), file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
