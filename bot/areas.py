"""The areas of the results (gut flora, magnesium, alcohol, stress, skin): which items feed each, how many of
them were answered, and whether its band may be shown.

Every output reads this one module: the chat's text and card (``bot.dialogue.results``), the staff list and
the clinician's report (``bot.reports``). Which items feed an area comes from its scoring module
(``INPUT_ITEMS`` and the like); the questionnaire says which of them were asked and to which section each
belongs. The engine's scores stay as they are: this is how they are presented.

An area is
- ``not_computed`` when its score is null (the spec's incomplete composite: AUDIT-C, PSS-4, the skin);
- ``incomplete`` when fewer than two thirds of its items, or of its main section's items, were answered:
  its band is then not shown as an outcome, since unanswered items add nothing to a score;
- ``complete`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping, Optional

from bot import questionnaire
from bot.labels import join_dutch
from bot.questionnaire import SECTION_NOUNS
from bot.scoring import SKIN_ITEMS, alcohol, magnesium, microbiome, stress

COMPLETE, INCOMPLETE, NOT_COMPUTED = "complete", "incomplete", "not_computed"
# At least this share of an area's items (and of its main section's) must be answered for its band to show.
ENOUGH = Fraction(2, 3)
OTHER_NOUN = "andere vragen"


@dataclass(frozen=True)
class Area:
    key: str  # the area's name in ``bot.advice.explain`` and the outputs
    band_key: str  # the score key of its band
    items: tuple  # every item its score reads, from its scoring module


AREAS = (
    Area("microbiome", "microbiome_risk", microbiome.INPUT_ITEMS),
    Area("magnesium", "magnesium_risk", magnesium.INPUT_ITEMS),
    Area("alcohol", "alcohol_risk", alcohol.AUDIT_ITEMS),
    Area("stress", "stress_level", stress.PSS_ITEMS),
    Area("skin", "skin_concern", SKIN_ITEMS),
)


@dataclass(frozen=True)
class Count:
    """How many of a group of questions were answered: (answered, asked), and under what noun."""

    noun: str
    answered: int
    asked: int

    def text(self) -> str:
        return f"{self.answered} van {self.asked} {self.noun}"

    def enough(self) -> bool:
        return self.asked == 0 or Fraction(self.answered, self.asked) >= ENOUGH


@dataclass(frozen=True)
class Coverage:
    """One area of one intake: its band, its state and how much of it was answered."""

    area: Area
    band: Optional[str]  # the engine's band code; None when the score could not be computed
    state: str  # COMPLETE, INCOMPLETE or NOT_COMPUTED
    asked: tuple  # the area's items the interview asked, in questionnaire order
    missing: tuple  # those of them without an answer
    main_section: str  # the section most of its items belong to

    @property
    def key(self) -> str:
        return self.area.key

    @property
    def main(self) -> Count:
        return self._count(lambda section: section == self.main_section, SECTION_NOUNS[self.main_section])

    @property
    def other(self) -> Count:
        return self._count(lambda section: section != self.main_section, OTHER_NOUN)

    def _count(self, wanted, noun: str) -> Count:
        items = [i for i in self.asked if wanted(questionnaire.ITEMS_BY_ID[i].section)]
        return Count(noun, sum(i not in self.missing for i in items), len(items))

    def counted(self) -> str:
        """ "0 van 7 voedingsvragen en 9 van 11 andere vragen" (the other part only when there is one)."""
        other = self.other
        return self.main.text() + (f" en {other.text()}" if other.asked else "")

    def basis(self) -> str:
        """ "op basis van 0 van 7 voedingsvragen en 9 van 11 andere vragen" """
        return "op basis van " + self.counted()

    def missing_groups(self, clinic: bool = False) -> list:
        """What was not answered, as short Dutch phrases: a whole section as "de voedingsvragen", single
        items by name ("de vragen over groente en fruit en volkoren"); ``clinic``: the clinician's names."""
        groups: dict = {}
        for item_id in self.missing:
            groups.setdefault(questionnaire.ITEMS_BY_ID[item_id].section, []).append(item_id)
        phrases = []
        for section, items in groups.items():
            of_section = [i for i in self.asked if questionnaire.ITEMS_BY_ID[i].section == section]
            if len(items) == len(of_section) and len(items) > 1:
                phrases.append("de " + SECTION_NOUNS[section])
            else:
                phrases.append(("de vraag over " if len(items) == 1 else "de vragen over ")
                               + join_dutch(item_names(items, clinic)))  # fmt: skip
        return phrases


def item_names(item_ids, clinic: bool = False) -> list:
    """The items' short names, without what they count in: "groente en fruit", not "... (porties per dag)"."""
    items = [questionnaire.ITEMS_BY_ID[i] for i in item_ids]
    return [(it.clinic_name if clinic else it.name).split(" (")[0] for it in items]


def intake_missing(answers: Mapping[str, object]) -> list:
    """The diet questions behind the magnesium intake that have no answer: the intake is then a lower bound."""
    return [item_id for item_id in magnesium.MG_PER_UNIT if answers.get(item_id) is None]


def coverage(area: Area, answers: Mapping[str, object], scores: Mapping[str, object]) -> Coverage:
    feeds = set(area.items)
    asked = tuple(it.id for it in questionnaire.asked_items(answers) if it.id in feeds)
    missing = tuple(i for i in asked if answers.get(i) is None)
    sections = [questionnaire.ITEMS_BY_ID[i].section for i in asked] or ["start"]
    main_section = max(dict.fromkeys(sections), key=sections.count)  # ties: the first in questionnaire order
    band = scores.get(area.band_key)
    found = Coverage(area, band, COMPLETE, asked, missing, main_section)
    if band is None:
        state = NOT_COMPUTED
    elif not (found.main.enough() and Count("", len(asked) - len(missing), len(asked)).enough()):
        state = INCOMPLETE
    else:
        state = COMPLETE
    return Coverage(area, band, state, asked, missing, main_section)


def coverages(answers: Mapping[str, object], scores: Mapping[str, object]) -> dict:
    """Area key -> its ``Coverage``, for every area."""
    return {area.key: coverage(area, answers, scores) for area in AREAS}
