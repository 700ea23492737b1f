"""TY: wrong characters (错别字) typed with a pinyin input method.

- TY001: one wrong character inside a fixed expression (市帜鲜明 → 旗帜鲜明);
- TY002: a known misspelling from the confusion lexicon (布署 → 部署);
- TY003: a slip of the input method that is wrong in context (行动市从严 →
  行动是从严, 经济社会法展 → 发展), found by the fcitx5 word trigram model
  (rules/_typo_detector.py);
- TY004: with typo-sensitivity = "review", the weaker suspects as well.
"""
from __future__ import annotations

from functools import lru_cache

from gwlint.config import read_word_lists, strings
from gwlint.errors import ConfigError
from gwlint.lexicon import PhraseIndex
from gwlint.lru import LRU
from gwlint.model import Diagnostic, Fix, Span
from gwlint.registry import Option, checks
from gwlint.text import is_cjk
from gwlint.rules import _typo_data as data
from gwlint.rules import _typo_slips as slips

MIN_ENTRY = 4  # shorter entries match too much by accident
MIN_TERM = 3  # ... but the political and newer terms of three characters are few and distinct (获得感, 新征程)
POLITICAL_GAIN = 0.5  # log10 gain of the language model needed to correct a political term
IDIOM_GAIN = 2.5  # ... and an idiom
STRONG_GAIN = 6.0  # a political term a million times more probable needs no other evidence


def _parse_lexicon(value, base) -> tuple[str, ...]:
    return read_word_lists("lexicon", strings("lexicon", value), base)


def _parse_confusions(value, base) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                              for k, v in value.items()):
        raise ConfigError("key 'confusions' must be a table of \"wrong\" = \"right\"")
    return tuple(value.items())


TYPO_SENSITIVITIES = ("default", "review")  # other tools set this key: keep its name and values


def _parse_sensitivity(value, base) -> str:
    if value not in TYPO_SENSITIVITIES:
        raise ConfigError("key 'typo-sensitivity' must be one of " + ", ".join(f'"{v}"' for v in TYPO_SENSITIVITIES))
    return value


OPTIONS = (
    Option("lexicon", _parse_lexicon, (), "word-list files of extra fixed expressions (TY001)"),
    Option("confusions", _parse_confusions, (), "extra known misspellings, \"wrong\" = \"right\" (TY002)"),
    Option("typo-sensitivity", _parse_sensitivity, "default",
           "the context layer's tier: \"default\", or \"review\" to also report weaker suspects (TY004)",
           asks_for=(("review", ("TY004",)),)),
)


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    """The political terms and the newer terms of official writing (new_terms.txt)."""
    from gwlint.rules._typo_vocabulary import new_terms

    return data.political_terms() | new_terms()


@lru_cache(maxsize=8)
def fixed_phrase_index(extra: tuple[str, ...]):
    """The fixed expressions (political terms, the newer terms of new_terms.txt,
    idioms, the user's lexicon): a set, a sorted tuple, and that tuple as
    arrays for the near-miss search."""
    from gwlint.rules import _typo_prefilter as prefilter  # numpy: loaded only when TY runs

    # the standard form wins: an entry written with a non-recommended variant is corrected first
    entries = {data.standardised(e) for e in _terms() if len(e) >= MIN_TERM} | {
        data.standardised(e) for e in data.idioms() | set(extra) if len(e) >= MIN_ENTRY}
    ordered = tuple(sorted(entries))
    return frozenset(entries), ordered, prefilter.phrase_table(ordered)


def _word_across_edge(text: str, s: int, L: int, k: int, words, longest: int = 4) -> bool:
    """Whether the character at window position k belongs to a word that
    reaches outside the window (then the window cuts across words and is no
    near miss: 师德师风建设 is not 作风建设, 社会主义法治理念 keeps its 法治)."""
    e = s + L
    i = s + k
    for n in range(2, longest + 1):
        for a in range(max(0, i - n + 1), i + 1):
            b = a + n
            if b <= len(text) and (a < s or b > e) and text[a:b] in words:
                return True
    return False


def _pair_across_edge(text: str, s: int, e: int, words) -> bool:
    """Whether a two-character misspelling is only the halves of two other
    words (临床第一 holds no 床第: 临床 and 第一 are words; 记录相关, no 录相)."""
    return e - s == 2 and s > 0 and e < len(text) and text[s - 1:s + 1] in words and text[e - 1:e + 1] in words


def _official_word_over(window: str, k: int) -> bool:
    """Whether a word of official writing (the mined vocabulary, the newer and
    political terms) inside ``window`` holds its character k."""
    from gwlint.rules._typo_vocabulary import official_vocabulary

    official = official_vocabulary()
    return any(window[a:b] in official for a in range(k + 1) for b in range(max(a + 2, k + 1), len(window) + 1)
               if b - a < len(window))


class _AnyOf:
    """Membership in any of several word sets (no union of 200,000 words built at start-up)."""

    def __init__(self, *sets):
        self.sets = sets

    def __contains__(self, word) -> bool:
        return any(word in s for s in self.sets)


@lru_cache(maxsize=1)
def _boundary_words() -> _AnyOf:
    """Words whose edges a near miss may not cut across: the dictionary words,
    the language model's words and the vocabulary of official writing."""
    from gwlint.rules import _typo_vocabulary as vocab

    path = vocab.lm_path()
    model_words = vocab.lm_word_set(path) if path else frozenset()
    return _AnyOf(data.words(), model_words, vocab.official_vocabulary())


