"""``--format text``: for people. Each finding, its line with the span
marked, the suggested fix, and a summary counting findings by family."""
from __future__ import annotations

from collections import Counter

from ..display import printable
from ..text import display_width
from . import part

SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36", "hint": "36"}
MAX_CONTEXT = 60  # characters of context shown either side of a span


def _paint(s: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if color and s else s


def _context(doc, d) -> tuple[str, str, str]:
    """(before, span, after) on the finding's line, trimmed for long lines."""
    line = doc.line_at(d.span.start)
    start = d.span.start - line.start
    end = min(d.span.end, line.end) - line.start
    before = line.text[max(0, start - MAX_CONTEXT):start]
    if start > MAX_CONTEXT:
        before = "…" + before
    after = line.text[end:end + MAX_CONTEXT]
    if len(line.text) - end > MAX_CONTEXT:
        after += "…"
    return before, line.text[start:end], after


def render_one(path, doc, d, color: bool) -> str:
    line, col = doc.position(d.span.start)
    head = (f"{_paint(printable(path), '1', color)}:{line + 1}:{col + 1}: "
            f"{_paint(d.code, SEVERITY_COLOR.get(d.severity, '0') + ';1', color)} {printable(d.message)}")
    before, span, after = _context(doc, d)
    clean = lambda s: printable(s.replace("\t", " "))  # escape sequences in a draft never reach the terminal
    src = f"    {clean(before)}{_paint(clean(span), '4;1', color)}{clean(after)}"
    marker = "    " + " " * display_width(clean(before)) + "^" * max(1, display_width(clean(span)))
    out = [head, src, _paint(marker, SEVERITY_COLOR.get(d.severity, "0"), color)]
    if d.fix:
        label = "修复" if d.fix.safe else "建议"
        out.append(f"    {_paint(label, '32', color)}: {printable(d.fix.title)}")
    return "\n".join(out)


def summary(results) -> str:
    families = Counter()
    for r in results:
        for (code, _), n in r.counts().items():
            families[code[:2]] += n
    files = sum(1 for r in results if r.linted)
    errors = sum(1 for r in results if r.error)
    fixed = sum(r.fixed for r in results)
    total = sum(families.values())
    parts = []
    if fixed:
        parts.append(f"fixed {fixed}")
    if total:
        by = ", ".join(f"{fam} {n}" for fam, n in sorted(families.items()))
        parts.append(f"Found {total} finding{'s' if total != 1 else ''} ({by}) in {files} file{'s' if files != 1 else ''}")
    else:
        parts.append(f"No findings in {files} file{'s' if files != 1 else ''}")
    if errors:
        parts.append(f"{errors} file{'s' if errors != 1 else ''} could not be linted")
    return "; ".join(parts) + "."


def render_file(result, color: bool = False) -> str:
    return "".join(render_one(result.path, result.document, d, color) + "\n" for d in result.diagnostics)


def render(results, stream, color: bool = False, rules=None, summary_line: bool = True) -> None:
    """The findings, then (unless ``summary_line`` is False) the summary."""
    for r in results:
        if r.linted:
            stream.write(part(r, render_file, color))
    if summary_line:
        stream.write(summary(results) + "\n")
