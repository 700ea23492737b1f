"""Rich Text Format (.rtf, Word, WPS, WordPad, LibreOffice) through striprtf.

Chinese RTF carries its text as ``\\uN`` escapes (LibreOffice, newer Word)
or as GBK bytes, ``\\'b9\\'d8``, in the document's code page (``\\ansicpg936``)
or a font's (``\\fcharset134``). Three things are prepared before striprtf
reads the file:

- a font of charset 0 ("ANSI") means the document's code page: Word writes
  Chinese bytes under a Latin ``\\f`` with a Chinese ``\\dbch\\af`` font, and
  striprtf would decode them as cp1252;
- table cells end paragraphs, as in the .docx reader (striprtf writes ``|``);
- hyperlink fields keep their shown text only (striprtf appends the address).

Astral characters (two ``\\uN`` surrogates) are joined after.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError
from . import from_paragraphs

ANSICPG = re.compile(rb"\\ansicpg(\d{3,5})")
CHARSET_ANSI = re.compile(r"\\fcharset0(?![0-9])")
CELLS = re.compile(r"\\\\|\\(nestcell|cell|nestrow|row)(?![a-zA-Z])( ?)")
HYPERLINK = re.compile(r"(\\fldinst[^{}]{0,40}?\{?[^{}]{0,40}?)HYPERLINK(?=\s)")
SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]")
MAX_REPLACED = 0.01  # more undecodable bytes than this: a damaged file or an unknown code page


def read(data: bytes, path: str):
    if not data.lstrip(b"\r\n\t \xef\xbb\xbf").startswith(b"{\\rtf"):
        raise InputError(f"{path}: not an RTF file (it does not start with {{\\rtf)")
    codec = _code_page(data)
    source = data.decode(codec, errors="replace")
    balance = _brace_balance(source)
    if balance != 0:
        raise InputError(f"{path}: damaged or truncated RTF ({abs(balance)} unclosed "
                         f"{'group' if abs(balance) == 1 else 'groups'})")
    source = CHARSET_ANSI.sub(r"\\fcharset1", source)  # 1 = DEFAULT_CHARSET: striprtf uses ``encoding``
    source = CELLS.sub(_cell, source)
    source = HYPERLINK.sub(r"\1HYPERLINK_", source)
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError:
        raise InputError(f"{path}: reading .rtf needs striprtf (pip install striprtf)") from None
    try:
        text = rtf_to_text(source, encoding=codec, errors="replace")
    except (LookupError, ValueError, IndexError, RecursionError) as exc:
        raise InputError(f"{path}: damaged RTF ({type(exc).__name__})") from None
    text = SURROGATES.sub(_join_surrogates, text)
    if text.count("\ufffd") > max(3, MAX_REPLACED * len(text)):
        raise InputError(f"{path}: RTF text cannot be decoded (code page {codec}); the file may be damaged")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = text.split("\n")
    if paragraphs and paragraphs[-1] == "":
        paragraphs.pop()  # the last \par ends the last paragraph
    return from_paragraphs(paragraphs, path, "rtf")


def _code_page(data: bytes) -> str:
    """The document's ANSI code page (cp1252 when it names none or an unknown one)."""
    m = ANSICPG.search(data[:4096])
    if m:
        codec = f"cp{int(m.group(1))}"
        try:
            codecs.lookup(codec)
            return "gb18030" if codec == "cp936" else codec  # GBK, and what GB18030 adds
        except LookupError:
            pass
    return "cp1252"


def _brace_balance(source: str) -> int:
    """Open groups left at the end (negative: more closed than opened).
    Escaped braces and backslashes do not count."""
    depth = 0
    for m in re.finditer(r"\\[\\{}]|[{}]", source):
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return depth
        if depth == 0 and token == "}":
            break  # the document group is closed; anything after it is ignored (as Word does)
    return depth


def _cell(m: re.Match) -> str:
    if m.group(0) == "\\\\":
        return m.group(0)
    return "\\par " if m.group(1) in ("cell", "nestcell") else ""


def _join_surrogates(m: re.Match) -> str:
    return m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
