"""The worker process of ``sandbox``: ``python -m bot.report_reading.worker``.

It loads the reader's libraries once, then for each request on standard input (a JSON header line with
the size, time limit and memory limit, then the file's bytes) forks a child that reads the file, and
writes one JSON line to standard output: ``{"ok": reading}`` or ``{"refused": reason}``. The child gets
the memory limit and a private temporary folder, which is removed when it ends; a child past its time
limit is killed. The worker itself keeps nothing of a file. It ends when its standard input closes.
"""

from __future__ import annotations

import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time


def preload() -> None:
    """The libraries a read needs, loaded before any fork (so each child starts at once)."""
    import cv2  # noqa: F401
    import numpy  # noqa: F401
    import pdfplumber  # noqa: F401
    import pypdf  # noqa: F401
    import pytesseract  # noqa: F401
    from PIL import Image  # noqa: F401

    import bot.report_reading.reader  # noqa: F401


def child(data: bytes, folder: str, memory: int, out: int) -> None:
    """In the forked child: limits, the reading, one JSON reply written to ``out``."""
    from bot.report_reading.reader import read_report
    from bot.report_reading.reading import BROKEN, Refused

    os.environ["TMPDIR"] = folder
    tempfile.tempdir = folder
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        reply = {"ok": read_report(data).as_data()}
    except Refused as refused:
        reply = {"refused": refused.reason}
    except Exception:  # noqa: BLE001 (whatever a hostile file causes in a library: a file we cannot read)
        reply = {"refused": BROKEN}
    payload = json.dumps(reply).encode()
    while payload:
        payload = payload[os.write(out, payload):]


def run_one(data: bytes, timeout: float, memory: int) -> dict:
    """Reads one file in a forked child; the child's reply, or a refusal when it died or ran out of time."""
    from bot.report_reading.reading import BROKEN, TIMEOUT

    folder = tempfile.mkdtemp(prefix="report-")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child, in a process group of its own: Tesseract dies with it
        os.setpgid(0, 0)
        os.close(read_end)
        try:
            child(data, folder, memory, write_end)
        finally:
            os._exit(0)
    try:
        os.setpgid(pid, pid)  # also here, so the group exists whichever of the two runs first
    except OSError:
        pass
    os.close(write_end)
    chunks, deadline, timed_out = [], time.monotonic() + timeout, False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                timed_out = True
                break
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if timed_out:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)
        os.close(read_end)
        shutil.rmtree(folder, ignore_errors=True)
    if timed_out:
        return {"refused": TIMEOUT}
    try:
        return json.loads(b"".join(chunks))
    except ValueError:  # the child died before it answered (the memory limit, a crash in a library)
        return {"refused": BROKEN}


def main() -> int:
    preload()
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = requests.readline()
        if not header:
            return 0
        request = json.loads(header)
        data = requests.read(int(request["size"]))
        reply = run_one(data, float(request["timeout"]), int(request["memory"]))
        replies.write(json.dumps(reply).encode() + b"\n")
        replies.flush()


if __name__ == "__main__":
    sys.exit(main())
