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

import re
from functools import lru_cache

from gwlint.model import Diagnostic, Fix, Span
from gwlint.rules import _typo_data as data

SKIP_CHARS = frozenset("的地得")  # TY010–TY012 handle 的/地/得
RATIO = 30  # the corrected word must be this much more frequent than what is written
# log10 gain of the language model needed to report a slip, by kind of slip:
# tuned on ECSpell train (law, medical) and on held-out official sentences
# (tests/rules/typos/heldout.jsonl) so that clean official prose
# stays quiet while most input-method slips are caught.
MIN_GAIN = {"同音": 5.0, "近音": 7.0, "形近": 6.0}
ATTACHED_GAIN = 2.0  # ... plus this when the character already makes a (rarer) word with a neighbour
RARE_CHAR_FREQ = 500  # an input method offers common characters: rarer ones (traditional 麼, names) are left alone
COMMON_CHAR_FREQ = 50_000  # 并, 被, 与, 由…: so common alone that only the known-pair list judges them
PAIR_GAIN = 2.5  # ... for a known slip of a one-character word (市 for 是)
MAX_CANDIDATES = 3  # the model scores the three likeliest corrections (more changed nothing on ECSpell)


def _in_long_word(text: str, i: int, words) -> bool:
    """Whether text[i] stands inside a three-character dictionary word."""
    return (i >= 2 and text[i - 2:i + 1] in words) or (i >= 1 and text[i - 1:i + 2] in words) \
        or text[i:i + 3] in words


def _standalone(text: str, i: int, words) -> bool:
    """Whether text[i] stands outside every two- and three-character word."""
    return not ((i and text[i - 1:i + 1] in words) or text[i:i + 2] in words or _in_long_word(text, i, words))


@lru_cache(maxsize=1)
def _tables():
    """The typo data TY003 reads, and the numpy prefilter (imported only when
    TY003 first runs: a run without it does not load numpy)."""
    from gwlint.rules import _typo_prefilter as prefilter

    return data.fuzzy_keys(), data.common_pairs(), data.words(), data.shape_neighbours(), prefilter


@lru_cache(maxsize=1)
def _eligible_chars() -> frozenset[str]:
    """Characters an input method offers and a reader can doubt: not too rare
    (traditional 麼, names), not so common alone that only the known-pair list
    can judge them (并, 被, 与), and not 的/地/得 (TY010–TY015)."""
    freq = data.char_table()[1]
    return frozenset(c for c, f in freq.items() if RARE_CHAR_FREQ <= f < COMMON_CHAR_FREQ and c not in SKIP_CHARS)


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern:
    """The one-character words of the known-pair list (市 for 是)."""
    return re.compile("[" + re.escape("".join(data.homophone_pairs())) + "]")


_NOTHING = (0, (), ())


@lru_cache(maxsize=400_000)
def _pair(p: str) -> tuple:
    """(frequency of ``p`` as a word, sound-alike words that replace its second
    character, ... its first character), keeping only words RATIO times more
    frequent than ``p``: those are the only ones a slip could be corrected to.
    It depends on the pair alone, and official prose repeats itself."""
    keys, common, words, _, prefilter = _tables()
    f = common.get(p) or (data.RARE_WORD_FREQ if p in words else 0)
    floor = RATIO * (f or 1)
    a, b = p
    by_second = prefilter.words_after(a).get(keys.get(b))
    by_first = prefilter.words_before(b).get(keys.get(a))
    # lists run most frequent first: look at the head before filtering
    return (f, [x for x in by_second if x[1] > floor] if by_second and by_second[0][1] > floor else (),
            [x for x in by_first if x[1] > floor] if by_first and by_first[0][1] > floor else ())


def suspects(text: str, hot: list[int]):
    """(position, candidate characters, attached) where a slip is plausible,
    among the ``hot`` positions the prefilter found:
    another character of the same (fuzzy) pinyin, or of similar shape, would
    make a word with a neighbour RATIO times more frequent than any word the
    character makes as written, and the character is not inside a
    three-character word."""
    _, common, words, shapes, _ = _tables()
    n = len(text)
    eligible = _eligible_chars()

    def info(i: int) -> tuple:  # the pair text[i-1:i+1]
        return _pair(text[i - 1:i + 1]) if 0 < i < n else _NOTHING

    for i in hot:
        c = text[i]
        if c not in eligible or _in_long_word(text, i, words):
            continue
        on_left, on_right = info(i), info(i + 1)  # the pairs text[i-1:i+1] and text[i:i+2]
        fl, fr = on_left[0], on_right[0]
        floor = RATIO * max(fl, fr, 1)
        cands: dict[str, int] = {}
        for side in (on_left[1], on_right[2]):
            for r, f in side:  # most frequent first
                if f <= floor:
                    break
                if r != c and f > cands.get(r, 0):
                    cands[r] = f
        for r in shapes.get(c, ()):
            f = max(common.get(text[i - 1] + r, 0) if i else 0, common.get(r + text[i + 1], 0) if i + 1 < n else 0)
            if f > floor:
                cands[r] = max(f, cands.get(r, 0))
        if cands:
            yield i, tuple(sorted(cands, key=cands.get, reverse=True)), bool(fl or fr)


def context_homophones(lines: list[str]) -> list[list[Diagnostic]]:
    """TY003 on each of ``lines``: the prefilter runs once over all of them
    (one vectorised pass), the language model then only at the suspects."""
    hot = _tables()[4].hot_positions_many(lines, RATIO)
    return [list(_homophones_in(text, positions)) for text, positions in zip(lines, hot)]


def _homophones_in(text: str, hot: list[int]):
    lm = data.language_model()
    pairs = data.homophone_pairs()
    seen = set()
    for i, cands, attached in suspects(text, hot):
        c = text[i]
        extra = ATTACHED_GAIN if attached else 0.0
        best = None
        for r in cands[:MAX_CANDIDATES]:
            gain = lm.gain(text, i, i + 1, r)
            if gain >= MIN_GAIN[data.confusable(c, r) or "形近"] + extra and (best is None or gain > best[0]):
                best = (gain, r)
        if best:
            seen.add(i)
            yield _finding(text, i, best[1])
    for m in _pair_pattern().finditer(text):
        i = m.start()
        r, meant = pairs[text[i]]
        if i in seen:
            continue
        if meant is not None and meant.match(text, i + 1):
            continue  # 市大数据局, 市委: an institution of the city
        if _standalone(text, i, words=data.words()) and lm.gain(text, i, i + 1, r) >= PAIR_GAIN:
            yield _finding(text, i, r)


def _finding(text: str, i: int, r: str) -> Diagnostic:
    c = text[i]
    reason = data.confusable(c, r) or "形近"
    kind = {"同音": "同音字", "近音": "近音字", "形近": "形近字"}[reason]
    return Diagnostic("TY003", f"“{c}”疑为“{r}”之误（{kind}）", Span(i, i + 1), Fix.replace(Span(i, i + 1), r, safe=False))
