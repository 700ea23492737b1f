#!/usr/bin/env python3
"""Regenerate the mined typo data under rules/data/typo/ from jieba and pypinyin.

    .venv/bin/python tools/build_typo_lexicon.py

- idioms.txt: four-character idioms and set phrases (jieba POS i/l) with a
  dictionary frequency of at least MIN_IDIOM_FREQ: common enough to be typed
  in a speech, rare enough in variants to be worth checking.
- words.txt: two- and three-character words, to tell quickly whether a
  character stands inside a word (a typo usually breaks the word).
- chars.tsv: common characters with their toneless pinyin and frequency, so
  gwlint knows which characters a pinyin input method confuses without
  loading pypinyin at run time.
- rare_chars.tsv: the pinyin of every other CJK character (U+3400–U+9FFF),
  read only when a finding involves one.

The political terms (political.txt) and the confusion pairs (confusions.tsv)
are compiled by hand; see SOURCES.md.
"""
import os
from collections import defaultdict
from pathlib import Path

import jieba
from pypinyin import Style, lazy_pinyin

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "typo"
MIN_IDIOM_FREQ = 10
MIN_CHAR_FREQ = 50
MIN_WORD_FREQ = 3


def main() -> None:
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    idioms = []
    char_freq = defaultdict(int)
    for line in open(path, encoding="utf-8"):
        word, freq, tag = line.split()
        freq = int(freq)
        if len(word) == 4 and tag in ("i", "l") and freq >= MIN_IDIOM_FREQ:
            idioms.append(word)
        for ch in word:
            char_freq[ch] += freq if len(word) == 1 else max(1, freq // 10)
    OUT.mkdir(parents=True, exist_ok=True)
    words = sorted({w for w, f, t in (l.split() for l in open(path, encoding="utf-8"))
                    if len(w) in (2, 3) and int(f) >= MIN_WORD_FREQ and all("\u4e00" <= c <= "\u9fff" for c in w)},
                   key=lambda w: (len(w), w))
    (OUT / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (OUT / "idioms.txt").write_text("\n".join(sorted(set(idioms))) + "\n", encoding="utf-8")
    rows = []
    for ch, f in char_freq.items():
        if f < MIN_CHAR_FREQ or not ("\u4e00" <= ch <= "\u9fff"):
            continue
        py = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
        if py and py[0].isalpha():
            rows.append((ch, py[0], f))
    rows.sort(key=lambda r: (-r[2], r[0]))
    (OUT / "chars.tsv").write_text("".join(f"{c}\t{p}\t{f}\n" for c, p, f in rows), encoding="utf-8")
    common_chars = {r[0] for r in rows}
    rare = []
    for cp in range(0x3400, 0xA000):
        ch = chr(cp)
        if ch in common_chars:
            continue
        py = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
        if py and py[0].isalpha():
            rare.append(f"{ch}\t{py[0]}\n")
    (OUT / "rare_chars.tsv").write_text("".join(rare), encoding="utf-8")
    print(f"idioms: {len(set(idioms))}, characters: {len(rows)}, rare characters: {len(rare)}")


if __name__ == "__main__":
    main()
