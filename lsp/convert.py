"""The LSP edge: code-point offsets ↔ LSP positions in utf-8, utf-16 or
utf-32 units, and gwlint diagnostics ↔ LSP diagnostics and edits.

gwlint counts code points everywhere else; only this module knows units.
A `Positions` converts for one version of a document: each line's unit
offsets are counted once, the first time a position on it is needed, so
converting all the findings of a 100,000-character line costs one pass over
it, not one per finding.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate

from lsprotocol import types

from gwlint.model import Diagnostic, Document, Edit

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information, "hint": types.DiagnosticSeverity.Hint}
UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16,
                      types.PositionEncodingKind.Utf32)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each


def _utf8_width(c: str) -> int:
    o = ord(c)
    return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4  # lone surrogates: 3 (surrogatepass)


def _utf16_width(c: str) -> int:
    return 2 if ord(c) > 0xFFFF else 1


def units(s: str, encoding: str) -> int:
    """Length of ``s`` in the negotiated position encoding."""
    if encoding == UTF8:
        return len(s.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(s)
    return len(s) + len(_ASTRAL.findall(s))


class Positions:
    """Offsets ↔ positions for one version of ``doc`` in one encoding.

    A line whose units are its code points (ASCII; for UTF-16 any line
    without astral characters; every line in UTF-32) needs no table; any
    other line gets the running unit count of its characters, made once.
    """

    def __init__(self, doc: Document, encoding: str):
        self.doc = doc
        self.encoding = encoding
        self._tables: dict[int, list[int] | None] = {}  # line → units before each column, or None: identity

    def _table(self, number: int) -> list[int] | None:
        try:
            return self._tables[number]
        except KeyError:
            pass
        text = self.doc.lines[number].text
        if self.encoding == UTF32 or text.isascii() or (self.encoding != UTF8 and not _ASTRAL.search(text)):
            table = None
        else:
            width = _utf8_width if self.encoding == UTF8 else _utf16_width
            table = [0, *accumulate(map(width, text))]
        self._tables[number] = table
        return table

    def position(self, offset: int) -> types.Position:
        line, col = self.doc.position(offset)
        col = min(col, len(self.doc.lines[line].text))  # an offset inside \r\n is the line's end
        table = self._table(line)
        return types.Position(line=line, character=col if table is None else table[col])

    def offset(self, pos: types.Position) -> int:
        """The offset of an LSP position; positions past a line's or the
        document's end are clamped, never an error. A position inside a
        character (between the units of a surrogate pair or a UTF-8
        sequence) is the offset after it."""
        if pos.line < 0:
            return 0
        if pos.line >= len(self.doc.lines):
            return len(self.doc.text)
        line = self.doc.lines[pos.line]
        want = pos.character
        if want <= 0:
            return line.start
        table = self._table(pos.line)
        col = want if table is None else bisect.bisect_left(table, want)
        return line.start + min(col, len(line.text))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def diagnostic(self, d: Diagnostic, uri: str) -> types.Diagnostic:
        """An LSP diagnostic. No ``codeDescription``: there is no page to link
        to offline, and hover shows the rule's whole explanation (README)."""
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=self.range(s.start, s.end)), message=m)
            for s, m in d.related] or None
        return types.Diagnostic(
            range=self.range(d.span.start, d.span.end), message=d.message,
            severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning), code=d.code, source="gwlint",
            related_information=related, data={"name": d.name, "start": d.span.start, "end": d.span.end})

    def text_edits(self, edits) -> list[types.TextEdit]:
        return [types.TextEdit(range=self.range(e.start, e.end), new_text=e.text) for e in edits]


# One-off conversions (a fresh table each call: for one position, not for many).

def offset_to_position(doc: Document, offset: int, encoding: str) -> types.Position:
    return Positions(doc, encoding).position(offset)


def position_to_offset(doc: Document, pos: types.Position, encoding: str) -> int:
    return Positions(doc, encoding).offset(pos)


def to_range(doc: Document, start: int, end: int, encoding: str) -> types.Range:
    return Positions(doc, encoding).range(start, end)


def to_lsp_diagnostic(doc: Document, d: Diagnostic, encoding: str, uri: str) -> types.Diagnostic:
    return Positions(doc, encoding).diagnostic(d, uri)


def to_text_edits(doc: Document, edits: list[Edit], encoding: str) -> list[types.TextEdit]:
    return Positions(doc, encoding).text_edits(edits)


def apply_change(text: str, change, encoding: str) -> str:
    """Apply one didChange content change (incremental or full) to ``text``."""
    rng = getattr(change, "range", None)
    if rng is None:
        return change.text
    positions = Positions(Document(text), encoding)
    start = positions.offset(rng.start)
    end = positions.offset(rng.end)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]
