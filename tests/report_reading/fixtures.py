"""Lab reports made by the tests: PDFs in four layouts drawn with reportlab, and photos of them.

Each layout knows what it says (``Fixture.expected``: taxon -> level, and the names a reader must list as
not recognised), so a test can demand that the reader finds exactly that. The photos are the PDF's page
rendered, tilted, blurred and saved as a noisy JPEG (or PNG, or HEIC), as a phone would take it.
Nothing here is stored in the repository: the files are made when a test asks for them.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from bot.questionnaire import ASSOCIATED_TAXA, PROTECTIVE_TAXA

# The seed report (shared/seeds/000_*.txt): its taxa and levels, in its order.
SEED_ASSOCIATED = {"Prevotella": "Normaal", "Enterococcus": "Normaal", "Streptococcus": "Laag",
                   "Alcaligenaceae": "Normaal", "Dorea": "Normaal", "Blautia": "Normaal", "Veillonellaceae": "Normaal",
                   "Enterobacteriaceae": "Normaal", "Haemophilus": "Normaal"}  # fmt: skip
SEED_PROTECTIVE = {"Odoribacter": "Laag", "Coprococcus": "Laag", "Oscillibacter": "Normaal", "Oscillospira": "Normaal",
                   "Ruminococcaceae": "Normaal", "Faecalibacterium": "Laag"}  # fmt: skip
LEVEL_OF = {"laag": "low", "verlaagd": "low", "normaal": "normal", "binnen de norm": "normal", "hoog": "high",
            "verhoogd": "high"}  # fmt: skip
INTRO = ("Je lever is het belangrijkste stofwisselingsorgaan en de gezondheid ervan is cruciaal voor de kwaliteit "
         "van je leven. Je darm en lever staan voortdurend met elkaar in contact en zijn via de bloedcirculatie "
         "(poortader) met elkaar verbonden.")  # fmt: skip


@dataclass(frozen=True)
class Fixture:
    name: str
    pdf: bytes
    written: dict  # taxon -> the level as printed
    unknown: tuple = ()  # names printed with a level that the assistant does not know

    @property
    def expected(self) -> dict:
        """taxon -> "low" / "normal" / "high"."""
        return {taxon: LEVEL_OF[word.lower()] for taxon, word in self.written.items()}


def _canvas():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    return buffer, canvas.Canvas(buffer, pagesize=A4, pageCompression=1), A4


def _wrapped(c, text: str, x: float, y: float, width: float, size: float = 9.5) -> float:
    from reportlab.lib.utils import simpleSplit

    c.setFont("Helvetica", size)
    for line in simpleSplit(text, "Helvetica", size, width):
        c.drawString(x, y, line)
        y -= size * 1.35
    return y


def seed_layout() -> Fixture:
    """The seed report as it reads: a heading per group, each name on a line with its level on the line below."""
    buffer, c, (width, height) = _canvas()
    y = height - 60
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, y, "De connectie tussen je darmen en je lever")
    y -= 26
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y, "Bacteriën die verbeterd kunnen worden")
    y -= 24
    for heading, taxa in (("Geassocieerde bacteriën", SEED_ASSOCIATED), ("Beschermende bacteriën", SEED_PROTECTIVE)):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y, heading)
        y -= 18
        for taxon, level in taxa.items():
            c.setFont("Helvetica", 10.5)
            c.drawString(60, y, taxon)
            c.setFont("Helvetica-Oblique", 10.5)
            c.drawString(60, y - 13, level)
            y -= 31
        y -= 6
    _wrapped(c, INTRO, 60, y - 4, width - 120)
    c.showPage()
    c.save()
    return Fixture("seed", buffer.getvalue(), {**SEED_ASSOCIATED, **SEED_PROTECTIVE})


TABLE_LEVELS = {"Dorea": "Verhoogd", "Blautia": "Verhoogd", "Faecalibacterium": "Verlaagd", "Oscillospira": "Verlaagd",
                "Haemophilus": "Verhoogd", "Odoribacter": "Verlaagd"}  # fmt: skip


def table_layout() -> Fixture:
    """A table with ruled rows in a shuffled order: name, group, a figure, a reference range, and the verdict
    as "Verlaagd", "Verhoogd" or "Binnen de norm"."""
    buffer, c, (width, height) = _canvas()
    rng = random.Random(7)
    taxa = list(PROTECTIVE_TAXA + ASSOCIATED_TAXA)
    rng.shuffle(taxa)
    written = {taxon: TABLE_LEVELS.get(taxon, "Binnen de norm") for taxon in taxa}
    y = height - 70
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, y, "Uitslag darmmicrobioom: darm-leveras")
    y -= 20
    c.setFont("Helvetica", 9)
    c.drawString(50, y, "Monster ontvangen 12-03-2025   Methode: 16S rRNA-sequencing")
    y -= 30
    columns = (50, 200, 305, 380, 470)
    c.setFont("Helvetica-Bold", 10)
    for x, title in zip(columns, ("Bacterie", "Groep", "Aandeel (%)", "Referentie", "Beoordeling")):
        c.drawString(x, y, title)
    c.line(45, y - 5, width - 45, y - 5)
    y -= 21
    for taxon in taxa:
        group = "beschermend" if taxon in PROTECTIVE_TAXA else "geassocieerd"
        share = f"{rng.uniform(0.05, 9.5):.2f}".replace(".", ",")
        c.setFont("Helvetica", 10)
        for x, text in zip(columns, (taxon, group, share, "0,10 - 5,00", written[taxon])):
            c.drawString(x, y, text)
        c.setStrokeGray(0.7)
        c.line(45, y - 6, width - 45, y - 6)
        c.setStrokeGray(0)
        y -= 21
    _wrapped(c, "Beoordeling ten opzichte van een gezonde referentiegroep. " + INTRO, 50, y - 16, width - 100)
    c.showPage()
    c.save()
    return Fixture("table", buffer.getvalue(), written)


TWO_COLUMN_LEVELS = {"Prevotella": "Hoog", "Enterobacteriaceae": "Hoog", "Coprococcus": "Laag",
                     "Ruminococcaceae": "Laag"}  # fmt: skip
TWO_COLUMN_UNKNOWN = {"Akkermansia muciniphila": "Normaal", "Bifidobacterium": "Laag"}


def two_column_layout() -> Fixture:
    """Two columns side by side (associated left, protective right), each row "name .... level", and two
    bacteria the assistant does not know in the right column."""
    buffer, c, (width, height) = _canvas()
    y0 = height - 80
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, y0 + 20, "Microbioomanalyse")
    left = list(reversed(ASSOCIATED_TAXA))
    right = list(PROTECTIVE_TAXA[3:]) + list(TWO_COLUMN_UNKNOWN) + list(PROTECTIVE_TAXA[:3])
    written = {taxon: TWO_COLUMN_LEVELS.get(taxon, "Normaal") for taxon in ASSOCIATED_TAXA + PROTECTIVE_TAXA}
    levels = {**written, **TWO_COLUMN_UNKNOWN}
    for x, heading, names in ((50, "Geassocieerde bacteriën", left), (310, "Beschermende bacteriën", right)):
        y = y0 - 14
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x, y, heading)
        y -= 22
        for name in names:
            c.setFont("Helvetica-Oblique" if " " in name else "Helvetica", 10)
            c.drawString(x, y, name)
            c.setFont("Helvetica-Bold", 10)
            c.drawRightString(x + 225, y, levels[name])
            y -= 19
    _wrapped(c, INTRO, 50, y0 - 260, width - 100)
    c.showPage()
    c.save()
    return Fixture("two_columns", buffer.getvalue(), written, tuple(TWO_COLUMN_UNKNOWN))


STACKED_LEVELS = {"Streptococcus": "Hoog", "Veillonellaceae": "Hoog", "Oscillibacter": "Laag", "Dorea": "Laag"}


def stacked_columns_layout() -> Fixture:
    """The seed's name-above-level style, in two columns of cards, in an order of its own."""
    buffer, c, (width, height) = _canvas()
    rng = random.Random(3)
    taxa = list(ASSOCIATED_TAXA + PROTECTIVE_TAXA)
    rng.shuffle(taxa)
    written = {taxon: STACKED_LEVELS.get(taxon, "Normaal") for taxon in taxa}
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, height - 60, "Jouw darmbacteriën")
    for i, taxon in enumerate(taxa):
        x = 50 if i % 2 == 0 else 320
        y = height - 100 - (i // 2) * 44
        c.setStrokeGray(0.75)
        c.roundRect(x - 6, y - 20, 240, 36, 5)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x, y, taxon)
        c.setFont("Helvetica", 10)
        c.drawString(x, y - 14, written[taxon])
    c.showPage()
    c.save()
    return Fixture("stacked_columns", buffer.getvalue(), written)


