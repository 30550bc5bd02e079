#!/usr/bin/env bash
# make shell: chat with the assistant in the terminal (scripts/shell.py says how).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m scripts.shell "$@"