@checks("TY001", "TY002", "TY003", "TY004", scope="lines")
def typos_in_context(lines: list[str], ctx):
    """TY001 and TY002 first; TY003/TY004 then skip the spans that overlap
    theirs (要市 over 市帜鲜明讲政治), so one slip is reported once."""
    phrase = phrase_typos(lines, ctx)
    # the lines handed here are the context in which a repeated form counts as
    # meant: a whole document on the command line; in the editor, the lines
    # not in the line cache (so an edited line is judged with itself alone)
    context = (slips.findings_for_lines(lines, ctx.options["typo-sensitivity"], "\n".join(lines))
               if data.language_model() is not None else [()] * len(lines))
    out = []
    for found, more in zip(phrase, context):
        covered = [(d.span.start, d.span.end) for d in found]
        out.append(list(found) + [d for d in more if not any(d.span.start < e and s < d.span.end for s, e in covered)])
    return out


# The findings of phrase_typos for a line depend on the line and the options
# alone: TY and CO001 both read them, and in the editor CO001 asks for every
# line of the document at every keystroke, so they are remembered per line.
_BY_LINE = LRU(50_000)


def phrase_typos(lines: list[str], ctx) -> list[tuple[Diagnostic, ...]]:
    """TY002 findings on each line, then the TY001 findings they do not
    overlap. The near-miss prefilter runs once, over the lines not seen before."""
    from gwlint.rules._typo_prefilter import near_misses_many

    lexicon, confusions = ctx.options["lexicon"], ctx.options["confusions"]
    keys = [(text, lexicon, confusions) for text in lines]
    out = [_BY_LINE.get(key) for key in keys]
    todo = [i for i, found in enumerate(out) if found is None]
    if todo:
        table = fixed_phrase_index(lexicon)[2]
        texts = [lines[i] for i in todo]
        for i, text, candidates in zip(todo, texts, near_misses_many(texts, table)):
            known = list(known_misspellings(text, confusions))
            taken = [(d.span.start, d.span.end) for d in known]
            out[i] = tuple(known + [d for d in fixed_phrase_typos(text, candidates, lexicon)
                                    if not any(d.span.start < e and s < d.span.end for s, e in taken)])
            _BY_LINE.put(keys[i], out[i])
    return out


def fixed_phrase_typos(text: str, candidates: list[tuple[int, int]], lexicon: tuple[str, ...]):
    """TY001 on one line, given the near misses the prefilter found there."""
    entries, ordered, _ = fixed_phrase_index(lexicon)
    political = _terms()
    known_words = data.words()
    lm = data.language_model()
    best: dict[int, tuple] = {}  # wrong-character offset → (entry length, finding)
    for s, e in candidates:
        entry = ordered[e]
        L = len(entry)
        window = text[s:s + L]
        if window == entry:
            continue
        diffs = [k for k in range(L) if window[k] != entry[k]]
        if len(diffs) != 1:
            continue
        k = diffs[0]
        wrong, right = window[k], entry[k]
        if not (is_cjk(wrong) and is_cjk(right)) or window in entries or window in known_words:
            continue
        if lm is not None and lm.is_word(window):
            continue  # the variant is itself a word
        if _word_across_edge(text, s, L, k, _boundary_words()):
            continue  # 社会主义法治理念: the odd character belongs to a word outside the window
        if _official_word_over(window, k):
            continue  # 数智化转型: the odd character belongs to a term of official writing (数智化)
        reason = data.confusable(wrong, right)
        gain = lm.gain(text, s, s + L, entry) if lm is not None else None
        if entry in political and reason in ("同音", "近音"):
            gain = max(gain or 0.0, POLITICAL_GAIN)  # the model may not know a newer slogan
        if reason is None:
            # no phonetic or visual link: only overwhelming context evidence will do,
            # and only where the character makes no word with its neighbours
            if entry not in political or gain is None or gain < STRONG_GAIN or not data.standalone(window, k, known_words):
                continue
            reason = "语境"
        need = POLITICAL_GAIN if entry in political else IDIOM_GAIN
        if gain is not None and gain < need:
            continue
        if gain is None and entry not in political:
            continue
        pos = s + k
        if pos in best and best[pos][0] >= L:
            continue
        safe = entry in political and reason in ("同音", "语境") and gain is not None and gain >= 2 * need
        d = Diagnostic("TY001", (f"“{window}”应为“{entry}”（“{wrong}”“{right}”{reason}误用）" if reason != "语境"
                        else f"“{window}”应为“{entry}”"), Span(s, s + L),
                       Fix.replace(Span(s, s + L), entry, safe=safe))
        best[pos] = (L, d)
    return [d for _, d in sorted(best.values(), key=lambda x: x[1].span.start)]


@lru_cache(maxsize=8)
def confusion_index(extra: tuple[tuple[str, str], ...]):
    pairs = dict(data.builtin_confusions())
    pairs.update(extra)
    return PhraseIndex(pairs), pairs


def known_misspellings(text: str, confusions: tuple[tuple[str, str], ...]):
    """TY002 on one line."""
    index, pairs = confusion_index(confusions)
    user = dict(confusions)
    for start, end, wrong in index.finditer(text):
        right = pairs[wrong]
        if wrong not in user and _pair_across_edge(text, start, end, _boundary_words()):
            continue
        yield Diagnostic("TY002", f"“{wrong}”应为“{right}”", Span(start, end),
                         Fix.replace(Span(start, end), right, safe=True))


def typo_pairs(doc, ctx) -> list[tuple[str, str]]:
    """(wrong, right) pairs that TY001/TY002 find anywhere in ``doc``."""
    texts = [line.text for line in doc.lines if line.text.strip()]
    pairs = [(text[d.span.start:d.span.end], d.fix.edits[0].text)
             for text, found in zip(texts, phrase_typos(texts, ctx)) for d in found if d.fix]
    return list(dict.fromkeys(pairs))
