"""``--format github``: GitHub Actions workflow annotations."""
from __future__ import annotations


def _escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


LEVEL = {"error": "error", "warning": "warning", "info": "notice", "hint": "notice"}


def render(results, stream, color: bool = False) -> None:
    for r in results:
        for d in r.diagnostics:
            sl, sc = r.document.position(d.span.start)
            el, ec = r.document.position(d.span.end)
            props = (f"file={_escape(r.path, True)},line={sl + 1},col={sc + 1},endLine={el + 1},endColumn={ec + 1},"
                     f"title={_escape(d.code + ' ' + d.name, True)}")
            stream.write(f"::{LEVEL.get(d.severity, 'warning')} {props}::{_escape(d.message)}\n")
