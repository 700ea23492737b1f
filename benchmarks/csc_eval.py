#!/usr/bin/env python3
"""Evaluate the TY family: spelling-error sentences, injected slips in real
documents, and false alarms on clean documents. Both tiers (typo-sensitivity
"default" and "review") are reported.

    .venv/bin/python benchmarks/csc_eval.py FILE.jsonl [...]          # e.g. ../shared/data/ecspell/*_test.jsonl
    .venv/bin/python benchmarks/csc_eval.py --realgov [FOLDER]        # injected slips, dev/test split
    .venv/bin/python benchmarks/csc_eval.py --false-alarms FOLDER     # TY findings on clean documents
    .venv/bin/python benchmarks/csc_eval.py --classic                 # the classic misspellings test set

FILE.jsonl: one {"src": ..., "tgt": ...} per line, src and tgt of equal
length; each src is linted alone (--select, default TY). Printed per tier:
sentence-level detection precision, recall and F1 (a sentence counts as
flagged if any TY finding lies in it), character-level precision and recall
(a finding must cover an erroneous character), TY findings per 10,000
characters of the tgt side (clean text), and sentences per second.

--realgov: builds the injected real-document set (benchmarks/typo_injection.py:
input-method slips of each class injected into sentences of FOLDER, default
../shared/data/realgov, every sentence also kept as written). Documents
alternate between a dev half and a test half. By default the vocabulary of
official writing is mined from the dev half only (tools/build_official_vocabulary.py)
and the test half is reported: the test documents' own words are then as new
to TY as a user's. --vocabulary shipped uses the committed vocabulary
instead (mined from all of FOLDER); --split dev reports the dev half. Each
sentence is checked with its document as context (a form the document
repeats counts as meant). Recall is also reported by class of slip: same
pinyin, fuzzy pinyin, look-alike, whole word (a class is caught when the
finding covers its characters). Also printed: the false alarms of TY on the
documents of the half, whole, per 10,000 characters.

--false-alarms FOLDER: every .txt file in FOLDER is linted whole (--select,
default TY), as a user would; printed per tier: findings per 10,000
characters, by code, and the list of them (--list N to show N).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from gwlint import Document  # noqa: E402
from gwlint.api import lint_document as lint  # noqa: E402
from gwlint.config import Config  # noqa: E402

TIERS = ["default", "review"]
REALGOV = ROOT.parent / "shared" / "data" / "realgov"
PHRASE_CODES = ("TY001", "TY002", "TY010", "TY011", "TY015")  # the TY rules outside the context layer


def config(select: str, tier: str) -> Config:
    return Config(select=tuple(s.strip() for s in select.split(",") if s.strip()),
                  options=(("typo-sensitivity", tier),))


def spans_in_context(src: str, document: str | None, tier: str, select: str) -> list[tuple[int, int]]:
    """TY findings in ``src``: the context layer (TY003/TY004) with ``document``
    as context, and the other TY rules on the sentence."""
    from gwlint.rules import bundled_registry
    from gwlint.rules._typo_slips import findings_for_lines

    cfg = config(select, tier)
    codes = bundled_registry().matching(cfg.select)
    found = [(d.span.start, d.span.end) for d in lint(Document(src), config(",".join(c for c in PHRASE_CODES
                                                                                    if c in codes) or "NONE", tier))
             ] if any(c in codes for c in PHRASE_CODES) else []
    if codes & {"TY003", "TY004"}:
        found += [(d.span.start, d.span.end) for d in findings_for_lines([src], tier, document)[0] if d.code in codes]
    return found


def evaluate(rows, tier: str, select: str, documents: dict[str, str] | None = None) -> dict:
    """Detection figures over rows {"src", "tgt"[, "doc", "classes"]}."""
    tp = fp = fn = tn = 0
    char_hits = char_flags = char_true_flags = err_chars = 0
    by_class, class_total = Counter(), Counter()
    t0 = time.perf_counter()
    for r in rows:
        src, tgt = r["src"], r["tgt"]
        errors = [i for i, (a, b) in enumerate(zip(src, tgt)) if a != b]
        document = None
        if documents is not None and r.get("doc") in documents:
            document = documents[r["doc"]].replace(tgt, src)
        if documents is None:
            found = [(d.span.start, d.span.end) for d in lint(Document(src), config(select, tier))]
        else:
            found = spans_in_context(src, document, tier, select)
        flagged = bool(found)
        if errors:
            tp += flagged
            fn += not flagged
            for kind, (a, b) in zip(r.get("classes", ()), r.get("spans", ())):
                class_total[kind] += 1
                by_class[kind] += any(s < b and a < e for s, e in found)
        else:
            fp += flagged
            tn += not flagged
        err_chars += len(errors)
        char_flags += len(found)
        char_true_flags += sum(1 for s, e in found if any(s <= i < e for i in errors))
        char_hits += sum(1 for i in errors if any(s <= i < e for s, e in found))
    elapsed = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    return {
        "sentences": len(rows), "with_errors": tp + fn, "flagged_clean": fp,
        "sentence_precision": p, "sentence_recall": r_, "sentence_f1": 2 * p * r_ / (p + r_) if p + r_ else 0.0,
        "char_precision": char_true_flags / char_flags if char_flags else 0.0,
        "char_recall": char_hits / err_chars if err_chars else 0.0,
        "by_class": {k: (by_class[k], class_total[k]) for k in sorted(class_total)},
        "sentences_per_second": len(rows) / elapsed if elapsed else 0.0,
    }


def clean_rate(texts: list[str], tier: str, select: str):
    """(findings, characters, [(file, code, context, message)]) of whole documents."""
    found, chars, listing = 0, 0, []
    for name, text in texts:
        ds = lint(Document(text, path=name), config(select, tier))
        chars += len(text)
        found += len(ds)
        for d in ds:
            s = max(0, d.span.start - 8)
            listing.append((name, d.code, (text[s:d.span.start] + "【" + text[d.span.start:d.span.end] + "】"
                                           + text[d.span.end:d.span.end + 8]).replace("\n", "⏎"), d.message))
    return found, chars, listing


def print_detection(name: str, m: dict, tier: str) -> None:
    print(f"  [{tier}] sentence P {m['sentence_precision']:.3f}  R {m['sentence_recall']:.3f}  "
          f"F1 {m['sentence_f1']:.3f}   character P {m['char_precision']:.3f}  R {m['char_recall']:.3f}   "
          f"({m['flagged_clean']} clean sentences flagged; {m['sentences_per_second']:.0f} sentences/s)")
    if m["by_class"]:
        print("           recall by class: " + ", ".join(f"{k} {a}/{b} = {a / b:.2f}" for k, (a, b) in m["by_class"].items()))


def print_false_alarms(label: str, found: int, chars: int, listing, tier: str, show: int) -> None:
    by = Counter(code for _, code, _, _ in listing)
    print(f"  [{tier}] {label}: {found} TY findings in {chars:,} characters = {found / chars * 10000:.2f} "
          f"per 10,000 ({', '.join(f'{k} {v}' for k, v in sorted(by.items())) or 'none'})")
    for row in listing[:show]:
        print("      " + "\t".join(row))


def realgov(folder: Path, split: str, vocabulary: str, select: str, show: int, seed: int, per_split: int) -> None:
    import typo_injection

    from gwlint.rules import _typo_detector as detector

    sets = typo_injection.build(folder, seed=seed, per_split=per_split)
    files = typo_injection.split_files(folder)
    if vocabulary == "dev":
        from build_official_vocabulary import base_resources, mine

        from gwlint.rules import _typo_data as data
        from gwlint.rules import _typo_vocabulary as vocab

        dev_texts = [p.read_text(encoding="utf-8") for p in files["dev"]]
        mined = {w for w, _, _ in mine(dev_texts, base_resources())}
        hand = vocab._word_file("new_terms.txt") | data.political_terms() | vocab._word_file("official_words.txt")
        res = detector.build_resources(frozenset(mined | hand))
        detector.resources.cache_clear()
        detector.resources = lambda: res  # this benchmark's vocabulary (the lint path reads it from here)
        print(f"vocabulary of official writing: mined from the {len(files['dev'])} dev documents ({len(mined)} "
              f"words) and the hand-compiled lists")
    else:
        print("vocabulary of official writing: the committed one (mined from all of "
              f"{folder.name}/: the figures on its documents flatter TY)")
    rows = sets[split]
    documents = {p.name: p.read_text(encoding="utf-8") for p in files[split]}
    n_err = sum(1 for r in rows if r["src"] != r["tgt"])
    kinds = Counter(k for r in rows for k in r["classes"])
    print(f"injected set, {split} half ({len(files[split])} documents): {len(rows)} sentences, {n_err} with slips "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}; "
          f"{sum(1 for r in rows if len(r['classes']) == 2)} with two)")
    for tier in TIERS:
        print_detection(split, evaluate(rows, tier, select, documents), tier)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files[split]]
    for tier in TIERS:
        found, chars, listing = clean_rate(texts, tier, select)
        print_false_alarms(f"false alarms on the {split} documents, whole", found, chars, listing, tier, show)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--select", default="TY", help="codes or prefixes to run (default TY)")
    ap.add_argument("--realgov", nargs="?", const=str(REALGOV), metavar="FOLDER")
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--vocabulary", choices=("dev", "shipped"), default="dev")
    ap.add_argument("--false-alarms", metavar="FOLDER")
    ap.add_argument("--classic", action="store_true", help="the classic misspellings test set")
    ap.add_argument("--list", type=int, default=40, help="false alarms to list (default 40)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--per-split", type=int, default=700)
    ap.add_argument("--tiers", default="default,review")
    args = ap.parse_args()
    TIERS[:] = args.tiers.split(",")
    lint(Document("同志们：今天开会。"), config(args.select, "default"))  # load the lexicons and the model before timing
    if args.realgov:
        realgov(Path(args.realgov), args.split, args.vocabulary, args.select, args.list, args.seed, args.per_split)
    if args.false_alarms:
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(args.false_alarms).glob("*.txt"))]
        for tier in TIERS:
            found, chars, listing = clean_rate(texts, tier, args.select)
            print_false_alarms(f"{args.false_alarms}", found, chars, listing, tier, args.list)
    if args.classic:
        classic(args.select)
    for f in args.files:
        rows = [json.loads(line) for line in Path(f).read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [r for r in rows if len(r["src"]) == len(r["tgt"])]
        print(f"{Path(f).name}: {len(rows)} sentences ({sum(r['src'] != r['tgt'] for r in rows)} with errors), "
              f"select={args.select}")
        for tier in TIERS:
            m = evaluate(rows, tier, args.select)
            print_detection(f, m, tier)
            clean = [Document(r["tgt"]) for r in rows]
            n = sum(len(lint(d, config(args.select, tier))) for d in clean)
            chars = sum(len(d.text) for d in clean)
            print(f"           clean side (tgt, {chars:,} chars): {n / chars * 10000:.2f} findings per 10,000")


def classic(select: str) -> None:
    path = ROOT / "tests" / "rules" / "typos" / "classic_misspellings.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    for tier in TIERS:
        caught = clean = 0
        missed, flagged = [], []
        for bad, good, *_ in rows:
            fixed = lint(Document(bad), config(select, tier))
            caught += bool(fixed)
            if not fixed:
                missed.append(bad)
            wrong = lint(Document(good), config(select, tier))
            clean += not wrong
            if wrong:
                flagged.append((good, [d.message for d in wrong]))
        print(f"  [{tier}] classic misspellings: {caught}/{len(rows)} caught = {caught / len(rows):.1%}; "
              f"correct forms clean: {clean}/{len(rows)}")
        for m in missed:
            print(f"      missed: {m}")
        for g, ms in flagged:
            print(f"      flagged correct: {g} {ms}")


if __name__ == "__main__":
    main()
