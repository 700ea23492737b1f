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



@dataclass(frozen=True)
class Suspect:
    """A suspected slip: text[start:end] may be ``replacement``."""
    start: int
    end: int
    replacement: str
    gain: float  # log10 gain of the language model
    kind: str  # 同音, 近音, 形近
    runner_up: float = -99.0  # the gain of the second-best correction of the span


@dataclass(eq=False)  # compared and hashed by identity (caches key on it)
class Resources:
    scorer: Scorer
    index: cand.PinyinIndex
    looks: dict
    words: object  # numpy codes of the covering words
    doubtful: dict  # tier → numpy codes of the words it doubts
    official: frozenset
    pinyin: dict  # char → fuzzy readings
    char_freq: dict  # char → frequency


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
    scorer = Scorer(lm.model, vocab.lm_word_set(vocab.lm_path()))
    words = vocab.cjk_vocabulary(vocab.lm_path())
    def build():
        doubtful = cand.doubtful_words(index, scorer, words, vocab.lookalikes())
        return {"doubtful": suspects.word_codes(w for w, _ in doubtful),
                "doubtful_strong": suspects.word_codes(w for w, m in doubtful if m >= cand.STRONG_DOUBT),
                "words": suspects.word_codes(words)}

    return scorer, index, cached_arrays("typo-doubtful", vocab.sources(cand.__file__, suspects.__file__), build)


def build_resources(official: frozenset[str]) -> Resources | None:
    """The detector's resources, with ``official`` as the vocabulary of official writing."""
    import numpy as np

    from gwlint.rules import _typo_data as data

    base = _base()
    if base is None:
        return None
    scorer, index, arrays = base
    extra = suspects.word_codes(official)
    doubtful = {tier: arrays[name][~np.isin(arrays[name], extra)]
                for tier, name in (("review", "doubtful"), ("default", "doubtful_strong"))}
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


ORPHAN_SPAN = 2  # longest span over an orphan (longer slips show as doubtful words)
MAX_OPTIONS = 8  # candidate corrections scored per span
STANDALONE = -3.7  # log10 unigram: a lone character more frequent than this is a word of its own (的, 和, 在)


@lru_cache(maxsize=1)
def _pair_chars() -> dict[str, str]:
    """The known one-character slips: wrong → right (市 → 是)."""
    from gwlint.rules import _typo_data as data

    return {w: r for w, (r, _) in data.homophone_pairs().items()}


def spans_around(text: str, orphans: list[int], doubtful: list[tuple[int, int]], scorer: Scorer,
                 singles: list[int] = (), lone_orphans: bool = True):
    """Spans of 1 to 4 CJK characters worth correcting: every span over an
    orphan (only the character itself when it is a frequent word alone), each
    doubtful word, and the characters of the known one-character slips (市)."""
    seen = set((i, i + 1) for i in singles)
    yield from sorted(seen)
    n = len(text)
    for p in orphans:
        u = scorer.unigram(text[p])
        if u is not None and u > STANDALONE:
            continue  # a frequent word of its own (的, 和, 在): only the known pairs (在/再) look at it
        for L in range(1 if lone_orphans else 2, ORPHAN_SPAN + 1):
            for s in range(max(0, p - L + 1), min(p, n - L) + 1):
                e = s + L
                if (s, e) not in seen and all(is_cjk(c) for c in text[s:e]):
                    seen.add((s, e))
                    yield s, e
    for s, e in doubtful:
        if (s, e) not in seen:
            seen.add((s, e))
            yield s, e


@lru_cache(maxsize=4)
def _options_cache(res: Resources):
    """options(span, doubtful_only), remembered: official prose repeats its words."""
    return lru_cache(maxsize=100_000)(lambda span, twins_only: tuple(options(span, twins_only, res)))


def options(span: str, twins_only: bool, res: Resources) -> list[str]:
    """The corrections of ``span`` worth scoring: sound-alikes and look-alikes
    (of a doubtful word, only those more frequent than it), the most frequent
    MAX_OPTIONS of them."""
    scorer = res.scorer
    if len(span) == 1:
        out = [c for c in res.index.sound_alikes(span) if len(c) == 1]
        out += [c for c in res.looks.get(span, ()) if c in cand.common_single_characters()]
    else:
        out = cand.candidates(span, 0, len(span), res.index, scorer.vocabulary, res.looks)
    if out and twins_only:
        u = scorer.unigram(span)
        if u is not None:
            out = [w for w in out if (scorer.unigram(w) or -99.0) >= u + cand.DOUBT_MARGIN]
    if len(out) > MAX_OPTIONS:  # the most frequent words: a slip is corrected to a common word
        out = sorted(out, key=lambda w: -(scorer.unigram(w) or -99.0))[:MAX_OPTIONS]
    return out


