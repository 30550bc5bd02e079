"""Process supervision shared by `make run` (scripts/run.py) and `make cluster` (scripts/cluster.py): supervisord.

Each caller lists its programs; this module renders supervisord's configuration from
scripts/templates/supervisord.conf.template into a folder of its own, starts supervisord in the
foreground as a child, and talks to it over its XML-RPC socket. supervisord starts every program,
starts again one that dies (at once when it had been up for ``startsecs``; with a growing pause,
1 s, 2 s, 3 s..., when it dies sooner, and gives up after ``startretries`` such tries), and stops
them all in reverse priority order on SIGTERM or SIGINT (Ctrl-C).

Two event listeners go with it:

- superlance's ``httpok`` asks a program's health URL every 5 s and restarts the program when it
  does not answer in time (a hung action server);
- ``scripts/supervision_events.py`` reports every unexpected exit and a crash loop in plain words
  (and, for `make run`, then stops everything: see there).
"""

from __future__ import annotations

import ctypes
import os
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts" / "templates" / "supervisord.conf.template"
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python")
CRASH_REPORT = "crash-loop.txt"  # written by supervision_events.py when it gives up on a program
# How long each server needs before it counts as started (supervisord's startsecs), the same under `make run`
# and `make cluster`: a death sooner is a failed start, tried again after a growing pause, RASA_STARTRETRIES times.
# The action server loads the Dutch pipeline before it listens: 5 s alone, 30 s on a busy machine. httpok asks
# only once it counts as started, so this must cover the slowest start (else httpok restarts it while it loads).
ACTION_STARTSECS = 60
RASA_STARTSECS = 30  # a Rasa server that dies sooner failed to start (bad settings or model, port taken)
RASA_STARTRETRIES = 4
RPC_USER = "supervisor"  # the name in scripts/templates/supervisord.conf.template
LISTENER_PRIORITY = 900  # started after the programs and stopped before them: no health check while they stop
HEALTH_TIMEOUT_MIN_S = 5
MAX_SOCKET_PATH = 100  # a unix socket's path must stay under 108 bytes


@dataclass
class Program:
    """One supervised process. ``log`` is a file, or "" for supervisord's own standard output."""

    name: str
    command: list
    priority: int = 100  # started in ascending order, stopped in descending order
    startsecs: int = 1  # up this long counts as started; a death sooner is a failed start (backoff)
    startretries: int = 5  # failed starts in a row before supervisord gives up (FATAL)
    stopwaitsecs: int = 30  # after the stop signal, SIGKILL when it has not ended
    stopsignal: str = "TERM"
    autostart: bool = True
    log: str = ""
    environment: dict = field(default_factory=dict)
    user: str = ""
    group: str = ""  # programs of one group are stopped together (the Rasa servers of the cluster)


@dataclass
class Listener:
    """An event listener: a program that supervisord sends events to (superlance's httpok, ours)."""

    name: str
    command: list
    events: str


def _escape(text: str) -> str:
    return str(text).replace("%", "%%")  # supervisord expands %(name)s in its values


def _section(kind: str, name: str, options: dict) -> str:
    lines = [f"[{kind}:{name}]"] + [f"{key}={value}" for key, value in options.items() if value is not None]
    return "\n".join(lines) + "\n"


def _output(log: str) -> dict:
    if log:
        return {"stdout_logfile": _escape(log), "stdout_logfile_maxbytes": "20MB", "stdout_logfile_backups": 2}
    return {"stdout_logfile": "/dev/stdout", "stdout_logfile_maxbytes": 0}


def program_section(program: Program) -> str:
    environment = ",".join(f'{key}="{_escape(value)}"' for key, value in program.environment.items())
    return _section("program", program.name, {
        "command": _escape(shlex.join(program.command)), "directory": str(ROOT), "priority": program.priority,
        "autostart": str(program.autostart).lower(), "autorestart": "true",
        "startsecs": program.startsecs, "startretries": program.startretries, "stopsignal": program.stopsignal,
        "stopwaitsecs": program.stopwaitsecs, "stopasgroup": "true", "killasgroup": "true",
        "redirect_stderr": "true", **_output(program.log), "environment": environment or None,
        "user": program.user or None,
    })  # fmt: skip


def listener_section(listener: Listener, password: str) -> str:
    # The listeners call supervisord back (supervisor.childutils reads these two variables).
    environment = f'SUPERVISOR_USERNAME="{RPC_USER}",SUPERVISOR_PASSWORD="{password}"'
    return _section("eventlistener", listener.name, {"environment": environment,
        "command": _escape(shlex.join(listener.command)), "directory": str(ROOT), "events": listener.events,
        "priority": LISTENER_PRIORITY, "autorestart": "true", "startsecs": 0, "buffer_size": 100, "stopsignal": "KILL",
        "stderr_logfile": "/dev/stdout", "stderr_logfile_maxbytes": 0, "stdout_logfile": "NONE",
    })  # fmt: skip


