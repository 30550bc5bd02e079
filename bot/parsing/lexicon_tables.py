"""The lexicon's two large static tables as compact tries on disk, built once per installed version of their source.

wordfreq's Dutch list (the Zipf value of 300,000 words) and compound-split's Dutch n-gram tables (730,000 entries)
take 45 MB and 95 MB as Python dicts, in each process that reads answers (the Rasa server and the action server).
As marisa-trie tries they take 4 MB, memory-mapped (the two servers share the pages). A child process builds them the
first time (a few seconds), so that no server ever holds the dicts (CPython keeps most of that memory after a dict is
freed), in ``var/lexicon/<versions>/``; when that folder cannot be written, the tables are built in memory instead.
The values are the same: a Zipf value has two decimals and is kept as hundredths, an n-gram's score as the float.

    python -m bot.parsing.lexicon_tables DIRECTORY   # what the child process runs
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Iterator, Optional

from bot.paths import PROJECT_ROOT, VAR_DIR

FORMAT = 1  # bump when what is stored changes
COMPOUND_TABLES = ("prefix", "infix", "suffix")
ZIPF_SCALE = 100  # a Zipf value has two decimals


def plain(word: str) -> str:
    """Lower case without accents, as the lexicon looks words up."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def zipf_values() -> dict:
    """Accent-free Dutch word -> Zipf value (the highest of its spellings), from wordfreq's Dutch list."""
    from wordfreq import get_frequency_dict

    table: dict = {}
    for word, frequency in get_frequency_dict("nl", wordlist="best").items():
        if not word.isalpha():
            continue
        value = round(math.log10(frequency) + 9, 2)
        key = word if word.isascii() else plain(word)
        if value > table.get(key, -1.0):
            table[key] = value
    return table


def compound_values() -> dict:
    """compound-split's Dutch tables: name -> (n-gram -> score)."""
    import importlib.util

    import compound_split

    source = Path(compound_split.__file__).with_name("nl_ngram_probs.py")
    spec = importlib.util.spec_from_file_location("_nl_ngram_probs", source)  # not the stand-in in sys.modules
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in COMPOUND_TABLES}


class Table:
    """A read-only mapping over a marisa-trie record trie (or a dict), with the ``get`` and ``items`` the lexicon and
    compound-split call."""

    def __init__(self, records: Any, scale: Optional[int] = None):
        self._records, self._scale = records, scale

    def _value(self, stored: Any) -> Any:
        return stored if self._scale is None else stored / self._scale

    def get(self, key: str, default: Any = None) -> Any:
        found = self._records.get(key)
        return default if not found else self._value(found[0][0])

    def items(self) -> Iterator:
        """One at a time (a trie's own ``items`` makes the whole list first)."""
        for key, (stored,) in getattr(self._records, "iteritems", self._records.items)():
            yield key, self._value(stored)

    def __len__(self) -> int:
        return len(self._records)


def directory() -> Path:
    names = f"wordfreq-{version('wordfreq')}_compound-split-{version('compound-split')}_format-{FORMAT}"
    return Path(os.environ.get("LEXICON_TABLES_DIR") or VAR_DIR / "lexicon") / names


def files(where: Path) -> dict:
    return {name: where / f"{name}.marisa" for name in ("zipf",) + COMPOUND_TABLES}


def build(where: Path) -> None:
    """Write the tries (each through a temporary file, so a reader never sees half of one)."""
    import marisa_trie

    where.mkdir(parents=True, exist_ok=True)
    tries = {"zipf": marisa_trie.RecordTrie("<H", ((k, (round(v * ZIPF_SCALE),)) for k, v in zipf_values().items()))}
    for name, table in compound_values().items():
        tries[name] = marisa_trie.RecordTrie("<d", ((k, (v,)) for k, v in table.items()))
    for name, path in files(where).items():
        partial = path.with_suffix(f".{os.getpid()}.partial")
        tries[name].save(str(partial))
        os.replace(partial, path)


@lru_cache(maxsize=1)
def tables() -> dict:
    """name -> Table: "zipf" (accent-free word -> Zipf value) and compound-split's "prefix", "infix", "suffix"."""
    import marisa_trie

    where = directory()
    paths = files(where)
    if not all(path.exists() for path in paths.values()):
        try:
            subprocess.run([sys.executable, "-m", __name__, str(where)], cwd=PROJECT_ROOT, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        except (OSError, subprocess.CalledProcessError):  # var/ not writable: the same tables, in memory
            return {"zipf": zipf_values(), **compound_values()}
    found = {}
    for name, path in paths.items():
        records = marisa_trie.RecordTrie("<H" if name == "zipf" else "<d").mmap(str(path))
        found[name] = Table(records, ZIPF_SCALE if name == "zipf" else None)
    return found


if __name__ == "__main__":
    build(Path(sys.argv[1]))
