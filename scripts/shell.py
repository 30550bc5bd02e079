"""make shell: chat with the assistant in this terminal, as the web chat does.

Starts `make run` in the background on free loopback ports (its log in var/shell/server.log) and talks to
it over the same REST channel as the web chat. Typing works everywhere: a question's buttons are shown
as a numbered list, and a reply of a number picks that option (when there are two or more), as in the
messaging apps; anything else is sent as typed. Rasa's own `rasa shell` opened a picker instead, in
which typing moved the selection ("ja" at the consent question chose "Nee, liever niet").

    python -m scripts.shell               # start the assistant and chat
    python -m scripts.shell --url URL     # chat with an assistant that runs already

Ctrl-D, Ctrl-C or "/stop" ends the chat (and the assistant it started).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from bot import channel_messages as cm

ROOT = Path(__file__).resolve().parent.parent

START_TIMEOUT_S = 300
REPLY_TIMEOUT_S = 120
QUIT = ("/stop", "/quit", "/exit")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def results_text(view: dict) -> str:
    """The web chat's results card as text."""
    lines = ["Je uitkomst"]
    if view.get("red_flag_text"):
        lines.append(view["red_flag_text"])
    for area in view.get("areas", []):
        lines += ["", f"{area['label']}: {area['band_label']} ({area['figure']})", f"Waarom? {area['why']}"]
    if view.get("advice"):
        lines += ["", "Tips voor jou:"] + [f"- {tip['title']}. {tip['text']}" for tip in view["advice"]]
    booking = view.get("booking") or {}
    lines += ["", view.get("no_diagnosis", ""), "", booking.get("text", ""),
              f"{booking.get('label', '')} ({booking.get('reference', '')}): {booking.get('url', '')}"]  # fmt: skip
    actions = [action["title"] for action in view.get("actions", [])]
    if actions:
        lines += ["", "Typ het nummer of je antwoord:", cm.numbered(actions)]
    return "\n".join(lines)


def show(messages: list, out=sys.stdout) -> tuple:
    """Prints the bot's messages; returns the options a number may pick."""
    options: tuple = ()
    for message in messages:
        view = (message.get("custom") or {}).get("intake_results")
        if view:
            out.write("\n" + results_text(view) + "\n")
            options = tuple(action["send"] for action in view.get("actions", []))
            continue
        parsed = cm.from_bot_message(message)
        if parsed is None:
            continue
        out.write("\n" + cm.with_link_text(cm.with_numbered_options(parsed), parsed.link) + "\n")
        options = parsed.options
    out.flush()
    return options


class Chat:
    def __init__(self, base: str):
        self.base = base
        self.session = requests.post(f"{base}/webhooks/rest/session", timeout=30).json()["session"]

    def say(self, text: str, start: bool = False) -> list:
        body = {"sender": self.session, "message": text, **({"start": True} if start else {})}
        reply = requests.post(f"{self.base}/webhooks/rest/webhook", json=body, timeout=REPLY_TIMEOUT_S)
        try:
            return reply.json()
        except ValueError:
            return []


def converse(chat: Chat, read=input, out=sys.stdout) -> None:
    options = show(chat.say("hallo", start=True), out)
    last = ""
    while True:
        try:
            text = read("\nJij: ").strip()
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return
        if text.lower() in QUIT:
            return
        text = text or last  # Enter on an empty line sends the last message again (after an error)
        if not text:
            continue
        answer = cm.resolve_reply(text, options) or text
        try:
            messages = chat.say(answer)
        except requests.RequestException:
            messages = []
        if not messages or any(m.get("retry") for m in messages):
            shown = next((m["text"] for m in messages if m.get("retry")), "Er kwam geen antwoord op je bericht.")
            out.write(f"\n{shown} Druk op Enter om het opnieuw te versturen.\n")
            last = text
            continue
        last = ""
        options = show(messages, out)


def start_assistant() -> tuple:
    """`make run` in the background on free ports: (its process, base URL)."""
    log_dir = ROOT / "var" / "shell"
    log_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "RASA_PORT": str(port), "ACTION_PORT": str(free_port()), "RASA_INTERFACE": "127.0.0.1",
           "RUN_DIR": str(log_dir / "supervisor")}  # fmt: skip
    log = open(log_dir / "server.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "scripts.run"], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    print("De assistent start (een halve minuut of wat langer) ...", flush=True)
    deadline = time.time() + START_TIMEOUT_S
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"The assistant stopped; see {log_dir / 'server.log'}")
        try:
            if requests.get(f"{base}/health/ready", timeout=3).status_code == 200:
                return process, base
        except requests.RequestException:
            pass
        time.sleep(0.5)
    process.terminate()
    sys.exit(f"The assistant did not start within {START_TIMEOUT_S} s; see {log_dir / 'server.log'}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Chat with the assistant in this terminal.")
    parser.add_argument("--url", help="an assistant that runs already (default: start one)")
    args = parser.parse_args()
    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
    process, base = (None, args.url.rstrip("/")) if args.url else start_assistant()
    try:
        print("Typ je antwoord, of het nummer van een keuze. Ctrl-D of /stop stopt.", flush=True)
        converse(Chat(base))
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
