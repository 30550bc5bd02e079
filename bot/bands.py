"""One Dutch wording of every score's bands, for every output: the chat's text and card, the staff list,
the clinician's report and its PDF. The engine's band codes stay English (the spec); only these words show."""

from __future__ import annotations

from typing import Optional

RISK = {"low": "laag", "moderate": "gemiddeld", "high": "verhoogd"}
BAND_WORDS = {
    "microbiome_risk": RISK,
    "magnesium_risk": RISK,
    "alcohol_risk": {"low": "laag", "increased": "verhoogd"},
    "stress_level": {"low": "weinig stress", "moderate": "matige stress", "high": "veel stress"},
    "magnesium_intake_band": {"adequate": "voldoende", "borderline": "net te weinig", "low": "te weinig"},
    "mds_band": {"low": "laag", "middle": "midden", "high": "hoog"},
    "skin_concern": {"none": "geen klachten", "mild": "lichte hinder", "moderate": "duidelijke hinder",
                     "severe": "veel hinder"},
}  # fmt: skip
# Where a band sits from low to high: 0 is nothing raised, 2 the highest band of its score.
LEVELS = {"low": 0, "none": 0, "adequate": 0, "mild": 1, "moderate": 1, "borderline": 1, "middle": 1,
          "increased": 2, "high": 2, "severe": 2}  # fmt: skip
# The three zones of a bar, from left to right.
ZONE_WORDS = ("laag", "gemiddeld", "hoog")
# An area whose score is known but rests on too few answers, and one whose score could not be computed.
INCOMPLETE = "onvolledig"
NOT_COMPUTED = "niet berekend"


def band_word(key: str, band: Optional[str]) -> str:
    """The Dutch word of one band of the score ``key``; "niet berekend" when the score is null."""
    return NOT_COMPUTED if band is None else BAND_WORDS[key][band]


def level(band: Optional[str]) -> Optional[int]:
    return None if band is None else LEVELS[band]
