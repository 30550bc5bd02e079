#!/usr/bin/env bash
# Start the action server and the Rasa server (REST channel, SQLite tracker store) and stop
# both on Ctrl-C or SIGTERM. The HTTP API is enabled only when RASA_AUTH_TOKEN is set.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${RASA_PORT:=5005}"
: "${ACTION_PORT:=5055}"
: "${TRACKER_DB:=var/trackers.db}"
export TRACKER_DB
: "${RASA_INTERFACE:=0.0.0.0}"
export ACTION_PORT RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
# Answers never reach the logs: Rasa logs message texts and slot values only at DEBUG.
: "${LOG_LEVEL:=WARNING}"
export LOG_LEVEL PYTHONWARNINGS=ignore
mkdir -p var

api_args=()
if [ -n "${RASA_AUTH_TOKEN:-}" ]; then
  api_args=(--enable-api --auth-token "$RASA_AUTH_TOKEN")
fi
# Sites that may embed the chat and call it from the browser: named origins only, never "*".
origins=()
origins_text=${CHAT_ALLOWED_ORIGINS:-}
for origin in ${origins_text//,/ }; do
  if [ "$origin" = "*" ]; then echo "CHAT_ALLOWED_ORIGINS may not contain '*'" >&2; exit 2; fi
  origins+=("$origin")
done
cors_args=()
if [ ${#origins[@]} -gt 0 ]; then cors_args=(--cors "${origins[@]}"); fi

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

.venv/bin/python scripts/action_server.py --actions actions --port "$ACTION_PORT" --quiet &
pids+=($!)
.venv/bin/python scripts/rasa_cli.py run --model models/intake.tar.gz --endpoints endpoints.yml --credentials credentials.yml \
  --port "$RASA_PORT" --interface "$RASA_INTERFACE" --logging-config-file scripts/logging.yml "${api_args[@]}" "${cors_args[@]}" &
pids+=($!)

echo "Starting the assistant (Ctrl-C stops):"
echo "  chat page:    http://localhost:$RASA_PORT/chat"
echo "  REST channel: http://localhost:$RASA_PORT/webhooks/rest/webhook (sessions from POST /webhooks/rest/session)"
# Wait until either process ends; then stop the other one too.
wait -n "${pids[@]}"
