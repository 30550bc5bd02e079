"""What reading a report gives: the known taxa with their level, and the names it could not place.

Plain data, also as a dict (``as_data``/``from_data``): that is how a reading travels from the channel to
the conversation (the user message's metadata) and into the clinic's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.questionnaire import TAXA

LOW, NORMAL, HIGH = "low", "normal", "high"
LEVELS = (LOW, NORMAL, HIGH)

# Why a file is not read. Each has a Dutch reply in ``texts``; two have an HTTP status of their own.
TOO_LARGE = "too_large"
UNSUPPORTED_TYPE = "unsupported_type"
ENCRYPTED = "encrypted"
BROKEN = "broken"
TOO_MANY_PAGES = "too_many_pages"
TOO_MANY_PIXELS = "too_many_pixels"
ACTIVE_CONTENT = "active_content"  # scripts or attachments in a PDF
TIMEOUT = "timeout"
REASONS = (TOO_LARGE, UNSUPPORTED_TYPE, ENCRYPTED, BROKEN, TOO_MANY_PAGES, TOO_MANY_PIXELS, ACTIVE_CONTENT, TIMEOUT)
HTTP_STATUS = {TOO_LARGE: 413, UNSUPPORTED_TYPE: 415}

# Where the words came from.
PDF_TEXT = "pdf"  # the PDF's text layer
PDF_SCAN = "scan"  # a PDF page without text, read by OCR
PHOTO = "photo"  # an image file, read by OCR


class Refused(Exception):
    """A file that is not read, and why (one of ``REASONS``)."""

    def __init__(self, reason: str):
        assert reason in REASONS, reason
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Finding:
    taxon: str  # a known taxon, as bot.questionnaire names it
    level: str  # LOW, NORMAL or HIGH
    written: str  # the level as the report writes it ("Verlaagd", "Binnen de norm")


@dataclass(frozen=True)
class ReportReading:
    source: str  # PDF_TEXT, PDF_SCAN or PHOTO
    findings: tuple = ()  # of Finding, in the questionnaire's order of the taxa
    unknown: tuple = ()  # names printed like a taxon with a level that the assistant does not know
    corrected: tuple = ()  # taxa whose level the user changed in words while confirming ("Dorea was normaal")

    def taxa(self, level: str) -> list:
        return [f.taxon for f in self.findings if f.level == level]

    @property
    def levels(self) -> dict:
        """taxon -> level."""
        return {f.taxon: f.level for f in self.findings}

    def as_data(self) -> dict:
        return {"source": self.source, "findings": [[f.taxon, f.level, f.written] for f in self.findings],
                "unknown": list(self.unknown), "corrected": list(self.corrected)}  # fmt: skip

    @classmethod
    def from_data(cls, data: object) -> Optional["ReportReading"]:
        """A reading from its dict; None for anything that is not one (metadata comes from outside)."""
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            return None
        findings = []
        for entry in data["findings"]:
            if (isinstance(entry, (list, tuple)) and len(entry) == 3 and entry[0] in TAXA and entry[1] in LEVELS
                    and isinstance(entry[2], str)):  # fmt: skip
                findings.append(Finding(entry[0], entry[1], entry[2][:40]))
        unknown = tuple(str(name)[:60] for name in data.get("unknown") or () if isinstance(name, str))[:20]
        source = data.get("source") if data.get("source") in (PDF_TEXT, PDF_SCAN, PHOTO) else PHOTO
        corrected = tuple(t for t in data.get("corrected") or () if t in TAXA)
        return cls(source, ordered(findings), unknown, corrected)


def ordered(findings) -> tuple:
    """One finding per taxon, in the questionnaire's order."""
    by_taxon = {f.taxon: f for f in findings}
    return tuple(by_taxon[taxon] for taxon in TAXA if taxon in by_taxon)
