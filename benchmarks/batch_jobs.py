#!/usr/bin/env python3
"""Parallel batch runs: 200 drafts (the seeds, copied and varied: lines
shuffled, digits changed, common words swapped) with -j 1 and -j 2. Prints wall times and the speed-up; asserts nothing.

    .venv/bin/python benchmarks/batch_jobs.py [--files 200] [--runs 7]
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Words a drafter swaps for one another: each copy of a seed uses some of them,
# so that copies differ line by line as real drafts do.
SWAPS = [("加强", "强化"), ("推进", "推动"), ("全面", "全方位"), ("坚决", "坚定"), ("进一步", "更进一步"),
         ("切实", "务必"), ("深入", "深化"), ("各级", "各地各级"), ("同志们", "各位同志"), ("落实", "抓好落实")]


def vary(line: str, rng: random.Random) -> str:
    """The same paragraph as another drafter might write it: digits changed,
    some words swapped, its sentences in another order (a short line gets
    a word more), so that no two drafts share many lines."""
    line = re.sub(r"\d", lambda m: str(rng.randrange(10)), line)
    for a, b in rng.sample(SWAPS, 4):
        line = line.replace(a, b)
    indent = line[:len(line) - len(line.lstrip())]
    sentences = re.findall(r"[^。！？]+[。！？]?", line.strip())
    if len(sentences) > 2:
        rng.shuffle(sentences)
    varied = indent + "".join(sentences)
    if varied == line and len(line) > 12:
        # a heading or a hard-wrapped fragment: another drafter words it a little differently
        i = rng.randrange(len(line))
        if "\u4e00" <= line[i] <= "\u9fff":
            varied = line[:i] + rng.choice("的和与及在对把将为了") + line[i:]
    return varied


def make_corpus(folder: Path, n: int) -> None:
    rng = random.Random(7)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(n):
        lines = seeds[i % len(seeds)].split("\n")
        head, body = lines[:3], [vary(line, rng) for line in lines[3:]]
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
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    gwlint = ROOT / ".venv" / "bin" / "gwlint"
    base = [str(gwlint)] if gwlint.exists() else [sys.executable, "-m", "gwlint"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        best = {1: float("inf"), 2: float("inf")}
        for _ in range(args.runs):  # interleaved, so that a busier spell of the machine hits both alike
            for jobs in (1, 2):
                elapsed = timed(base + ["-j", str(jobs), "--no-progress", "--format", "json", str(folder)])
                best[jobs] = min(best[jobs], elapsed)
    print(f"{args.files} files, {size:.1f} MB; best of {args.runs} runs")
    print(f"  -j 1: {best[1]:.2f} s")
    print(f"  -j 2: {best[2]:.2f} s")
    print(f"  speed-up: {best[1] / best[2]:.2f}x")


if __name__ == "__main__":
    main()
