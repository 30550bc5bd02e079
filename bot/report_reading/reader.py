"""``read_report``: a file's bytes in, the known taxa and their levels out (or ``Refused``), in this process.

The server never calls this directly: ``sandbox.read_isolated`` runs it in a child process with a time
and memory limit. Tests and ``make bench`` call it here too.
"""

from __future__ import annotations

from bot.report_reading import filetypes, images, layout, ocr, pdf
from bot.report_reading.limits import MAX_BYTES
from bot.report_reading.reading import PHOTO, TOO_LARGE, UNSUPPORTED_TYPE, Refused, ReportReading


def read_report(data: bytes) -> ReportReading:
    if len(data) > MAX_BYTES:
        raise Refused(TOO_LARGE)
    kind = filetypes.sniff(data)
    if kind is None:
        raise Refused(UNSUPPORTED_TYPE)
    if kind == filetypes.PDF:
        pdf.check(data)
        source, words = pdf.words(data)
    else:
        source, words = PHOTO, ocr.words(images.prepare(images.open_image(data, kind)))
    findings, unknown = layout.find_levels(words)
    return ReportReading(source, findings, unknown)
