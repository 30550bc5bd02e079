"""The intake's items: ids, answer codes with their Dutch labels, ranges, branching, wording and reader.

This module is the single source of truth for spec section 1
(`shared/spec/intake-spec.md`) and the one place an item is defined. The item
ids are the Rasa slot names; the order of ``ITEMS`` is the order of the
interview and of ``scores.unanswered``. Everything else (validation, parsing,
scoring, advice, the Rasa domain, the conversation) reads from here, and tests
prove the domain agrees with it. The Dutch texts of the questions are in
``bot.questionnaire_texts``; this module binds them to the items.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Callable, Mapping, Optional

from bot import questionnaire_texts as texts
from bot.questionnaire_texts import Wording

CODE = "code"
NUMBER = "number"
CODE_LIST = "code_list"


@dataclass(frozen=True)
class Choices:
    """An item's answer codes in the spec's order, each with its Dutch label (B1, je-form).

    Like click's ``Choice`` type, it knows the values and how to word them. Items that share
    codes and labels (the PSS items, the yes/no questions) share one ``Choices``, named by ``table``.
    """

    pairs: tuple  # ((code, Dutch label), ...)
    table: str = ""  # the name of a shared table; "" when the item's own
    translated: bool = True  # False: the codes are names in their own right (taxa) and shown as they are
    clinic: tuple = ()  # ((code, label), ...) for the clinician's report, where a label speaks to the user

    @cached_property
    def codes(self) -> tuple:
        return tuple(code for code, _ in self.pairs)

    @cached_property
    def labels(self) -> Mapping[str, str]:
        return MappingProxyType(dict(self.pairs))

    @cached_property
    def clinic_labels(self) -> Mapping[str, str]:
        """Code -> label for the clinician: the user's label unless ``clinic`` words it otherwise."""
        return MappingProxyType({**dict(self.pairs), **dict(self.clinic)})


def _choices(labels: Mapping[str, str], table: str = "", clinic: Optional[Mapping[str, str]] = None) -> Choices:
    return Choices(tuple(labels.items()), table, clinic=tuple((clinic or {}).items()))


CONSENT_CHOICES = _choices({"yes": "Ja, ik geef toestemming", "no": "Nee, liever niet"})
YES_NO = _choices({"yes": "ja", "no": "nee"}, table="yes_no")
SEX_CHOICES = _choices({"female": "vrouw", "male": "man", "other": "anders / zeg ik liever niet"})
AUDIT_FREQUENCY = _choices({
    "never": "nooit",
    "monthly_or_less": "1 keer per maand of minder",
    "2_4_per_month": "2 tot 4 keer per maand",
    "2_3_per_week": "2 tot 3 keer per week",
    "4_plus_per_week": "4 keer per week of vaker",
})  # fmt: skip
AUDIT_BINGE = _choices({
    "never": "nooit",
    "less_than_monthly": "minder dan 1 keer per maand",
    "monthly": "elke maand",
    "weekly": "elke week",
    "daily_or_almost": "(bijna) elke dag",
})  # fmt: skip
PSS = _choices({
    "never": "nooit",
    "almost_never": "bijna nooit",
    "sometimes": "soms",
    "fairly_often": "vaak",
    "very_often": "heel vaak",
}, table="pss")  # fmt: skip
ANTIBIOTICS = _choices({"none": "geen", "one_course": "1 kuur", "two_plus": "2 kuren of meer, of langdurig"})
SKIN = _choices({
    "acne": "acne (puistjes)",
    "rosacea": "rosacea (rode huid, vooral in het gezicht)",
    "eczema": "eczeem",
    "psoriasis": "psoriasis",
    "ageing": "huidveroudering (lijntjes, verslapping)",
    "dry_dull": "droge of doffe huid",
    "pigmentation": "pigmentvlekken",
})  # fmt: skip
RED_FLAGS = _choices({
    "blood_in_stool": "bloed bij de ontlasting",
    "black_stool": "zwarte ontlasting",
    "unexplained_weight_loss": "afvallen zonder dat je dat wilt",
    "persistent_vomiting": "blijven overgeven",
    "difficulty_swallowing": "moeite met slikken",
    "jaundice": "gele huid of gele ogen",
    "severe_abdominal_pain": "hevige buikpijn",
}, clinic={"unexplained_weight_loss": "onbedoeld gewichtsverlies"})  # fmt: skip
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
TAXA_CHOICES = Choices(tuple((taxon, taxon) for taxon in TAXA), table="taxa", translated=False)
# Spec: the check is for adults; an age below ADULT_AGE ends the interview politely.
ADULT_AGE = 18
OLDEST_AGE = 110

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
    """One question of the intake, as the spec defines it, with everything the code needs to ask and read it."""

    id: str
    section: str
    kind: str
    # How free text is read: the name of a reader in bot.parsing (a registry, no fall-through).
    reader: str
    wording: Wording
    choices: Optional[Choices] = None  # the codes and their labels, for CODE and CODE_LIST items
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    integer: bool = False
    # "day" or "week" for the diet items: how the number is counted.
    period: Optional[str] = None
    # Values outside (low, high) are allowed but surprising: the assistant asks "klopt dat?" first.
    plausible: Optional[tuple] = None
    asked_when: Callable[[Answers], bool] = field(default=_always, compare=False, repr=False)

    @property
    def codes(self) -> tuple:
        return self.choices.codes if self.choices else ()

    @property
    def labels(self) -> Mapping[str, str]:
        """Code -> Dutch label (taxa: their own names)."""
        return self.choices.labels if self.choices else {}

    def label(self, code: str) -> str:
        """The Dutch label of one code; KeyError for a code the item does not have."""
        return self.labels[code]

    @property
    def name(self) -> str:
        return self.wording.name

    @property
    def clinic_name(self) -> str:
        """The name in the clinician's report (third person: no "je")."""
        return self.wording.clinic_name or self.wording.name

    def clinic_label(self, code: str) -> str:
        """The clinician's label of one code; KeyError for a code the item does not have."""
        return self.choices.clinic_labels[code] if self.choices else self.labels[code]

    @property
    def title(self) -> str:
        """The name at the start of a line: "Leeftijd"."""
        return self.name[:1].upper() + self.name[1:]

    @property
    def text(self) -> str:
        return self.wording.text

    @property
    def why(self) -> str:
        return self.wording.why

    @property
    def meaning(self) -> str:
        return self.wording.meaning

    @property
    def hint(self) -> str:
        return self.wording.hint

    @property
    def reason(self) -> str:
        return self.wording.reason

    @property
    def buttons(self) -> tuple:
        """Button titles (the title is also what the button sends): a coded item's labels, then any extra ones."""
        own = tuple(self.labels.values()) if self.kind == CODE else ()
        return own + self.wording.buttons

    @property
    def branches(self) -> bool:
        """True when branching can leave this item out."""
        return self.asked_when is not _always

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


