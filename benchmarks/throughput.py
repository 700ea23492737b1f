#!/usr/bin/env python3
"""Throughput and start-up of gwlint. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/throughput.py [--runs 5] [--size-mb 1] [--select TY,PU]

- median MB/s of a full lint of a ~1 MB corpus of text gwlint has not seen
  before: the five seeds, then real sentences from the ECSpell data in
  ../shared (the corrected side), packed five to a paragraph into ~13 KB
  documents. Repeating the seeds would flatter gwlint, whose caches
  remember what they have seen; each run is therefore a fresh process
  that loads its resources first (untimed) and then lints every document
  once, as a batch run does;
- the same corpus as files in a folder, linted by the CLI as a user runs it
  (`gwlint --format json FOLDER`, default -j: one worker per CPU): wall time
  with start-up, and the rate after start-up (wall time minus that of the
  same command on two tiny files);
- the cold start of the CLI on one seed file (wall time, median of runs);
- peak memory (max RSS) of a run.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import tempfile
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


ECSPELL = ROOT.parent / "shared" / "data" / "ecspell"


def corpus(size_mb: float) -> list[str]:
    """Distinct documents, up to ``size_mb`` (fewer if the data runs out)."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = [json.loads(line)["tgt"] for f in sorted(ECSPELL.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    paragraphs = ["　　" + "".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    doc: list[str] = []
    for para in paragraphs:
        doc.append(para)
        if sum(map(len, doc)) > 4500:
            docs.append("\n".join(doc) + "\n")
            doc = []
    out, total = [], 0
    for d in docs:
        if total >= size_mb * 1_000_000:
            break
        out.append(d)
        total += len(d.encode("utf-8"))
    return out


def one_run(select: str, size_mb: float) -> None:
    """Child process: load resources, then time one lint of every document."""
    try:  # the Python API (since the rule API: the core takes the registry, gwlint.api wires in the bundled one)
        from gwlint import Document
        from gwlint.api import lint_document as lint
    except ImportError:  # an older checkout, for before/after figures
        from gwlint import Document, lint
    from gwlint.config import Config

    cfg = Config(select=tuple(select.split(",")))
    docs = corpus(size_mb)
    t0 = time.perf_counter()
    lint(Document("同志们：要旗帜鲜明讲政治。\n", path="warmup.txt"), cfg)  # loads lazy resources once
    warm = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    findings = sum(len(lint(Document(d, path=f"doc{i}.txt"), cfg)) for i, d in enumerate(docs))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"elapsed": elapsed, "cpu": cpu, "warm": warm, "findings": findings, "peak_mb": peak_mb}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size-mb", type=float, default=1.0)
    ap.add_argument("--select", default="ALL")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        one_run(args.select, args.size_mb)
        return

    docs = corpus(args.size_mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    chars = sum(len(d) for d in docs)
    if not ECSPELL.is_dir():
        print(f"note: {ECSPELL} not found; the corpus is the seeds alone", file=sys.stderr)

    rates, runs = [], []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--child", "--select", args.select, "--size-mb",
                              str(args.size_mb)], capture_output=True, text=True, check=True).stdout
        run = json.loads(out.strip().splitlines()[-1])
        runs.append(run)
        rates.append(mb / run["elapsed"])
    warm = statistics.median(r["warm"] for r in runs)
    findings = runs[-1]["findings"]
    peak_mb = max(r["peak_mb"] for r in runs)

    gwlint = ROOT / ".venv" / "bin" / "gwlint"
    cmd = [str(gwlint)] if gwlint.exists() else [sys.executable, "-m", "gwlint"]
    cli_times, base_times = [], []
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as tiny:
        for i, d in enumerate(docs):
            (Path(tmp) / f"doc{i:03d}.txt").write_text(d, encoding="utf-8")
        for i in range(2):  # two files, so that the workers start as they do for the corpus
            (Path(tiny) / f"tiny{i}.txt").write_text("同志们：今天开会。\n", encoding="utf-8")
        for _ in range(args.runs):
            for folder, times in ((tmp, cli_times), (tiny, base_times)):
                t0 = time.perf_counter()
                subprocess.run(cmd + ["--format", "json", "--select", args.select, "--no-progress", folder],
                               capture_output=True)
                times.append(time.perf_counter() - t0)
    cli_wall, base_wall = statistics.median(cli_times), statistics.median(base_times)

    seed = sorted((ROOT / "seeds").glob("000*.txt"))[0]
    cold = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd + [str(seed)], capture_output=True)
        cold.append(time.perf_counter() - t0)

    print(f"corpus: {len(docs)} documents, {mb:.2f} MB, {chars:,} characters, select={args.select}")
    print(f"first lint (loads resources): {warm * 1000:.0f} ms")
    cpu_rate = statistics.median(mb / r["cpu"] for r in runs)
    print(f"throughput by CPU time (less sensitive to other load on the machine): median {cpu_rate:.2f} MB/s")
    print(f"throughput, one process: median {statistics.median(rates):.2f} MB/s (runs: {', '.join(f'{r:.2f}' for r in rates)})")
    print(f"CLI on the corpus as a folder ({os.cpu_count()} CPUs, default -j): {cli_wall:.2f} s wall, "
          f"{mb / cli_wall:.2f} MB/s; start-up (the same on two tiny files) {base_wall:.2f} s; "
          f"after start-up {mb / max(cli_wall - base_wall, 1e-9):.2f} MB/s")
    print(f"findings per run: {findings}")
    print(f"cold start of `gwlint {seed.relative_to(ROOT)}`: median {statistics.median(cold):.3f} s "
          f"(min {min(cold):.3f} s)")
    print(f"peak memory (max RSS of a run): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
