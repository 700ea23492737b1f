#!/usr/bin/env python3
"""Evaluate the TY family on Chinese spelling-correction data.

    .venv/bin/python benchmarks/csc_eval.py ../shared/data/ecspell/ecspell_law_test.jsonl [more.jsonl ...]

Each line is {"src": ..., "tgt": ...} with src and tgt of equal length. Every
src is linted with the TY family only, in-process. Printed:
- sentence-level detection precision, recall and F1 (a sentence counts as
  flagged if any TY finding lies in it);
- character-level detection precision and recall (a finding must cover an
  erroneous character);
- TY findings per 10,000 characters of the tgt side (clean text);
- sentences per second.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import Document, lint  # noqa: E402
from linter.config import Config  # noqa: E402

TY = Config(select=("TY",))


def spans(text: str):
    return [(d.span.start, d.span.end) for d in lint(Document(text), TY)]


def evaluate(pairs):
    tp = fp = fn = tn = 0
    char_hits = char_flags = char_true_flags = 0
    err_chars = 0
    clean_findings = clean_chars = 0
    t0 = time.perf_counter()
    for src, tgt in pairs:
        errors = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
        found = spans(src)
        flagged = bool(found)
        if errors:
            tp += flagged
            fn += not flagged
        else:
            fp += flagged
            tn += not flagged
        err_chars += len(errors)
        char_flags += len(found)
        char_true_flags += sum(1 for s, e in found if any(s <= i < e for i in errors))
        char_hits += sum(1 for i in errors if any(s <= i < e for s, e in found))
    elapsed = time.perf_counter() - t0
    for _, tgt in pairs:
        clean_findings += len(spans(tgt))
        clean_chars += len(tgt)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "sentences": len(pairs), "with_errors": tp + fn,
        "sentence_precision": p, "sentence_recall": r, "sentence_f1": f1,
        "char_precision": char_true_flags / char_flags if char_flags else 0.0,
        "char_recall": char_hits / err_chars if err_chars else 0.0,
        "clean_findings_per_10k": clean_findings / clean_chars * 10000 if clean_chars else 0.0,
        "sentences_per_second": len(pairs) / elapsed if elapsed else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    Document("预热")
    lint(Document("同志们：今天开会。"), TY)  # load the lexicons and the model before timing
    for f in args.files:
        pairs = []
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if line.strip():
                o = json.loads(line)
                if len(o["src"]) == len(o["tgt"]):
                    pairs.append((o["src"], o["tgt"]))
        m = evaluate(pairs)
        print(f"{Path(f).name}: {m['sentences']} sentences ({m['with_errors']} with errors)")
        print(f"  sentence detection  P {m['sentence_precision']:.3f}  R {m['sentence_recall']:.3f}  "
              f"F1 {m['sentence_f1']:.3f}")
        print(f"  character detection P {m['char_precision']:.3f}  R {m['char_recall']:.3f}")
        print(f"  clean text (tgt): {m['clean_findings_per_10k']:.2f} TY findings per 10,000 characters")
        print(f"  speed: {m['sentences_per_second']:.0f} sentences/s")


if __name__ == "__main__":
    main()
