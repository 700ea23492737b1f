"""TY003: a character that the input method swapped for a homophone (or a
glance for a look-alike), found from context.

Cheap prefilter, then the language model:
1. a character is a suspect when another character of the same (fuzzy)
   pinyin, or of similar shape, would make a common word with a neighbour
   — much more common than any word the character makes as written — and
   the character is not inside a three-character word;
2. the word trigram model then scores a small window with each candidate;
   only a large gain is reported.
Clean prose yields few suspects, so the model is queried rarely.
"""
from __future__ import annotations

from linter.model import Diagnostic, Fix, Span
from rules import _typo_data as data

SKIP_CHARS = frozenset("的地得")  # TY010–TY012 handle 的/地/得
RATIO = 30  # the corrected word must be this much more frequent than what is written
MIN_GAIN = 4.0  # log10 gain of the language model for a corrected word
PAIR_GAIN = 2.5  # ... for a known slip of a one-character word (市 for 是)
RARE = 10  # frequency assumed for a dictionary word too rare to be in common2.tsv


def _window(text: str, start: int, end: int, pad: int = 4) -> tuple[str, int]:
    s = max(0, start - pad)
    return text[s:min(len(text), end + pad)], s


def lm_gain(lm, text: str, i: int, replacement: str) -> float:
    window, s = _window(text, i, i + 1)
    fixed = window[:i - s] + replacement + window[i - s + 1:]
    return lm.score(fixed) - lm.score(window)


def _pair_freqs(text: str, common, words) -> list[int]:
    """Frequency of the word text[i:i+2] for every i (0 if not a word)."""
    out = []
    for i in range(len(text) - 1):
        p = text[i:i + 2]
        f = common.get(p)
        out.append(f if f is not None else (RARE if p in words else 0))
    out.append(0)
    return out


def _in_long_word(text: str, words) -> bytearray:
    n = len(text)
    cov = bytearray(n)
    for i in range(n - 2):
        if text[i:i + 3] in words:
            cov[i] = cov[i + 1] = cov[i + 2] = 1
    return cov


def suspects(text: str):
    """(position, candidate characters) where a slip is plausible."""
    keys = data.fuzzy_keys()
    common = data.common_pairs()
    words = data.words()
    left, right = data.masked_pairs()
    shapes = data.shape_neighbours()
    pf = _pair_freqs(text, common, words)
    long_word = _in_long_word(text, words)
    n = len(text)
    for i, c in enumerate(text):
        k = keys.get(c)
        if k is None or c in SKIP_CHARS or long_word[i]:
            continue
        fl = pf[i - 1] if i else 0
        fr = pf[i]
        floor = RATIO * max(fl, fr, 1)
        cands = {}
        if i:
            for r, f in left.get((text[i - 1], k), ()):
                if f > floor and r != c:
                    cands[r] = max(f, cands.get(r, 0))
        if i + 1 < n:
            for r, f in right.get((k, text[i + 1]), ()):
                if f > floor and r != c:
                    cands[r] = max(f, cands.get(r, 0))
        for r in shapes.get(c, ()):
            f = max(common.get(text[i - 1] + r, 0) if i else 0, common.get(r + text[i + 1:i + 2], 0))
            if f > floor:
                cands[r] = max(f, cands.get(r, 0))
        if cands:
            yield i, sorted(cands, key=cands.get, reverse=True)


def context_homophones(doc, config):
    text = doc.text
    lm = data.language_model()
    if lm is None:
        return
    pairs = data.homophone_pairs()
    seen = set()
    for i, cands in suspects(text):
        best = None
        for r in cands[:6]:
            gain = lm_gain(lm, text, i, r)
            if gain >= MIN_GAIN and (best is None or gain > best[0]):
                best = (gain, r)
        if best:
            seen.add(i)
            yield _finding(text, i, best[1])
    for i, c in enumerate(text):
        r = pairs.get(c)
        if r is None or i in seen:
            continue
        if _standalone(text, i, words=data.words()) and lm_gain(lm, text, i, r) >= PAIR_GAIN:
            yield _finding(text, i, r)


def _standalone(text: str, i: int, words) -> bool:
    """Whether text[i] stands outside every two- and three-character word."""
    return not ((i and text[i - 1:i + 1] in words) or text[i:i + 2] in words
                or (i >= 2 and text[i - 2:i + 1] in words) or (i and text[i - 1:i + 2] in words)
                or text[i:i + 3] in words)


def _finding(text: str, i: int, r: str) -> Diagnostic:
    c = text[i]
    reason = data.confusable(c, r) or "形近"
    kind = {"同音": "同音字", "近音": "近音字", "形近": "形近字"}[reason]
    return Diagnostic("TY003", f"“{c}”疑为“{r}”之误（{kind}）", Span(i, i + 1), Fix.replace(Span(i, i + 1), r, safe=False))
