#!/usr/bin/env python3
"""Latency of the language server: didChange → publishDiagnostics.

    .venv/bin/python benchmarks/lsp_latency.py [--edits 200] [--chars 30000]

Drives the real server (`gwlint lsp --debounce=0`) over stdio, opens a
~30,000-character speech made of the seeds, sends single-character edits at
random places (fixed seed) and prints p50 and p95, and the server's CPU
time per edit (less sensitive than wall time to other work on a shared
machine). Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the test suite's raw LSP client (tests.lsp.rawclient)

from gwlint.model import Document  # noqa: E402
from tests.lsp.rawclient import RawServer  # noqa: E402


def speech(chars: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    text = ""
    while len(text) < chars:
        for s in seeds:
            text += s + "\n"
    return text[:chars]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--chars", type=int, default=30000)
    args = ap.parse_args()
    rng = random.Random(42)
    text = speech(args.chars)
    with tempfile.TemporaryDirectory() as tmp:
        server = RawServer("--debounce=0")
        try:
            server.initialize(Path(tmp), encodings=["utf-32"])
            uri = (Path(tmp) / "speech.txt").as_uri()
            t0 = time.perf_counter()
            server.open(uri, text)
            server.diagnostics_for(uri, timeout=120)
            first = time.perf_counter() - t0
            times = []
            cpu0 = cpu_seconds(server.proc.pid)
            for version in range(2, args.edits + 2):
                doc = Document(text)
                offset = rng.randrange(len(text))
                line, col = doc.position(offset)
                ch = rng.choice("的是在一了中国人要发展工作建设，。")
                pos = {"line": line, "character": col}
                change = {"range": {"start": pos, "end": pos}, "text": ch}
                text = text[:offset] + ch + text[offset:]
                t0 = time.perf_counter()
                server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                       "contentChanges": [change]}, request=False)
                server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"].get("version") == version, timeout=60)
                times.append((time.perf_counter() - t0) * 1000)
            cpu = (cpu_seconds(server.proc.pid) - cpu0) * 1000 / len(times)
        finally:
            server.close()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"document: {len(text):,} characters; first lint after didOpen: {first * 1000:.0f} ms")
    print(f"{len(times)} single-character edits, didChange → publishDiagnostics (debounce 0):")
    print(f"  p50 {statistics.median(times):.1f} ms   p95 {p95:.1f} ms   max {times[-1]:.1f} ms"
          f"   server CPU {cpu:.1f} ms per edit")


if __name__ == "__main__":
    main()
