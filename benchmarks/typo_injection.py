"""Inject input-method slips into clean sentences of real documents.

Used by csc_eval.py --realgov. Each chosen sentence appears twice: once as
written (the clean side) and once with slips, in the proportions the team
measured on real official-document typos (issue 15):
- WHOLE_WORD of the erroneous sentences carry a whole mistyped word: a
  two-character word replaced by another word of the same pinyin, both
  characters wrong (贸易 → 毛衣, 稳步 → 温补);
- the other slips change one character: SAME_PINYIN of them to a character
  of the same toneless pinyin, FUZZY to one of fuzzy pinyin (z/zh, c/ch,
  s/sh, n/l, an/ang, en/eng, in/ing), the rest to a look-alike (休/体);
- SECOND of the sentences carry a second slip elsewhere.
Replacement characters are drawn by frequency (an input method offers the
common ones first) from jieba's dictionary; pinyin from pypinyin (word
readings, so polyphones read as in the word); look-alikes from
rules/data/typo/lookalikes.tsv. Documents are split into dev and test by
file, so that tuning on dev says nothing about test.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path

WHOLE_WORD = 0.23
SAME_PINYIN = 0.72  # of one-character slips
FUZZY = 0.08
SECOND = 1 / 3
MIN_LEN, MAX_LEN = 12, 90
MIN_CHAR_FREQ = 300  # replacement characters: common and less common ones, drawn by sqrt(frequency)
CLASSES = ("same_pinyin", "fuzzy_pinyin", "lookalike", "whole_word")

_FUZZY = [(re.compile(r"^zh"), "z"), (re.compile(r"^ch"), "c"), (re.compile(r"^sh"), "s"), (re.compile(r"^n"), "l"),
          (re.compile(r"ang$"), "an"), (re.compile(r"eng$"), "en"), (re.compile(r"ing$"), "in")]


def fuzzy(py: str) -> str:
    for pattern, repl in _FUZZY:
        py = pattern.sub(repl, py)
    return py


def cjk(w: str) -> bool:
    return bool(w) and all("\u4e00" <= c <= "\u9fff" for c in w)


def sentences(text: str) -> list[str]:
    """Sentences of a document: split after 。！？；, within lines."""
    out = []
    for line in re.split(r"\r\n|\r|\n", text):
        for s in re.findall(r"[^。！？；]+[。！？；]?", line.strip()):
            s = s.strip()
            n_cjk = sum(cjk(c) for c in s)
            if MIN_LEN <= len(s) <= MAX_LEN and n_cjk >= 0.75 * len(s):
                out.append(s)
    return out


class Injector:
    def __init__(self, seed: int):
        import jieba
        from pypinyin import Style, lazy_pinyin

        jieba.setLogLevel(60)
        self.jieba, self.lazy_pinyin, self.style = jieba, lazy_pinyin, Style.NORMAL
        self.rng = random.Random(seed)
        dict_path = Path(jieba.__file__).parent / "dict.txt"
        char_freq: dict[str, int] = defaultdict(int)
        words = []
        for line in dict_path.read_text(encoding="utf-8").splitlines():
            w, f, _ = line.split(" ")
            f = int(f)
            if cjk(w):
                for c in w:
                    char_freq[c] += f if len(w) == 1 else max(1, f // 10)
                if len(w) == 2 and f >= 50:
                    words.append((w, f))
        self.char_freq = {c: f for c, f in char_freq.items() if f >= MIN_CHAR_FREQ}
        self.by_pinyin: dict[str, list[str]] = defaultdict(list)
        self.by_fuzzy: dict[str, list[str]] = defaultdict(list)
        for c in self.char_freq:
            py = lazy_pinyin(c, style=Style.NORMAL, errors="ignore")
            if py and py[0].isalpha():
                self.by_pinyin[py[0]].append(c)
                self.by_fuzzy[fuzzy(py[0])].append(c)
        self.words_by_pinyin: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
        for w, f in words:
            self.words_by_pinyin[tuple(lazy_pinyin(w, style=Style.NORMAL))].append((w, f))
        from gwlint.rules._typo_vocabulary import lookalikes

        self.looks = {c: [x for x in v if x in self.char_freq] for c, v in lookalikes().items()}

    def _pick(self, options: list[str]) -> str | None:
        if not options:
            return None
        weights = [self.char_freq.get(x, 1) ** 0.5 for x in options]
        return self.rng.choices(options, weights)[0]

    def _slots(self, s: str):
        """(start, word, reading) of the multi-character CJK words of s."""
        pos, out = 0, []
        for w in self.jieba.cut(s, HMM=False):
            if len(w) >= 2 and cjk(w):
                out.append((pos, w, self.lazy_pinyin(w, style=self.style)))
            pos += len(w)
        return out

    def one_slip(self, s: str, taken: set[int], kind: str):
        """(new sentence, class) with one slip of ``kind``, or None."""
        slots = [x for x in self._slots(s) if not any(p in taken for p in range(x[0], x[0] + len(x[1])))]
        self.rng.shuffle(slots)
        for start, w, py in slots:
            if kind == "whole_word":
                if len(w) != 2:
                    continue
                options = [(v, f) for v, f in self.words_by_pinyin.get(tuple(py), ())
                           if v[0] != w[0] and v[1] != w[1]]
                if not options:
                    continue
                v = self.rng.choices([o[0] for o in options], [o[1] ** 0.5 for o in options])[0]
                return s[:start] + v + s[start + 2:], kind, (start, start + 2)
            k = self.rng.randrange(len(w))
            c, p = w[k], py[k]
            if kind == "same_pinyin":
                options = [x for x in self.by_pinyin.get(p, ()) if x != c]
            elif kind == "fuzzy_pinyin":
                options = [x for x in self.by_fuzzy.get(fuzzy(p), ()) if x != c and
                           self.lazy_pinyin(x, style=self.style)[0] != p]
            else:
                options = [x for x in self.looks.get(c, ()) if x != c]
            r = self._pick(options)
            if r is None:
                continue
            i = start + k
            return s[:i] + r + s[i + 1:], kind, (i, i + 1)
        return None

    def kind(self) -> str:
        x = self.rng.random()
        if x < WHOLE_WORD:
            return "whole_word"
        x = self.rng.random()
        return "same_pinyin" if x < SAME_PINYIN else "fuzzy_pinyin" if x < SAME_PINYIN + FUZZY else "lookalike"

    def corrupt(self, s: str):
        """(src, classes, spans) with one or two slips, or None."""
        taken: set[int] = set()
        classes, spans = [], []
        for n in range(2 if self.rng.random() < SECOND else 1):
            got = None
            for kind in (self.kind(), "same_pinyin"):
                got = self.one_slip(s, taken, kind)
                if got:
                    break
            if not got:
                if n == 0:
                    return None
                break
            s, kind, (a, b) = got
            taken.update(range(a - 1, b + 1))
            classes.append(kind)
            spans.append((a, b))
        return s, classes, spans


def build(folder: Path, seed: int = 15, per_split: int = 700) -> dict[str, list[dict]]:
    """{"dev": rows, "test": rows}: documents alternate between dev and test
    (by sorted file name); up to ``per_split`` sentences each, every one as
    written and with slips."""
    inj = Injector(seed)
    rng = random.Random(seed)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    files = sorted(folder.glob("*.txt"))
    for split in ("dev", "test"):
        pool = []
        for k, path in enumerate(files):
            if (k % 2 == 0) == (split == "dev"):
                pool.extend((path.name, s) for s in sentences(path.read_text(encoding="utf-8")))
        pool = list(dict.fromkeys(pool))
        rng.shuffle(pool)
        for name, s in pool[:per_split]:
            got = inj.corrupt(s)
            if not got:
                continue
            src, classes, spans = got
            out[split].append({"src": s, "tgt": s, "doc": name, "classes": [], "spans": []})
            out[split].append({"src": src, "tgt": s, "doc": name, "classes": classes, "spans": spans})
    return out


def split_files(folder: Path) -> dict[str, list[Path]]:
    files = sorted(folder.glob("*.txt"))
    return {"dev": files[0::2], "test": files[1::2]}


def write(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
