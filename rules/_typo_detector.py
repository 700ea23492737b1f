"""TY's context layer: slips of the input method, found in context.

For a batch of lines:
1. numpy marks the places worth a look (_typo_suspects): characters no word
   covers, and words with a much more frequent sound-alike or look-alike;
2. there, the candidate corrections (_typo_candidates) of every span of 1 to
   4 characters over the place are scored by the language model
   (_typo_scoring): the log10 gain of the window around the span;
3. the evidence that the text is written as meant (_typo_evidence: the
   vocabulary of official writing, names, affixes, repetition in the
   document) raises the gain a correction needs; the tier sets the bar.
Pure functions of explicit arguments; the resources are loaded once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from gwlint.rules import _typo_candidates as cand
from gwlint.rules import _typo_evidence as evidence
from gwlint.rules import _typo_suspects as suspects
from gwlint.rules import _typo_vocabulary as vocab
from gwlint.rules._typo_scoring import Scorer, is_cjk

DOUBT_MARGIN = 1.5  # log10: a word is doubtful when a sound-alike is this much more frequent


@dataclass(frozen=True)
class Suspect:
    """A suspected slip: text[start:end] may be ``replacement``."""
    start: int
    end: int
    replacement: str
    gain: float  # log10 gain of the language model
    kind: str  # 同音, 近音, 形近
    need: float = 0.0  # the gain the evidence asked for


@dataclass
class Resources:
    scorer: Scorer
    index: cand.PinyinIndex
    looks: dict
    words: object  # numpy codes of the covering words
    doubtful: object  # numpy codes of the doubtful words
    official: frozenset
    pinyin: dict  # char → fuzzy readings
    char_freq: dict  # char → frequency


def _doubtful_words(index: cand.PinyinIndex, scorer: Scorer, words, looks) -> list[str]:
    out = []
    uni = scorer.unigram
    for w in words:
        if not 2 <= len(w) <= 4:
            continue
        u = uni(w)
        if u is None:
            continue
        for v in index.sound_alikes(w) + cand.lookalike_words(w, scorer.is_word, looks):
            uv = uni(v)
            if uv is not None and uv - u >= DOUBT_MARGIN:
                out.append(w)
                break
    return out


def _sources() -> list:
    from pathlib import Path

    return sorted(vocab.DATA.iterdir()) + [Path(vocab.lm_path()), Path(__file__), Path(cand.__file__),
                                           Path(suspects.__file__)]


@lru_cache(maxsize=1)
def _base():
    """(scorer, index, CJK words of the model, doubtful words' codes): what
    does not depend on the official vocabulary. The doubtful words take a few
    seconds to find: they are kept in the disk cache."""
    from gwlint.rules import _typo_data as data
    from gwlint.table_cache import cached_arrays

    lm = data.language_model()
    index = cand.pinyin_index()
    if lm is None or index is None:
        return None
    all_words = vocab.lm_vocabulary(vocab.lm_path())
    scorer = Scorer(lm.model, frozenset(all_words))
    words = [w for w in all_words if vocab.is_cjk_word(w)]
    arrays = cached_arrays("typo-doubtful", _sources(), lambda: {
        "doubtful": suspects.word_codes(_doubtful_words(index, scorer, words, vocab.lookalikes())),
        "words": suspects.word_codes(words)})
    return scorer, index, arrays


def build_resources(official: frozenset[str]) -> Resources | None:
    """The detector's resources, with ``official`` as the vocabulary of official writing."""
    import numpy as np

    from gwlint.rules import _typo_data as data

    base = _base()
    if base is None:
        return None
    scorer, index, arrays = base
    extra = suspects.word_codes(official)
    doubtful = arrays["doubtful"]
    doubtful = doubtful[~np.isin(doubtful, extra)]
    return Resources(scorer, index, vocab.lookalikes(), np.union1d(arrays["words"], extra), doubtful, official,
                     index.fuzzy_readings, data.char_table()[1])


@lru_cache(maxsize=1)
def resources() -> Resources | None:
    return build_resources(vocab.official_vocabulary())


def kind_of(wrong: str, right: str, res: Resources) -> str:
    """同音, 近音 or 形近 for the changed characters (the weakest link)."""
    kinds = []
    for a, b in zip(wrong, right):
        if a == b:
            continue
        ra, rb = res.index.readings.get(a, ()), res.index.readings.get(b, ())
        if set(ra) & set(rb):
            kinds.append("同音")
        elif set(res.pinyin.get(a, ())) & set(res.pinyin.get(b, ())):
            kinds.append("近音")
        else:
            kinds.append("形近")
    order = ("同音", "近音", "形近")
    return max(kinds, key=order.index) if kinds else "同音"


STANDALONE = -3.7  # log10 unigram: a lone character more frequent than this is a word of its own (的, 和, 在)


def spans_around(text: str, orphans: list[int], doubtful: list[tuple[int, int]], scorer: Scorer):
    """Spans of 1 to 4 CJK characters worth correcting: every span over an
    orphan (only the character itself when it is a frequent word alone), and
    each doubtful word."""
    seen = set()
    n = len(text)
    for p in orphans:
        u = scorer.unigram(text[p])
        for L in range(1, 2 if u is not None and u > STANDALONE else cand.MAX_WORD + 1):
            for s in range(max(0, p - L + 1), min(p, n - L) + 1):
                e = s + L
                if (s, e) not in seen and all(is_cjk(c) for c in text[s:e]):
                    seen.add((s, e))
                    yield s, e
    for s, e in doubtful:
        if (s, e) not in seen:
            seen.add((s, e))
            yield s, e


def raw_suspects(text: str, orphans: list[int], doubtful: list[tuple[int, int]], res: Resources,
                 min_gain: float = 2.0) -> list[Suspect]:
    """Every correction that raises the window's probability by ``min_gain``
    or more, best first, one per position (overlaps removed)."""
    found = []
    scorer = res.scorer
    for s, e in spans_around(text, orphans, doubtful, scorer):
        span = text[s:e]
        if e - s == 1:
            options = [c for c in res.index.sound_alikes(span) if len(c) == 1]
            options += [c for c in res.looks.get(span, ()) if c in cand.common_single_characters()]
        else:
            options = cand.candidates(text, s, e, res.index, scorer.is_word, res.looks)
        if not options:
            continue
        best = None
        for r, g in zip(options, scorer.gains(text, s, e, options)):
            if g >= min_gain and (best is None or g > best[0]):
                best = (g, r)
        if best:
            found.append(Suspect(s, e, best[1], best[0], kind_of(span, best[1], res)))
    found.sort(key=lambda x: -x.gain)
    out: list[Suspect] = []
    for x in found:
        changed = {i for i in range(x.start, x.end) if text[i] != x.replacement[i - x.start]}
        if not any(changed & {i for i in range(y.start, y.end) if text[i] != y.replacement[i - y.start]}
                   for y in out):
            out.append(x)
    return out


def detect_raw(lines: list[str], res: Resources, min_gain: float = 2.0) -> list[list[Suspect]]:
    """Every correction of each line that the language model favours by ``min_gain``."""
    marks = suspects.mark(lines, res.words, res.doubtful)
    return [raw_suspects(t, o, d, res, min_gain) for t, (o, d) in zip(lines, marks)]


# The gain (log10) a correction needs, by tier and by kind of slip, before
# the evidence adds to it. Tuned on the dev half of the injected real-document
# set (benchmarks/csc_eval.py --realgov), reported on the test half.
TIERS = ("default", "review")
NEED = {"default": {"同音": 5.0, "近音": 6.0, "形近": 5.5},
        "review": {"同音": 4.0, "近音": 5.0, "形近": 4.5}}


def judge(text: str, x: Suspect, res: Resources, document: str | None) -> str | None:
    """The tier from which ``x`` is reported ("default", "review"), or None."""
    extra, _ = evidence.need(text, x.start, x.end, x.replacement, res.official, document, res.scorer.is_word,
                             res.char_freq)
    for tier in TIERS:
        if x.gain >= NEED[tier][x.kind] + extra:
            return tier
    return None


def detect_lines(lines: list[str], res: Resources, tier: str = "default",
                 document: str | None = None) -> list[list[tuple[str, Suspect]]]:
    """For each line, (tier, suspect) of every slip reported at ``tier``:
    "default" findings, and at the review tier also the "review" ones.
    ``document`` is the whole text the lines come from (repetition evidence)."""
    wanted = TIERS[:TIERS.index(tier) + 1]
    low = min(min(NEED[t].values()) for t in wanted)
    out = []
    for text, found in zip(lines, detect_raw(lines, res, low)):
        kept = []
        for x in found:
            level = judge(text, x, res, document)
            if level in wanted:
                kept.append((level, x))
        out.append(kept)
    return out
