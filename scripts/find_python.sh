#!/usr/bin/env bash
# Print the path of a working Python 3.10, or explain what is needed and exit 1.
# Order: $PYTHON, python3.10 on PATH, pyenv's 3.10 versions, the usual system paths.
set -u
is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

if [ -n "${PYTHON:-}" ]; then
  if is_310 "$PYTHON"; then command -v "$PYTHON" || echo "$PYTHON"; exit 0; fi
  echo "error: PYTHON=$PYTHON is not a working Python 3.10; Rasa 3.6.21 needs Python 3.10 (it does not run on 3.11 or newer)." >&2
  exit 1
fi
for candidate in python3.10 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
  if is_310 "$candidate"; then command -v "$candidate" || echo "$candidate"; exit 0; fi
done
cat >&2 <<'MSG'
error: Python 3.10 is required and none was found.
Rasa 3.6.21 runs on Python 3.8-3.10 only (not on 3.11 or newer).
Install Python 3.10 (for example `pyenv install 3.10`, or your system's python3.10 package),
or point to one with: make PYTHON=/path/to/python3.10 <target>
MSG
exit 1