def raw_suspects(text: str, orphans: list[int], doubtful: list[tuple[int, int]], res: Resources,
                 min_gain: float = 2.0, lone_orphans: bool = True) -> list[Suspect]:
    """For every span worth correcting, its best correction if it raises the
    window's probability by ``min_gain`` or more; best first (spans may overlap)."""
    found = []
    scorer = res.scorer
    pairs = _pair_chars()
    singles = [i for i, c in enumerate(text) if c in pairs]
    doubt = set(doubtful)
    near_orphan = {(s, e) for p in orphans for s in range(p - 1, p + 1) for e in range(s + 1, s + 3) if s <= p < e}
    options_for = _options_cache(res)
    for s, e in spans_around(text, sorted(set(orphans)), doubtful, scorer, singles, lone_orphans):
        options = options_for(text[s:e], (s, e) in doubt and (s, e) not in near_orphan)
        if not options:
            continue
        pair_right = pairs.get(text[s]) if e - s == 1 else None
        if pair_right is not None and pair_right not in options:
            options = options + (pair_right,)
        ranked = sorted(zip(scorer.gains(text, s, e, options), options), reverse=True)
        if ranked[0][0] >= min_gain:
            g, r = ranked[0]
            found.append(Suspect(s, e, r, g, kind_of(text[s:e], r, res), ranked[1][0] if len(ranked) > 1 else -99.0))
        if pair_right is not None and ranked[0][1] != pair_right:  # the known slip (市 for 是) is judged on its own
            g = next(g for g, r in ranked if r == pair_right)
            if g >= min_gain:
                found.append(Suspect(s, e, pair_right, g, kind_of(text[s:e], pair_right, res)))
    found.sort(key=lambda x: -x.gain)
    return found


def _changed(text: str, x: Suspect) -> set[int]:
    return {i for i in range(x.start, x.end) if text[i] != x.replacement[i - x.start]}


def without_overlaps(text: str, judged: list[tuple[float, str, Suspect]]) -> list[tuple[str, Suspect]]:
    """The best of the suspects that change the same characters: (rank, tier, suspect), best rank first."""
    out: list[tuple[str, Suspect]] = []
    taken: set[int] = set()
    for _, level, x in sorted(judged, key=lambda t: -t[0]):
        changed = _changed(text, x)
        if not changed & taken:
            out.append((level, x))
            taken |= changed
    return sorted(out, key=lambda t: t[1].start)


def detect_raw(lines: list[str], res: Resources, min_gain: float = 2.0, tier: str = "review") -> list[list[Suspect]]:
    """Every correction of each line that the language model favours by
    ``min_gain``; the real words doubted are those of ``tier``."""
    marks = suspects.mark(lines, res.words, res.doubtful[tier])
    return [raw_suspects(t, o, d, res, min_gain) for t, (o, d) in zip(lines, marks)]


PAIR_NEED = {"default": 2.5, "review": 2.0}  # log10 gain enough for a known one-character slip standing alone (市 for 是)


def known_pair(text: str, x: Suspect) -> bool:
    """Whether x is a known one-character slip (市 for 是) of a character that
    stands outside every word, and not an institution of the city (市委)."""
    from gwlint.rules import _typo_data as data

    if x.end - x.start != 1:
        return False
    right, meant = data.homophone_pairs().get(text[x.start], (None, None))
    if right != x.replacement or (meant is not None and meant.match(text, x.end)):
        return False
    return data.standalone(text, x.start, data.words())


def institution(text: str, x: Suspect) -> bool:
    """Whether a known-pair character stands as meant before an institution (市人大, 市委)."""
    from gwlint.rules import _typo_data as data

    for i in range(x.start, x.end):
        if text[i] != x.replacement[i - x.start]:
            _, meant = data.homophone_pairs().get(text[i], (None, None))
            if meant is not None and meant.match(text, i + 1):
                return True
    return False


def closes_word(text: str, i: int, is_word) -> bool:
    """Whether text[i] ends a word of 3 to 5 characters (乌鲁木齐市, 开发区)."""
    return any(is_word(text[a:i + 1]) for a in range(max(0, i - 4), i - 1))


def _window_fluency(scorer: Scorer, text: str, start: int, end: int) -> tuple[float, tuple[str, ...], int]:
    """(log10 probability per character of the window around text[start:end],
    its segmentation, where the window starts)."""
    s, e = scorer.window(text, start, end)
    bos = s == 0 or not is_cjk(text[s - 1])
    eos = e == len(text) or not is_cjk(text[e])
    return scorer.score(text[s:e], bos, eos) / max(1, e - s), scorer.segment(text[s:e]), s


