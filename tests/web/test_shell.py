"""`make shell` (scripts/shell.py) against the running stack: typing works at every question, buttons are a
numbered list, and a number picks its option. (Rasa's own shell opened a picker in which typing "ja" at the
consent question chose "Nee, liever niet".)"""

import subprocess
import sys

from tests.web.conftest import ROOT


def chat(stack, lines: list) -> str:
    done = subprocess.run([sys.executable, "-m", "scripts.shell", "--url", stack["base"]], cwd=ROOT,
                          capture_output=True, text=True, input="\n".join(lines) + "\n", timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_typed_answers_and_numbers_in_the_terminal(stack):
    out = chat(stack, ["ja", "1", "40", "/stop"])
    consent, rest = out.split("Jij: ", 1)
    assert "Typ het nummer of je antwoord:\n1. Ja, ik geef toestemming  2. Nee, liever niet" in consent
    assert "Vraag 2 van 31" in rest  # "ja" typed at the consent question is a yes
    sex, rest = rest.split("Jij: ", 1)
    assert "Typ het nummer of je antwoord:\n1. vrouw" in sex
    assert "Genoteerd. Geslacht: vrouw." in rest  # "1" picked the first option
    assert "Genoteerd. Leeftijd: 40." in rest.split("Jij: ", 1)[1]
