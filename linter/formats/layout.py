"""Positioned lines of a page format (.pdf, .ofd) back into paragraphs.

A page layout wraps every paragraph at the right margin. Those wraps are the
typesetter's, not the author's: a line that reaches the margin runs on into
the next one, unless the next is indented (a new paragraph, GB/T 9704) or
set apart by a wider gap. A line that ends short of the margin ends its
paragraph, or is a line break the author typed (a hard-wrapped draft): that
break is kept, so the hard-wrap rule (LY001) sees exactly the breaks a .txt
of the same draft has. Page numbers (“— 3 —”, “第3页”) are dropped, and a
paragraph runs on across pages the same way.

Units are whatever the format uses (points, millimetres), as long as they
are the same on every page.
"""
from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field

PAGE_NUMBER = re.compile(r"[-—–－‒_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－‒_\s]*"
                         r"|[-—–－]\s*[ivxlcIVXLC]{1,6}\s*[-—–－]")
CJK_OR_FULLWIDTH = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
CELL_GAP = 3.0  # ems between two pieces of one baseline that make them separate cells
ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:;%/()'\"-]*")


@dataclass
class TextLine:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    page: int = 0
    em: float = 0.0  # the font size, when known (else the line's height stands for it)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def size(self) -> float:
        return self.em or self.height


@dataclass
class Page:
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)


def rows(pieces: list[TextLine]) -> list[TextLine]:
    """Pieces of text on a page (words, runs, lines cut at wide gaps) as
    lines: grouped by baseline, top to bottom, each left to right."""
    pieces = sorted((p for p in pieces if p.text), key=lambda p: (p.bottom, p.x0))
    groups: list[list[TextLine]] = []
    for piece in pieces:
        if groups and abs(piece.bottom - groups[-1][0].bottom) < 0.3 * max(piece.size, groups[-1][0].size):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    out = []
    for group in groups:
        group.sort(key=lambda p: p.x0)
        cells = [[group[0]]]
        for prev, piece in zip(group, group[1:]):
            if piece.x0 - prev.x1 > CELL_GAP * max(prev.size, piece.size):
                cells.append([piece])  # far apart: table cells, each its own line
            else:
                cells[-1].append(piece)
        for cell in cells:
            parts = [cell[0].text]
            for prev, piece in zip(cell, cell[1:]):
                parts.append(space_for_gap(parts[-1], piece.text, piece.x0 - prev.x1, max(prev.size, piece.size)))
                parts.append(piece.text)
            out.append(TextLine(cell[0].x0, max(p.x1 for p in cell), min(p.top for p in cell),
                                max(p.bottom for p in cell), "".join(parts), em=max(p.em for p in cell)))
    return out


def paragraphs(pages: list[Page]) -> list[str]:
    """The paragraphs of ``pages``, whose lines come in reading order."""
    for number, page in enumerate(pages):
        page.lines = [l for l in page.lines if l.text.strip()]
        for line in page.lines:
            line.page = number
        page.lines = _without_page_numbers(page)
    body = [l for p in pages for l in p.lines]
    if not body:
        return []
    size = statistics.median(l.size for l in body) or 1.0  # about the font size
    left = _left_margin(body, size)
    right = _right_edge(pages, body, left, size)
    pitch = _line_pitch(body, size)
    out: list[str] = []
    current: list[str] = []
    prev: TextLine | None = None
    for line in body:
        text = line.text.strip()
        if prev is not None and _runs_on(prev, line, left, right, size, pitch):
            if current and _needs_space(current[-1], text):
                current.append(" ")
            current.append(text)
        else:
            if prev is not None:
                out.append("".join(current))
            current = [text]
        prev = line
    out.append("".join(current))
    return out


def _runs_on(prev: TextLine, line: TextLine, left: float, right: float, size: float, pitch: float) -> bool:
    """Whether ``line`` continues the paragraph of ``prev``."""
    if line.x0 + _leading_space(line.text, size) > left + 0.6 * size:
        return False  # indented (by the layout, or by spaces typed in) or centred: a paragraph of its own
    if prev.page == line.page:
        step = line.top - prev.top
        if step < 0.5 * size or step > pitch + 0.6 * size:
            return False  # a wider gap, or back up the page (another column or cell)
    room = right - prev.x1
    return room < _first_word_width(line.text.strip(), size) + 0.5 * size  # the next word did not fit


