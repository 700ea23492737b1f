"""Data behind the TY rules, loaded lazily once per process.

- the fixed-expression lexicon (political terms compiled by hand, idioms
  mined from jieba by tools/build_typo_lexicon.py) and the confusion pairs;
- which characters a pinyin input method or a glance confuses;
- the fcitx5 word trigram model (Debian libime-data-language-model), read
  with kenlm, memory-mapped: if it is missing, the context layer is off.
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "typo"
LM_PATHS = ("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm", "/usr/lib/aarch64-linux-gnu/libime/zh_CN.lm",
            "/usr/lib/libime/zh_CN.lm", "/usr/share/libime/zh_CN.lm")
log = logging.getLogger("gwlint")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    if "#" not in text and not any(c in text for c in " \t\r"):
        return text.split()  # the big mined word lists, one word per line: no per-line work
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def political_terms() -> frozenset[str]:
    return frozenset(_lines("political.txt"))


@lru_cache(maxsize=1)
def idioms() -> frozenset[str]:
    return frozenset(_lines("idioms.txt"))


@lru_cache(maxsize=1)
def builtin_confusions() -> dict[str, str]:
    """Known misspellings (confusions.tsv) and non-recommended variant forms
    (variants.tsv), wrong → right."""
    pairs = {}
    for name in ("confusions.tsv", "variants.tsv"):
        for line in _lines(name):
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0] != parts[1]:
                pairs[parts[0]] = parts[1]
    return pairs


@lru_cache(maxsize=1)
def standard_forms() -> dict[str, str]:
    """Non-recommended variant → recommended form (戮力 → 勠力), from variants.tsv."""
    out = {}
    for line in _lines("variants.tsv"):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] != parts[1]:
            out[parts[0]] = parts[1]
    return out


def standardised(entry: str) -> str:
    """``entry`` with its non-recommended variant forms replaced (戮力同心 → 勠力同心)."""
    for wrong, right in standard_forms().items():
        if wrong in entry:
            entry = entry.replace(wrong, right)
    return entry


@lru_cache(maxsize=1)
def homophone_pairs() -> dict[str, tuple[str, re.Pattern | None]]:
    """Known one-character slips: wrong → (right, what right after the wrong
    character shows it is meant after all, e.g. 市 + 大数据局, or None)."""
    out = {}
    for line in _lines("homophone_pairs.tsv"):
        parts = line.split("\t")
        out[parts[0]] = (parts[1], re.compile(parts[2]) if len(parts) >= 3 and parts[2] else None)
    return out


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Two- and three-character dictionary words (from jieba), and those of
    official writing that jieba lacks."""
    return frozenset(_lines("words.txt") + _lines("official_words.txt"))


def in_long_word(text: str, i: int, words) -> bool:
    """Whether text[i] stands inside a three-character dictionary word."""
    return (i >= 2 and text[i - 2:i + 1] in words) or (i >= 1 and text[i - 1:i + 2] in words) \
        or text[i:i + 3] in words


def standalone(text: str, i: int, words) -> bool:
    """Whether text[i] stands outside every two- and three-character word."""
    return not ((i and text[i - 1:i + 1] in words) or text[i:i + 2] in words or in_long_word(text, i, words))


@lru_cache(maxsize=1)
def char_table() -> tuple[dict[str, str], dict[str, int], dict[str, tuple[str, ...]]]:
    """(char → toneless pinyin, char → frequency, pinyin → chars by frequency)."""
    pinyin, freq, by_pinyin = {}, {}, {}
    for line in _lines("chars.tsv"):
        ch, py, f = line.split("\t")
        pinyin[ch] = py
        freq[ch] = int(f)
        by_pinyin.setdefault(py, []).append(ch)
    return pinyin, freq, {k: tuple(v) for k, v in by_pinyin.items()}


# Characters that look alike, compiled by hand from proofreading guides.
SHAPE_GROUPS = [
    "己已巳", "末未", "戊戍戌", "士土", "日曰", "拨拔", "侯候", "贝见", "免兔", "辨辩辫瓣", "即既", "须需",
    "析折", "徒徙", "冶治", "崇祟", "汨汩", "赢嬴羸", "壁璧", "暮幕慕墓募", "彻沏砌", "检捡俭验险", "睛晴清请情",
    "搏博傅", "膊脯", "籍藉", "綦蓁", "刺剌", "灸炙", "券卷", "苟荀", "茶荼", "大太犬", "千干于", "人入八",
    "天夭", "王玉主", "田由甲申", "目且", "刀力", "未末朱", "牛午", "肓盲", "祗祇", "竞竟", "锐锐", "痼固锢",
    "瘴障", "帜织职识炽", "旗棋祺琪", "幢撞", "缀辍", "蓝篮监", "历厉励", "账帐", "象像", "做作", "坐座",
]


