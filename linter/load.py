"""Bytes and paths into Documents.

Decoding order: a BOM (UTF-8, UTF-16 LE/BE), then UTF-8, then GB18030 (which
covers GBK and GB2312, common in government offices). The decoded text is
kept exactly as it was: no normalising, no stripping.
"""
from __future__ import annotations

import codecs
import functools
import os

from .errors import InputError
from .model import Document

TEXT_SUFFIXES = (".txt", ".md")
# Formats read into one paragraph per line and never written back: suffix ->
# (kind, "module:function" reading (bytes, path) into a Document). Imported
# only when such a file comes. README "Input files" says what each needs.
READERS = {
    ".docx": ("docx", "gwlint.docx_io:read_docx"),
    ".odt": ("odt", "gwlint.formats.odt:read"),
    ".rtf": ("rtf", "gwlint.formats.rtf:read"),
    ".doc": ("doc", "gwlint.formats.office:read_doc"),
    ".wps": ("wps", "gwlint.formats.office:read_wps"),
    ".pdf": ("pdf", "gwlint.formats.pdf:read"),
    ".ofd": ("ofd", "gwlint.formats.ofd:read"),
}
LINTABLE_SUFFIXES = TEXT_SUFFIXES + tuple(READERS)
_ALLOWED_CONTROLS = set("\t\n\r\x0c")


def _looks_binary(text: str) -> bool:
    """Many C0 control characters mean this is not a text document."""
    if not text:
        return False
    sample = text[:20000]
    controls = sum(1 for c in sample if c < " " and c not in _ALLOWED_CONTROLS)
    return controls > max(8, len(sample) // 100)


def _plausible_text_ratio(text: str) -> float:
    """Share of characters that ordinary Chinese or English text is made of."""
    if not text:
        return 0.0
    ok = 0
    for c in text[:4000]:
        o = ord(c)
        if (0x20 <= o < 0x7F or c in "\t\r\n" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F or 0x00A0 <= o <= 0x00FF):
            ok += 1
    return ok / min(len(text), 4000)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NULs come from ASCII characters and line
    breaks, and the decoded text reads as ordinary text."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:8192]
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    candidates = ["utf-16-le", "utf-16-be"] if odd_nuls >= even_nuls else ["utf-16-be", "utf-16-le"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_text_ratio(text) >= 0.9:
            return text, enc
    return None


def decode(data: bytes, name: str = "-") -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom) or raise InputError."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError:
            raise InputError(f"{name}: has a UTF-8 BOM but is not valid UTF-8") from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), enc, True
            except UnicodeDecodeError:
                raise InputError(f"{name}: has a UTF-16 BOM but is not valid UTF-16") from None
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            return found[0], found[1], False
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text document")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise InputError(f"{name}: binary file (control characters), not a text document")
        if enc == "gb18030":
            _refuse_foreign(data, text, name)
        return text, enc, False
    _refuse_foreign(data, None, name)
    raise InputError(f"{name}: cannot decode: not UTF-8, UTF-16 with a BOM, or GB18030/GBK")


# Other East Asian legacy encodings. GB18030 decodes almost any bytes, so a
# Big5 or Shift-JIS draft would be read as nonsense (and --fix would write
# GB18030 into it): they are recognised and refused with a hint instead.
FOREIGN = (("cp950", "Big5 (traditional Chinese)", "BIG5"), ("cp932", "Shift-JIS (Japanese)", "SHIFT-JIS"))


@functools.lru_cache(maxsize=65536)
def _lead_byte(ch: str, encoding: str) -> int:
    try:
        encoded = ch.encode(encoding)
    except UnicodeEncodeError:
        return 0
    return encoded[0] if len(encoded) == 2 else 0


def _han(text: str, limit: int = 20000) -> list[str]:
    return [c for c in text[:limit] if "\u4e00" <= c <= "\u9fff"]


def _share(chars: list[str], test) -> float:
    return sum(1 for c in chars if test(c)) / len(chars) if chars else 0.0


def _plausible_as(encoding: str, text: str) -> bool:
    """Whether ``text``, decoded as ``encoding``, reads like that language."""
    if encoding == "cp950":  # mostly the 5,401 common characters of Big5 (level 1: A440–C67E)
        han = _han(text)
        return len(han) >= 8 and _share(han, lambda c: 0xA4 <= _lead_byte(c, "big5") <= 0xC6) >= 0.9
    wide = [c for c in text[:20000] if ord(c) > 0x7F]
    kana = _share(wide, lambda c: "\u3040" <= c <= "\u30ff")
    half = _share(wide, lambda c: "\uff61" <= c <= "\uff9f")
    return len(wide) >= 8 and kana >= 0.1 and half <= 0.05


def _refuse_foreign(data: bytes, gb_text: str | None, name: str) -> None:
    """InputError if the bytes are Big5 or Shift-JIS rather than GB18030."""
    if gb_text is not None:
        han = _han(gb_text)
        # simplified Chinese is nearly all GB2312 (A1A1–F7FE); Big5 or
        # Shift-JIS bytes read as GBK fall in its extensions and symbol rows
        if len(han) < 8 or _share(han, lambda c: _lead_byte(c, "gb2312") >= 0xB0) >= 0.9:
            return
    for encoding, label, iconv in FOREIGN:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_as(encoding, text):
            raise InputError(f"{name}: looks like {label}, which gwlint does not read; convert it to UTF-8 "
                             f"first (iconv -f {iconv} -t UTF-8)")


def load_text(text: str, path: str = "-") -> Document:
    return Document(text, path=path)


def load_bytes(data: bytes, path: str = "-", max_size: int | None = None) -> Document:
    if max_size is not None and len(data) > max_size:
        raise InputError(f"{path}: file is {len(data):,} bytes, over the limit of {max_size:,} (max-file-size)")
    reader = reader_for(path)
    if reader is not None:
        doc = reader(data, path)
        if max_size is not None and len(doc.text) > max_size:  # bounded by what it expands to
            raise InputError(f"{path}: its text is {len(doc.text):,} characters, over the limit of {max_size:,} "
                             "(max-file-size applies to the extracted text too)")
        return doc
    text, encoding, bom = decode(data, path)
    return Document(text, path=path, encoding=encoding, bom=bom)


def read_file(path: str | os.PathLike, max_size: int | None = None) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and stat, at most ``max_size`` of them: a FIFO,
    a device, a socket or a folder is refused, never read (one that never ends
    would hang the run)."""
    from .safe_io import read_regular

    return read_regular(path, max_size)


def reader_for(path: str):
    """The reader of a file's format (by suffix), or None for text."""
    entry = READERS.get(os.path.splitext(path)[1].lower())
    if entry is None:
        return None
    from importlib import import_module

    module, function = entry[1].split(":")
    return getattr(import_module(module), function)


def load_path(path: str | os.PathLike, max_size: int | None = None) -> Document:
    data, _ = read_file(path, max_size)
    return load_bytes(data, os.fsdecode(path), max_size)


def encode(doc: Document, text: str) -> bytes:
    """Encode ``text`` the way ``doc`` was stored: same encoding, same BOM."""
    data = text.encode(doc.encoding)
    if doc.bom:
        bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
               "utf-16-be": codecs.BOM_UTF16_BE}[doc.encoding]
        data = bom + data
    return data
