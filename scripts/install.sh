#!/usr/bin/env bash
# Install what is missing, and nothing else: .venv with Python 3.10, the pinned
# requirements, this checkout as an editable package, and the Dutch spaCy pipeline.
# Safe to run again; fast when nothing changed.
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

# This checkout as an editable package (pyproject.toml: bot, actions, channels, components, scripts), so that
# every module imports the others by package name. Again only when pyproject.toml or the checkout's place changed.
EDITABLE_STAMP="$VENV/.editable"
editable="$(pwd) $(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$EDITABLE_STAMP" ] || [ "$(cat "$EDITABLE_STAMP")" != "$editable" ]; then
  echo "Installing this checkout into $VENV as an editable package"
  # Built with the venv's own setuptools when it can (64 or newer: editable wheels), else in pip's isolated build.
  isolation=--no-build-isolation
  "$VENV/bin/python" -c 'import setuptools, sys; sys.exit(int(setuptools.__version__.split(".")[0]) < 64)' \
    2>/dev/null || isolation=
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps $isolation -e .
  echo "$editable" > "$EDITABLE_STAMP"
fi

"$VENV/bin/python" -m scripts.build_spacy_nl