def _diet(item_id: str, maximum: int, period: str, wording: Wording) -> Item:
    return Item(item_id, "diet", NUMBER, "number", wording, minimum=0, maximum=maximum, period=period)


def _coded(item_id: str, section: str, choices: Choices, reader: str, wording: Wording, **more) -> Item:
    return Item(item_id, section, CODE, reader, wording, choices, **more)


def _listed(item_id: str, section: str, choices: Choices, reader: str, wording: Wording, **more) -> Item:
    return Item(item_id, section, CODE_LIST, reader, wording, choices, **more)


def _number(item_id: str, section: str, minimum: int, maximum: int, wording: Wording, reader="number", **more) -> Item:
    return Item(item_id, section, NUMBER, reader, wording, minimum=minimum, maximum=maximum, **more)


ITEMS: tuple = (
    # Start
    _coded("consent", "start", CONSENT_CHOICES, "yes_no", texts.CONSENT),
    _coded("sex", "start", SEX_CHOICES, "sex", texts.SEX),
    _number("age", "start", ADULT_AGE, OLDEST_AGE, texts.AGE, integer=True, plausible=(ADULT_AGE, 100)),
    # Diet (last month, typical)
    _diet("veg_fruit_per_day", 20, "day", texts.VEG_FRUIT),
    _diet("whole_grain_per_day", 20, "day", texts.WHOLE_GRAIN),
    _diet("legumes_per_week", 21, "week", texts.LEGUMES),
    _diet("nuts_per_week", 21, "week", texts.NUTS),
    _diet("leafy_greens_per_week", 21, "week", texts.LEAFY_GREENS),
    _diet("dark_chocolate_per_week", 21, "week", texts.DARK_CHOCOLATE),
    _diet("fermented_per_week", 21, "week", texts.FERMENTED),
    _diet("red_meat_per_week", 21, "week", texts.RED_MEAT),
    _diet("ultra_processed_per_day", 20, "day", texts.ULTRA_PROCESSED),
    # Alcohol: AUDIT-C
    _coded("audit_c_frequency", "alcohol", AUDIT_FREQUENCY, "audit_frequency", texts.AUDIT_FREQUENCY),
    _number("audit_c_quantity", "alcohol", 1, 50, texts.GLASSES, reader="drinks", integer=True, plausible=(1, 15),
            asked_when=_drinks),
    _coded("audit_c_binge", "alcohol", AUDIT_BINGE, "audit_binge", texts.AUDIT_BINGE, asked_when=_drinks),
    # Stress and sleep: PSS-4
    _coded("pss_1", "stress", PSS, "pss", texts.PSS_NO_GRIP),
    _coded("pss_2", "stress", PSS, "pss", texts.PSS_CONFIDENT),
    _coded("pss_3", "stress", PSS, "pss", texts.PSS_GOING_YOUR_WAY),
    _coded("pss_4", "stress", PSS, "pss", texts.PSS_PILING_UP),
    _number("sleep_hours", "stress", 0, 16, texts.SLEEP, plausible=(3, 12)),
    # Medication and conditions
    _coded("med_ppi", "medication", YES_NO, "medicine", texts.PPI),
    _coded("med_diuretic", "medication", YES_NO, "medicine", texts.DIURETIC),
    _coded("med_antibiotics_12m", "medication", ANTIBIOTICS, "antibiotics", texts.ANTIBIOTICS),
    _coded("cond_diabetes_t2", "medication", YES_NO, "diabetes", texts.DIABETES_T2),
    _number("egfr", "medication", 5, 150, texts.EGFR, integer=True, plausible=(15, 130)),
    # Skin
    _listed("skin_complaints", "skin", SKIN, "skin_list", texts.SKIN_COMPLAINTS),
    _number("skin_impact", "skin", 0, 10, texts.SKIN_IMPACT, asked_when=_has_skin_complaints),
    # Microbiome test (optional)
    _coded("microbiome_test", "microbiome", YES_NO, "yes_no", texts.MICROBIOME_TEST),
    _listed("taxa_low", "microbiome", TAXA_CHOICES, "taxa_list", texts.TAXA_LOW, asked_when=_had_microbiome_test),
    _listed("taxa_high", "microbiome", TAXA_CHOICES, "taxa_list", texts.TAXA_HIGH, asked_when=_had_microbiome_test),
    # Red flags
    _listed("red_flags", "red_flags", RED_FLAGS, "red_flag_list", texts.RED_FLAGS),
)