LAYOUTS = (seed_layout, table_layout, two_column_layout, stacked_columns_layout)


def render_page(pdf: bytes, dpi: int = 200):
    """The PDF's first page as a Pillow RGB image."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def photo(pdf: bytes, angle: float, blur: float = 1.0, quality: int = 60, seed: int = 1, fmt: str = "JPEG",
          dpi: int = 200) -> bytes:  # fmt: skip
    """A photo of the page: on a grey table, unevenly lit, tilted by ``angle`` degrees, blurred, with sensor
    noise, saved as ``fmt`` (JPEG at ``quality``; PNG; HEIC)."""
    import numpy as np
    from PIL import Image, ImageFilter

    page = render_page(pdf, dpi)
    margin = int(0.06 * page.width)
    sheet = Image.new("RGB", (page.width + 2 * margin, page.height + 2 * margin), (118, 112, 104))
    sheet.paste(page, (margin, margin))
    sheet = sheet.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(118, 112, 104))
    sheet = sheet.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(sheet).astype(np.float32)
    rows, cols = pixels.shape[:2]
    light = np.linspace(0.82, 1.0, cols)[None, :, None] * np.linspace(1.0, 0.9, rows)[:, None, None]
    noise = np.random.default_rng(seed).normal(0, 9, pixels.shape)
    pixels = np.clip(pixels * light * np.array([1.0, 0.98, 0.93]) + noise, 0, 255).astype(np.uint8)
    out = io.BytesIO()
    image = Image.fromarray(pixels)
    if fmt == "HEIC":
        import pillow_heif

        pillow_heif.from_pillow(image).save(out, format="HEIF", quality=70)
    elif fmt == "JPEG":
        image.save(out, format="JPEG", quality=quality)
    else:
        image.save(out, format=fmt)
    return out.getvalue()
