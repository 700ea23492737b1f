#!/usr/bin/env python3
"""The language server's formerly quadratic paths, at two sizes 4× apart.

    .venv/bin/python benchmarks/lsp_scaling.py [--small 5000] [--repeat 3]

Linear growth shows as a ratio near 4 between the two sizes; quadratic
growth as a ratio near 16. Asserts nothing.

- fix-all: a draft of N lines, each with a safe fix (。。 → 。). Times the
  code action request at a cursor (what editors send at every cursor move)
  the first time (the fix-all edits are chosen and converted), the next
  time (reused), and codeAction/resolve, which a client that can resolve
  sends only when the user picks "fix all". Two clients: one without
  codeAction/resolve (eglot: the edits travel with every answer) and one
  with it (VS Code, Neovim).
- long line: one line of 4N characters with a placeholder every 7 and an
  astral character at its start (so UTF-16 and UTF-8 units differ from
  code points all along it). Times didOpen → publishDiagnostics over stdio
  (lint included) and, in-process (best of 5), the conversion of all its
  findings to LSP diagnostics.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the test suite's raw LSP client (tests.lsp.rawclient)

from tests.lsp.rawclient import RawServer  # noqa: E402

RESOLVE = {"codeAction": {"dataSupport": True, "resolveSupport": {"properties": ["edit"]}}}


def fixable_draft(lines: int) -> str:
    return "".join(f"第{i}段，内容。。\n" for i in range(lines))


def long_line(chars: int) -> str:
    unit = "请XX同志发言，"
    return "𠮷" + unit * (chars // len(unit)) + "\n"


def warmed_up(server: RawServer, tmp: Path) -> RawServer:
    """The server after one small lint: rule data loaded, so sizes compare."""
    uri = (tmp / "warm-up.txt").as_uri()
    server.open(uri, "请XX同志发言。。\n")
    server.diagnostics_for(uri, timeout=600)
    return server


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def fix_all_row(lines: int, resolve: bool, tmp: Path) -> dict:
    text = fixable_draft(lines)
    server = RawServer("--debounce=0")
    try:
        server.initialize(tmp, encodings=["utf-16"], text_document=RESOLVE if resolve else None)
        warmed_up(server, tmp)
        uri = (tmp / f"fix{lines}{resolve}.txt").as_uri()
        server.open(uri, text)
        server.diagnostics_for(uri, timeout=600)
        cursor = {"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                  "range": {"start": {"line": lines // 2, "character": 1}, "end": {"line": lines // 2, "character": 1}}}
        first, reply = timed(lambda: server.request("textDocument/codeAction", cursor, timeout=600))
        again = [timed(lambda: server.request("textDocument/codeAction", cursor, timeout=600))[0] for _ in range(5)]
        fix_all = next(a for a in reply["result"] if a["kind"] == "source.fixAll")
        row = {"first": first, "again": statistics.median(again)}
        if resolve:
            row["resolve"], resolved = timed(lambda: server.request("codeAction/resolve", fix_all, timeout=600))
            fix_all = resolved["result"]
        row["edits"] = len(fix_all["edit"]["changes"][uri])
        return row
    finally:
        server.close()


def convert_all(doc, found, encoding: str, uri: str) -> list:
    """All findings as LSP diagnostics, as the server converts them: one
    Positions per version of the document."""
    from gwlint.lsp.convert import Positions

    positions = Positions(doc, encoding)
    return [positions.diagnostic(d, uri) for d in found]


def long_line_row(chars: int, encoding: str, tmp: Path) -> dict:
    from gwlint.api import lint_document
    from gwlint.model import Document

    text = long_line(chars)
    server = RawServer("--debounce=0")
    try:
        server.initialize(tmp, encodings=[encoding])
        warmed_up(server, tmp)
        uri = (tmp / f"line{chars}{encoding}.txt").as_uri()
        publish, diags = timed(lambda: (server.open(uri, text), server.diagnostics_for(uri, timeout=600))[1])
    finally:
        server.close()
    doc = Document(text)
    found = lint_document(doc)
    gc.collect()
    convert = min(timed(lambda: convert_all(doc, found, encoding, uri))[0] for _ in range(5))
    return {"publish": publish, "convert": convert, "findings": len(diags)}


def best(rows: list[dict]) -> dict:
    return {k: min(r[k] for r in rows) if isinstance(rows[0][k], float) else rows[0][k] for k in rows[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=5000, help="fixable lines of the smaller draft (×4 for the larger)")
    ap.add_argument("--chars", type=int, default=25000, help="characters of the shorter long line (×4 for the longer)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best is shown")
    args = ap.parse_args()
    # this process parses the server's answers (megabytes of JSON for the
    # fix-all edits): collect garbage as rarely as the server does, so its
    # own collector's pauses on a large heap do not count as server time
    gc.set_threshold(50_000, 20, 100)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("fix-all code action, ms (best of %d; ratio = larger / smaller)" % args.repeat)
        for resolve in (False, True):
            small, large = args.small, args.small * 4
            a = best([fix_all_row(small, resolve, tmp) for _ in range(args.repeat)])
            b = best([fix_all_row(large, resolve, tmp) for _ in range(args.repeat)])
            client = "with codeAction/resolve" if resolve else "without codeAction/resolve"
            keys = ["first", "again"] + (["resolve"] if resolve else [])
            for k in keys:
                print(f"  {client:27} {k:8} {small:>7,} lines {a[k]:8.1f}   {large:>7,} lines {b[k]:8.1f}"
                      f"   ratio {b[k] / max(a[k], 1e-9):5.1f}")
            print(f"  {'':27} edits    {a['edits']:>7,}          {b['edits']:>8,}")
        print("one long line, ms (best of %d)" % args.repeat)
        for encoding in ("utf-16", "utf-8"):
            small, large = args.chars, args.chars * 4
            a = best([long_line_row(small, encoding, tmp) for _ in range(args.repeat)])
            b = best([long_line_row(large, encoding, tmp) for _ in range(args.repeat)])
            for k, what in (("publish", "didOpen → publishDiagnostics"), ("convert", "convert all findings")):
                print(f"  {encoding:6} {what:30} {small:>7,} chars {a[k]:8.1f}   {large:>7,} chars {b[k]:8.1f}"
                      f"   ratio {b[k] / max(a[k], 1e-9):5.1f}")
            print(f"  {encoding:6} {'findings':30} {a['findings']:>13,}       {b['findings']:>14,}")


if __name__ == "__main__":
    main()
