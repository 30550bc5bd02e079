#!/usr/bin/env bash
# Chat with the assistant in the terminal: starts the action server, then `rasa shell`.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ACTION_PORT:=5055}"
: "${TRACKER_DB:=var/trackers.db}"
export TRACKER_DB
export ACTION_PORT RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 PYTHONWARNINGS=ignore LOG_LEVEL=WARNING
mkdir -p var
.venv/bin/python scripts/action_server.py --actions actions --port "$ACTION_PORT" --quiet &
actions=$!
trap 'kill -TERM $actions 2>/dev/null || true' EXIT INT TERM
.venv/bin/python scripts/rasa_cli.py shell --model models/intake.tar.gz --endpoints endpoints.yml --quiet
