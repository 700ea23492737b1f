"""``--format json``: the contract in DESIGN.md, one object per finding."""
from __future__ import annotations

import json

from ..display import json_safe
from ..model import Diagnostic, Document
from . import part

_dumps = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per finding


def position(doc: Document, offset: int) -> dict:
    line, col = doc.position(offset)
    return {"line": line + 1, "column": col + 1, "offset": offset}


def to_dict(path: str, doc: Document, d: Diagnostic) -> dict:
    fix = None
    if d.fix:
        fix = {"title": d.fix.title, "safe": d.fix.safe,
               "edits": [{"start_offset": e.start, "end_offset": e.end, "text": e.text} for e in d.fix.edits]}
    out = {"path": path, "code": d.code, "name": d.name, "severity": d.severity, "message": d.message,
           "start": position(doc, d.span.start), "end": position(doc, d.span.end), "fix": fix}
    if d.related:
        out["related"] = [{"message": m, "start": position(doc, s.start), "end": position(doc, s.end)}
                          for s, m in d.related]
    if doc.paragraph_starts is not None:
        import bisect

        i = bisect.bisect_right(doc.paragraph_starts, d.span.start) - 1
        out["paragraph"] = {"number": i + 1, "column": d.span.start - doc.paragraph_starts[i] + 1}
    return out


def render_file(result, color: bool = False) -> str:
    """One file's findings, one JSON object per line."""
    return json_safe(",\n".join(_dumps(to_dict(result.path, result.document, d)) for d in result.diagnostics))


def render(results, stream, color: bool = False, rules=None) -> None:
    # one finding per line: readable, greppable, and written by the C encoder
    # (an indented dump goes through the pure-Python one, 10× slower)
    pieces = [part(r, render_file) for r in results if r.linted]
    body = ",\n".join(p for p in pieces if p)
    stream.write("[\n" + body + "\n]\n" if body else "[]\n")