def health_listener(program: str, url: str, timeout_s: float) -> Listener:
    """superlance's httpok: restart ``program`` (a name, or group:name) when ``url`` does not answer 200 within
    ``timeout_s`` (at least 5 s). It asks every 5 s, and only while the program is RUNNING, so not while it starts."""
    name = program.split(":")[-1]
    timeout = str(max(HEALTH_TIMEOUT_MIN_S, int(timeout_s)))
    return Listener(f"{name}-health", [str(BIN / "httpok"), "-p", program, "-t", timeout, "-E", url], "TICK_5")


def events_listener(directory: Path, stop_on_crash_loop: bool) -> Listener:
    command = [PYTHON, "-m", "scripts.supervision_events", "--dir", str(directory)]
    return Listener("events", command + (["--stop-on-crash-loop"] if stop_on_crash_loop else []),
                    "PROCESS_STATE_EXITED,PROCESS_STATE_FATAL")  # fmt: skip


def socket_path(directory: Path) -> Path:
    path = directory / "supervisor.sock"
    if len(str(path)) < MAX_SOCKET_PATH:
        return path
    return Path(tempfile.mkdtemp(prefix="supervisor-")) / "supervisor.sock"


def render(directory: Path, programs: list, listeners: list) -> Path:
    """Writes ``directory``/supervisord.conf; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    socket = socket_path(directory)
    text = TEMPLATE.read_text(encoding="utf-8")
    user_line = "user=root" if os.geteuid() == 0 else ""  # says so, instead of a warning that it runs as root
    password = secrets.token_hex(16)  # the XML-RPC socket is mode 0700 and asks for this too
    values = {"dir": _escape(directory), "socket": _escape(socket), "user_line": user_line, "password": password}
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    groups: dict = {}
    for program in programs:
        if program.group:
            groups.setdefault(program.group, []).append(program)
    sections = [program_section(p) for p in programs] + [listener_section(item, password) for item in listeners]
    sections += [_section("group", name, {"programs": ",".join(p.name for p in members),
                                          "priority": members[0].priority}) for name, members in groups.items()]
    path = directory / "supervisord.conf"
    path.touch(mode=0o600)  # it holds the socket's password
    path.chmod(0o600)
    path.write_text(text + "\n" + "\n".join(sections), encoding="utf-8")
    (directory / CRASH_REPORT).unlink(missing_ok=True)
    return path


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent (this script) dies, so supervisord never outlives it."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def append_only_output() -> None:
    """When standard output is a file (a test's log), open it for appending: supervisord and its programs write
    to it through their own file descriptions, which would otherwise overwrite each other."""
    import fcntl

    for fd in (1, 2):
        try:
            if os.path.isfile(f"/proc/self/fd/{fd}"):
                fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_APPEND)
        except OSError:
            pass


class Supervisor:
    """supervisord running in the foreground as our child, and its XML-RPC interface."""

    def __init__(self, config: Path, env: Optional[dict] = None):
        self.config, self.env = config, env
        self.directory = config.parent
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Supervisor":
        self.process = subprocess.Popen([str(BIN / "supervisord"), "-c", str(self.config)], cwd=ROOT, env=self.env,
                                        preexec_fn=_die_with_parent)  # fmt: skip
        return self

    def _setting(self, name: str) -> str:
        """A value of the configuration's first line ``name=...`` (read when needed: it may be rendered later)."""
        lines = self.config.read_text().splitlines()
        return next(line.split("=", 1)[1].strip().replace("%%", "%") for line in lines if line.startswith(name + "="))

    @property
    def socket(self) -> str:
        return self._setting("file")

    @property
    def rpc(self):
        from supervisor.xmlrpc import SupervisorTransport

        transport = SupervisorTransport(RPC_USER, self._setting("password"), f"unix://{self.socket}")
        return xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport).supervisor

    def call(self, method: str, *args, default=None):
        """An XML-RPC call; ``default`` when supervisord does not answer (starting or stopping)."""
        try:
            return getattr(self.rpc, method)(*args)
        except (OSError, xmlrpc.client.Error):
            return default

    def processes(self) -> dict:
        """name (without its group) -> supervisord's process info (pid, statename, ...)."""
        return {info["name"]: info for info in self.call("getAllProcessInfo", default=[]) or []}

    def pid(self, name: str) -> Optional[int]:
        info = self.processes().get(name)
        return info["pid"] if info and info["pid"] else None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 120) -> int:
        """SIGTERM: supervisord stops its programs in reverse priority order, then itself."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout) if self.process else 0
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def crash_report(self) -> str:
        path = self.directory / CRASH_REPORT
        return path.read_text(encoding="utf-8") if path.exists() else ""


def forward_signals(supervisor: Supervisor) -> None:
    """SIGTERM and SIGINT to this script stop supervisord (and so everything) in order."""

    def forward(_signum, _frame):
        if supervisor.running():
            supervisor.process.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)


def wait_for(check, timeout: float, poll: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(poll)
    return False


if __name__ == "__main__":
    sys.exit("scripts/supervision.py is a module: run `make run` or `make cluster`")
