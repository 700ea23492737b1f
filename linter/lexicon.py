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
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._words: set[str] = set()
        by_first: dict[str, set[int]] = defaultdict(set)
        for p in phrases:
            if p:
                self._words.add(p)
                by_first[p[0]].add(len(p))
        # longest first, so callers that want maximal matches see them first
        self._lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}
        # a character class of first characters lets the regex engine (C) skip
        # the positions where no phrase can start
        import re

        self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(by_first)) + "]") if by_first else None

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._words

    def __len__(self) -> int:
        return len(self._words)

    def finditer(self, text: str, longest_only: bool = True) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) for every occurrence; with ``longest_only``,
        one match per start position and no match inside a previous one."""
        lengths = self._lengths
        words = self._words
        n = len(text)
        covered_to = 0
        if self._starts is None:
            return
        for m in self._starts.finditer(text):
            i = m.start()
            for L in lengths[text[i]]:
                if i + L <= n and text[i:i + L] in words:
                    if not longest_only or i + L > covered_to:
                        yield i, i + L, text[i:i + L]
                        covered_to = max(covered_to, i + L)
                    if longest_only:
                        break
