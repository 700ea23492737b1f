"""Where might a line hold a slip? A vectorised first pass for TY's context layer.

Scoring a candidate with the language model costs microseconds in Python;
asking at every character would cost more than the rest of the lint. So
numpy first marks, for many lines at once:
- orphans: CJK characters that no word covers (no vocabulary word of 2 to 4
  characters contains them). A slip usually breaks the word it falls in
  (法展, 全威), and what is left is characters that form no word;
- doubtful words: words of the vocabulary that have a sound-alike or
  look-alike word much more frequent than they are (机智 → 机制, 毛衣 → 贸易).
  A slip that makes another real word leaves no orphan; these are the
  places it can hide.
Everything else is left alone. The lists of words are hashed into sorted
integer arrays (four characters of 15 bits each and a length), built once
and kept in the disk cache of gwlint.table_cache.
"""
from __future__ import annotations


import numpy as np

BASE = 0x4E00  # CJK unified ideographs: U+4E00..U+9FFF, 15 bits above BASE - 1
SPAN = 0x9FFF - BASE + 2


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def word_codes(words) -> np.ndarray:
    """Sorted unique hash codes of the CJK words of 2 to 4 characters."""
    words = [w for w in words if 2 <= len(w) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in w)]
    if not words:
        return np.zeros(0, dtype=np.int64)
    out = []
    for L in (2, 3, 4):
        group = [w for w in words if len(w) == L]
        if not group:
            continue
        cps = _codepoints("".join(group)).reshape(-1, L) - BASE + 1
        code = np.full(len(group), L, dtype=np.int64)
        for k in range(L):
            code = code << 15 | cps[:, k]
        out.append(code)
    return np.unique(np.concatenate(out))


def merged(table: np.ndarray, more: np.ndarray) -> np.ndarray:
    """The sorted unique ``table`` with the codes of ``more`` (a few) added:
    inserted where they belong, without sorting the whole table again."""
    more = np.unique(more)
    if not len(table):
        return more
    at = np.searchsorted(table, more)
    new = more[table[np.minimum(at, len(table) - 1)] != more]
    return np.insert(table, np.searchsorted(table, new), new) if len(new) else table


def without(table: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """The sorted ``table`` less ``codes``."""
    return table[~_members(table, np.unique(codes))[0]] if len(codes) else table


def _window_codes(cps: np.ndarray, cjk: np.ndarray, L: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash codes of every window of L characters, and whether it is all CJK."""
    n = len(cps) - L + 1
    if n <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    code = np.full(n, L, dtype=np.int64)
    ok = np.ones(n, dtype=bool)
    for k in range(L):
        code = code << 15 | (cps[k:k + n] - BASE + 1)
        ok &= cjk[k:k + n]
    return code, ok


def _members(codes: np.ndarray, *tables: np.ndarray) -> list[np.ndarray]:
    """Whether each code is in each sorted table. The codes are looked up in
    sorted order (numpy's binary search then starts each one where the last
    ended, and the tables are read in order: twice as fast), sorted once."""
    order = np.argsort(codes)
    ordered = codes[order]
    out = []
    for table in tables:
        if not len(table) or not len(codes):
            out.append(np.zeros(len(codes), dtype=bool))
            continue
        found = np.empty(len(codes), dtype=bool)
        at = np.minimum(np.searchsorted(table, ordered), len(table) - 1)
        found[order] = table[at] == ordered
        out.append(found)
    return out


def _line_starts(texts: list[str]) -> np.ndarray:
    return np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])


def mark(texts: list[str], words: np.ndarray, doubtful: np.ndarray):
    """For each line: (orphan positions, doubtful words as (start, end))."""
    out: list[tuple[list[int], list[tuple[int, int]]]] = [([], []) for _ in texts]
    joined = "\n".join(texts)
    if not joined:
        return out
    cps = _codepoints(joined)
    cjk = (cps >= BASE) & (cps <= 0x9FFF)
    n = len(cps)
    covered = np.zeros(n + 1, dtype=np.int64)  # a difference array: +1 at a word's start, -1 after its end
    doubt_at = []
    word_at = {}
    for L in (2, 3, 4):
        code, ok = _window_codes(cps, cjk, L)
        if not len(code):
            continue
        in_words, in_doubtful = _members(code, words, doubtful)
        is_word = ok & in_words
        word_at[L] = is_word
        starts = np.flatnonzero(is_word)
        np.add.at(covered, starts, 1)
        np.add.at(covered, starts + L, -1)
        d = ok & in_doubtful
        doubt_at.append((L, d))
    spans = []
    for L, d in doubt_at:
        # a doubtful word inside a longer word (察院 in 检察院, 当事 in 当事人) is not a word of the text
        inside = np.zeros(len(d), dtype=bool)
        for M in (3, 4):
            if M <= L or M not in word_at:
                continue
            w = word_at[M]
            for shift in range(M - L + 1):  # the longer word starts ``shift`` characters before
                hi = min(len(d), len(w) + shift)
                if hi > shift:
                    inside[shift:hi] |= w[:hi - shift]
        at = np.flatnonzero(d & ~inside)
        if len(at):
            spans.append(np.stack((at, at + L), axis=1))
    doubt_at = spans
    orphan = np.flatnonzero(cjk & (np.cumsum(covered[:n]) == 0))
    starts = _line_starts(texts)
    line = np.searchsorted(starts, orphan, "right") - 1
    for j, pos in zip(line.tolist(), (orphan - starts[line]).tolist()):
        out[j][0].append(pos)
    if doubt_at:
        spans = np.concatenate(doubt_at)
        line = np.searchsorted(starts, spans[:, 0], "right") - 1
        for j, (a, b) in zip(line.tolist(), (spans - starts[line][:, None]).tolist()):
            out[j][1].append((a, b))
    return out
