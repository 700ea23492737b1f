"""Vectorised prefilters for TY: which places of a document deserve a look.

TY003 (hot_positions_many): which characters might be slips.

A character is a suspect only if a sound-alike character would make a word
with a neighbour RATIO times more frequent than any word the character makes
as written (see _typo_context.suspects). Asking that in Python at every
character costs more than the rest of the lint; here numpy asks it for the
whole line at once, with binary searches in sorted tables, and lets through a
superset of the suspects (a few per cent of the characters). The exact test
then runs on those alone.

TY001 (near_misses_many): which windows might be a fixed expression with one
character wrong.

Both take all the lines a document is about to have checked and join them
with newlines, because numpy's cost is per call.

Tables, built from the typo data with numpy (no per-word Python loop) and
kept in the disk cache of linter/table_cache.py, so later runs only map them:
- a small integer for every character the data knows, and for every fuzzy
  pinyin key;
- the frequency of every two-character word, by pair code;
- the frequency of the best sound-alike word, by (left character, key of the
  right one) and by (key of the left character, right character), as dense
  arrays.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from gwlint.rules import _typo_data as data

WIDE = 1 << 15  # character indices stay below this (pair code = left * WIDE + right)


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _ragged(counts: np.ndarray) -> np.ndarray:
    """0, 1, …, counts[0]-1, 0, 1, …, counts[1]-1, …: the place of each item
    within its group, when group k is repeated counts[k] times."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


def _line_starts(texts: list[str]) -> np.ndarray:
    """Where each line starts in the texts joined with newlines."""
    return np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])