ITEM_IDS: tuple = tuple(item.id for item in ITEMS)
# The interview's own start: no health answer, never skipped, not part of any summary.
CONSENT_ITEM = "consent"
# Who the patient is, beside the intake reference in the clinic's list and report.
PATIENT_ITEMS = ("sex", "age")
ITEMS_BY_ID: dict = {item.id: item for item in ITEMS}
# How the questions of each section are called in a count ("3 van 9 voedingsvragen").
SECTION_NOUNS = {
    "start": "startvragen",
    "diet": "voedingsvragen",
    "alcohol": "alcoholvragen",
    "stress": "stressvragen",
    "medication": "vragen over medicijnen",
    "skin": "huidvragen",
    "microbiome": "vragen over de ontlastingstest",
    "red_flags": "vragen over alarmsignalen",
}


def item(item_id: str) -> Item:
    """The item with this id; KeyError for an unknown id."""
    return ITEMS_BY_ID[item_id]


def asked_items(answers: Answers) -> list:
    """The items that the interview asks, given the answers so far (branching applied)."""
    return [it for it in ITEMS if it.is_asked(answers)]


def _install(items: tuple) -> None:
    global ITEMS, ITEM_IDS
    ITEMS = items
    ITEM_IDS = tuple(it.id for it in items)
    ITEMS_BY_ID.clear()  # in place: modules that imported the dict see the change
    ITEMS_BY_ID.update((it.id, it) for it in items)


@contextmanager
def with_items(*extra: Item, after: Optional[str] = None):
    """The questionnaire with ``extra`` items added after the item ``after`` (default: at the end), inside the block.

    For tests and for trying out a question. ``ITEMS_BY_ID`` changes in place and the
    tables derived from the items (``bot.labels``) follow;
    ``ITEMS`` and ``ITEM_IDS`` are rebound, so code that must see the change reads them
    as ``questionnaire.ITEMS``. Not thread-safe: never use it in a running assistant.
    """
    saved = ITEMS
    at = len(saved) if after is None else ITEM_IDS.index(after) + 1
    _install(saved[:at] + tuple(extra) + saved[at:])
    try:
        yield
    finally:
        _install(saved)
