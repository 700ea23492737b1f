#!/usr/bin/env python3
"""Parallel batch runs: 200 drafts (the seeds, copied and varied) with -j 1
and -j 2. Prints wall times and the speed-up; asserts nothing.

    .venv/bin/python benchmarks/batch_jobs.py [--files 200] [--runs 3]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, n: int) -> None:
    rng = random.Random(7)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(n):
        lines = seeds[i % len(seeds)].split("\n")
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)  # vary the text so no two files are the same
        text = "\n".join(head + body).replace("XX", rng.choice(["XX", "张明", "**"]))
        encoding = "gb18030" if i % 10 == 0 else "utf-8"
        (folder / f"draft_{i:03d}.txt").write_bytes(text.encode(encoding))


def timed(cmd) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    gwlint = ROOT / ".venv" / "bin" / "gwlint"
    base = [str(gwlint)] if gwlint.exists() else [sys.executable, "-m", "linter"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        best = {}
        for jobs in (1, 2):
            best[jobs] = min(timed(base + ["-j", str(jobs), "--no-progress", "--format", "json", str(folder)])
                             for _ in range(args.runs))
    print(f"{args.files} files, {size:.1f} MB; best of {args.runs} runs")
    print(f"  -j 1: {best[1]:.2f} s")
    print(f"  -j 2: {best[2]:.2f} s")
    print(f"  speed-up: {best[1] / best[2]:.2f}x")


if __name__ == "__main__":
    main()
