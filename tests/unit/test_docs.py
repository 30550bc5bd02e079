"""Every `make` target and every environment variable the code reads is documented, in README.md or docs/.

The targets are those `make help` lists (a ``##`` description in the Makefile). The variables are found where the
code reads them: ``os.environ.get("X")``, ``environ["X"]``, ``env.setdefault("X", ...)``, ``os.getenv("X")`` (also
through a constant, ``environ.get(PUBLIC_URL)``) in bot/, actions/, channels/, components/ and scripts/; ``${X}`` in
Rasa's YAML files, which Rasa fills from the environment; ``$X`` and ``${X:-...}`` in scripts/*.sh and ``$$X`` in the
Makefile. A variable counts as documented when README.md or a file under docs/ names it as a word of its own; a
target when they say ``make <target>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from channels.messaging.config import PROVIDERS

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("bot", "actions", "channels", "components", "scripts")
RASA_YAML = ("endpoints.yml", "credentials.yml", "scripts/templates/*.yml")

# Variables nobody has to set: what our own scripts set for the processes they start, and what another program
# reads. Each with its reason; a name here that the code no longer reads fails the last test.
NOT_FOR_USERS = {
    # scripts/shell.py (and the tests) put the supervisord folder of the `make run` they start in their own folder.
    "RUN_DIR",
    # OpenMP's thread limit for Tesseract: the report-reading worker and the bench set it for themselves.
    "OMP_THREAD_LIMIT",
    # The shell's own: scripts/find_python.sh looks for pyenv's Pythons under $PYENV_ROOT, else $HOME/.pyenv.
    "HOME",
    "PYENV_ROOT",
}

NAME = r"[A-Z][A-Z0-9_]+"
# A read, not a write: os.environ.get("X"), environ["X"], env.setdefault("X", ...), os.getenv("X").
PYTHON_READ = re.compile(
    rf"""(?:\bos\.getenv\(|\b(?:os\.)?environ(?:\.get\(|\.setdefault\(|\.pop\(|\[)|\benv(?:\.get\(|\.setdefault\(|\[))"""
    rf"""\s*["']({NAME})["'](?!\s*\]\s*=[^=])"""
)
# The same through a constant: environ.get(PUBLIC_URL), environ.get(config.PUBLIC_URL, "").
PYTHON_READ_CONSTANT = re.compile(rf"\b(?:environ|env)\.get\(\s*(?:\w+\.)?({NAME})\s*[,)]")
CONSTANT = re.compile(rf"""^({NAME})\s*(?::\s*str\s*)?=\s*["']({NAME})["']""", re.MULTILINE)
YAML_READ = re.compile(rf"\$\{{({NAME})\}}")
SHELL_READ = re.compile(rf"\$\{{?({NAME})(?![A-Za-z0-9_])")
SHELL_ASSIGNMENT = re.compile(rf"^\s*(?:export\s+|local\s+)?({NAME})=", re.MULTILINE)
MAKEFILE_READ = re.compile(rf"\$\$\{{?({NAME})(?![A-Za-z0-9_])")
HELP_TARGET = re.compile(r"^([a-z][a-z-]*):.*## ", re.MULTILINE)


def python_sources() -> list:
    return sorted(path for folder in CODE_DIRS for path in (ROOT / folder).rglob("*.py"))


def environment_variables() -> dict:
    """Variable -> the files that read it."""
    found: dict = {}

    def add(name: str, path: Path) -> None:
        found.setdefault(name, set()).add(str(path.relative_to(ROOT)))

    sources = {path: path.read_text(encoding="utf-8") for path in python_sources()}
    constants = {name: value for text in sources.values() for name, value in CONSTANT.findall(text)}
    for path, text in sources.items():
        for name in PYTHON_READ.findall(text):
            add(name, path)
        for constant in PYTHON_READ_CONSTANT.findall(text):
            if constant in constants:
                add(constants[constant], path)
    # channels/messaging/config.py reads each messaging channel's variables from its table, by name.
    for provider in PROVIDERS:
        for name in (*provider.required, provider.api_variable):
            add(name, ROOT / "channels" / "messaging" / "config.py")
    for pattern in RASA_YAML:
        for path in sorted(ROOT.glob(pattern)):
            for name in YAML_READ.findall(path.read_text(encoding="utf-8")):
                add(name, path)
    for path in sorted((ROOT / "scripts").glob("*.sh")):
        text = path.read_text(encoding="utf-8")
        local = set(SHELL_ASSIGNMENT.findall(text))
        for name in set(SHELL_READ.findall(text)) - local:
            add(name, path)
    for name in MAKEFILE_READ.findall((ROOT / "Makefile").read_text(encoding="utf-8")):
        add(name, ROOT / "Makefile")
    return found


def help_targets() -> list:
    return HELP_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8"))


def documentation() -> str:
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths if path.exists())


def names_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_-]){re.escape(word)}(?![A-Za-z0-9_-])", text) is not None


def test_the_scan_finds_the_variables_and_targets_it_is_meant_to():
    found = environment_variables()
    # one of each way of reading: environ.get, env.setdefault, a constant, the channel table, Rasa's YAML, the
    # shell, the Makefile
    assert {"INTAKE_DB_URL", "TRACKER_DB", "CHANNEL_PUBLIC_URL", "SHARED_REDIS_URL", "TELEGRAM_TOKEN",
            "CLUSTER_PG_PORT", "PYTHON", "FUZZ_EXAMPLES", "CLUSTER_REPLICAS"} <= set(found)  # fmt: skip
    assert found["CLUSTER_PG_PORT"] >= {"scripts/cluster.py", "scripts/templates/cluster-endpoints.yml"}
    # writes are not reads, nor the shell's own variables, nor Makefile variables
    assert not {"TMPDIR", "VENV", "STAMP", "RASA_TELEMETRY_ENABLED", "PY"} & set(found)
    assert {"help", "install", "lint", "test", "run", "bench", "cluster"} <= set(help_targets())


def test_every_target_of_make_help_is_documented():
    docs = documentation()
    missing = [target for target in help_targets() if not names_word(docs, f"make {target}")]
    assert not missing, f"make targets that README.md and docs/ never name: {missing}"


def test_make_help_lists_every_phony_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE).group(1).split())
    assert phony == set(help_targets())


def test_every_environment_variable_the_code_reads_is_documented():
    docs = documentation()
    found = environment_variables()
    missing = {name: sorted(files) for name, files in sorted(found.items())
               if name not in NOT_FOR_USERS and not names_word(docs, name)}  # fmt: skip
    assert not missing, f"variables the code reads that README.md and docs/ never name: {missing}"


def test_every_name_left_out_is_still_read():
    assert NOT_FOR_USERS <= set(environment_variables())
