#!/usr/bin/env python3
"""Growth of the paths that were once quadratic (issue 18, item 7): each row
times one path at two sizes 4× apart. Linear growth shows as a ratio near 4
(n log n a little more); quadratic growth would show as 16. Prints a table;
asserts nothing (no timed tests).

    .venv/bin/python benchmarks/scaling.py [--only NAME] [--scale 0.25]

To add a row, write a function that builds its input for a size and returns
what to time, and decorate it:

    @case("my path", sizes=(10_000, 40_000), unit="lines")
    def my_path(n):
        doc = ...                      # built once, not timed
        return lambda: do_something(doc)   # timed (best of 3)

Rows of other front ends may live in their own module written the same way:
add its name to EXTRA_MODULES. (The language server's fix-all action and its
UTF-16 conversion are timed the same way by benchmarks/lsp_scaling.py.)
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

EXTRA_MODULES: list[str] = []  # modules whose @case rows are added (imported if present)


@dataclass
class Case:
    name: str
    build: Callable[[int], Callable[[], object]]
    sizes: tuple[int, int]
    unit: str


CASES: list[Case] = []


def case(name: str, sizes: tuple[int, int], unit: str):
    def register(build):
        CASES.append(Case(name, build, sizes, unit))
        return build

    return register


def _lint_with(config: dict, text: str, path: str = "bench.txt"):
    from gwlint.api import configure, lint_document
    from gwlint.model import Document

    cfg = configure(config)
    doc_text = text
    return lambda: lint_document(Document(doc_text, path=path), cfg)


SENTENCE = "各级党委（党组）要切实履行主体责任,坚持严的基调、严的措施、严的氛围,推动全面从严治党向纵深发展。"


@case("choose_edits: n non-overlapping fixes", sizes=(40_000, 160_000), unit="fixes")
def choose_edits_case(n):
    from gwlint.fixes import choose_edits
    from gwlint.model import Diagnostic, Edit, Fix, Span

    diags = [Diagnostic("PU001", "m", Span(3 * i, 3 * i + 1), Fix("f", (Edit(3 * i, 3 * i + 1, "，"),), True))
             for i in range(n)]
    return lambda: choose_edits(diags)


@case("--fix on a draft with n commas to fix (PU001)", sizes=(10_000, 40_000), unit="fixes")
def fix_text_case(n):
    from gwlint.api import configure
    from gwlint.engine import lint
    from gwlint.fixes import fix_text
    from gwlint.model import Document
    from gwlint.rules import bundled_registry

    cfg, registry = configure({"select": ["PU001"]}), bundled_registry()
    text = "同志们,今天开会" * n + "。\n"
    return lambda: fix_text(text, lambda t: lint(Document(t), cfg, registry))


@case("allow filtering: n lines, 5 common words allowed", sizes=(5_000, 20_000), unit="lines")
def allow_case(n):
    text = "同志们,要做好工作,推动会议精神落实,促进发展。\n" * n
    return _lint_with({"select": ["PU001"], "allow": ["同志", "会议", "工作", "发展", "要"]}, text)


@case("TY015 on one character repeated n times", sizes=(75_000, 300_000), unit="chars")
def repeated_case(n):
    return _lint_with({"select": ["TY015"]}, "好" * n)


@case("outline TOC leader: n spaces inside a line", sizes=(250_000, 1_000_000), unit="chars")
def toc_case(n):
    from gwlint.outline import toc_entry

    line = "一" + " " * n + "x"  # spaces between text: every start of the run was tried, to the end
    return lambda: toc_entry(line)


@case("every rule: n full-width spaces before text, at the top", sizes=(50_000, 200_000), unit="chars")
def spaces_case(n):
    return _lint_with({}, "目录\n" + "\u3000" * n + "x\n一、总体要求\n" + SENTENCE + "\n")


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="rows whose name contains this")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.1 for a quick look)")
    args = ap.parse_args()
    for name in EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    print(f"{'path':<58} {'n':>9} {'time':>9} {'4n':>9} {'time':>9} {'ratio':>6}")
    for c in CASES:
        if args.only and args.only not in c.name:
            continue
        small, large = (max(1, int(s * args.scale)) for s in c.sizes)
        t_small = timed(c.build(small))
        t_large = timed(c.build(large))
        print(f"{c.name:<58} {small:>9,} {t_small:>8.3f}s {large:>9,} {t_large:>8.3f}s {t_large / t_small:>6.1f}",
              flush=True)


if __name__ == "__main__":
    main()
