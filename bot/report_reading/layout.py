"""Pairing each bacterium's name with its level, whatever the layout.

The words become lines (``words.lines_of``); a line becomes tokens: a known taxon, a name the assistant
does not know, a level phrase, or another word. A name's level is

1. the level directly below it, starting where the name starts (the name on one line, its level on the
   next, as in the seed report, also in columns or cards), else
2. the first level to its right on the same line, with no other name in between (rows of a table, "name
   .... level", two columns side by side).

Each level belongs to one name. A known taxon found twice with different levels is not recorded but
listed as not recognised, like the names the assistant does not know: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.report_reading import vocabulary as v
from bot.report_reading.reading import Finding, ordered
from bot.report_reading.words import Word, lines_of

TAXON, UNKNOWN, LEVEL, OTHER = "taxon", "unknown", "level", "other"
NEW_SEGMENT_GAP = 2.5  # a gap this many word heights wide starts a new cell or column
JOINED_GAP = 0.6  # OCR split a name in two ("Faecali bacterium") when the gap is narrower than this
PHRASE_GAP = 2.0  # the words of one level phrase or a genus and its species stand this close
BELOW_GAP = 1.0  # a level on the next line sits within this many name heights below it
BELOW_INDENT = 1.5  # ... and starts at most this many heights left of the name, never right of its end


@dataclass
class Token:
    kind: str
    words: tuple
    name: str = ""  # TAXON: the known taxon; UNKNOWN: the name as printed
    level: str = ""  # LEVEL
    written: str = ""  # LEVEL: as the report writes it
    starts_segment: bool = False
    line: int = 0

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page


def _gap(left: Word, right: Word) -> float:
    return (right.x0 - left.x1) / max(left.height, right.height)


def tokens_of(line: list, number: int) -> list:
    """One line's words as tokens, left to right."""
    found: list = []
    i = 0
    while i < len(line):
        starts = i == 0 or _gap(line[i - 1], line[i]) > NEW_SEGMENT_GAP
        token, used = _token_at(line, i)
        token.starts_segment, token.line = starts, number
        found.append(token)
        i += used
    return found


def _close(line: list, i: int, count: int, gap: float) -> bool:
    return all(_gap(line[j], line[j + 1]) <= gap for j in range(i, i + count - 1))


def _token_at(line: list, i: int) -> tuple:
    texts = [w.text for w in line[i : i + 3]]
    phrase = v.level_phrase(texts)
    if phrase and _close(line, i, phrase[0], PHRASE_GAP):
        count, level, written = phrase
        return Token(LEVEL, tuple(line[i : i + count]), level=level, written=written), count
    taxon = v.known_taxon(texts[0])
    if taxon is None and len(texts) > 1 and _close(line, i, 2, JOINED_GAP):
        joined = v.known_taxon(texts[0] + texts[1])
        if joined:
            return Token(TAXON, tuple(line[i : i + 2]), name=joined), 2
    if taxon:
        return Token(TAXON, (line[i],), name=taxon), 1
    starts = i == 0 or _gap(line[i - 1], line[i]) > NEW_SEGMENT_GAP
    if starts and v.looks_like_taxon(texts[0]):
        if len(texts) > 1 and v.looks_like_species(texts[1]) and _close(line, i, 2, PHRASE_GAP):
            name = f"{texts[0].strip('.,:;()*')} {texts[1].strip('.,:;()*')}"
            return Token(UNKNOWN, tuple(line[i : i + 2]), name=name), 2
        return Token(UNKNOWN, (line[i],), name=texts[0].strip(".,:;()*")), 1
    return Token(OTHER, (line[i],)), 1


def _below(name: Token, levels: list, used: set) -> Optional[Token]:
    """The unused level that starts a line segment directly below the name, where the name starts."""
    fits = [
        lv for lv in levels
        if id(lv) not in used and lv.page == name.page and lv.starts_segment and lv.line > name.line
        and -0.3 * name.height <= lv.top - name.bottom <= BELOW_GAP * name.height
        and name.x0 - BELOW_INDENT * name.height <= lv.x0 <= name.x1
    ]  # fmt: skip
    return min(fits, key=lambda lv: lv.top, default=None)


def _right(name: Token, line: list, used: set) -> Optional[Token]:
    """The first unused level to the right of the name on its line, before any other name."""
    for token in line[line.index(name) + 1 :]:
        if token.kind in (TAXON, UNKNOWN):
            return None
        if token.kind == LEVEL and id(token) not in used:
            return token
    return None


def find_levels(words: list) -> tuple:
    """(findings, unknown): the known taxa with their level, in the questionnaire's order, and the names
    printed with a level that are not recorded (unknown to the assistant, or read with two levels)."""
    lines = [tokens_of(line, number) for number, line in enumerate(lines_of(words))]
    levels = [t for line in lines for t in line if t.kind == LEVEL]
    names = [(t, line) for line in lines for t in line if t.kind in (TAXON, UNKNOWN)]
    used: set = set()
    paired: list = []
    for name, line in names:
        level = _below(name, levels, used) or _right(name, line, used)
        if level is not None:
            used.add(id(level))
            paired.append((name, level))
    read: dict = {}
    unknown: list = []
    for name, level in paired:
        if name.kind == UNKNOWN:
            unknown.append(name.name)
        else:
            read.setdefault(name.name, set()).add((level.level, level.written))
    findings = []
    for taxon, seen in read.items():
        if len({level for level, _ in seen}) == 1:
            level, written = sorted(seen)[0]
            findings.append(Finding(taxon, level, written))
        else:
            unknown.append(taxon)
    return ordered(findings), tuple(dict.fromkeys(unknown))
