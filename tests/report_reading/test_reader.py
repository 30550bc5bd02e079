"""Reports made by the tests, read exactly: PDFs in four layouts, a scanned PDF, and photos of them (tilted,
blurred, JPEG noise; PNG and HEIC), through the same child process the server uses."""

import io

import pytest
from rapidfuzz.distance import Levenshtein

from bot.report_reading.reader import read_report
from bot.report_reading.reading import PDF_SCAN, PDF_TEXT, PHOTO
from bot.report_reading.sandbox import read_isolated
from tests.report_reading.fixtures import LAYOUTS, photo, render_page

FIXTURES = {make.__name__.replace("_layout", ""): make() for make in LAYOUTS}
# Photos: tilt in degrees, blur radius, JPEG quality, noise seed, format.
PHOTOS = {
    "tilted left, sharp": (3.0, 1.0, 60, 1, "JPEG"),
    "tilted right, blurred, noisy": (-2.5, 1.4, 45, 2, "JPEG"),
    "slightly tilted PNG": (1.0, 1.0, None, 3, "PNG"),
}


def assert_read_exactly(reading, fixture, source, unknown_distance=0):
    assert reading.source == source
    assert reading.levels == fixture.expected
    assert [f.written for f in reading.findings] == [fixture.written[f.taxon] for f in reading.findings]
    assert len(reading.unknown) == len(fixture.unknown)
    for found, printed in zip(sorted(reading.unknown), sorted(fixture.unknown)):
        assert Levenshtein.distance(found, printed) <= unknown_distance, (found, printed)


@pytest.mark.parametrize("layout", FIXTURES)
def test_a_text_pdf_is_read_exactly(layout):
    fixture = FIXTURES[layout]
    assert_read_exactly(read_report(fixture.pdf), fixture, PDF_TEXT)


@pytest.mark.parametrize("style", PHOTOS)
@pytest.mark.parametrize("layout", FIXTURES)
def test_a_photo_of_the_page_is_read_exactly(layout, style):
    fixture = FIXTURES[layout]
    angle, blur, quality, seed, fmt = PHOTOS[style]
    image = photo(fixture.pdf, angle, blur=blur, quality=quality or 90, seed=seed, fmt=fmt)
    # Unknown names are shown to the user as OCR read them; one letter may differ ("Brfidobacterium").
    assert_read_exactly(read_isolated(image), fixture, PHOTO, unknown_distance=1)


def test_an_iphone_photo_in_heic_is_read():
    fixture = FIXTURES["seed"]
    image = photo(fixture.pdf, 2.0, fmt="HEIC")
    assert image[4:12] == b"ftypheic"
    assert_read_exactly(read_isolated(image), fixture, PHOTO)


def test_a_scanned_pdf_without_text_is_read_by_ocr():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    fixture = FIXTURES["table"]
    scan = render_page(fixture.pdf, dpi=200)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(scan), 0, 0, *A4)
    page.showPage()
    page.save()
    assert_read_exactly(read_isolated(buffer.getvalue()), fixture, PDF_SCAN)


def test_an_invoice_and_a_holiday_photo_hold_no_taxa():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for i, line in enumerate(["Factuur 2025-0412", "Consult huidtherapie   1   85,00", "Totaal   85,00",
                              "Status: Normaal verwerkt", "Betaald: ja"]):  # fmt: skip
        page.drawString(60, 760 - 20 * i, line)
    page.showPage()
    page.save()
    invoice = read_isolated(buffer.getvalue())
    assert invoice.findings == () and invoice.unknown == ()

    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(5)
    sky = np.linspace([90, 150, 230], [250, 200, 120], 900)[:, None, :] * np.ones((900, 1200, 1))
    holiday = Image.fromarray(np.clip(sky + rng.normal(0, 12, sky.shape), 0, 255).astype(np.uint8))
    out = io.BytesIO()
    holiday.save(out, format="JPEG", quality=80)
    nothing = read_isolated(out.getvalue())
    assert nothing.findings == () and nothing.unknown == ()
