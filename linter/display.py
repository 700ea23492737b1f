"""What may reach a terminal or a log line: text with its control
characters escaped.

A draft or a file name can carry escape sequences (OSC 52 clipboard writes,
window titles, screen clears), a newline that forges a finding line, bidi
overrides that reorder what is shown, or bytes that are not UTF-8 (a GBK
file name unzipped on Linux: Python keeps them as lone surrogates, which no
stream can encode). Each becomes a visible escape: ``\\x1b``, ``\\n``,
``\\u202e``; an undecodable byte of a file name becomes ``\\xb2``, the
byte itself.
"""
from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    o = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(s: str) -> str:
    """``s`` with every control, bidi and lone-surrogate character escaped."""
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_safe(s: str) -> str:
    """Rendered JSON whose strings hold a lone surrogate (an undecodable file
    name): written as the JSON escape ``\\udcb2``, which JSON readers accept
    and which any stream can encode."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", s) if _SURROGATE.search(s) else s
