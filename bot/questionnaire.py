"""The intake's items: ids, answer codes, ranges and branching.

This module is the single source of truth for spec section 1
(`shared/spec/intake-spec.md`). The item ids are the Rasa slot names; the
order of ``ITEMS`` is the order of the interview and of ``scores.unanswered``.
Everything else (validation, scoring, the Rasa domain, the conversation)
reads from here, and tests prove the domain agrees with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional

CODE = "code"
NUMBER = "number"
CODE_LIST = "code_list"

YES_NO = ("yes", "no")
AUDIT_FREQUENCY_CODES = ("never", "monthly_or_less", "2_4_per_month", "2_3_per_week", "4_plus_per_week")
AUDIT_BINGE_CODES = ("never", "less_than_monthly", "monthly", "weekly", "daily_or_almost")
PSS_CODES = ("never", "almost_never", "sometimes", "fairly_often", "very_often")
ANTIBIOTICS_CODES = ("none", "one_course", "two_plus")
SKIN_CODES = ("acne", "rosacea", "eczema", "psoriasis", "ageing", "dry_dull", "pigmentation")
RED_FLAG_CODES = (
    "blood_in_stool",
    "black_stool",
    "unexplained_weight_loss",
    "persistent_vomiting",
    "difficulty_swallowing",
    "jaundice",
    "severe_abdominal_pain",
)
PROTECTIVE_TAXA = ("Odoribacter", "Coprococcus", "Oscillibacter", "Oscillospira", "Ruminococcaceae", "Faecalibacterium")
ASSOCIATED_TAXA = (
    "Prevotella",
    "Enterococcus",
    "Streptococcus",
    "Alcaligenaceae",
    "Dorea",
    "Blautia",
    "Veillonellaceae",
    "Enterobacteriaceae",
    "Haemophilus",
)
TAXA = PROTECTIVE_TAXA + ASSOCIATED_TAXA

Answers = Mapping[str, object]


def _always(_answers: Answers) -> bool:
    return True


def _drinks(answers: Answers) -> bool:
    return answers.get("audit_c_frequency") != "never"


def _has_skin_complaints(answers: Answers) -> bool:
    complaints = answers.get("skin_complaints")
    return isinstance(complaints, (list, tuple)) and len(complaints) > 0


def _had_microbiome_test(answers: Answers) -> bool:
    return answers.get("microbiome_test") == "yes"


@dataclass(frozen=True)
class Item:
    """One question of the intake, as the spec defines it."""

    id: str
    section: str
    kind: str
    codes: tuple = ()
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    integer: bool = False
    # "day" or "week" for the diet items: how the number is counted.
    period: Optional[str] = None
    asked_when: Callable[[Answers], bool] = field(default=_always, compare=False, repr=False)

    def is_asked(self, answers: Answers) -> bool:
        """False when branching leaves this item out (the spec's "absent")."""
        return self.asked_when(answers)

    def allowed(self) -> str:
        """A short English description of the allowed values, for error messages."""
        if self.kind == NUMBER:
            what = "an integer" if self.integer else "a number"
            return f"{what} from {_fmt(self.minimum)} to {_fmt(self.maximum)}, or null"
        if self.kind == CODE:
            return "one of " + ", ".join(self.codes) + ", or null"
        return "a list of " + ", ".join(self.codes) + " (empty list = none), or null"


def _fmt(value: Optional[float]) -> str:
    return str(int(value)) if value is not None and float(value).is_integer() else str(value)


def _diet(item_id: str, maximum: int, period: str) -> Item:
    return Item(item_id, "diet", NUMBER, minimum=0, maximum=maximum, period=period)


ITEMS: tuple = (
    # Start
    Item("consent", "start", CODE, codes=YES_NO),
    Item("sex", "start", CODE, codes=("female", "male", "other")),
    Item("age", "start", NUMBER, minimum=18, maximum=110, integer=True),
    # Diet (last month, typical)
    _diet("veg_fruit_per_day", 20, "day"),
    _diet("whole_grain_per_day", 20, "day"),
    _diet("legumes_per_week", 21, "week"),
    _diet("nuts_per_week", 21, "week"),
    _diet("leafy_greens_per_week", 21, "week"),
    _diet("dark_chocolate_per_week", 21, "week"),
    _diet("fermented_per_week", 21, "week"),
    _diet("red_meat_per_week", 21, "week"),
    _diet("ultra_processed_per_day", 20, "day"),
    # Alcohol: AUDIT-C
    Item("audit_c_frequency", "alcohol", CODE, codes=AUDIT_FREQUENCY_CODES),
    Item("audit_c_quantity", "alcohol", NUMBER, minimum=1, maximum=50, integer=True, asked_when=_drinks),
    Item("audit_c_binge", "alcohol", CODE, codes=AUDIT_BINGE_CODES, asked_when=_drinks),
    # Stress and sleep: PSS-4
    Item("pss_1", "stress", CODE, codes=PSS_CODES),
    Item("pss_2", "stress", CODE, codes=PSS_CODES),
    Item("pss_3", "stress", CODE, codes=PSS_CODES),
    Item("pss_4", "stress", CODE, codes=PSS_CODES),
    Item("sleep_hours", "stress", NUMBER, minimum=0, maximum=16),
    # Medication and conditions
    Item("med_ppi", "medication", CODE, codes=YES_NO),
    Item("med_diuretic", "medication", CODE, codes=YES_NO),
    Item("med_antibiotics_12m", "medication", CODE, codes=ANTIBIOTICS_CODES),
    Item("cond_diabetes_t2", "medication", CODE, codes=YES_NO),
    Item("egfr", "medication", NUMBER, minimum=5, maximum=150, integer=True),
    # Skin
    Item("skin_complaints", "skin", CODE_LIST, codes=SKIN_CODES),
    Item("skin_impact", "skin", NUMBER, minimum=0, maximum=10, asked_when=_has_skin_complaints),
    # Microbiome test (optional)
    Item("microbiome_test", "microbiome", CODE, codes=YES_NO),
    Item("taxa_low", "microbiome", CODE_LIST, codes=TAXA, asked_when=_had_microbiome_test),
    Item("taxa_high", "microbiome", CODE_LIST, codes=TAXA, asked_when=_had_microbiome_test),
    # Red flags
    Item("red_flags", "red_flags", CODE_LIST, codes=RED_FLAG_CODES),
)

ITEM_IDS: tuple = tuple(item.id for item in ITEMS)
ITEMS_BY_ID: dict = {item.id: item for item in ITEMS}
SECTIONS: tuple = tuple(dict.fromkeys(item.section for item in ITEMS))


def item(item_id: str) -> Item:
    """The item with this id; KeyError for an unknown id."""
    return ITEMS_BY_ID[item_id]


def asked_items(answers: Answers) -> list:
    """The items that the interview asks, given the answers so far (branching applied)."""
    return [it for it in ITEMS if it.is_asked(answers)]
