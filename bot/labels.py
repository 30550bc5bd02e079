"""Dutch words for the questionnaire's codes and items, and Dutch numbers and lists.

The words are defined on the items (``bot.questionnaire``); ``code_label``
reads them there, and the table of the clinician's item names is derived
from them and follows ``questionnaire.with_items``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, Iterator, Mapping

from bot import questionnaire


class _Derived(Mapping):
    """A read-only table computed from the current items, recomputed when the items change."""

    def __init__(self, build: Callable[[tuple], dict]):
        self._build = build
        self._items: tuple = ()
        self._table: dict = {}

    def _current(self) -> dict:
        items = questionnaire.ITEMS
        if items is not self._items:
            self._table, self._items = self._build(items), items
        return self._table

    def __getitem__(self, key):
        return self._current()[key]

    def __iter__(self) -> Iterator:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())


# The items' short Dutch names for the clinician's report (third person, no "je"), by item id.
CLINIC_ITEM_NAMES: Mapping = _Derived(lambda items: {it.id: it.clinic_name for it in items})


def code_label(item_id: str, code: str, clinic: bool = False) -> str:
    """The Dutch label of one code of an item (taxa are their own names); ``clinic``: the clinician's."""
    item = questionnaire.ITEMS_BY_ID[item_id]
    return item.clinic_label(code) if clinic else item.label(code)


def format_number(value) -> str:
    """A number the Dutch way: 2.5 -> "2,5", 3.0 -> "3", thirds as "1,3"."""
    if isinstance(value, Fraction):
        value = float(value)
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".rstrip("0").replace(".", ",")


def join_dutch(parts) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def answer_label(item_id: str, value, clinic: bool = False) -> str:
    """Any answer as Dutch text: a code's label, a Dutch number, a list joined with "en".

    ``clinic``: the clinician's labels (third person), for the report.
    """
    if value is None:
        return "niet beantwoord"
    if isinstance(value, list):
        return join_dutch(code_label(item_id, code, clinic) for code in value) if value else "geen"
    if isinstance(value, str):
        return code_label(item_id, value, clinic)
    return format_number(value)