@lru_cache(maxsize=1)
def shape_neighbours() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group in SHAPE_GROUPS:
        for c in group:
            out.setdefault(c, set()).update(x for x in group if x != c)
    return {k: frozenset(v) for k, v in out.items()}


_FUZZY = [(re.compile(r"^zh"), "z"), (re.compile(r"^ch"), "c"), (re.compile(r"^sh"), "s"), (re.compile(r"^n"), "l"),
          (re.compile(r"ang$"), "an"), (re.compile(r"eng$"), "en"), (re.compile(r"ing$"), "in")]


@lru_cache(maxsize=None)
def fuzzy(py: str) -> str:
    for pattern, repl in _FUZZY:
        py = pattern.sub(repl, py)
    return py


@lru_cache(maxsize=1)
def _rare_chars() -> dict[str, str]:
    return dict(line.split("\t") for line in _lines("rare_chars.tsv"))


def rare_pinyin(ch: str) -> str | None:
    """Pinyin of a character too rare for chars.tsv (read only when one turns up)."""
    return _rare_chars().get(ch)


def confusable(wrong: str, right: str) -> str | None:
    """Why ``wrong`` is a plausible slip for ``right``: "同音", "近音", "形近", or None."""
    pinyin = char_table()[0]
    pw = pinyin.get(wrong) or rare_pinyin(wrong)
    pr = pinyin.get(right) or rare_pinyin(right)
    if pw and pr:
        if pw == pr:
            return "同音"
        if fuzzy(pw) == fuzzy(pr):
            return "近音"
    if right in shape_neighbours().get(wrong, ()):
        return "形近"
    return None


class LanguageModel:
    """The word trigram model, with a forward-maximum-matching segmenter over
    its own vocabulary so that queries use words the model knows."""

    def __init__(self, model):
        self.model = model
        # windows repeat across a document and across edits: remember their scores
        self.score = lru_cache(maxsize=100_000)(self._score)

    def is_word(self, w: str) -> bool:
        return w in self.model

    def segment(self, text: str) -> list[str]:
        words, i, n = [], 0, len(text)
        model = self.model
        while i < n:
            for L in (4, 3, 2):
                if i + L <= n and text[i:i + L] in model:
                    words.append(text[i:i + L])
                    i += L
                    break
            else:
                words.append(text[i])
                i += 1
        return words

    def gain(self, text: str, start: int, end: int, replacement: str, pad: int = 4) -> float:
        """How much more probable (log10) a small window around text[start:end]
        becomes with ``replacement`` in its place."""
        s = max(0, start - pad)
        window = text[s:min(len(text), end + pad)]
        return self.score(window[:start - s] + replacement + window[end - s:]) - self.score(window)

    def _score(self, text: str) -> float:
        """log10 probability of ``text`` as a run of words (no sentence ends)."""
        return self.model.score(" ".join(self.segment(text)), bos=False, eos=False)


def model_path() -> str | None:
    """The model's file: ``GWLINT_LANGUAGE_MODEL`` if set (none when set
    empty), else the first of LM_PATHS that exists."""
    configured = os.environ.get("GWLINT_LANGUAGE_MODEL")
    if configured is not None and not configured.strip():
        return None
    paths = (configured,) if configured else LM_PATHS
    return next((p for p in paths if Path(p).is_file()), None)


@lru_cache(maxsize=1)
def language_model() -> LanguageModel | None:
    """The model, or None (the context layer is then off). ``GWLINT_LANGUAGE_MODEL``
    names another model file, or turns the layer off when set empty."""
    path = model_path()
    if path is None:
        if os.environ.get("GWLINT_LANGUAGE_MODEL", "x").strip() == "":
            return None
        log.warning("TY context layer off: language model not found "
                    "(install it with: apt-get install libime-data-language-model)")
        return None
    try:
        import kenlm
    except ImportError:
        log.warning("TY context layer off: the kenlm package is not installed (pip install kenlm)")
        return None
    try:
        return LanguageModel(kenlm.Model(path))
    except (OSError, RuntimeError) as exc:
        log.warning("TY context layer off: cannot load %s: %s", path, exc)
        return None
