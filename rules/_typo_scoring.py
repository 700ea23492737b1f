"""The language model as TY's judge: how much more probable does a
correction make the text around it?

The fcitx5 model is a word trigram model; a window of text is scored as its
most probable segmentation into the model's words (a dynamic programme over
unigram probabilities), then by the trigram model. A window stops at any
character that is not CJK (punctuation ends a clause for an input method
too), and is marked as a sentence start or end when it reaches one.
"""
from __future__ import annotations

from functools import lru_cache

MAX_TOKEN = 4  # longest word the segmenter tries (longer words are rare and costly to try)
PAD = 5  # characters of context on each side of a span


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
        self.score = lru_cache(maxsize=200_000)(self._score)
        self.segment = lru_cache(maxsize=200_000)(self._segment)

        self._unigrams: dict[str, float] = {}  # word → log10 unigram probability, filled as words are met

    def _unigram(self, w: str) -> float | None:
        if w in self.vocabulary:
            return self.model.score(w, bos=False, eos=False)
        return None

    def is_word(self, w: str) -> bool:
        return w in self.vocabulary

    def _segment(self, text: str) -> tuple[str, ...]:
        """The most probable split of ``text`` into the model's words (unigram
        probabilities; an unknown character costs what <unk> costs)."""
        n = len(text)
        best = [0.0] + [-1e9] * n
        back = [1] * (n + 1)
        known = self._unigrams
        vocabulary = self.vocabulary
        score = self.model.score
        unk = self.unk
        for i in range(1, n + 1):
            top, arg = -1e9, 1
            for L in range(1, min(MAX_TOKEN, i) + 1):
                w = text[i - L:i]
                u = known.get(w)
                if u is None:
                    if w in vocabulary:
                        u = known[w] = score(w, bos=False, eos=False)
                    elif L == 1:
                        u = unk
                    else:
                        continue
                v = best[i - L] + u
                if v > top:
                    top, arg = v, L
            best[i], back[i] = top, arg
        out = []
        i = n
        while i > 0:
            out.append(text[i - back[i]:i])
            i -= back[i]
        out.reverse()
        return tuple(out)

    def _score(self, text: str, bos: bool, eos: bool) -> float:
        return self.model.score(" ".join(self.segment(text)), bos=bos, eos=eos)

    def window(self, text: str, start: int, end: int, pad: int = PAD) -> tuple[int, int]:
        """The context window around text[start:end]: up to ``pad`` CJK
        characters on each side, within the run of CJK characters."""
        s = start
        while s > 0 and start - s < pad and is_cjk(text[s - 1]):
            s -= 1
        e = end
        while e < len(text) and e - end < pad and is_cjk(text[e]):
            e += 1
        return s, e

    def gains(self, text: str, start: int, end: int, options, pad: int = PAD) -> list[float]:
        """gain() of each replacement in ``options``, faster: the context on
        each side is segmented once, and each replacement is one token."""
        s, e = self.window(text, start, end, pad)
        bos = s == 0 or not is_cjk(text[s - 1])
        eos = e == len(text) or not is_cjk(text[e])
        before, after = text[s:start], text[end:e]
        base = self.score(before + text[start:end] + after, bos, eos)
        left = " ".join(self.segment(before))
        right = " ".join(self.segment(after))
        score = self.model.score
        out = []
        for r in options:
            middle = r if self.is_word(r) else " ".join(self.segment(r))
            out.append(score(f"{left} {middle} {right}", bos=bos, eos=eos) - base)
        return out

    def gain(self, text: str, start: int, end: int, replacement: str, pad: int = PAD) -> float:
        """log10 of how much more probable the window around text[start:end]
        is with ``replacement`` in its place."""
        s, e = self.window(text, start, end, pad)
        bos = s == 0 or not is_cjk(text[s - 1])
        eos = e == len(text) or not is_cjk(text[e])
        before = text[s:start]
        after = text[end:e]
        return self.score(before + replacement + after, bos, eos) - self.score(before + text[start:end] + after, bos, eos)
