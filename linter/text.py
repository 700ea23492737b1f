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
