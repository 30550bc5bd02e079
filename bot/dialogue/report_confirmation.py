"""Confirming what was read from an uploaded lab report, as pure functions of the reading and the reply.

The hook (kept thin on purpose, so it moves easily into another dialogue design):

1. The channel reads the file (``bot.report_reading``) and, only when it holds known taxa, sends the
   conversation a message with the fixed text ``UPLOAD_TEXT`` and the reading in its metadata
   (``METADATA_KEY``).
2. The form's adapter (``actions/intake_form.py``) turns that metadata into the pending state
   ``uploaded(reading)``: the pending kind ``ConfirmReport`` (``bot.dialogue.pending``), marked ``new``.
3. The interpretation (``rule_report`` in ``bot.dialogue.interpret``) shows the reading (``shown``) and asks
   "Klopt dit?"; each later reply goes through ``reply_to``: yes records ``answers_of(reading)``
   (``microbiome_test`` yes, ``taxa_low``, ``taxa_high``; the taxa questions are then skipped), a
   correction in words ("Dorea was normaal") changes the reading and asks again, no drops it and the
   question stays as it was. Nothing is recorded before the yes.
4. The confirmed reading is kept for the clinic (``Outcome.report``, the ``report_reading`` slot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot import questionnaire
from bot.dialogue.pending import ConfirmReport
from bot.labels import join_dutch
from bot.report_reading.reading import HIGH, LOW, NORMAL, Finding, ReportReading, ordered
from bot.report_reading.vocabulary import fold, known_taxon, level_phrase

SECTION = "microbiome"  # the questionnaire's section of the test and its taxa
METADATA_KEY = "report_reading"  # the user message's metadata that carries the reading
UPLOAD_TEXT = "Mijn uitslag (bestand)"  # the user message an upload becomes in the conversation
RECORDED_WORDS = "uit rapport gelezen"  # kept as the user's own words of the three answers

CONFIRM_BUTTONS = ("Ja, dat klopt", "Ik typ ze zelf")
QUESTION = "Klopt dit? Staat er iets anders in je uitslag? Zeg het dan, bijvoorbeeld 'Dorea was normaal'."
STILL_WAITING = "Ik wacht nog even op je antwoord over je uitslag."
DECLINED = "Geen probleem, dan noteer ik niets uit je uitslag."
WHAT_WRONG = (
    "Wat klopt er niet? Noem de bacterie en wat er in je uitslag stond, bijvoorbeeld 'Dorea was normaal'. "
    "Of kies 'Ik typ ze zelf'."
)
NOT_NOW = "Je uitslag kan ik pas meenemen als je toestemming hebt gegeven. Ik heb niets bewaard."
LEVEL_WORDS = {LOW: "laag", NORMAL: "normaal", HIGH: "hoog"}
NEGATIONS = frozenset({"niet", "geen", "nooit"})

# What a reply does.
CONFIRMED, CORRECTED, ASK_LEVEL, WRONG, DECLINE, OTHER = (
    "confirmed", "corrected", "ask_level", "wrong", "decline", "other")
SELF = re.compile(r"\b(zelf|typ|typen|intypen)\b")  # "ik typ ze zelf", "ik vul het zelf in"


@dataclass(frozen=True)
class Reply:
    kind: str
    reading: Optional[ReportReading] = None
    taxa: tuple = ()  # ASK_LEVEL: the taxa named without a level


def from_metadata(metadata: object) -> Optional[ReportReading]:
    """The reading an upload message carries, or None (no upload, or metadata that is no reading)."""
    if not isinstance(metadata, dict):
        return None
    return ReportReading.from_data(metadata.get(METADATA_KEY))


def metadata(reading: ReportReading) -> dict:
    return {METADATA_KEY: reading.as_data()}


def uploaded(reading: ReportReading) -> ConfirmReport:
    """The pending state of a fresh upload, to be shown first."""
    return ConfirmReport(reading.as_data(), new=True)


def waiting(reading: ReportReading) -> ConfirmReport:
    """The pending state while the reading waits for "Klopt dit?"."""
    return ConfirmReport(reading.as_data())


def reading_of(pending) -> Optional[ReportReading]:
    if not isinstance(pending, ConfirmReport):
        return None
    return ReportReading.from_data(pending.reading)


def shown(reading: ReportReading) -> str:
    """What was read, low and high separately, then the normal ones and the names not recognised."""
    lines = ["Dit heb ik in je uitslag gelezen:"]
    lines.append("Laag: " + (join_dutch(reading.taxa(LOW)) or "geen"))
    lines.append("Hoog: " + (join_dutch(reading.taxa(HIGH)) or "geen"))
    if reading.taxa(NORMAL):
        lines.append("Normaal: " + join_dutch(reading.taxa(NORMAL)))
    if reading.unknown:
        lines.append("Niet herkend (telt niet mee): " + join_dutch(reading.unknown))
    return "\n".join(lines)


def recorded(reading: ReportReading) -> str:
    low, high = join_dutch(reading.taxa(LOW)) or "geen", join_dutch(reading.taxa(HIGH)) or "geen"
    return f"Genoteerd uit je uitslag. Laag: {low}. Hoog: {high}."


def test_items() -> tuple:
    """(the test question, the low taxa, the high taxa): the microbiome section of the questionnaire."""
    test, low, high = (it.id for it in questionnaire.ITEMS if it.section == SECTION)
    return test, low, high


def answers_of(reading: ReportReading) -> dict:
    """The answers a confirmed reading gives: a test was done, and which taxa were low and high."""
    test, low, high = test_items()
    return {test: "yes", low: reading.taxa(LOW), high: reading.taxa(HIGH)}


def ask_level(taxa: tuple) -> str:
    return f"Wat stond er bij {join_dutch(taxa)}: laag, normaal of hoog?"


def corrections(text: str) -> tuple:
    """(taxon -> level, taxa named without a level) in a reply: "Dorea was normaal", "Dorea en Blautia
    waren hoog", "Odoribacter niet laag maar normaal", "streptococcus: normaal, blautia hoog"."""
    words = re.findall(r"[^\s,;:.!?]+", text)
    found: dict = {}
    waiting_for: list = []
    i = 0
    while i < len(words):
        phrase = level_phrase(words[i : i + 3])
        if phrase:
            count, level, _ = phrase
            negated = i > 0 and fold(words[i - 1]) in NEGATIONS
            if not negated and waiting_for:
                for taxon in waiting_for:
                    found[taxon] = level
                waiting_for = []
            i += count
            continue
        taxon = known_taxon(words[i])
        if taxon:
            if taxon in found:  # named again after its level: a new correction of it
                del found[taxon]
            waiting_for.append(taxon)
        i += 1
    return found, tuple(t for t in dict.fromkeys(waiting_for) if t not in found)


def corrected(reading: ReportReading, changes: dict) -> ReportReading:
    """The reading with the user's levels; a taxon the report did not list is added as the user says."""
    findings = {f.taxon: f for f in reading.findings}
    for taxon, level in changes.items():
        findings[taxon] = Finding(taxon, level, LEVEL_WORDS[level].capitalize())
    changed = tuple(t for t in dict.fromkeys(reading.corrected + tuple(changes)))
    return ReportReading(reading.source, ordered(findings.values()), reading.unknown, changed)


def reply_to(reading: ReportReading, text: str, yes_no: Optional[str]) -> Reply:
    """What a reply to "Klopt dit?" does."""
    changes, without_level = corrections(text)
    if changes:
        return Reply(CORRECTED, corrected(reading, changes))
    if without_level:
        return Reply(ASK_LEVEL, reading, without_level)
    if SELF.search(text.lower()):
        return Reply(DECLINE)
    if yes_no == "yes":
        return Reply(CONFIRMED, reading)
    if yes_no == "no":
        return Reply(WRONG, reading)
    return Reply(OTHER, reading)