def _max_into(table: np.ndarray, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
    """table[r, c] = max(table[r, c], the values at (r, c)): np.maximum.at,
    done by sorting (np.maximum.at is ten times slower, and this runs at start-up)."""
    assert values.min(initial=0) >= 0 and values.max(initial=0) < 1 << 32
    keyed = np.sort((rows * table.shape[1] + cols).astype(np.int64) << 32 | values)  # by cell, the largest value last
    cells, values = keyed >> 32, keyed & 0xFFFFFFFF
    last = np.append(cells[1:] != cells[:-1], True)
    flat = table.reshape(-1)
    flat[cells[last]] = np.maximum(flat[cells[last]], values[last])


def _build_index():
    """Small integers for characters and fuzzy pinyin keys, and the common
    two-character words as arrays (first character, second, frequency)."""
    keys = data.fuzzy_keys()
    common = data.common_pairs()
    two = data.two_character_words()
    common_text = "".join(common)
    chars = [""] + sorted(set(keys) | set(common_text) | set(two))
    char_index = {c: i for i, c in enumerate(chars)}
    key_names = [""] + sorted(set(keys.values()))
    key_index = {k: i for i, k in enumerate(key_names)}
    assert len(chars) < WIDE
    # code point → character index (0: unknown); U+FFFF and beyond are unknown
    by_codepoint = np.zeros(0x10000, dtype=np.int64)
    key_of_index = np.zeros(len(chars), dtype=np.int64)
    for c, i in char_index.items():
        if c and ord(c) < 0xFFFF:
            by_codepoint[ord(c)] = i
        if c in keys:
            key_of_index[i] = key_index[keys[c]]
    pairs = by_codepoint[np.minimum(_codepoints(common_text), 0xFFFF)]
    first, second = pairs[0::2], pairs[1::2]
    freq = np.fromiter(common.values(), dtype=np.int64, count=len(common))
    return chars, by_codepoint, key_of_index, first, second, freq, two


def _build_arrays() -> dict[str, np.ndarray]:
    """Every table, as named arrays (what the disk cache stores)."""
    chars, by_codepoint, key_of_index, first, second, freq, two = _build_index()
    n_chars, n_keys = len(chars), int(key_of_index.max()) + 1

    # the frequency of every two-character word: common2.tsv's, else RARE_WORD_FREQ
    rare = by_codepoint[np.minimum(_codepoints(two), 0xFFFF)]
    codes = np.concatenate((first * WIDE + second, rare[0::2] * WIDE + rare[1::2]))
    freqs = np.concatenate((freq, np.full(len(rare) // 2, data.RARE_WORD_FREQ, dtype=np.int64)))
    codes, at = np.unique(codes, return_index=True)  # sorted; the common2 frequency wins

    # the best sound-alike word by (character, key) and (key, character): dense
    # tables (7,500 characters × 300 keys), indexed directly
    best_left = np.zeros((n_chars, n_keys), dtype=np.int32)
    _max_into(best_left, first, key_of_index[second], freq)
    best_right = np.zeros((n_keys, n_chars), dtype=np.int32)
    _max_into(best_right, key_of_index[first], second, freq)
    best_left[:, 0] = 0  # characters without pinyin have no sound-alikes
    best_right[0, :] = 0

    # the same for look-alikes (己/已, 帜/织…), by look-alike group member
    shapes = data.shape_neighbours()
    char_index = {c: i for i, c in enumerate(chars)}
    members = [c for c in sorted(shapes) if c in char_index]
    shape_of_index = np.zeros(n_chars, dtype=np.int64)
    shape_left = np.zeros((n_chars, len(members) + 1), dtype=np.int32)
    shape_right = np.zeros((len(members) + 1, n_chars), dtype=np.int32)
    # c may be a slip for its look-alike r: the words a+r and r+b count for c.
    # For every character r, the groups j of the characters it may stand for:
    stands_for: dict[int, list[int]] = {}
    for j, c in enumerate(members, start=1):
        shape_of_index[char_index[c]] = j
        for r in shapes[c]:
            if r in char_index:
                stands_for.setdefault(char_index[r], []).append(j)
    count = np.zeros(n_chars, dtype=np.int64)
    count[list(stands_for)] = [len(js) for js in stands_for.values()]
    start = np.zeros(n_chars + 1, dtype=np.int64)
    start[1:] = np.cumsum(count)
    flat = np.zeros(int(start[-1]), dtype=np.int64)
    for r, js in stands_for.items():
        flat[start[r]:start[r] + len(js)] = js

    def expand(r_side):
        """Each word once per group its r-side character may stand for."""
        n = count[r_side]
        return np.repeat(np.arange(len(r_side)), n), flat[np.repeat(start[r_side], n) + _ragged(n)]

    words, groups = expand(second)
    _max_into(shape_left, first[words], groups, freq[words])
    words, groups = expand(first)
    _max_into(shape_right, groups, second[words], freq[words])

    out = dict(chars=_codepoints("".join(chars)), by_codepoint=by_codepoint, key_of_index=key_of_index,
               pair_codes=codes, pair_freqs=freqs[at], best_left=best_left, best_right=best_right,
               shape_of_index=shape_of_index, shape_left=shape_left, shape_right=shape_right)
    # the common words ordered by one character, most frequent first within
    # its run, and where each character's run starts (for words_after/before)
    everyone = np.arange(n_chars + 1)
    for side, fixed, other in (("after", first, second), ("before", second, first)):
        order = np.lexsort((-freq, fixed))
        out[f"{side}_starts"] = np.searchsorted(fixed[order], everyone)
        out[f"{side}_other"] = other[order]
        out[f"{side}_freq"] = freq[order]
    return out


def _sources() -> list[Path]:
    """What the tables are built from: the typo data and this code."""
    return sorted(data.DATA.iterdir()) + [Path(data.__file__), Path(__file__)]


@lru_cache(maxsize=1)
def _arrays() -> dict[str, np.ndarray]:
    """The tables, from the disk cache when the data has not changed."""
    from gwlint.table_cache import cached_arrays

    return cached_arrays("typo-prefilter", _sources(), _build_arrays)


@lru_cache(maxsize=1)
def _chars() -> list[str]:
    """Character index → character ("" for 0: unknown)."""
    return [""] + list(map(chr, _arrays()["chars"].tolist()))


def _tables():
    a = _arrays()
    return (a["by_codepoint"], a["key_of_index"], (a["pair_codes"], a["pair_freqs"]), a["best_left"],
            a["best_right"], a["shape_of_index"], a["shape_left"], a["shape_right"])


@lru_cache(maxsize=None)
def words_after(a: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """Common words a+r, grouped by the fuzzy pinyin key of r, most frequent
    first: which word would text[i-1:i+1] be, had the input method picked
    another character of the same sound?"""
    return _group(a, "after")


@lru_cache(maxsize=None)
def words_before(b: str) -> dict[str, tuple[tuple[str, int], ...]]:
    """Common words r+b, grouped by the fuzzy pinyin key of r, most frequent first."""
    return _group(b, "before")


def _group(c: str, side: str) -> dict:
    arrays, chars = _arrays(), _chars()
    keys = data.fuzzy_keys()
    i = int(arrays["by_codepoint"][ord(c)]) if ord(c) < 0xFFFF else 0
    if not i:
        return {}
    run = slice(*arrays[f"{side}_starts"][i:i + 2].tolist())
    out: dict[str, list] = {}
    for other, f in zip(arrays[f"{side}_other"][run].tolist(), arrays[f"{side}_freq"][run].tolist()):
        r = chars[other]
        k = keys.get(r)
        if k:
            out.setdefault(k, []).append((r, f))
    return {k: tuple(v) for k, v in out.items()}


def _lookup(table, codes):
    """Values for ``codes`` in a sorted (keys, values) table; 0 where absent."""
    keys, values = table
    at = np.searchsorted(keys, codes)
    at = np.minimum(at, len(keys) - 1)
    return np.where(keys[at] == codes, values[at], 0)


def hot_positions_many(texts: list[str], ratio: int) -> list[list[int]]:
    """hot_positions for many lines in one vectorised pass (numpy's cost is
    per call, so a document's lines go together): the lines are joined with
    newlines, which no word contains, so no pair crosses from one to the next."""
    joined = "\n".join(texts)
    n = len(joined)
    if n < 2:
        return [[] for _ in texts]
    by_codepoint, key_of_index, pair_freq, best_left, best_right, shape_of_index, shape_left, shape_right = _tables()
    cps = _codepoints(joined)
    idx = by_codepoint[np.minimum(cps, 0xFFFF)]
    key = key_of_index[idx]
    shape = shape_of_index[idx]
    on_left = np.zeros(n, dtype=np.int64)
    on_left[1:] = np.maximum(best_left[idx[:-1], key[1:]],  # a sound-alike of text[i] after text[i-1]
                             shape_left[idx[:-1], shape[1:]])  # ... or a look-alike
    on_right = np.zeros(n, dtype=np.int64)
    on_right[:-1] = np.maximum(best_right[key[:-1], idx[1:]], shape_right[shape[:-1], idx[1:]])  # ... before text[i+1]
    best = np.maximum(on_left, on_right)
    pair = _lookup(pair_freq, idx[:-1] * WIDE + idx[1:])  # pair[i]: the word text[i:i+2], if it is one
    floor = np.full(n, 1, dtype=np.int64)
    np.maximum(floor[1:], pair, out=floor[1:])  # the pair ending at i
    np.maximum(floor[:-1], pair, out=floor[:-1])  # the pair starting at i
    hot = np.flatnonzero((best > ratio * floor) & (key > 0))
    starts = _line_starts(texts)
    line_of = np.searchsorted(starts, hot, "right") - 1
    out: list[list[int]] = [[] for _ in texts]
    for j, pos in zip(line_of.tolist(), (hot - starts[line_of]).tolist()):
        out[j].append(pos)
    return out


# --- TY001: near misses of fixed expressions -------------------------------


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
