"""The language model as TY's judge: how much more probable does a
correction make the text around it?

The fcitx5 model is a word trigram model; a line is split once into its
most probable sequence of the model's words (a dynamic programme over
unigram probabilities, clause by clause), and a correction is scored by the
trigram model over the words it touches and two words on each side (Line).
"""
from __future__ import annotations

import re
from functools import lru_cache

MAX_TOKEN = 4  # longest word the segmenter tries (longer words are rare and costly to try)


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class _Contains:
    def __init__(self, model):
        self.model = model

    def __contains__(self, w: str) -> bool:
        return w in self.model


class Scorer:
    def __init__(self, model, vocabulary: frozenset[str] | None = None):
        self.model = model
        self.vocabulary = vocabulary if vocabulary is not None else _Contains(model)  # a set: faster than the model
        self.unk = model.score("<unk>", bos=False, eos=False)
        self.unigram = lru_cache(maxsize=200_000)(self._unigram)
        self.segment = lru_cache(maxsize=200_000)(self._segment)
        self._line = lru_cache(maxsize=2_000)(lambda text: Line(self, text))

        self._unigrams: dict[str, float] = {}  # word → log10 unigram probability, filled as words are met

    def _unigram(self, w: str) -> float | None:
        if w in self.vocabulary:
            return self.model.score(w, bos=False, eos=False)
        return None

    def is_word(self, w: str) -> bool:
        return w in self.vocabulary

    def _segment(self, text: str) -> tuple[str, ...]:
        """The most probable split of ``text`` into the model's words (unigram
        probabilities; an unknown character costs what <unk> costs). Words of
        up to MAX_TOKEN (4) characters; the loop over their lengths is
        written out (this is TY's innermost loop)."""
        n = len(text)
        best = [0.0] * (n + 1)
        back = [1] * (n + 1)
        known = self._unigrams
        get = known.get
        vocabulary = self.vocabulary
        score = self.model.score
        unk = self.unk
        for i in range(1, n + 1):
            w = text[i - 1]
            u = get(w)
            if u is None:
                if w in vocabulary:
                    u = known[w] = score(w, bos=False, eos=False)
                else:
                    u = unk
            top = best[i - 1] + u
            arg = 1
            if i >= 2:
                w = text[i - 2:i]
                u = get(w)
                if u is None and w in vocabulary:
                    u = known[w] = score(w, bos=False, eos=False)
                if u is not None and best[i - 2] + u > top:
                    top, arg = best[i - 2] + u, 2
                if i >= 3:
                    w = text[i - 3:i]
                    u = get(w)
                    if u is None and w in vocabulary:
                        u = known[w] = score(w, bos=False, eos=False)
                    if u is not None and best[i - 3] + u > top:
                        top, arg = best[i - 3] + u, 3
                    if i >= 4:
                        w = text[i - 4:i]
                        u = get(w)
                        if u is None and w in vocabulary:
                            u = known[w] = score(w, bos=False, eos=False)
                        if u is not None and best[i - 4] + u > top:
                            top, arg = best[i - 4] + u, 4
            best[i], back[i] = top, arg
        out = []
        i = n
        while i > 0:
            out.append(text[i - back[i]:i])
            i -= back[i]
        out.reverse()
        return tuple(out)

    def line(self, text: str) -> "Line":
        """``text`` split once into the model's words (remembered: a line's
        spans are all scored against the same split)."""
        return self._line(text)

    def gains(self, text: str, start: int, end: int, options) -> list[float]:
        """log10 of how much more probable each replacement in ``options``
        makes the text around text[start:end] (see Line.gains)."""
        return self.line(text).gains(start, end, options)


CONTEXT = 2  # words of context on each side: a trigram model looks two words back
_CLAUSE = re.compile("[\u4e00-\u9fff]+")


