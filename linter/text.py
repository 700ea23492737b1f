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


@lru_cache(maxsize=65536)
def display_width(s: str) -> int:
    """Terminal cells: wide (CJK, full-width) characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