def features(text: str, x: Suspect, res: Resources, document: str | None) -> dict[str, float] | None:
    """What the detector weighs for the suspect ``x``; None when the evidence
    says the text is surely meant (official word, name, repeated, quoted coinage)."""
    from gwlint.rules import _typo_data as data

    if evidence.hard_evidence(text, x.start, x.end, x.replacement, res.official, document):
        return None
    f = evidence.soft_evidence(text, x.start, x.end, x.replacement, document, res.scorer.is_word, res.char_freq,
                               data.words())
    changed = evidence.changed_positions(text, x.start, x.replacement)
    fixed = text[:x.start] + x.replacement + text[x.end:]
    before, tokens, at = _window_fluency(res.scorer, text, x.start, x.end)
    after, _, _ = _window_fluency(res.scorer, fixed, x.start, x.end)
    breaks = 0.0
    for tok in tokens:  # a changed character inside a word of the segmentation that reaches outside the span
        end = at + len(tok)
        if len(tok) >= 2 and any(at <= i < end for i in changed) and (at < x.start or end > x.end):
            breaks = 1.0
        at = end
    u = res.scorer.unigram(x.replacement)
    f.update(gain=x.gain, fluency_after=after, fluency_before=before, unigram=u if u is not None else -8.0,
             two_changed=float(len(changed) >= 2), real_word=float(res.scorer.is_word(text[x.start:x.end])),
             fuzzy=float(x.kind == "近音"), shape=float(x.kind == "形近"), length=float(x.end - x.start),
             single=float(x.end - x.start == 1), breaks_word=breaks, known_pair=float(known_pair(text, x)),
             lead=min(x.gain - x.runner_up, 10.0))  # a clear winner, or any word would do (a name)?
    return f


def logit(f: dict[str, float]) -> float:
    from gwlint.rules._typo_weights import BIAS, MEAN, SCALE, WEIGHTS

    return BIAS + sum(w * (f[k] - MEAN[k]) / SCALE[k] for k, w in WEIGHTS.items())


# The logit a suspect needs, by tier: a logistic model over the features,
# fitted on the dev half of the injected real-document set by
# tools/fit_typo_weights.py (benchmarks/csc_eval.py --realgov reports the
# test half). The default tier is set where real documents stay quiet.
TIERS = ("default", "review")
LOGIT_NEED = {"default": 1.5, "review": 0.0}
MIN_GAIN = 2.0  # suspects below this gain are not considered at all
# A lone orphan (a character no word covers, not a known slip) is corrected
# by a single character only at the review tier: at the default tier that
# found three slips in 700 and cost a fifth of the time.
# Real words with a more frequent twin (机智/机制) are doubted by the review
# tier; the default tier doubts only those whose twin is cand.STRONG_DOUBT
# more frequent: the model rarely favours a weaker twin enough for it, and
# doubting every word costs half the time.


def judge(text: str, x: Suspect, res: Resources, document: str | None) -> tuple[str | None, float]:
    """(the tier from which ``x`` is reported — "default", "review" — or None;
    how sure: the logit, or for a known pair its gain less what it needs)."""
    if x.gain < MIN_GAIN:
        return None, 0.0
    if institution(text, x):
        return None, 0.0
    changed = evidence.changed_positions(text, x.start, x.replacement)
    if known_pair(text, x):  # a known one-character slip standing alone: the gain alone decides
        if closes_word(text, x.start, res.scorer.is_word) or evidence.affix_in_use(
                text, x.start, document, res.scorer.is_word) or evidence.hard_evidence(
                text, x.start, x.end, x.replacement, res.official, document):
            return None, 0.0
        for tier in TIERS:
            if x.gain >= PAIR_NEED[tier]:
                return tier, x.gain - PAIR_NEED[tier]
        return None, 0.0
    f = features(text, x, res, document)
    if f is None:
        return None, 0.0
    z = logit(f)
    # a rare character (沣, 瀚) or a word-forming affix (代理师) is left to the review tier
    capped = evidence.rare_character(text, changed, res.char_freq) or evidence.affix_after_word(
        text, changed, res.scorer.is_word)
    for tier in TIERS[1:] if capped else TIERS:
        if z >= LOGIT_NEED[tier]:
            return tier, z - LOGIT_NEED[tier]
    return None, 0.0


def detect_lines(lines: list[str], res: Resources, tier: str = "default",
                 document: str | None = None) -> list[list[tuple[str, Suspect]]]:
    """For each line, (tier, suspect) of every slip reported at ``tier``:
    "default" findings, and at the review tier also the "review" ones.
    ``document`` is the whole text the lines come from (repetition evidence)."""
    wanted = TIERS[:TIERS.index(tier) + 1]
    out = []
    # the review tier doubts more words; what it finds only there is review-level
    default_doubts = (None if tier == "default" else
                      [set(d) for _, d in suspects.mark(lines, res.words, res.doubtful["default"])])
    marks = suspects.mark(lines, res.words, res.doubtful[tier])
    for k, (text, (orphans, doubtful)) in enumerate(zip(lines, marks)):
        judged = []
        review_only = set(doubtful) - default_doubts[k] if default_doubts is not None else set()
        pairs = _pair_chars()
        for x in raw_suspects(text, orphans, doubtful, res, MIN_GAIN, lone_orphans=tier != "default"):
            level, rank = judge(text, x, res, document)
            lone = x.end - x.start == 1 and text[x.start] not in pairs  # a lone orphan: the review tier's
            if level == "default" and ((x.start, x.end) in review_only or lone):
                level = "review"
            if level in wanted:
                judged.append((rank - 10 * TIERS.index(level), level, x))
        out.append(without_overlaps(text, judged))
    return out
