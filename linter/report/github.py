"""``--format github``: GitHub Actions workflow annotations."""
from __future__ import annotations

from ..display import printable
from . import part


def _escape(s: str, prop: bool = False) -> str:
    """GitHub's escapes for a workflow command, then every other control
    character made visible (a log viewer is a terminal too)."""
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    s = printable(s)
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


LEVEL = {"error": "error", "warning": "warning", "info": "notice", "hint": "notice"}


def render_file(result, color: bool = False) -> str:
    out = []
    for d in result.diagnostics:
        sl, sc = result.document.position(d.span.start)
        el, ec = result.document.position(d.span.end)
        props = (f"file={_escape(result.path, True)},line={sl + 1},col={sc + 1},endLine={el + 1},endColumn={ec + 1},"
                 f"title={_escape(d.code + ' ' + d.name, True)}")
        out.append(f"::{LEVEL.get(d.severity, 'warning')} {props}::{_escape(d.message)}\n")
    return "".join(out)


def render(results, stream, color: bool = False, rules=None) -> None:
    for r in results:
        if r.linted:
            stream.write(part(r, render_file, color))
