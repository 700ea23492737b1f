"""Fast lookup of many literal phrases in text, shared by the lexicon-driven
rule families (TY fixed phrases and confusion pairs, EX formulations).

Phrases are indexed by their first character and length, so a scan costs a
few dictionary probes per character whatever the lexicon's size.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator


class PhraseIndex:
    def __init__(self, phrases: Iterable[str] = ()):
        self._words: set[str] = set()
        by_opening: dict[str, set[int]] = defaultdict(set)  # first two characters (or the one) → lengths
        for p in phrases:
            if p:
                self._words.add(p)
                by_opening[p[:2]].add(len(p))
        # longest first, so callers that want maximal matches see them first
        self._lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_opening.items()}
        self._singles = {p for p in self._words if len(p) == 1}
        # a character class of first characters lets the regex engine (C) skip
        # the positions where no phrase can start
        import re

        firsts = sorted({p[0] for p in self._words})
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._words

    def __len__(self) -> int:
        return len(self._words)

    def finditer(self, text: str, longest_only: bool = True) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) for every occurrence; with ``longest_only``,
        one match per start position and no match inside a previous one."""
        if self._starts is None:
            return
        lengths = self._lengths
        words = self._words
        singles = self._singles
        n = len(text)
        covered_to = 0
        for m in self._starts.finditer(text):
            i = m.start()
            candidates = lengths.get(text[i:i + 2], ())
            if singles and text[i] in singles:
                candidates = candidates + (1,)
            for L in candidates:
                if i + L <= n and text[i:i + L] in words:
                    if not longest_only or i + L > covered_to:
                        yield i, i + L, text[i:i + L]
                        covered_to = max(covered_to, i + L)
                    if longest_only:
                        break