def _leading_space(text: str, size: float) -> float:
    """How wide the spaces a line starts with are (an ideographic space is an em)."""
    stripped = text.lstrip(" \u3000\t\u00a0")
    lead = text[:len(text) - len(stripped)]
    return size * lead.count("\u3000") + 0.25 * size * (len(lead) - lead.count("\u3000"))


def _first_word_width(text: str, size: float) -> float:
    """About how wide the first word of a line is: a CJK character is one
    em, a Latin word half an em a letter."""
    if not text:
        return 0.0
    if CJK_OR_FULLWIDTH.match(text):
        return size
    m = ASCII_WORD.match(text)
    return 0.55 * size * (len(m.group()) if m else 1)


def _needs_space(before: str, after: str) -> bool:
    """At a line wrap: a space between Latin words (not inside a number,
    which Chinese layout may break anywhere)."""
    if not before or not after:
        return False
    a, b = before[-1], after[0]
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum() and not (a.isdigit() and b.isdigit())


def space_for_gap(before: str, after: str, gap: float, em: float) -> str:
    """What a gap between two runs of one line stands for: nothing, a space,
    or, between Chinese text an em or more apart, ideographic spaces (“目
    录”). Between a Chinese character and a Latin letter or digit, word
    processors add about a quarter em of their own (autospacing): only a
    wider gap is a space there. So a space typed there (“10 页”) is as wide
    as none, and is lost."""
    if not before or not after or em <= 0:
        return ""
    a, b = before[-1], after[0]
    if gap >= 0.8 * em and not (a.isascii() and b.isascii()):
        return "\u3000" * max(1, min(round(gap / em), 8))
    autospaced = (a.isascii() and a.isalnum() and _is_ideograph(b)) or (_is_ideograph(a) and b.isascii() and b.isalnum())
    # “5G”, “G20”: in Chinese text a digit may be set in the Chinese font, and spaced like one
    mixed = a.isascii() and b.isascii() and (a.isdigit() and b.isalpha() or a.isalpha() and b.isdigit())
    return " " if gap > (0.45 if autospaced or mixed else 0.15) * em else ""


def _is_ideograph(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0003ffff"


def _left_margin(body: list[TextLine], size: float) -> float:
    """The smallest x at which several lines start (the text's left edge)."""
    starts = sorted(l.x0 for l in body)
    need = max(2, len(body) // 20)
    for i, x in enumerate(starts):
        if bisect.bisect_right(starts, x + 0.3 * size) - i >= need:
            return x
    return starts[0]


def _right_edge(pages: list[Page], body: list[TextLine], left: float, size: float) -> float:
    """Where full lines end: the right end most lines share (justified text),
    unless that falls well short of the margin the left one mirrors. Then
    the lines were broken before the margin by the author, not the layout."""
    ends = sorted(l.x1 for l in body)
    best, best_count = ends[-1], 0
    for i, x in enumerate(ends):
        count = bisect.bisect_right(ends, x + 0.3 * size) - i
        if count >= best_count:
            best, best_count = x, count
    cluster_end = ends[bisect.bisect_right(ends, best + 0.3 * size) - 1]
    width = statistics.median(p.width for p in pages)
    mirrored = width - left
    if mirrored > left and cluster_end < mirrored - 2.5 * size:
        return mirrored
    return cluster_end


def _line_pitch(body: list[TextLine], size: float) -> float:
    steps = [b.top - a.top for a, b in zip(body, body[1:])
             if a.page == b.page and 0.5 * size < b.top - a.top < 3 * size]
    return statistics.median(steps) if steps else 1.5 * size


def _without_page_numbers(page: Page) -> list[TextLine]:
    """The page's lines less a page number at its top or bottom."""
    lines = page.lines
    if not lines:
        return lines
    margin = 0.15 * page.height
    keep = []
    for line in lines:
        at_edge = line.bottom >= page.height - margin or line.top <= margin
        if at_edge and PAGE_NUMBER.fullmatch(line.text.strip()):
            continue
        keep.append(line)
    return keep
