"""The LSP edge: code-point offsets ↔ LSP positions in utf-8, utf-16 or
utf-32 units, and gwlint diagnostics ↔ LSP diagnostics and edits.

gwlint counts code points everywhere else; only this module knows units.
"""
from __future__ import annotations

from lsprotocol import types

from gwlint.model import Diagnostic, Document, Edit

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information, "hint": types.DiagnosticSeverity.Hint}
RULE_DOCS = "https://gwlint.invalid/rules/"  # codeDescription: `gwlint rule CODE` shows the same text


def units(s: str, encoding: str) -> int:
    """Length of ``s`` in the negotiated position encoding."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(s.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(s)
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def offset_to_position(doc: Document, offset: int, encoding: str) -> types.Position:
    line, col = doc.position(offset)
    text = doc.lines[line].text
    return types.Position(line=line, character=units(text[:col], encoding))


def position_to_offset(doc: Document, pos: types.Position, encoding: str) -> int:
    """The offset of an LSP position; positions past a line's or the
    document's end are clamped, never an error."""
    if pos.line < 0:
        return 0
    if pos.line >= len(doc.lines):
        return len(doc.text)
    line = doc.lines[pos.line]
    want, used = pos.character, 0
    for i, c in enumerate(line.text):
        if used >= want:
            return line.start + i
        used += units(c, encoding)
    return line.end


def to_range(doc: Document, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(start=offset_to_position(doc, start, encoding), end=offset_to_position(doc, end, encoding))


def to_lsp_diagnostic(doc: Document, d: Diagnostic, encoding: str, uri: str) -> types.Diagnostic:
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=to_range(doc, s.start, s.end, encoding)), message=m)
        for s, m in d.related] or None
    return types.Diagnostic(
        range=to_range(doc, d.span.start, d.span.end, encoding), message=d.message,
        severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning), code=d.code, source="gwlint",
        code_description=types.CodeDescription(href=RULE_DOCS + d.code), related_information=related,
        data={"name": d.name, "start": d.span.start, "end": d.span.end})


def to_text_edits(doc: Document, edits: list[Edit], encoding: str) -> list[types.TextEdit]:
    return [types.TextEdit(range=to_range(doc, e.start, e.end, encoding), new_text=e.text) for e in edits]


def apply_change(text: str, change, encoding: str) -> str:
    """Apply one didChange content change (incremental or full) to ``text``."""
    rng = getattr(change, "range", None)
    if rng is None:
        return change.text
    doc = Document(text)
    start = position_to_offset(doc, rng.start, encoding)
    end = position_to_offset(doc, rng.end, encoding)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]
