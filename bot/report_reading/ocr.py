"""Tesseract (Debian's tesseract-ocr with its Dutch data, tesseract-ocr-nld) through pytesseract: the words
of a prepared image with their boxes. One thread per run and a time limit."""

from __future__ import annotations

from bot.report_reading.limits import OCR_TIMEOUT_S
from bot.report_reading.reading import TIMEOUT, Refused
from bot.report_reading.vocabulary import fold
from bot.report_reading.words import Word

LANGUAGE = "nld"
# Sparse text: every word wherever it stands, with its box (the layout reader places them); on the
# fixtures' photos it missed fewer table cells and boxed words than automatic page segmentation (--psm 3).
CONFIG = "--psm 11"
MIN_CONFIDENCE = 0  # Tesseract marks non-words with -1


def words(gray, page: int = 0) -> list:
    """The words Tesseract reads in a prepared grey image (``images.prepare``)."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(gray, lang=LANGUAGE, config=CONFIG, timeout=OCR_TIMEOUT_S,
                                         output_type=pytesseract.Output.DICT)  # fmt: skip
    except RuntimeError as error:  # pytesseract's "Tesseract process timeout"
        if "timeout" in str(error).lower():
            raise Refused(TIMEOUT) from None
        raise
    found = []
    for i, text in enumerate(data["text"]):
        if _is_word(text) and float(data["conf"][i]) >= MIN_CONFIDENCE:
            left, top, width, height = (data[key][i] for key in ("left", "top", "width", "height"))
            found.append(Word(text.strip(), left, left + width, top, top + height, page))
    return found


def _is_word(text: str) -> bool:
    """Two letters or a digit: the rest is the remains of a frame or speck ("‚", "ú", "N" beside a border)."""
    return len(fold(text)) >= 2 or any(c.isdigit() for c in text)
