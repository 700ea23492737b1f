"""display_width counts wide characters with a prebuilt pattern; it must agree
with unicodedata's East Asian Width everywhere (it drives the marker under
each finding and the hard-wrap detection of LY001)."""
import unicodedata

from hypothesis import given, strategies as st

from gwlint.text import display_width


def reference(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_display_width_agrees_with_unicodedata(s):
    assert display_width(s) == reference(s)


def test_display_width_examples():
    assert display_width("同志们：") == 8
    assert display_width("GDP增长3.5%") == 11
    assert display_width("𠮷a") == 3
    assert display_width("\uffee\uffff") == reference("\uffee\uffff")


def test_every_bmp_character():
    chars = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF)
    assert display_width(chars) == reference(chars)
