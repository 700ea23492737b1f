#!/usr/bin/env python3
"""Build the reading and look-alike tables of TY's candidate search.

    .venv/bin/python tools/build_typo_vocabulary.py [--pycorrector-wheel WHEEL]

Writes into rules/data/typo/:
- readings.tsv: every CJK character of the language model's vocabulary (and
  of chars.tsv) with all its toneless readings, the usual one first (pypinyin,
  heteronym mode; at most MAX_READINGS);
- word_readings.tsv: the words of the language model's vocabulary (2 to 4
  characters) that pypinyin reads otherwise than with the usual reading of
  each character (银行 yin hang, 重庆 chong qing);
- lookalikes.tsv: characters that look alike, derived from pycorrector's
  data (Apache-2.0, https://github.com/shibing624/pycorrector): two common
  characters (its common_char_set.txt) look alike when their stroke
  sequences (its stroke.txt) are equal or differ by one stroke added, removed
  or changed (休/体, 木/本, 目/日, 白/自, 己/已, 戊/戌), or when its
  same_stroke.txt puts them in one group.

The pycorrector wheel is read as a zip file (its code is never imported); it
is downloaded with pip (no dependencies) unless --pycorrector-wheel is given.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "rules" / "data" / "typo"
MAX_READINGS = 4
PYCORRECTOR = "pycorrector==1.1.4"


def cjk(w: str) -> bool:
    return bool(w) and all("\u4e00" <= c <= "\u9fff" for c in w)


def lm_words() -> list[str]:
    from gwlint.rules._typo_vocabulary import lm_path, lm_vocabulary

    path = lm_path()
    if path is None:
        sys.exit("the language model is missing: apt-get install libime-data-language-model")
    return [w for w in lm_vocabulary(path) if cjk(w)]


def readings_of(ch: str) -> list[str]:
    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out = []
    for r in (found[0] if found else []):
        if r.isalpha() and r not in out:
            out.append(r)
    return out[:MAX_READINGS]


def build_readings(words: list[str]) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Readings of each character: its usual one, and the others that some
    word of the vocabulary uses (a reading no word uses is too rare to type)."""
    chars = {c for w in words for c in w}
    chars |= {line.split("\t")[0] for line in (OUT / "chars.tsv").read_text(encoding="utf-8").splitlines()}
    word_reads = {}
    used: dict[str, set[str]] = {}
    for w in words:
        if not 2 <= len(w) <= 4:
            continue
        read = lazy_pinyin(w, style=Style.NORMAL, errors="ignore")
        if len(read) != len(w) or not all(x.isalpha() for x in read):
            continue
        word_reads[w] = read
        for c, r in zip(w, read):
            used.setdefault(c, set()).add(r)
    readings = {}
    for c in sorted(chars):
        r = readings_of(c)
        if r:
            usual = lazy_pinyin(c, style=Style.NORMAL, errors="ignore")[0]
            usual = usual if usual.isalpha() else r[0]
            readings[c] = [usual] + [x for x in r if x != usual and x in used.get(c, ())]
    exceptions = []
    for w, read in word_reads.items():
        if all(c in readings for c in w) and any(read[k] != readings[c][0] for k, c in enumerate(w)):
            exceptions.append((w, " ".join(read)))
    return readings, exceptions


def wheel(path: str | None) -> Path:
    if path:
        return Path(path)
    tmp = Path(tempfile.mkdtemp(prefix="gwlint-pycorrector-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(tmp), PYCORRECTOR],
                   check=True)
    return next(tmp.glob("pycorrector-*.whl"))


def edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def build_lookalikes(whl: Path) -> dict[str, set[str]]:
    with zipfile.ZipFile(whl) as z:
        def read(name):
            return z.read(f"pycorrector/data/{name}").decode("utf-8").splitlines()

        common = {line.strip() for line in read("common_char_set.txt") if cjk(line.strip())}
        strokes = {}
        for line in read("stroke.txt"):
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#") and parts[0] in common:
                strokes[parts[0]] = parts[1]
        groups = [line.split() for line in read("same_stroke.txt") if line.strip() and not line.startswith("#")]
    out: dict[str, set[str]] = {}
    # stroke sequences one edit apart: bucket by length, compare neighbours' lengths only
    by_len: dict[int, list[tuple[str, str]]] = {}
    for c, s in strokes.items():
        by_len.setdefault(len(s), []).append((c, s))
    for n, items in by_len.items():
        if n < 2:
            continue  # 一, 乙: one stroke is like every other
        for m in (n, n + 1):
            for c, s in items:
                for d, t in by_len.get(m, ()):
                    if c != d and edit_distance_at_most_one(s, t):
                        out.setdefault(c, set()).add(d)
                        out.setdefault(d, set()).add(c)
    for g in groups:
        g = [c for c in g if c in common]
        for c in g:
            out.setdefault(c, set()).update(x for x in g if x != c)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pycorrector-wheel")
    args = ap.parse_args()
    words = lm_words()
    readings, exceptions = build_readings(words)
    (OUT / "readings.tsv").write_text(
        "# char\treadings (toneless, the usual first) — pypinyin, built by tools/build_typo_vocabulary.py\n"
        + "".join(f"{c}\t{' '.join(r)}\n" for c, r in readings.items()), encoding="utf-8")
    (OUT / "word_readings.tsv").write_text(
        "# word\treading — words of the language model read otherwise than with the usual reading of each\n"
        "# character (pypinyin), built by tools/build_typo_vocabulary.py\n"
        + "".join(f"{w}\t{r}\n" for w, r in sorted(exceptions)), encoding="utf-8")
    looks = build_lookalikes(wheel(args.pycorrector_wheel))
    (OUT / "lookalikes.tsv").write_text(
        "# char\tlook-alikes — derived by tools/build_typo_vocabulary.py from pycorrector's stroke.txt,\n"
        "# same_stroke.txt and common_char_set.txt (Apache-2.0, https://github.com/shibing624/pycorrector)\n"
        + "".join(f"{c}\t{''.join(sorted(v))}\n" for c, v in sorted(looks.items())), encoding="utf-8")
    print(f"readings: {len(readings)} characters, {len(exceptions)} word readings; "
          f"look-alikes: {len(looks)} characters, {sum(map(len, looks.values())) // 2} pairs")


if __name__ == "__main__":
    main()
