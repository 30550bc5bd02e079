#!/usr/bin/env bash
# Install what is missing, and nothing else: .venv with Python 3.10, the pinned
# requirements, and the Dutch spaCy pipeline. Safe to run again; fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements.sha256"

python310=$(scripts/find_python.sh) || exit 1

if ! "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; then
  echo "Creating $VENV with $python310"
  rm -rf "$VENV"
  "$python310" -m venv "$VENV"
fi

wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$wanted" ]; then
  echo "Installing the pinned requirements into $VENV (a few minutes the first time)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$wanted" > "$STAMP"
fi

"$VENV/bin/python" scripts/build_spacy_nl.py
