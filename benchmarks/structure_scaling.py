#!/usr/bin/env python3
"""The whole-document analyses of NU, ST, PU, PH and LY (the outline with its
scopes, the web-page residue, the wrap evidence, Markdown structure) on
inputs built to expose quadratic behaviour: restarting lists, attachments
and articles, split widgets, hard-wrapped text, Markdown tables and code.
Each at two sizes 4x apart; linear code takes about 4x as long. Prints
seconds; asserts nothing.

    .venv/bin/python benchmarks/structure_scaling.py [--base 2000]
"""
from __future__ import annotations

import argparse
import time

from gwlint import Document
from gwlint.api import configure, lint_document

UNITS = {
    "restarting lists": "要求如下：\n1.加强领导\n2.压实责任\n",
    "articles, attachments": "第一条　有下列情形之一的：\n（一）未备案；\n（二）未报告。\n附件\n",
    "split widgets": "【\n打印本页\n】\n下载\n2.5\n来源：\n宁夏日报\n",
    "hard-wrapped text": "经过前段时间的充分准备，市委决定在全市开展以案促改全面修复净化政\n",
    "markdown": "| 单位 | 联系人 |\n| --- | --- |\n- 检查范围，\n```\n同志们:\n```\n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=2000, help="repetitions of each unit at the smaller size")
    args = parser.parse_args()
    cfg = configure({"select": ["NU", "ST", "PU", "PH", "LY"]})
    print(f"{'input':<24} {'kind':<4} {'n':>7} {'seconds':>8} {'n':>7} {'seconds':>8} {'ratio':>6}")
    for name, unit in UNITS.items():
        for kind in ("txt", "md"):
            times = []
            for n in (args.base, 4 * args.base):
                doc = Document(unit * n, path=f"bench.{kind}")
                start = time.perf_counter()
                lint_document(doc, cfg)
                times.append(time.perf_counter() - start)
            print(f"{name:<24} {kind:<4} {args.base:>7} {times[0]:>8.2f} {4 * args.base:>7} {times[1]:>8.2f} "
                  f"{times[1] / max(times[0], 1e-9):>6.1f}")


if __name__ == "__main__":
    main()
