#!/usr/bin/env bash
# make run: the action server and the Rasa server under supervisord (scripts/run.py says how).
# Ctrl-C or SIGTERM stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.run "$@"
