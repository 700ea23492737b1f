#!/usr/bin/env python3
"""Throughput and start-up of gwlint. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/throughput.py [--runs 5] [--size-mb 1] [--select TY,PU]

- median MB/s of a full in-process lint of a ~1 MB corpus (the seeds repeated,
  as one document per seed copy, which is how a batch run sees them);
- the cold start of the CLI on one seed file (wall time, median of runs);
- peak memory (max RSS) of the benchmark process.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(size_mb: float) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, total = [], 0
    while total < size_mb * 1_000_000:
        for s in seeds:
            docs.append(s)
            total += len(s.encode("utf-8"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size-mb", type=float, default=1.0)
    ap.add_argument("--select", default="ALL")
    args = ap.parse_args()

    from linter import Document, lint
    from linter.config import Config

    cfg = Config(select=tuple(args.select.split(",")))
    docs = corpus(args.size_mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    chars = sum(len(d) for d in docs)

    t0 = time.perf_counter()
    lint(Document(docs[0], path="warmup.txt"), cfg)  # loads lazy resources once
    warm = time.perf_counter() - t0

    rates, findings = [], 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        findings = sum(len(lint(Document(d, path=f"doc{i}.txt"), cfg)) for i, d in enumerate(docs))
        rates.append(mb / (time.perf_counter() - t0))

    seed = sorted((ROOT / "seeds").glob("000*.txt"))[0]
    gwlint = ROOT / ".venv" / "bin" / "gwlint"
    cmd = [str(gwlint)] if gwlint.exists() else [sys.executable, "-m", "linter"]
    cold = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd + [str(seed)], capture_output=True)
        cold.append(time.perf_counter() - t0)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB, {chars:,} characters, select={args.select}")
    print(f"first lint (loads resources): {warm * 1000:.0f} ms")
    print(f"throughput: median {statistics.median(rates):.2f} MB/s (runs: {', '.join(f'{r:.2f}' for r in rates)})")
    print(f"findings per run: {findings}")
    print(f"cold start of `gwlint {seed.relative_to(ROOT)}`: median {statistics.median(cold):.3f} s "
          f"(min {min(cold):.3f} s)")
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
