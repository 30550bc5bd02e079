"""Words from a PDF: pypdf checks it first (encrypted, broken, too many pages, scripts or attachments, an
image past the pixel limit), pdfplumber reads the text layer, and a page without text is rendered and
read by OCR like a photo."""

from __future__ import annotations

import io
import math

from bot.report_reading import images, ocr
from bot.report_reading.limits import MAX_PAGES, MAX_PIXELS, SCAN_DPI
from bot.report_reading.reading import (
    ACTIVE_CONTENT,
    BROKEN,
    ENCRYPTED,
    PDF_SCAN,
    PDF_TEXT,
    TOO_MANY_PAGES,
    TOO_MANY_PIXELS,
    Refused,
)
from bot.report_reading.words import Word

# Dictionary keys and values that make a PDF run something or carry a file.
SCRIPT_KEYS = frozenset({"/JS", "/JavaScript", "/XFA", "/RichMedia"})
SCRIPT_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"})
ATTACHMENT_KEYS = frozenset({"/EmbeddedFiles", "/EF"})
MAX_OBJECTS = 200_000  # objects visited when looking for scripts; more is no report
TEXT_PAGE_CHARACTERS = 20  # a page with an image and fewer characters of text is read as a scan
SCAN_PIXELS = 12_000_000  # a scanned page is rendered at SCAN_DPI, or smaller to stay under this


def check(data: bytes) -> int:
    """The number of pages of a PDF that may be read; Refused otherwise."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise Refused(ENCRYPTED)
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise Refused(TOO_MANY_PAGES)
        if pages == 0:
            raise Refused(BROKEN)
        if _active_content(reader):
            raise Refused(ACTIVE_CONTENT)
    except Refused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            AssertionError, NotImplementedError, ArithmeticError):  # fmt: skip
        raise Refused(BROKEN) from None
    return pages


def _active_content(reader) -> bool:
    """True when any object of the document is JavaScript, an action that launches or imports something,
    an XFA form, rich media or an attached file. Walks every object reachable from the trailer (names in
    object streams and hex-escaped names included), without reading any stream's data."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set = set()
    stack: list = [reader.trailer]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise Refused(BROKEN)
        if isinstance(item, DictionaryObject):
            keys = set(item.keys())
            if keys & SCRIPT_KEYS or keys & ATTACHMENT_KEYS:
                return True
            if item.get("/S") in SCRIPT_ACTIONS or item.get("/Subtype") == NameObject("/FileAttachment"):
                return True
            stack.extend(value for name, value in item.items() if name != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def words(data: bytes) -> tuple:
    """(source, words) of a PDF that passed ``check``: the text layer, or OCR for pages without text."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    found: list = []
    text_pages = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for number, page in enumerate(document.pages):
                for image in page.images:
                    width, height = image.get("srcsize") or (0, 0)
                    if width * height > MAX_PIXELS:
                        raise Refused(TOO_MANY_PIXELS)
                text = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False)
                if sum(len(w["text"]) for w in text) >= TEXT_PAGE_CHARACTERS or not page.images:
                    found += [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], number) for w in text]
                    text_pages += 1
                else:
                    found += _scanned(page, number)
    except Refused:
        raise
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, AssertionError,
            NotImplementedError, ArithmeticError, RecursionError):  # fmt: skip
        raise Refused(BROKEN) from None
    return (PDF_TEXT if text_pages else PDF_SCAN), found


def _scanned(page, number: int) -> list:
    """A page without a text layer, rendered and read by OCR."""
    width, height = float(page.width), float(page.height)
    dpi = min(SCAN_DPI, 72 * math.sqrt(SCAN_PIXELS / max(width * height, 1.0)))
    image = page.to_image(resolution=dpi).original
    return ocr.words(images.prepare(image), number)
