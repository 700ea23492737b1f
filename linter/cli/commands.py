"""The commands besides checking: ``rules``, ``rule CODE``, ``outline FILE``, ``lsp``."""
from __future__ import annotations

import sys

from ..errors import GwlintError
from . import EXIT_CLEAN


def cmd_rules(args: list[str]) -> int:
    from gwlint.rules import bundled_registry

    for meta in bundled_registry().rules.values():
        print(f"{meta.code}  {meta.name:<32} {meta.severity:<8} {meta.summary}")
    return EXIT_CLEAN


def cmd_rule(args: list[str]) -> int:
    from gwlint.rules import bundled_registry

    if len(args) != 1:
        raise GwlintError("usage: gwlint rule CODE")
    meta = bundled_registry().rules.get(args[0].upper())
    if meta is None:
        raise GwlintError(f"unknown rule code '{args[0]}' (see gwlint rules)")
    print(meta.explain())
    return EXIT_CLEAN


def cmd_outline(args: list[str]) -> int:
    """Print the speech's outline, one node per line."""
    from ..load import load_path

    if len(args) != 1:
        raise GwlintError("usage: gwlint outline FILE")
    text = format_outline(load_path(args[0]))
    sys.stdout.write(text + ("\n" if text else ""))
    return EXIT_CLEAN


def format_outline(doc) -> str:
    from ..outline import outline_residue, parse_outline

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


def cmd_lsp(args: list[str]) -> int:
    """The language server on stdio: the one place the CLI reaches into gwlint.lsp."""
    from gwlint.lsp.server import main as lsp_main

    return lsp_main(args) or 0
