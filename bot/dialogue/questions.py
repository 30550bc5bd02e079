"""The wording of every question, by item id: its text, "waarom?", "wat bedoel je?", hint and buttons.

Each item of ``bot.questionnaire`` carries its own wording (``Item.text``,
``.why``, ``.meaning``, ``.hint``, ``.buttons``); this name stays for the code
that looks questions up by id.
"""

from __future__ import annotations

from bot.questionnaire import ITEMS_BY_ID

QUESTIONS = ITEMS_BY_ID  # item id -> Item; follows questionnaire.with_items
