#!/usr/bin/env python3
"""Evaluate the TY family on Chinese spelling-correction data.

    .venv/bin/python benchmarks/csc_eval.py ../shared/data/ecspell/ecspell_law_test.jsonl [more.jsonl ...]
    .venv/bin/python benchmarks/csc_eval.py --select TY001,TY002,TY003 FILE.jsonl
    .venv/bin/python benchmarks/csc_eval.py --inject CLEAN.txt --out PAIRS.jsonl [--seed 7]

Each line is {"src": ..., "tgt": ...} with src and tgt of equal length. Every
src is linted with the TY family only (or --select), in-process. Printed:
- sentence-level detection precision, recall and F1 (a sentence counts as
  flagged if any TY finding lies in it);
- character-level detection precision and recall (a finding must cover an
  erroneous character);
- TY findings per 10,000 characters of the tgt side (clean text), by code;
- sentences per second.

``--inject`` builds a held-out set from clean sentences (one per line, '#'
comments): every sentence once as written, and once with one character of a
multi-character word replaced by a character a pinyin input method or a
glance confuses with it (same pinyin, fuzzy pinyin, or similar shape).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from gwlint import Document  # noqa: E402
from gwlint.api import lint_document as lint  # noqa: E402
from gwlint.config import Config  # noqa: E402


def evaluate(pairs, cfg):
    tp = fp = fn = tn = 0
    char_hits = char_flags = char_true_flags = 0
    err_chars = 0
    clean_findings = clean_chars = 0
    by_code: Counter = Counter()
    t0 = time.perf_counter()
    for src, tgt in pairs:
        errors = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
        found = [(d.span.start, d.span.end) for d in lint(Document(src), cfg)]
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
        ds = lint(Document(tgt), cfg)
        clean_findings += len(ds)
        by_code.update(d.code for d in ds)
        clean_chars += len(tgt)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "sentences": len(pairs), "with_errors": tp + fn, "clean_chars": clean_chars,
        "sentence_precision": p, "sentence_recall": r, "sentence_f1": f1,
        "char_precision": char_true_flags / char_flags if char_flags else 0.0,
        "char_recall": char_hits / err_chars if err_chars else 0.0,
        "clean_findings_per_10k": clean_findings / clean_chars * 10000 if clean_chars else 0.0,
        "clean_by_code": dict(sorted(by_code.items())),
        "sentences_per_second": len(pairs) / elapsed if elapsed else 0.0,
    }


def read_pairs(path: str):
    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            o = json.loads(line)
            if len(o["src"]) == len(o["tgt"]):
                pairs.append((o["src"], o["tgt"]))
    return pairs


def inject(clean_file: str, out: str, seed: int) -> None:
    """Write src/tgt pairs: each clean sentence as is, and with one slip."""
    import jieba

    from gwlint.rules import _typo_data as data

    jieba.setLogLevel(60)
    rng = random.Random(seed)
    pinyin, freq, by_pinyin = data.char_table()
    shapes = data.shape_neighbours()
    by_fuzzy: dict[str, list[str]] = {}
    for ch, py in pinyin.items():
        by_fuzzy.setdefault(data.fuzzy(py), []).append(ch)
    common = {c for c, f in freq.items() if f >= 2000}
    rows = []
    for line in Path(clean_file).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append({"src": line, "tgt": line})
        slots, pos = [], 0
        for w in jieba.cut(line):
            if len(w) >= 2 and all(c in pinyin for c in w):
                slots.extend(range(pos, pos + len(w)))
            pos += len(w)
        for _ in range(50):
            i = rng.choice(slots)
            c = line[i]
            kind = rng.random()
            if kind < 0.7:
                cands = [x for x in by_pinyin.get(pinyin[c], ()) if x != c and x in common]
            elif kind < 0.85:
                cands = [x for x in by_fuzzy.get(data.fuzzy(pinyin[c]), ()) if pinyin[x] != pinyin[c] and x in common]
            else:
                cands = [x for x in shapes.get(c, ()) if x in pinyin]
            if cands:
                wrong = rng.choice(cands)
                rows.append({"src": line[:i] + wrong + line[i + 1:], "tgt": line})
                break
    Path(out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} pairs to {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--select", default="TY", help="codes or prefixes to run (default TY)")
    ap.add_argument("--inject", metavar="CLEAN.txt", help="build a held-out set from clean sentences")
    ap.add_argument("--out", metavar="PAIRS.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.inject:
        inject(args.inject, args.out or "heldout.jsonl", args.seed)
        return
    cfg = Config(select=tuple(s.strip() for s in args.select.split(",") if s.strip()))
    lint(Document("同志们：今天开会。"), cfg)  # load the lexicons and the model before timing
    for f in args.files:
        m = evaluate(read_pairs(f), cfg)
        print(f"{Path(f).name}: {m['sentences']} sentences ({m['with_errors']} with errors), select={args.select}")
        print(f"  sentence detection  P {m['sentence_precision']:.3f}  R {m['sentence_recall']:.3f}  "
              f"F1 {m['sentence_f1']:.3f}")
        print(f"  character detection P {m['char_precision']:.3f}  R {m['char_recall']:.3f}")
        by = ", ".join(f"{k} {v}" for k, v in m["clean_by_code"].items()) or "none"
        print(f"  clean text (tgt, {m['clean_chars']:,} chars): {m['clean_findings_per_10k']:.2f} findings "
              f"per 10,000 characters ({by})")
        print(f"  speed: {m['sentences_per_second']:.0f} sentences/s")


if __name__ == "__main__":
    main()
