"""PDF drafts through poppler's pdftotext.

``pdftotext -bbox-layout`` gives every word of the text layer with its
position on the page. The lines are put back in the order ``pdftotext
-layout`` prints them (top to bottom; what shares a baseline is one line),
and the positions tell the layout's line wraps, which are joined, from line
breaks in the draft itself, which are kept (gwlint.formats.layout): plain
``-layout`` text cannot tell a page-wide wrap from a draft hard-wrapped a
little narrower.

Needs a text layer: scanned pages (images) have no text, and gwlint does no
OCR. A password-protected PDF is refused.
"""
from __future__ import annotations

import re
import statistics

from ..errors import InputError
from . import _tools, from_paragraphs, no_text
from ._xml import parse
from .layout import Page, TextLine, paragraphs, rows, space_for_gap

INSTALL_HINT = "Debian/Ubuntu: apt-get install poppler-utils; elsewhere install poppler"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read(data: bytes, path: str):
    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise InputError(f"{path}: not a PDF file (no %PDF- header)")
    pdftotext = _tools.find("pdftotext", path, ".pdf", INSTALL_HINT)
    proc = _tools.run([pdftotext, "-bbox-layout", "-enc", "UTF-8", "-", "-"], path, "pdftotext",
                      stdin=data)
    if proc.returncode != 0:
        message = _tools.last_line(proc.stderr)
        if "password" in message.lower():
            raise InputError(f"{path}: the PDF is password-protected, cannot be read")
        if proc.returncode == 3 or "permission" in message.lower():
            raise InputError(f"{path}: the PDF forbids copying its text, cannot be read")
        if b"%%EOF" not in data[-2048:]:
            raise InputError(f"{path}: damaged or truncated PDF ({message})")
        raise InputError(f"{path}: pdftotext cannot read this PDF ({message})")
    pages = pages_from_bbox(proc.stdout, path)
    found = paragraphs(pages)
    if not any(p.strip() for p in found):
        if _encrypted(data):
            raise InputError(f"{path}: the PDF is password-protected, cannot be read")
        raise no_text(path, "the PDF", "no text layer: a scan? gwlint does no OCR")
    return from_paragraphs(found, path, "pdf")


def pages_from_bbox(xhtml: bytes, path: str) -> list[Page]:
    """pdftotext's XHTML (pages, flows, blocks, lines, words) as Pages whose
    lines are in physical order, as ``-layout`` prints them: top to bottom,
    and what shares a baseline on one line (pdftotext's own lines are cut at
    wide gaps, “1　总则”, and its flows may put a heading's number apart)."""
    text = NOT_XML.sub(" ", xhtml.decode("utf-8", "replace"))
    root = parse(text.encode("utf-8"), f"{path}: pdftotext output", allow_doctype=True)
    pages = []
    for page in root.iter("page"):
        lines = [[_Word(w) for w in line.iter("word")] for line in page.iter("line")]
        lines = [words for words in lines if words]
        em = _em([w for words in lines for w in words])
        pieces = [TextLine(min(w.x0 for w in words), max(w.x1 for w in words), min(w.top for w in words),
                           max(w.bottom for w in words), _line_text(words, em), em=em) for words in lines]
        pages.append(Page(_num(page.get("width")), _num(page.get("height")), rows(pieces)))
    return pages


class _Word:
    __slots__ = ("x0", "x1", "top", "bottom", "text")

    def __init__(self, node):
        self.x0, self.x1 = _num(node.get("xMin")), _num(node.get("xMax"))
        self.top, self.bottom = _num(node.get("yMin")), _num(node.get("yMax"))
        self.text = node.text()


def _em(words: list[_Word]) -> float:
    """The page's font size: the width of a Chinese character (a word's box
    is taller than the font, by the font's ascent and descent)."""
    widths = [(w.x1 - w.x0) / len(w.text) for w in words
              if len(w.text) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w.text)]
    if widths:
        return statistics.median(widths)
    heights = [w.bottom - w.top for w in words]
    return 0.77 * statistics.median(heights) if heights else 10.0


def _line_text(words: list[_Word], em: float) -> str:
    """Words joined with a space where the page shows a gap between them."""
    out: list[str] = []
    prev = None
    for w in words:
        if prev is not None and w.text and out:
            out.append(space_for_gap(out[-1], w.text, w.x0 - prev.x1, em))
        out.append(w.text)
        prev = w
    return "".join(out)


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _encrypted(data: bytes) -> bool:
    return b"/Encrypt" in data[-4096:] or b"/Encrypt" in data[:4096]
