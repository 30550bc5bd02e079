"""Files that are refused: each with its reason, read in the child process, and nothing left on disk."""

import glob
import io
import os
import tempfile

import pytest

from bot.report_reading import reading as r
from bot.report_reading import texts
from bot.report_reading.limits import MAX_BYTES, MAX_PAGES, MAX_PIXELS
from bot.report_reading.reading import Refused
from bot.report_reading.sandbox import read_isolated
from tests.report_reading.fixtures import photo, seed_layout


def pdf_pages(count: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number in range(count):
        page.drawString(72, 720, f"Pagina {number + 1}: Dorea Laag")
        page.showPage()
    page.save()
    return buffer.getvalue()


def with_pypdf(change) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(seed_layout().pdf)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted() -> bytes:
    return with_pypdf(lambda w: w.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="AES-128"))


def with_script() -> bytes:
    from pypdf.actions import JavaScript

    return with_pypdf(lambda w: w.add_open_action(JavaScript("app.alert('hallo');")))


def with_attachment() -> bytes:
    return with_pypdf(lambda w: w.add_attachment("uitslag.txt", b"Dorea Laag"))


def broken() -> bytes:
    return seed_layout().pdf[:400] + b"\x00garbage" * 50


def bomb() -> bytes:
    """A PNG of 8,000 x 6,000 pixels (48 megapixels) in about 50 KB: it would decompress to 48 MB or more."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (8000, 6000), 1).save(out, format="PNG", optimize=True)
    return out.getvalue()


def gif() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), (255, 0, 0)).save(out, format="GIF")
    return out.getvalue()


REFUSED = {
    "encrypted PDF": (encrypted, r.ENCRYPTED),
    "broken PDF": (broken, r.BROKEN),
    f"more than {MAX_PAGES} pages": (lambda: pdf_pages(MAX_PAGES + 1), r.TOO_MANY_PAGES),
    "decompression bomb": (bomb, r.TOO_MANY_PIXELS),
    "PDF with JavaScript": (with_script, r.ACTIVE_CONTENT),
    "PDF with an attachment": (with_attachment, r.ACTIVE_CONTENT),
    "GIF": (gif, r.UNSUPPORTED_TYPE),
    "text file": (lambda: b"Dorea: Laag\nBlautia: Hoog\n", r.UNSUPPORTED_TYPE),
    "more than 10 MB": (lambda: b"%PDF-1.7\n" + b"0" * MAX_BYTES, r.TOO_LARGE),
}


@pytest.mark.parametrize("case", REFUSED)
def test_each_bad_file_is_refused_with_its_reason_and_a_dutch_reply(case):
    make, reason = REFUSED[case]
    data = make()
    with pytest.raises(Refused) as refused:
        read_isolated(data)
    assert refused.value.reason == reason
    reply = texts.refused(reason)
    assert reply.endswith(texts.NOTHING_KEPT) and "typ" in reply


def test_the_bomb_is_small_on_disk_and_past_the_pixel_limit():
    from PIL import Image

    data = bomb()
    assert len(data) < 200_000
    width, height = Image.open(io.BytesIO(data)).size
    assert width * height > MAX_PIXELS


def test_exactly_twenty_pages_are_still_read():
    reading = read_isolated(pdf_pages(MAX_PAGES))
    assert reading.levels == {"Dorea": "low"}


def test_a_read_past_its_time_limit_is_stopped_and_leaves_no_file_behind():
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "report-*")))
    image = photo(seed_layout().pdf, 2.0)
    with pytest.raises(Refused) as refused:
        read_isolated(image, timeout=0.5)
    assert refused.value.reason == r.TIMEOUT
    assert read_isolated(seed_layout().pdf).levels  # the worker reads the next file as usual
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "report-*"))) <= before
    assert not glob.glob(os.path.join(tempfile.gettempdir(), "report-*", "*"))


def test_a_child_over_its_memory_limit_is_refused_not_the_server():
    image = photo(seed_layout().pdf, 2.0)
    with pytest.raises(Refused) as refused:
        read_isolated(image, memory=150 * 1024 * 1024)
    assert refused.value.reason == r.BROKEN