class Line:
    """A line split once into the model's words, clause by clause (a run of
    CJK characters; punctuation ends a clause for an input method too).

    A span is scored in the region of the split that holds it: the words it
    touches (widened to whole words), with CONTEXT words on each side and the
    clause's start and end when they are that near. The original is the
    split as it stands; a correction keeps the parts of the widened words
    outside the span and puts the replacement between them. With two words
    each side the trigram model sees every probability the change alters,
    so one split of a clause serves every span and every candidate in it.
    Clauses are split when a span in them is first scored.
    """

    def __init__(self, scorer: Scorer, text: str):
        self.scorer, self.text = scorer, text
        self.clause_at = [None] * len(text)  # the clause (start, words' bounds) holding each CJK character
        for m in _CLAUSE.finditer(text):
            self.clause_at[m.start():m.end()] = [m.span()] * (m.end() - m.start())
        self._split: dict[int, tuple[list[int], list[int]]] = {}  # clause start → (word bounds, word at each offset)
        self._regions: dict[tuple[int, int], tuple] = {}

    def _clause(self, i: int) -> tuple[int, tuple[str, ...], list[int], list[int]]:
        """(clause start, its words, their bounds as offsets 0, b1, …, n, the word at each offset)."""
        c0, c1 = self.clause_at[i]
        got = self._split.get(c0)
        if got is None:
            words = self.scorer.segment(self.text[c0:c1])
            bounds, at = [0], []
            for k, w in enumerate(words):
                at += [k] * len(w)
                bounds.append(bounds[-1] + len(w))
            got = self._split[c0] = (c0, words, bounds, at)
        return got

    def region(self, start: int, end: int):
        """(A, B, left words, original words, right words, bos, eos, base
        score, where the context starts, where it ends) for the span
        text[start:end]: CJK characters of one clause, widened to whole words
        A..B."""
        key = (start, end)
        got = self._regions.get(key)
        if got is None:
            c0, words, bounds, at = self._clause(start)
            k0, k1 = at[start - c0], at[end - 1 - c0]
            lo, hi = max(0, k0 - CONTEXT), min(len(words) - 1, k1 + CONTEXT)
            left, right = " ".join(words[lo:k0]), " ".join(words[k1 + 1:hi + 1])
            bos, eos = lo == 0, hi == len(words) - 1
            base = self.scorer.model.score(f"{left} {' '.join(words[k0:k1 + 1])} {right}", bos=bos, eos=eos)
            got = self._regions[key] = (c0 + bounds[k0], c0 + bounds[k1 + 1], left, right, bos, eos, base,
                                        c0 + bounds[lo], c0 + bounds[hi + 1])
        return got

    def _frame(self, start: int, end: int):
        """(what comes before the replacement, what comes after, bos, eos, base)."""
        A, B, left, right, bos, eos, base, _, _ = self.region(start, end)
        if A == start and B == end:
            return left, right, bos, eos, base
        seg = self.scorer.segment
        pre = f"{left} {' '.join(seg(self.text[A:start]))}" if A < start else left
        post = f"{' '.join(seg(self.text[end:B]))} {right}" if end < B else right
        return pre, post, bos, eos, base

    def gains(self, start: int, end: int, options) -> list[float]:
        """The log10 gain of each replacement of text[start:end] in ``options``."""
        pre, post, bos, eos, base = self._frame(start, end)
        score, is_word, seg = self.scorer.model.score, self.scorer.is_word, self.scorer.segment
        return [score(f"{pre} {r if is_word(r) else ' '.join(seg(r))} {post}", bos=bos, eos=eos) - base
                for r in options]

    def fluency(self, start: int, end: int, replacement: str) -> tuple[float, float, bool]:
        """(log10 probability per character of the region around the span as
        written, and with ``replacement``; whether a changed character lies in
        a word of the split that reaches outside the span)."""
        _, _, _, _, _, _, base, a0, b0 = self.region(start, end)
        after = base + self.gains(start, end, (replacement,))[0]
        n = max(1, b0 - a0)
        c0, _, bounds, at = self._clause(start)
        breaks = False
        for i in range(start, end):
            if self.text[i] != replacement[i - start]:
                k = at[i - c0]
                a, b = c0 + bounds[k], c0 + bounds[k + 1]
                breaks |= b - a >= 2 and (a < start or b > end)
        return base / n, after / n, breaks
