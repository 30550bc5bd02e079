"""The Dutch replies to an uploaded file that is not read, or that holds no known bacteria (B1, je-form).

Each ends by saying what the user can do instead; the channel then shows the open question again.
"""

from __future__ import annotations

from bot.labels import join_dutch
from bot.report_reading import reading as r
from bot.report_reading.limits import MAX_BYTES, MAX_PAGES

_MB = MAX_BYTES // (1024 * 1024)
INSTEAD = "Je kunt ook een foto sturen van de pagina met de bacteriën, of de namen gewoon typen."

REFUSED = {
    r.TOO_LARGE: f"Dit bestand is groter dan {_MB} MB, en dat kan ik niet aannemen. Stuur een kleiner bestand, "
    "bijvoorbeeld een foto van alleen de pagina met de bacteriën. Of typ de namen.",
    r.UNSUPPORTED_TYPE: "Dit soort bestand kan ik niet lezen. Stuur je uitslag als PDF of als foto (JPEG, PNG of "
    "HEIC). Of typ de namen.",
    r.ENCRYPTED: "Deze PDF is beveiligd met een wachtwoord, dus ik kan hem niet openen. " + INSTEAD,
    r.BROKEN: "Ik kan dit bestand niet openen: het lijkt beschadigd. " + INSTEAD,
    r.TOO_MANY_PAGES: f"Deze PDF heeft meer dan {MAX_PAGES} pagina's. Stuur alleen de pagina met de bacteriën. "
    "Of typ de namen.",
    r.TOO_MANY_PIXELS: "Deze afbeelding is te groot om veilig te lezen (meer dan 40 megapixel). Stuur een "
    "kleinere foto, of typ de namen.",
    r.ACTIVE_CONTENT: "Deze PDF bevat scripts of bijlagen. Zulke bestanden open ik niet, voor je veiligheid. "
    + INSTEAD,
    r.TIMEOUT: "Het lezen van dit bestand duurde te lang. Stuur een scherpe foto van alleen de pagina met de "
    "bacteriën, of typ de namen.",
}
NOTHING_KEPT = "Ik heb niets van dit bestand bewaard."


def refused(reason: str) -> str:
    return REFUSED[reason] + " " + NOTHING_KEPT


def no_taxa(unknown: tuple = ()) -> str:
    """What the assistant looked for, when a file holds none of the known bacteria."""
    text = (
        "Ik heb in dit bestand geen bacteriën gevonden die ik ken. Ik zoek de bacteriën uit de darm-lever-"
        "uitslag, zoals Faecalibacterium of Prevotella, met hun niveau (laag, normaal of hoog), zoals onder "
        "'Geassocieerde bacteriën' en 'Beschermende bacteriën'."
    )
    if unknown:
        text += f" Deze namen herkende ik niet: {join_dutch(unknown)}."
    return text + " Stuur een PDF of foto van die pagina, of typ de namen. " + NOTHING_KEPT


NOT_NOW = (
    "Je uitslag kan ik lezen tijdens de vragen van de check, als je toestemming hebt gegeven. "
    + NOTHING_KEPT
)
