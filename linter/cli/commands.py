"""The commands besides checking: ``rules``, ``rule CODE``, ``outline FILE``, ``lsp``."""
from __future__ import annotations

import sys

from ..errors import GwlintError
from . import EXIT_CLEAN


def cmd_rules(args: list[str]) -> int:
    """``gwlint rules [--format text|json] [--select CODES]``."""

    from gwlint.rules import bundled_registry

    from .args import _codes, _Parser

    p = _Parser(prog="gwlint rules", description="List the rules.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--select", type=_codes, help="only these codes or prefixes")
    ns = p.parse_args(args)
    registry = bundled_registry()
    metas = list(registry.rules.values())
    if ns.select:
        for code in ns.select:
            if not registry.is_known_pattern(code):
                raise GwlintError(f"usage: --select: unknown rule code or prefix '{code}'")
        wanted = registry.matching(ns.select)
        metas = [m for m in metas if m.code in wanted]
    if ns.format == "json":
        import json

        print(json.dumps([{"code": m.code, "name": m.name, "severity": m.severity, "summary": m.summary,
                           "why": m.why, "bad": list(m.bad), "good": list(m.good)} for m in metas],
                         ensure_ascii=False, indent=1))
        return EXIT_CLEAN
    for meta in metas:
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
    """Print the speech's outline, one node per line. The file's
    configuration applies (``max-file-size`` included)."""
    from gwlint.rules import bundled_registry

    from ..config import ConfigResolver
    from ..load import load_path

    if len(args) != 1:
        raise GwlintError("usage: gwlint outline FILE")
    cfg = ConfigResolver(bundled_registry()).for_path(args[0])
    text = format_outline(load_path(args[0], cfg.max_file_size))
    sys.stdout.write(printable_lines(text) + ("\n" if text else ""))
    return EXIT_CLEAN


def printable_lines(text: str) -> str:
    from ..display import printable

    return "\n".join(printable(line) for line in text.split("\n"))


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
