"""OFD (GB/T 33190), the format of electronic official documents, read from
its XML directly.

An OFD is a zip: OFD.xml names the document (DocBody/DocRoot), whose
Document.xml lists the pages (Pages/Page@BaseLoc); each page's Content.xml
holds text objects (ofd:TextObject, inside layers and page blocks) whose
ofd:TextCode elements place runs of characters at X/Y (millimetres, Y
downwards) with DeltaX advances. The runs are grouped into lines by their
baseline, lines ordered top to bottom and runs left to right, and lines
joined into paragraphs the way PDF pages are (gwlint.formats.layout).

Not read: page templates (running headers and footers), annotations, seals
and signatures (they are not checked either), attachments, images (no OCR),
and text drawn as paths. Embedded fonts do not matter: TextCode holds the
characters. Vertical text is read as if horizontal.
"""
from __future__ import annotations

import posixpath
import re
import statistics
from dataclasses import dataclass

from ..errors import InputError
from . import from_paragraphs, no_text
from ._xml import Node, parse
from ._zip import names, open_zip, read_member
from .layout import Page, TextLine, paragraphs, rows

A4 = (210.0, 297.0)
MAX_PAGES = 5000
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE]-?\d+)?")


@dataclass
class _Run:
    x0: float
    x1: float
    baseline: float
    size: float
    text: str


def read(data: bytes, path: str):
    zf = open_zip(data, path, ".ofd")
    members = names(zf)
    entry = "OFD.xml" if "OFD.xml" in members else next((m for m in members if m.lower() == "ofd.xml"), None)
    if entry is None:
        raise InputError(f"{path}: not a valid .ofd (OFD.xml is missing)")
    ofd = parse(read_member(zf, entry, path, ".ofd"), f"{path}: OFD.xml")
    if ofd.local != "OFD":
        raise InputError(f"{path}: not a valid .ofd (OFD.xml has no ofd:OFD root)")
    body = ofd.find("DocBody")
    root = body.find("DocRoot") if body is not None else None
    if root is None or not root.text().strip():
        raise InputError(f"{path}: not a valid .ofd (no DocBody/DocRoot)")
    doc_path = _resolve("", root.text().strip())
    document = parse(read_member(zf, doc_path, path, ".ofd"), f"{path}: {doc_path}")
    if _encrypted(members):
        raise InputError(f"{path}: the .ofd is encrypted, cannot be read")
    base = posixpath.dirname(doc_path)
    default_box = _box(_first(document, "CommonData", "PageArea", "PhysicalBox")) or A4
    pages: list[Page] = []
    for page in _pages(document):
        if len(pages) >= MAX_PAGES:
            raise InputError(f"{path}: .ofd has more than {MAX_PAGES} pages, refused")
        loc = page.get("BaseLoc")
        if not loc:
            continue
        content_path = _resolve(base, loc.strip())
        content = parse(read_member(zf, content_path, path, ".ofd"), f"{path}: {content_path}")
        box = _box(_first(content, "Area", "PhysicalBox")) or default_box
        pages.append(Page(box[0], box[1], _lines(content)))
    found = paragraphs(pages)
    if not any(p.strip() for p in found):
        raise no_text(path, "the .ofd", "no text objects: a scan? gwlint does no OCR")
    return from_paragraphs(found, path, "ofd")


def _pages(document: Node):
    pages = document.find("Pages")
    if pages is None:
        return []
    return list(pages.iter("Page"))


def _first(node: Node, *path: str) -> Node | None:
    for local in path:
        if node is None:
            return None
        node = node.find(local)
    return node


def _resolve(base: str, loc: str) -> str:
    """A location in the package: absolute ("/Doc_0/…") or relative to ``base``."""
    loc = loc.replace("\\", "/")
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
    return posixpath.normpath(joined).lstrip("./") if joined else joined


def _encrypted(members: set[str]) -> bool:
    return any(posixpath.basename(m).lower() == "encryptions.xml" for m in members)


def _box(node: Node | None) -> tuple[float, float] | None:
    if node is None:
        return None
    numbers = [float(n) for n in NUMBER.findall(node.text())]
    if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
        return numbers[2], numbers[3]
    return None


def _lines(content: Node) -> list[TextLine]:
    """The page's text runs grouped into lines, top to bottom."""
    return rows([TextLine(r.x0, r.x1, r.baseline - r.size, r.baseline, r.text, em=r.size)
                 for obj in content.iter("TextObject") for r in _runs(obj)])


def _runs(obj: Node) -> list[_Run]:
    """A text object's TextCode runs, in page coordinates."""
    bx, by = _origin(obj.get("Boundary"))
    size = _float(obj.get("Size") or obj.get("size"), 3.5)  # "size": seen from some writers
    ctm = _ctm(obj.get("CTM"))
    runs = []
    x = y = 0.0
    for code in obj.iter("TextCode"):
        text = code.text()
        if not text:
            continue
        x = _float(code.get("X"), x)
        y = _float(code.get("Y"), y)
        deltas = _deltas(code.get("DeltaX"))
        glyph_xs = [x]
        for d in deltas[:len(text) - 1]:
            glyph_xs.append(glyph_xs[-1] + d)
        while len(glyph_xs) < len(text):  # fewer advances than characters: one em each
            glyph_xs.append(glyph_xs[-1] + size)
        width = _nominal(text[-1], size) + _spacing(text, deltas, size)
        end = glyph_xs[len(text) - 1] + min(width, 1.2 * size)
        x0, y0 = _apply(ctm, x, y)
        x1, _ = _apply(ctm, end, y)
        scale = abs(ctm[3]) if ctm else 1.0
        runs.append(_Run(bx + min(x0, x1), bx + max(x0, x1), by + y0, size * scale, text))
        x, y = end, y  # a TextCode without X/Y goes on where this one ended
    return runs


def _nominal(c: str, size: float) -> float:
    """About how wide a glyph is: an em for Chinese, half of one for ASCII."""
    return 0.5 * size if c.isascii() else size


def _spacing(text: str, deltas: list[float], size: float) -> float:
    """The spacing justification added between the run's glyphs."""
    extra = [d - _nominal(c, size) for c, d in zip(text, deltas)]
    return max(0.0, statistics.median(extra)) if extra else 0.0


def _origin(boundary: str | None) -> tuple[float, float]:
    numbers = [float(n) for n in NUMBER.findall(boundary or "")]
    return (numbers[0], numbers[1]) if len(numbers) >= 2 else (0.0, 0.0)


def _deltas(value: str | None) -> list[float]:
    """DeltaX: numbers, where “g N D” stands for D repeated N times."""
    if not value:
        return []
    tokens = value.split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < 100_000:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(_float(tokens[i + 1], 0))
            out.extend([_float(tokens[i + 2], 0.0)] * max(0, min(count, 100_000)))
            i += 3
        else:
            out.append(_float(tokens[i], 0.0))
            i += 1
    return out


def _ctm(value: str | None) -> tuple[float, ...] | None:
    numbers = [float(n) for n in NUMBER.findall(value or "")]
    return tuple(numbers) if len(numbers) == 6 else None


def _apply(ctm, x: float, y: float) -> tuple[float, float]:
    if ctm is None:
        return x, y
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f


def _float(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
