"""make run: the action server and the Rasa server (REST channel, SQLite tracker store) under supervisord.

- supervisord (scripts/supervision.py) starts the action server, then the Rasa server, and starts
  again whichever dies: the action server within seconds, the Rasa server too (it needs its start-up
  time to load the model), with a growing pause when it dies again at once.
- superlance's httpok asks the action server's /health every 5 s and restarts it when it does not
  answer within ``ACTION_TIMEOUT_S`` (a hung action server).
- Meanwhile every turn is all-or-nothing (channels/cluster/turns.py, loaded by credentials.yml): a
  turn the action server cannot complete within ``ACTION_TIMEOUT_S`` stores nothing and the user
  reads the Dutch error; the same message sent again is handled normally.
- A crash loop ends `make run` with a report and exit status 1 (scripts/supervision_events.py).
- Ctrl-C or SIGTERM stops the Rasa server (it finishes its turns), then the action server.

The HTTP API is enabled only when RASA_AUTH_TOKEN is set. supervisord's files are in
var/supervisor/<RASA_PORT>/ (``RUN_DIR``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scripts import supervision

ROOT = supervision.ROOT
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
             "PYTHONWARNINGS": "ignore", "PYTHONUNBUFFERED": "1"}  # fmt: skip


def settings(environ=os.environ) -> dict:
    env = {**environ, **QUIET_ENV}
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("ACTION_PORT", "5055")
    env.setdefault("TRACKER_DB", "var/trackers.db")
    env.setdefault("RASA_INTERFACE", "0.0.0.0")
    env.setdefault("ACTION_TIMEOUT_S", "10")
    # Answers never reach the logs: Rasa logs message texts and slot values only at DEBUG.
    env.setdefault("LOG_LEVEL", "WARNING")
    return env


def origins(env: dict) -> list:
    """Sites that may embed the chat and call it from the browser: named origins only, never "*"."""
    named = [o for o in env.get("CHAT_ALLOWED_ORIGINS", "").replace(",", " ").split() if o]
    if "*" in named:
        sys.exit("CHAT_ALLOWED_ORIGINS may not contain '*'")
    return named


def programs(env: dict) -> list:
    api = ["--enable-api", "--auth-token", env["RASA_AUTH_TOKEN"]] if env.get("RASA_AUTH_TOKEN") else []
    cors = ["--cors", *origins(env)] if origins(env) else []
    python = supervision.PYTHON
    graceful = int(env.get("SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", "15"))
    actions = supervision.Program(
        "actions",
        [python, "-m", "scripts.action_server", "--actions", "actions", "--port", env["ACTION_PORT"], "--quiet"],
        priority=10, startsecs=supervision.ACTION_STARTSECS, stopwaitsecs=5,
    )  # fmt: skip
    rasa = supervision.Program(
        "rasa",
        [python, "-m", "scripts.rasa_cli", "run", "--model", "models/intake.tar.gz", "--endpoints", "endpoints.yml",
         "--credentials", "credentials.yml", "--port", env["RASA_PORT"], "--interface", env["RASA_INTERFACE"],
         "--logging-config-file", "scripts/logging.yml", *api, *cors],
        priority=20, startsecs=supervision.RASA_STARTSECS, startretries=supervision.RASA_STARTRETRIES,
        stopwaitsecs=graceful + 10,
    )  # fmt: skip
    return [actions, rasa]


def main() -> int:
    os.chdir(ROOT)
    env = settings()
    directory = Path(env.get("RUN_DIR") or ROOT / "var" / "supervisor" / env["RASA_PORT"]).resolve()
    (ROOT / "var").mkdir(exist_ok=True)
    listeners = [
        supervision.health_listener("actions", f"http://127.0.0.1:{env['ACTION_PORT']}/health",
                                    float(env["ACTION_TIMEOUT_S"])),
        supervision.events_listener(directory, stop_on_crash_loop=True),
    ]  # fmt: skip
    config = supervision.render(directory, programs(env), listeners)
    supervision.append_only_output()
    port = env["RASA_PORT"]
    print("Starting the assistant (Ctrl-C stops):", flush=True)
    print(f"  chat page:    http://localhost:{port}/chat", flush=True)
    print(f"  REST channel: http://localhost:{port}/webhooks/rest/webhook (sessions from POST /webhooks/rest/session)",
          flush=True)  # fmt: skip
    print(f"  supervisord:  {directory} (.venv/bin/supervisorctl -c {config} status)", flush=True)
    supervisor = supervision.Supervisor(config, env)
    supervision.forward_signals(supervisor)
    supervisor.start()
    supervisor.process.wait()
    report = supervisor.crash_report()
    if report:
        print(f"make run stopped: {report.strip()}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
