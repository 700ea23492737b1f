"""Character classes shared by the rule families."""
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


def is_cjk_or_punct(ch: str) -> bool:
    return is_cjk(ch) or ch in CJK_PUNCT


@lru_cache(maxsize=1)
def _wide_patterns():
    """A character class of every wide (W) or full-width (F) character of the
    BMP, built once from unicodedata, and one for characters beyond it."""
    import re
    import unicodedata

    ranges, start = [], None
    for cp in range(0x10000):
        wide = unicodedata.east_asian_width(chr(cp)) in ("W", "F") and not 0xD800 <= cp <= 0xDFFF
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xFFFF))
    cls = "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)
    return re.compile(f"[{cls}]"), re.compile("[\U00010000-\U0010FFFF]")


def display_width(s: str) -> int:
    """Terminal cells: wide (CJK, full-width) characters take two."""
    import unicodedata

    wide, astral = _wide_patterns()
    n = len(s) + len(wide.findall(s))
    for c in astral.findall(s):
        n += unicodedata.east_asian_width(c) in ("W", "F")
    return n
