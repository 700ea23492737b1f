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

from functools import lru_cache

from linter.model import Diagnostic, Fix, Span
from rules import _typo_data as data

SKIP_CHARS = frozenset("的地得")  # TY010–TY012 handle 的/地/得
RATIO = 30  # the corrected word must be this much more frequent than what is written
# log10 gain of the language model needed to report a slip, by kind of slip:
# tuned on ECSpell train (law, medical) and the team's own sentences so that
# clean text stays under one finding per 20,000 characters.
MIN_GAIN = {"同音": 6.0, "近音": 7.0, "形近": 6.0}
ATTACHED_GAIN = 2.0  # ... plus this when the character already makes a (rarer) word with a neighbour
RARE_CHAR_FREQ = 500  # an input method offers common characters: rarer ones (traditional 麼, names) are left alone
COMMON_CHAR_FREQ = 50_000  # 并, 被, 与, 由…: so common alone that only the known-pair list judges them
PAIR_GAIN = 2.5  # ... for a known slip of a one-character word (市 for 是)
RARE = 10  # frequency assumed for a dictionary word too rare to be in common2.tsv


def _window(text: str, start: int, end: int, pad: int = 4) -> tuple[str, int]:
    s = max(0, start - pad)
    return text[s:min(len(text), end + pad)], s


def lm_gain(lm, text: str, i: int, replacement: str) -> float:
    window, s = _window(text, i, i + 1)
    fixed = window[:i - s] + replacement + window[i - s + 1:]
    return lm.score(fixed) - lm.score(window)


def _in_long_word(text: str, words) -> bytearray:
    n = len(text)
    cov = bytearray(n)
    for i in range(n - 2):
        if text[i:i + 3] in words:
            cov[i] = cov[i + 1] = cov[i + 2] = 1
    return cov


# Whether a character is a suspect depends only on it and its two neighbours,
# and official prose repeats itself: remember the verdict per trigram.
_MEMO: dict[str, tuple | None] = {}
_MEMO_SIZE = 400_000


@lru_cache(maxsize=1)
def _tables():
    return (data.fuzzy_keys(), data.common_pairs(), data.words(), *data.masked_pairs(), data.shape_neighbours())


def _judge(tri: str, has_left: bool, has_right: bool):
    """(candidates by frequency, attached) for the middle character of ``tri``,
    or None when no other character would make a much more common word."""
    keys, common, words, left, right, shapes = _tables()
    c = tri[1]
    k = keys.get(c)
    if k is None or c in SKIP_CHARS:
        return None
    fl = (common.get(tri[:2]) or (RARE if tri[:2] in words else 0)) if has_left else 0
    fr = (common.get(tri[1:]) or (RARE if tri[1:] in words else 0)) if has_right else 0
    floor = RATIO * max(fl, fr, 1)
    cands: dict[str, int] = {}
    for side in ((left.get((tri[0], k), ()) if has_left else ()), (right.get((k, tri[2]), ()) if has_right else ())):
        for r, f in side:  # most frequent first
            if f <= floor:
                break
            if r != c and f > cands.get(r, 0):
                cands[r] = f
    for r in shapes.get(c, ()):
        f = max(common.get(tri[0] + r, 0) if has_left else 0, common.get(r + tri[2], 0) if has_right else 0)
        if f > floor:
            cands[r] = max(f, cands.get(r, 0))
    if not cands:
        return None
    return tuple(sorted(cands, key=cands.get, reverse=True)), bool(fl or fr)


def suspects(text: str):
    """(position, candidate characters, attached) where a slip is plausible."""
    keys, _, words, *_ = _tables()
    long_word = _in_long_word(text, words)
    padded = "\0" + text + "\0"
    n = len(text)
    memo = _MEMO
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    get = memo.get
    for i, c in enumerate(text):
        if long_word[i] or c not in keys:
            continue
        tri = padded[i:i + 3]
        verdict = get(tri, False)
        if verdict is False:
            verdict = memo[tri] = _judge(tri, i > 0, i + 1 < n)
        if verdict is not None:
            yield i, verdict[0], verdict[1]


def context_homophones(doc, config):
    text = doc.text
    lm = data.language_model()
    if lm is None:
        return
    pairs = data.homophone_pairs()
    freq = data.char_table()[1]
    seen = set()
    for i, cands, attached in suspects(text):
        c = text[i]
        if not RARE_CHAR_FREQ <= freq.get(c, 0) < COMMON_CHAR_FREQ:
            continue
        extra = ATTACHED_GAIN if attached else 0.0
        best = None
        for r in cands[:6]:
            gain = lm_gain(lm, text, i, r)
            if gain >= MIN_GAIN[data.confusable(c, r) or "形近"] + extra and (best is None or gain > best[0]):
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
