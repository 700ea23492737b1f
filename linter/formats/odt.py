"""OpenDocument text (.odt, LibreOffice and WPS): content.xml read directly.

Body paragraphs and headings (text:p, text:h) in reading order, table cells
row by row, lists and sections; text:s, text:tab and text:line-break become
spaces, a tab and a line break. Like the .docx reader, footnotes, comments,
tracked deletions, headers and footers are left out; text in frames and
text boxes follows the paragraph it is anchored in.
"""
from __future__ import annotations

import re

from ..errors import InputError
from . import from_paragraphs
from ._xml import Node, parse
from ._zip import names, open_zip, read_member

MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
# Elements whose content is not body text.
SKIPPED = {"note", "annotation", "annotation-end", "tracked-changes", "sequence-decls", "variable-decls",
           "user-field-decls", "forms", "table-columns", "table-column", "desc", "title", "ruby-text",
           "number", "bookmark", "soft-page-break", "change", "change-start", "change-end"}
BLOCKS = ("p", "h")
COLLAPSIBLE = re.compile(r"[ \t\r\n]+")
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"


def read(data: bytes, path: str):
    zf = open_zip(data, path, ".odt")
    members = names(zf)
    if "mimetype" in members:
        mimetype = read_member(zf, "mimetype", path, ".odt", 1024).decode("ascii", "replace").strip()
        if mimetype not in MIMETYPES:
            raise InputError(f"{path}: not an OpenDocument text (its mimetype is {mimetype[:60]!r})")
    if "META-INF/manifest.xml" in members:
        manifest = read_member(zf, "META-INF/manifest.xml", path, ".odt")
        if b"encryption-data" in manifest:
            raise InputError(f"{path}: .odt is password-protected, cannot be read (save it without a password)")
    content = parse(read_member(zf, "content.xml", path, ".odt"), f"{path}: content.xml")
    body = content.find("body")
    text = body.find("text") if body is not None else None
    if text is None:
        raise InputError(f"{path}: not an OpenDocument text (content.xml has no office:text body)")
    return from_paragraphs(paragraphs(text), path, "odt")


def paragraphs(node: Node) -> list[str]:
    """The paragraphs below ``node``, in reading order."""
    out: list[str] = []
    _blocks(node, out)
    return out


def _blocks(node: Node, out: list[str]) -> None:
    for child in node.elements():
        local = child.local
        if local in SKIPPED:
            continue
        if local in BLOCKS:
            _paragraph(child, out)
        else:
            _blocks(child, out)


def _paragraph(node: Node, out: list[str]) -> None:
    line = _Line()
    anchored: list[str] = []  # paragraphs of frames and text boxes anchored here
    _inline(node, line, anchored)
    out.append("".join(line.parts))
    out.extend(anchored)


class _Line:
    """ODF white space: in character data a run of spaces, tabs and line
    breaks is one space, and none at the start of a paragraph; text:s,
    text:tab and text:line-break are kept as they are."""

    def __init__(self):
        self.parts: list[str] = []
        self.space_ok = False

    def text(self, s: str) -> None:
        s = COLLAPSIBLE.sub(" ", s)
        if s.startswith(" ") and not self.space_ok:
            s = s[1:]
        if s:
            self.parts.append(s)
            self.space_ok = not s.endswith(" ")

    def literal(self, s: str) -> None:
        self.parts.append(s)
        self.space_ok = True


def _inline(node: Node, line: _Line, anchored: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            line.text(child)
            continue
        local = child.local
        if local in SKIPPED:
            continue
        if local == "s":
            line.literal(" " * _count(child))
        elif local == "tab":
            line.literal("\t")
        elif local == "line-break":
            line.literal("\n")
        elif local in BLOCKS:  # a paragraph nested in another one (not valid ODF, but seen)
            _paragraph(child, anchored)
        elif child.tag.startswith(DRAW):  # frames, text boxes, shapes: their own paragraphs
            _blocks(child, anchored)
        else:  # spans, links, fields, ruby bases: their text is part of the line
            _inline(child, line, anchored)


def _count(node: Node) -> int:
    try:
        return max(1, min(int(node.get("c", "1")), 10_000))
    except ValueError:
        return 1
