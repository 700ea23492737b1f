"""``gwlint outline FILE``: print the speech's outline, one node per line."""
from __future__ import annotations

import sys

from .errors import GwlintError
from .load import load_path
from .outline import outline_residue, parse_outline


def format_outline(doc) -> str:
    out = []
    residue = outline_residue(doc)
    if residue:
        out.append(f"(提纲残留: 第{residue[0] + 1}–{residue[-1] + 1}行)")

    def emit(nodes, depth):
        for n in nodes:
            line, col = doc.position(n.span.start)
            out.append(f"{'  ' * depth}{line + 1}:{col + 1}  {n.label} {n.title}")
            emit(n.children, depth + 1)

    emit(parse_outline(doc), 0)
    return "\n".join(out)


def main(args: list[str]) -> int:
    if len(args) != 1:
        raise GwlintError("usage: gwlint outline FILE")
    doc = load_path(args[0])
    text = format_outline(doc)
    sys.stdout.write(text + ("\n" if text else ""))
    return 0
