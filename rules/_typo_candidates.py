"""Candidate corrections for TY's context layer: what could the writer have meant?

An input method turns the pinyin the writer typed into characters; a slip
puts other characters of the same (or fuzzy) pinyin in place of the meant
word, or a glance confuses a look-alike. So the corrections of a span of
text are:
- words of the language model's vocabulary whose reading matches a reading
  of the span (every reading of a polyphone; fuzzy pinyin: z/zh, c/ch,
  s/sh, n/l, an/ang, en/eng, in/ing) and that differ from it in one or two
  characters (毛衣港 → 贸易港 changes two);
- the span with one character replaced by a look-alike, when that makes a
  vocabulary word (体制 → 休制 is undone by 休 → 体);
- for a single character, the common one-character words of the same
  pinyin (市 → 是).
No frequency floor: a real word (机智) may still be a slip for another (机制);
the language model decides in context.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from gwlint.rules import _typo_data as data
from gwlint.rules import _typo_vocabulary as vocab

MAX_WORD = 4  # longest span replaced as a whole
MAX_CHANGED = 2  # characters a whole-word slip changes at most
MAX_COMBOS = 8  # reading combinations looked up per span (polyphones multiply them)


def fuzzy_readings(readings: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """char → its readings in fuzzy pinyin (z/zh, n/l, -n/-ng… made one)."""
    fuzzy = data.fuzzy
    return {c: tuple(dict.fromkeys(fuzzy(r) for r in rs)) for c, rs in readings.items()}


def words_by_key(words, readings: dict[str, tuple[str, ...]], exceptions: dict[str, tuple[str, ...]],
                 single: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Fuzzy reading key ("z i"…) → the vocabulary words read so: words of 2
    to MAX_WORD characters by their reading, one-character words by every
    reading they have."""
    fuzzy = data.fuzzy
    by_key: dict[str, list[str]] = {}
    for w in words:
        if not 2 <= len(w) <= MAX_WORD:
            continue
        read = exceptions.get(w)
        if read is None:
            try:
                read = [readings[c][0] for c in w]
            except KeyError:
                continue
        by_key.setdefault(" ".join(map(fuzzy, read)), []).append(w)
    fuzzy_of = fuzzy_readings(readings)
    for c in sorted(single):  # one-character words, every reading (sorted: no hash order)
        for r in fuzzy_of.get(c, ()):
            by_key.setdefault(r, []).append(c)
    return {k: tuple(v) for k, v in by_key.items()}


class PinyinIndex:
    """Vocabulary words by the fuzzy pinyin of their reading."""

    def __init__(self, readings: dict[str, tuple[str, ...]], by_key: dict[str, tuple[str, ...]]):
        self.readings = readings
        self.fuzzy_readings = fuzzy_readings(readings)
        self.by_key = by_key

    def keys(self, span: str) -> list[str]:
        """Fuzzy reading keys of ``span``, all readings of its polyphones (capped)."""
        options = [self.fuzzy_readings.get(c) for c in span]
        if not all(options):
            return []
        out = []
        for combo in product(*options):
            out.append(" ".join(combo))
            if len(out) >= MAX_COMBOS:
                break
        return out

    def sound_alikes(self, span: str) -> list[str]:
        """Vocabulary words that read like ``span`` and differ from it in 1..MAX_CHANGED characters."""
        out = []
        short = len(span) <= MAX_CHANGED  # every word of the key differs in at most MAX_CHANGED characters
        for key in self.keys(span):
            for w in self.by_key.get(key, ()):
                if w != span and (short or sum(a != b for a, b in zip(w, span)) <= MAX_CHANGED) and w not in out:
                    out.append(w)
        return out


@lru_cache(maxsize=1)
def pinyin_index() -> PinyinIndex | None:
    """The index over the model's vocabulary: built once, then kept in the
    disk cache (reading it back takes a tenth of the time building it does)."""
    from gwlint.table_cache import cached_data

    path = vocab.lm_path()
    if path is None:
        return None

    def build():
        return words_by_key(vocab.cjk_vocabulary(path), vocab.char_readings(), vocab.word_readings(),
                            common_single_characters())

    return PinyinIndex(vocab.char_readings(), cached_data("typo-pinyin-index", vocab.sources(__file__), build))


COMMON_SINGLE = 400  # one-character words a lone character may be a slip for: the most frequent ones


@lru_cache(maxsize=1)
def common_single_characters() -> frozenset[str]:
    """The most frequent characters (是, 在, 再, 做…): as one-character words they
    are what a lone wrong character most often stands for."""
    pinyin, freq, _ = data.char_table()
    ranked = sorted(freq, key=freq.get, reverse=True)
    return frozenset(c for c in ranked[:COMMON_SINGLE] if c not in "的地得")


def lookalike_words(span: str, is_word, looks: dict[str, str]) -> list[str]:
    """``span`` with one character replaced by a look-alike, where that is a
    word (``is_word``: a predicate, or a set of words)."""
    words = is_word if isinstance(is_word, (set, frozenset)) else None
    out = []
    for k, c in enumerate(span):
        head, tail = span[:k], span[k + 1:]
        for r in looks.get(c, ()):
            w = head + r + tail
            if (w in words if words is not None else is_word(w)) and len(w) >= 2 and w not in out:
                out.append(w)
    return out


def candidates(text: str, start: int, end: int, index: PinyinIndex, is_word, looks) -> list[str]:
    """Corrections of text[start:end] (sound-alike and look-alike words)."""
    span = text[start:end]
    out = index.sound_alikes(span)
    if end - start <= 2:  # a look-alike slip is one character of a word: look within two
        for w in lookalike_words(span, is_word, looks):
            if w not in out:
                out.append(w)
    return out


DOUBT_MARGIN = 0.5  # log10: a word is doubtful when a sound-alike or look-alike is this much more frequent
STRONG_DOUBT = 1.0  # ... and doubted at the default tier when this much


def doubtful_words(index: PinyinIndex, scorer, words, looks) -> list[tuple[str, float]]:
    """(word, margin) of the words of 2 to 4 characters with a sound-alike or
    look-alike word more frequent by DOUBT_MARGIN or more (log10; margin: by
    how much at most): a slip for that word would hide in them (机智 for 机制)."""
    out = []
    uni = scorer.unigram
    for w in words:
        if not 2 <= len(w) <= MAX_WORD:
            continue
        u = uni(w)
        if u is None:
            continue
        best = max((uni(v) or -99.0 for v in index.sound_alikes(w) + lookalike_words(w, scorer.is_word, looks)),
                   default=-99.0)
        if best - u >= DOUBT_MARGIN:
            out.append((w, best - u))
    return out
