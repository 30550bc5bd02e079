"""Positioned words, as a PDF's text layer and Tesseract both give them, grouped into lines."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

# Two words belong to one line when their middles differ by less than this share of their height.
SAME_LINE = 0.45


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float  # y grows downwards, as in pdfplumber and Tesseract
    bottom: float
    page: int = 0

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-6)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def lines_of(words: list) -> list:
    """The words as lines, top to bottom per page, each line left to right. Words side by side in two
    columns share a line; the layout reader tells the columns apart by position."""
    lines: list = []
    for page in sorted({w.page for w in words}):
        current: list = []
        for word in sorted((w for w in words if w.page == page and w.text.strip()), key=lambda w: w.middle):
            if current:
                middle = median(w.middle for w in current)
                height = max(median(w.height for w in current), word.height)
                if abs(word.middle - middle) > SAME_LINE * height:
                    lines.append(sorted(current, key=lambda w: w.x0))
                    current = []
            current.append(word)
        if current:
            lines.append(sorted(current, key=lambda w: w.x0))
    return lines
