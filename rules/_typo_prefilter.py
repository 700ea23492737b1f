"""Vectorised prefilter for TY001: which windows might be a fixed expression
with one character wrong (near_misses_many).

It takes all the lines a document is about to have checked and joins them
with newlines, because numpy's cost is per call.
"""
from __future__ import annotations

import numpy as np


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _ragged(counts: np.ndarray) -> np.ndarray:
    """0, 1, …, counts[0]-1, 0, 1, …, counts[1]-1, …: the place of each item
    within its group, when group k is repeated counts[k] times."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


def _line_starts(texts: list[str]) -> np.ndarray:
    """Where each line starts in the texts joined with newlines."""
    return np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])


def phrase_table(entries: tuple[str, ...]):
    """The fixed expressions as arrays: their characters (code points, padded),
    lengths, and the bigram that opens each of their two halves (sorted)."""
    lengths = np.fromiter(map(len, entries), dtype=np.int64, count=len(entries))
    chars = np.zeros((len(entries), int(lengths.max())), dtype=np.uint32)
    chars[np.repeat(np.arange(len(entries)), lengths), _ragged(lengths)] = _codepoints("".join(entries))
    halves = lengths // 2
    rows = np.arange(len(entries))
    anchor = np.concatenate((chars[:, 0].astype(np.int64) << 21 | chars[:, 1],
                             chars[rows, halves].astype(np.int64) << 21 | chars[rows, halves + 1]))
    entry = np.concatenate((rows, rows))
    offset = np.concatenate((np.zeros(len(entries), dtype=np.int64), halves))
    order = np.argsort(anchor, kind="stable")
    return chars, lengths, anchor[order], entry[order], offset[order]


def near_misses_many(texts: list[str], table) -> list[list[tuple[int, int]]]:
    """For each line, (start, entry number) of every window that an entry of
    ``table`` would cover with one half intact and the other half matching
    at one of its first two places (the caller then compares exactly).

    One wrong character leaves one half of an expression intact, so the
    bigram that opens that half finds the candidates."""
    chars, lengths, anchor, entry, offset = table
    joined = "\n".join(texts)
    n = len(joined)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    if n < 4:
        return out
    cps = _codepoints(joined)
    bigrams = cps[:-1].astype(np.int64) << 21 | cps[1:]
    lo = np.searchsorted(anchor, bigrams, "left")
    count = np.searchsorted(anchor, bigrams, "right") - lo
    if not count.any():
        return out
    at = np.repeat(np.arange(n - 1), count)
    rows = np.repeat(lo, count) + _ragged(count)
    ent, off = entry[rows], offset[rows]
    start = at - off
    length = lengths[ent]
    # the window must lie within one line
    starts = _line_starts(texts)
    ends = starts + np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    line = np.searchsorted(starts, at, "right") - 1
    fits = (start >= starts[line]) & (start + length <= ends[line])
    start, length, ent, off, line = start[fits], length[fits], ent[fits], off[fits], line[fits]
    # cheap reject: the other half must match at one of its first two places
    other = np.where(off == 0, start + length - 2, start)
    other_k = np.where(off == 0, length - 2, 0)
    keep = (cps[other] == chars[ent, other_k]) | (cps[other + 1] == chars[ent, other_k + 1])
    found = sorted(set(zip(line[keep].tolist(), (start - starts[line])[keep].tolist(), ent[keep].tolist())))
    for j, s, e in found:
        out[j].append((s, e))
    return out
