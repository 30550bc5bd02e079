"""The layout reader on positioned words made by hand (no PDF, no OCR): which level belongs to which name."""

import pytest

from bot.report_reading import filetypes
from bot.report_reading.layout import find_levels
from bot.report_reading.vocabulary import known_taxon, level_word, looks_like_taxon
from bot.report_reading.words import Word

HEIGHT = 10


def row(y, *cells):
    """Words on one line: (x, text) pairs."""
    return [Word(text, x, x + 7 * len(text), y, y + HEIGHT) for x, text in cells]


def levels(words):
    findings, unknown = find_levels(words)
    return {f.taxon: f.level for f in findings}, unknown


def test_a_table_row_pairs_each_name_with_the_level_on_its_line_in_any_order():
    words = row(100, (50, "Bacterie"), (300, "Beoordeling")) \
        + row(120, (50, "Dorea"), (200, "2,1"), (300, "Verhoogd")) \
        + row(140, (50, "Odoribacter"), (200, "0,4"), (300, "Verlaagd")) \
        + row(160, (50, "Blautia"), (200, "1,0"), (300, "Binnen"), (358, "de"), (378, "norm"))  # fmt: skip
    assert levels(words) == ({"Odoribacter": "low", "Dorea": "high", "Blautia": "normal"}, ())


def test_the_seed_layout_reads_the_level_on_the_line_below_the_name():
    words = row(100, (60, "Prevotella")) + row(113, (60, "Normaal")) + row(131, (60, "Streptococcus")) \
        + row(144, (60, "Laag"))  # fmt: skip
    assert levels(words) == ({"Prevotella": "normal", "Streptococcus": "low"}, ())


def test_two_columns_side_by_side_keep_their_own_levels():
    words = row(100, (50, "Prevotella"), (240, "Hoog"), (310, "Oscillospira"), (500, "Normaal")) \
        + row(120, (50, "Dorea"), (240, "Normaal"), (310, "Coprococcus"), (500, "Laag"))  # fmt: skip
    assert levels(words) == ({"Oscillospira": "normal", "Coprococcus": "low", "Prevotella": "high",
                              "Dorea": "normal"}, ())  # fmt: skip


def test_stacked_cards_in_two_columns_take_the_level_below_not_the_one_beside():
    words = row(100, (50, "Dorea"), (320, "Blautia")) + row(114, (50, "Hoog"), (320, "Laag"))
    assert levels(words) == ({"Dorea": "high", "Blautia": "low"}, ())


def test_a_name_without_a_level_records_nothing():
    words = row(100, (50, "Faecalibacterium"), (200, "beschermt"), (280, "de"), (300, "darm"))
    assert levels(words) == ({}, ())


def test_unknown_bacteria_with_a_level_are_listed_not_guessed():
    words = row(100, (50, "Akkermansia"), (140, "muciniphila"), (300, "Normaal")) \
        + row(120, (50, "Ruminococcus"), (300, "Laag")) + row(140, (50, "Legenda"), (300, "Laag"))  # fmt: skip
    assert levels(words) == ({}, ("Akkermansia muciniphila", "Ruminococcus"))


def test_a_taxon_read_with_two_different_levels_is_not_recorded():
    words = row(100, (50, "Dorea"), (300, "Laag")) + row(300, (50, "Dorea"), (300, "Hoog"))
    assert levels(words) == ({}, ("Dorea",))


@pytest.mark.parametrize("text, taxon", [
    ("0doribacter", "Odoribacter"), ("Faecalibacterlum", "Faecalibacterium"), ("Veillonellacea®", "Veillonellaceae"),
    ("BLAUTIA", "Blautia"), ("Ruminococcus", None), ("Prevotellaceae", None), ("Oscillospiraceae", None),
    ("door", None), ("Doreа", "Dorea"),
])  # fmt: skip
def test_ocr_errors_are_folded_but_other_taxa_are_never_taken_for_known_ones(text, taxon):
    assert known_taxon(text) == taxon


@pytest.mark.parametrize("text, level", [
    ("Normaal", "normaal"), ("Normaa1", "normaal"), ("verlaagd:", "verlaagd"), ("Hoog", "hoog"),
    ("verhoogt", None), ("hooi", None),
])  # fmt: skip
def test_level_words(text, level):
    assert level_word(text) == level


def test_the_shape_of_a_bacterium_name():
    assert looks_like_taxon("Bifidobacterium") and looks_like_taxon("Akkermansia")
    assert not looks_like_taxon("Referentie") and not looks_like_taxon("Status") and not looks_like_taxon("Dorea")


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n", "pdf"), (b"\xff\xd8\xff\xe0", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "heic"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", None), (b"GIF89a", None), (b"hallo", None),
])  # fmt: skip
def test_file_types_come_from_the_first_bytes(head, kind):
    assert filetypes.sniff(head + b"\x00" * 32) == kind
