"""Where the project's files live: the checkout, and var/ for local databases and keys."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
