#!/usr/bin/env python3
"""Reading each format: the realgov documents (or the seeds) written as
.odt and .ofd by the test makers and as .pdf, .doc, .rtf and .docx by
LibreOffice, then read back. Prints, per format, the time to read a file
(best of --runs, median over the files), whether the paragraphs come back
as written, and whether the findings equal those of the .txt. Asserts
nothing.

    .venv/bin/python benchmarks/read_formats.py [--corpus realgov|seeds] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gwlint  # noqa: E402
from gwlint import load_path, load_text  # noqa: E402
from tests.formats.makers import odt, ofd, soffice_convert  # noqa: E402

FORMATS = ("odt", "ofd", "rtf", "docx", "doc", "pdf")


def paragraphs_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return [line.strip(" \u3000\t") for line in text.split("\n") if line.strip()]


def best_time(path: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        load_path(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("realgov", "seeds"), default="realgov")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    source = ROOT.parent / "shared" / "data" / "realgov" if args.corpus == "realgov" else ROOT / "seeds"
    drafts = sorted(source.glob("*.txt"))
    times: dict[str, list[float]] = {f: [] for f in FORMATS}
    sizes: dict[str, list[int]] = {f: [] for f in FORMATS}
    same_text, same_findings = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for draft in drafts:
            paragraphs = paragraphs_of(draft)
            txt = load_text("\n".join(paragraphs))
            expected = Counter(d.code for d in gwlint.lint_document(txt))
            base = folder / draft.stem
            base.with_suffix(".odt").write_bytes(odt(paragraphs))
            base.with_suffix(".ofd").write_bytes(ofd(paragraphs))
            files = {"odt": base.with_suffix(".odt"), "ofd": base.with_suffix(".ofd")}
            for fmt in ("rtf", "docx", "doc", "pdf"):
                files[fmt] = soffice_convert(files["odt"], fmt, folder / fmt)
            for fmt, path in files.items():
                times[fmt].append(best_time(path, args.runs))
                sizes[fmt].append(path.stat().st_size)
                doc = load_path(path)
                same_text[fmt] += [p for p in doc.text.split("\n") if p] == paragraphs
                same_findings[fmt] += Counter(d.code for d in gwlint.lint_document(doc)) == expected
    n = len(drafts)
    print(f"{n} drafts from {args.corpus} ({sum(len(''.join(paragraphs_of(d))) for d in drafts):,} characters)")
    print(f"{'format':6}  {'median size':>11}  {'median read':>11}  {'slowest':>8}  {'same paragraphs':>15}  "
          f"{'same findings as .txt':>21}")
    for fmt in FORMATS:
        print(f"{fmt:6}  {statistics.median(sizes[fmt]) / 1024:8.1f} KB  {statistics.median(times[fmt]) * 1000:8.1f} ms"
              f"  {max(times[fmt]) * 1000:5.0f} ms  {same_text[fmt]:>9} / {n:<3}  {same_findings[fmt]:>15} / {n}")


if __name__ == "__main__":
    main()
