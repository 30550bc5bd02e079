"""The review before the results: one compact summary, and finding the item a correction names.

"mijn leeftijd is 46" names the age and gives a value; "alcohol klopt niet" names the first
alcohol question and gives none, so the assistant asks it again.
"""

from __future__ import annotations

import re
from typing import Optional

from bot import questionnaire as q
from bot.dialogue import texts
from bot.labels import answer_label
from bot.parsing.lexicon import zipf
from bot.parsing.text import normalise, similar
from bot.thresholds import FUNCTION_WORD_ZIPF

# Section words: a correction that names a section goes to its first item.
SECTION_WORDS = {
    "diet": ("eten", "voeding", "dieet", "porties"),
    "alcohol": ("alcohol", "drinken", "drank", "glazen", "wijn", "bier"),
    "stress": ("stress",),
    "medication": ("medicijnen", "medicatie", "pillen"),
    "skin": ("huid", "huidklachten"),
    "microbiome": ("ontlastingstest", "microbioomtest", "test"),
    "red_flags": ("alarmsignalen", "klachten"),
}
# Words in item names that say nothing about which item is meant.
FILLER = frozenset("per dag week aantal keer hoe vaak van de het een in op met en of je jouw mijn".split())
NO_VALUE_WORDS = ("klopt niet", "is fout", "niet goed", "verkeerd", "anders", "aanpassen", "wijzigen", "veranderen")


def summary(answers: dict, order: list) -> str:
    """One line per recorded answer, in questionnaire order."""
    lines = [texts.REVIEW_INTRO]
    for it in q.ITEMS:
        if it.id in answers and it.id != "consent":
            lines.append(f"• {it.title}: {answer_label(it.id, answers[it.id])}")
    return "\n".join(lines)


def _words(text: str) -> list:
    return re.findall(r"[a-z0-9]+", normalise(text))


def _name_words(it: q.Item) -> set:
    """The words of the item's name that can name it: not "per" or "geen", which many messages hold."""
    return {w for w in _words(it.name) if len(w) >= 4 and w not in FILLER and zipf(w) < FUNCTION_WORD_ZIPF}


def named_item(text: str) -> Optional[str]:
    """The item a review message names, by the words of its Dutch name, else by its section."""
    words = _words(text)
    best, hits = None, 0
    for it in q.ITEMS:
        if it.id == "consent":
            continue
        found = sum(any(similar(w, n) or (len(n) >= 5 and n in w) for w in words) for n in _name_words(it))
        if found > hits:
            best, hits = it.id, found
    if best:
        return best
    for section, section_words in SECTION_WORDS.items():
        if any(similar(w, s) for w in words for s in section_words):
            return next(it.id for it in q.ITEMS if it.section == section)
    return None


def after_name(text: str, item_id: str) -> str:
    """The part of the message after the item's name: "mijn leeftijd is 46" -> "is 46"."""
    plain = normalise(text)
    positions = [plain.find(w) + len(w) for w in _name_words(q.ITEMS_BY_ID[item_id]) if w in plain]
    return plain[max(positions):] if positions else plain


def gives_value(text: str) -> bool:
    """Whether the message gives a new value rather than only saying something is wrong."""
    plain = normalise(text)
    return not any(phrase in plain for phrase in NO_VALUE_WORDS)
