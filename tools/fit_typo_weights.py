#!/usr/bin/env python3
"""Fit the weights of TY's context layer on the dev half of the injected real-document set.

    .venv/bin/python tools/fit_typo_weights.py [FOLDER]   (default ../shared/data/realgov)

Positives: the suspects that cover an injected slip in the dev half of the
set built by benchmarks/typo_injection.py. Negatives: every suspect in the
dev documents as written (whole documents: titles, lists and names too).
The vocabulary of official writing is mined from the dev documents only, as
csc_eval.py --realgov does, so the test half stays unseen. A logistic
regression over detector.features() (numpy, L2) is written to
rules/_typo_weights.py; the table printed below it shows, for each logit
threshold, the dev figures that LOGIT_NEED in rules/_typo_detector.py is
chosen from.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))
OUT = ROOT / "rules" / "_typo_weights.py"
L2 = 0.01


def dev_resources(files):
    from build_official_vocabulary import base_resources, mine

    from gwlint.rules import _typo_data as data
    from gwlint.rules import _typo_detector as detector
    from gwlint.rules import _typo_vocabulary as vocab

    mined = {w for w, _, _ in mine([p.read_text(encoding="utf-8") for p in files], base_resources())}
    hand = vocab._word_file("new_terms.txt") | data.political_terms() | vocab._word_file("official_words.txt")
    return detector.build_resources(frozenset(mined | hand))


def samples(folder: Path):
    """(features, label, group) rows: group = ("row", index) for injected
    sentences, ("doc", name, line) for the lines of the documents."""
    import typo_injection

    from gwlint.rules import _typo_detector as detector
    from gwlint.rules._typo_evidence import changed_positions

    files = typo_injection.split_files(folder)["dev"]
    res = dev_resources(files)
    docs = {p.name: p.read_text(encoding="utf-8") for p in files}
    rows = [r for r in typo_injection.build(folder)["dev"] if r["src"] != r["tgt"]]
    out = []
    for k, (r, found) in enumerate(zip(rows, detector.detect_raw([r["src"] for r in rows], res, detector.MIN_GAIN))):
        errors = {i for i, (a, b) in enumerate(zip(r["src"], r["tgt"])) if a != b}
        document = docs[r["doc"]].replace(r["tgt"], r["src"])
        for x in found:
            if set(changed_positions(r["src"], x.start, x.replacement)) & errors:
                f = detector.features(r["src"], x, res, document)
                if f is not None:
                    out.append((f, 1, ("row", k)))
    for name, text in docs.items():
        lines = [x for x in re.split(r"\r\n|\r|\n", text) if x.strip()]
        for j, (line, found) in enumerate(zip(lines, detector.detect_raw(lines, res, detector.MIN_GAIN))):
            for x in found:
                f = detector.features(line, x, res, text)
                if f is not None:
                    out.append((f, 0, ("doc", name, j)))
    chars = sum(len(t) for t in docs.values())
    return out, len(rows), chars


def fit(X: np.ndarray, y: np.ndarray, steps: int = 4000, rate: float = 0.2):
    mean, scale = X.mean(0), X.std(0) + 1e-9
    Z = (X - mean) / scale
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        w -= rate * (Z.T @ (p - y) / len(y) + L2 * w)
        b -= rate * float((p - y).mean())
    return mean, scale, w, b


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "realgov"
    rows, n_err, chars = samples(folder)
    names = sorted(rows[0][0])
    X = np.array([[f[n] for n in names] for f, _, _ in rows])
    y = np.array([label for _, label, _ in rows], dtype=float)
    mean, scale, w, b = fit(X, y)
    fmt = lambda d: "{" + ", ".join(f'"{n}": {v:.4f}' for n, v in d.items()) + "}"
    OUT.write_text(
        '"""Weights of TY\'s context layer: a logistic model over _typo_detector.features().\n\n'
        f"Written by tools/fit_typo_weights.py ({int(y.sum())} slips, {int(len(y) - y.sum())} suspects in clean "
        'documents of the dev half).\n"""\n'
        f"BIAS = {b:.4f}\nMEAN = {fmt(dict(zip(names, mean)))}\nSCALE = {fmt(dict(zip(names, scale)))}\n"
        f"WEIGHTS = {fmt(dict(zip(names, w)))}\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}; weights (per unit of each feature):")
    for n, v, s in sorted(zip(names, w, scale), key=lambda t: -abs(t[1])):
        print(f"  {n:16s} {v / s:+.3f}")
    z = b + ((X - mean) / scale) @ w
    print("logit  recall(dev slips)  false alarms per 10k (dev documents)")
    for t in np.arange(-1.0, 6.01, 0.5):
        caught = {g for (_, label, g), zz in zip(rows, z) if label and zz >= t}
        alarms = {g for (_, label, g), zz in zip(rows, z) if not label and zz >= t}
        print(f"  {t:4.1f}  {len(caught) / n_err:.3f}  {len(alarms) / chars * 10000:.2f}")


if __name__ == "__main__":
    main()
