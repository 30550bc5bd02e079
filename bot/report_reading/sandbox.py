"""``read_isolated``: ``reader.read_report`` in a child process with a time limit and a memory limit.

A file from outside may be slow to read (a large scan), or made to hurt (a PDF that makes a parser loop,
an image that decompresses to gigabytes). So it is never read in the server's process:

- a small worker process (``python -m bot.report_reading.worker``; two, so a second upload need not wait
  for the first), started on the first upload, keeps
  the reader's libraries loaded and forks a fresh child for each file (a read starts in milliseconds, and
  no file shares a process with another);
- the child runs with an address-space limit (``CHILD_MEMORY_BYTES``) and Tesseract on one thread, in a
  private temporary folder (pytesseract writes the image there for Tesseract) that the worker removes as
  soon as the child ends, whatever happened: nothing of the file is left on disk;
- a child still reading after ``READ_TIMEOUT_S`` is killed (``Refused(TIMEOUT)``), and a worker that
  stops answering is killed and started again on the next upload.

The worker's output never reaches a log (its standard error goes nowhere), so no text of a file does.
``read_isolated`` blocks; the channels run it in a worker thread, so the server's event loop never waits.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
from typing import Optional

from bot.paths import PROJECT_ROOT
from bot.report_reading.limits import CHILD_MEMORY_BYTES, READ_TIMEOUT_S
from bot.report_reading.reading import BROKEN, REASONS, TIMEOUT, Refused, ReportReading

WORKER = [sys.executable, "-m", "bot.report_reading.worker"]
MARGIN_S = 10  # the worker answers this long after a child's deadline at the latest


class Worker:
    """One worker process, used by one read at a time (its ``lock``)."""

    def __init__(self):
        self.process: Optional[subprocess.Popen] = None
        self.lock = threading.Lock()

    def _running(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONWARNINGS": "ignore"}
            self.process = subprocess.Popen(WORKER, cwd=PROJECT_ROOT, env=env, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
        return self.process

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self.process = None

    def read(self, data: bytes, timeout: float, memory: int) -> dict:
        """One file through this worker; the caller holds ``self.lock``."""
        process = self._running()
        ready: list = []
        try:
            header = json.dumps({"size": len(data), "timeout": timeout, "memory": memory})
            process.stdin.write(header.encode() + b"\n" + data)
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], timeout + MARGIN_S)
            line = process.stdout.readline() if ready else b""
        except (BrokenPipeError, OSError, ValueError):
            line = b""
        if not line:  # the worker hangs or died: start a new one next time
            self.stop()
            return {"refused": TIMEOUT if not ready else BROKEN}
        return json.loads(line)


# Two workers, one per core: a second upload need not wait for the first one's OCR.
_workers = (Worker(), Worker())


def _read(data: bytes, timeout: float, memory: int) -> dict:
    for worker in _workers:  # a free worker, if there is one
        if worker.lock.acquire(blocking=False):
            try:
                return worker.read(data, timeout, memory)
            finally:
                worker.lock.release()
    with _workers[0].lock:  # else wait for the first
        return _workers[0].read(data, timeout, memory)


def read_isolated(data: bytes, timeout: float = READ_TIMEOUT_S, memory: int = CHILD_MEMORY_BYTES) -> ReportReading:
    """The reading of ``data``, made in a child process; Refused when the file is refused, breaks the
    reader or takes longer than ``timeout`` seconds."""
    reply = _read(data, timeout, memory)
    if "refused" in reply:
        raise Refused(reply["refused"] if reply["refused"] in REASONS else BROKEN)
    reading = ReportReading.from_data(reply.get("ok"))
    if reading is None:
        raise Refused(BROKEN)
    return reading


def stop_worker() -> None:
    """Ends the worker processes (bench; they end with the server too, as their standard input closes)."""
    for worker in _workers:
        with worker.lock:
            worker.stop()
