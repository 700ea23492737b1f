"""Character classes and small text facts shared by the rule families:
Chinese characters and marks, display width, Chinese numerals."""
from __future__ import annotations

from functools import lru_cache


def is_cjk(ch: str) -> bool:
    """A Han character (CJK unified ideographs, extensions and compatibility)."""
    if len(ch) != 1:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF or o == 0x3007)


CJK_PUNCT = set("，。、；：？！“”‘’《》〈〉（）【】…—～·「」『』〔〕")

# Where sentences and paragraphs end. One copy for every rule family.
SENTENCE_END = "。！？…!?"  # marks that end a sentence
CLAUSE_END = "；;：:"  # marks a paragraph may also stop at (a list item; 同志们：)
CLOSING_MARKS = "”’）》】」』)"  # closing quotes and brackets that may follow the end
OPENING_MARKS = "“‘（《【「『("


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence (its closing quotes and brackets aside)."""
    return line.rstrip().rstrip(CLOSING_MARKS).endswith(tuple(SENTENCE_END))


def ends_paragraph(line: str) -> bool:
    """Whether a paragraph may end with ``line``: it ends a sentence or a
    clause (；：), perhaps inside closing quotes or brackets."""
    return line.rstrip().rstrip(CLOSING_MARKS).endswith(tuple(SENTENCE_END + CLAUSE_END))


def is_cjk_or_punct(ch: str) -> bool:
    return is_cjk(ch) or ch in CJK_PUNCT


@lru_cache(maxsize=1)
def _wide_patterns():
    """A character class of every wide (W) or full-width (F) character of the
    BMP, built once from unicodedata (in C: no per-character Python), and one
    for characters beyond it."""
    import re
    import unicodedata

    one = {"W": "1", "F": "1", "Na": "0", "N": "0", "A": "0", "H": "0"}
    flags = "".join(map(one.get, map(unicodedata.east_asian_width, map(chr, range(0x10000)))))
    cls = "".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in re.finditer("1+", flags))
    return re.compile(f"[{cls}]"), re.compile("[\U00010000-\U0010FFFF]")


def display_width(s: str) -> int:
    """Terminal cells: wide (CJK, full-width) characters take two."""
    import unicodedata

    wide, astral = _wide_patterns()
    n = len(s) + len(wide.findall(s))
    for c in astral.findall(s):
        n += unicodedata.east_asian_width(c) in ("W", "F")
    return n


CN_DIGITS = "〇一二三四五六七八九"


def cn_to_int(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 两 → 2 (up to 99); 0 if not a numeral."""
    s = s.replace("两", "二")
    if not s:
        return 0
    try:
        if "十" in s:
            tens, _, ones = s.partition("十")
            return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
        return CN_DIGITS.index(s) if len(s) == 1 else 0
    except ValueError:
        return 0


def int_to_cn(n: int) -> str:
    """1..99 in Chinese numerals, as in 十四五, 二十大 and （十二）."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
