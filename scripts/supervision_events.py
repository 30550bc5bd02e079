"""A supervisord event listener (scripts/supervision.py): says in plain words when a program keeps crashing.

supervisord already starts again a program that dies, and logs each exit ("exited: rasa (terminated by
SIGKILL; not expected)"). A crash loop must not hide among those lines, so this listener reports it
in a block of its own, writes it to ``--dir``/crash-loop.txt, and with ``--stop-on-crash-loop``
(`make run`, where nothing else would serve) stops supervisord, so that `make run` ends with the
report and exit status 1 instead of restarting for ever. A crash loop is:

- supervisord gave up on a program (FATAL): it died within ``startsecs`` of every one of its
  ``startretries`` starts, with a growing pause between them;
- or it died unexpectedly ``CRASH_LOOP_EXITS`` times within ``CRASH_LOOP_WINDOW_S`` after having
  started each time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict, deque
from pathlib import Path

from supervisor import childutils

from scripts.supervision import CRASH_REPORT

CRASH_LOOP_EXITS = 5
CRASH_LOOP_WINDOW_S = 600.0


def report(directory: Path, text: str) -> None:
    block = "\n".join(["", "=" * 78, "CRASH LOOP: " + text, "=" * 78, ""])
    sys.stderr.write(block + "\n")
    sys.stderr.flush()
    with open(directory / CRASH_REPORT, "a", encoding="utf-8") as handle:
        handle.write(text + "\n")


class Watch:
    def __init__(self, directory: Path, stop: bool, exits: int = CRASH_LOOP_EXITS,
                 window: float = CRASH_LOOP_WINDOW_S, clock=time.monotonic):  # fmt: skip
        self.directory, self.stop, self.exits, self.window, self.clock = directory, stop, exits, window, clock
        self.recent: dict = defaultdict(deque)

    def event(self, name: str, data: dict) -> str:
        """The crash-loop report for this event, or ""."""
        program = data.get("processname", "?")
        if name == "PROCESS_STATE_FATAL":
            return (f"{program} could not be started: it stopped within seconds on each of its last tries, "
                    "so it is no longer started again. Its error is in the log above.")  # fmt: skip
        if name == "PROCESS_STATE_EXITED" and data.get("expected") == "0":
            now, recent = self.clock(), self.recent[program]
            recent.append(now)
            while recent and recent[0] < now - self.window:
                recent.popleft()
            if len(recent) >= self.exits:
                recent.clear()
                return (f"{program} stopped unexpectedly {self.exits} times within {self.window / 60:.0f} minutes. "
                        "It is started again each time, but something is wrong: see the log above.")  # fmt: skip
        return ""

    def act(self, text: str, rpc) -> None:
        if self.stop:
            text += " Stopping everything (exit status 1)."
        report(self.directory, text)
        if self.stop:
            rpc.supervisor.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--stop-on-crash-loop", action="store_true")
    args = parser.parse_args()
    watch = Watch(args.dir, args.stop_on_crash_loop)
    rpc = childutils.getRPCInterface(os.environ)
    while True:
        headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
        data = childutils.get_headers(payload.split("\n", 1)[0])
        text = watch.event(headers["eventname"], data)
        childutils.listener.ok(sys.stdout)
        if text:
            watch.act(text, rpc)


if __name__ == "__main__":
    sys.exit(main())
