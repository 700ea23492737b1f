"""Word documents: body paragraphs and table cells, read with python-docx.

Each paragraph becomes one line of the Document's text, so rules see the
draft the way they see a .txt file; ``paragraph_starts`` maps offsets back to
paragraphs for reporting.
"""
from __future__ import annotations

import io
import zipfile

from .errors import InputError
from .model import Document

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # refuse zip bombs
# What a .docx may expand to. A few KB of zip can hold 200,000 empty
# paragraphs (each costs the rules as much as a line of text) or megabytes of
# repeated text, so the limits are on what comes out, not on the file.
MAX_PARAGRAPHS = 50_000  # a 1,000-page report has about 20,000
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def iter_paragraphs(document):
    """Body paragraphs and table-cell paragraphs, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _check_expansion(data: bytes, path: str, max_chars: int | None) -> None:
    """Count the body's paragraphs and characters in one streaming pass (no
    tree is kept) and refuse a document past the limits before python-docx
    builds its objects for it."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            with zf.open("word/document.xml") as fh:
                paragraphs = chars = 0
                for _, el in etree.iterparse(fh, events=("end",), tag=(f"{W_NS}p", f"{W_NS}t"),
                                             resolve_entities=False, no_network=True, huge_tree=False):
                    if el.tag == f"{W_NS}p":
                        paragraphs += 1
                        if paragraphs > MAX_PARAGRAPHS:
                            raise InputError(f"{path}: .docx has over {MAX_PARAGRAPHS:,} paragraphs, refused "
                                             "(the limit on what a .docx may expand to)")
                    else:
                        chars += len(el.text or "")
                        if max_chars is not None and chars > max_chars:
                            raise InputError(f"{path}: .docx text is over {max_chars:,} characters, refused "
                                             "(max-file-size applies to the extracted text too)")
                    el.clear(keep_tail=True)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, EOFError):
        return  # python-docx reports the damage in its own words below


def read_docx(data: bytes, path: str, max_chars: int | None = None) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_UNCOMPRESSED:
                raise InputError(f"{path}: .docx expands to {total:,} bytes, refused (zip bomb?)")
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx (not a zip file)") from None
    _check_expansion(data, path, max_chars)
    try:
        import docx
    except ImportError:
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        texts = [p.text for p in iter_paragraphs(document)]
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds on corrupt files
        raise InputError(f"{path}: corrupt .docx: {type(exc).__name__}") from None
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return Document("\n".join(texts), path=path, encoding="docx", paragraph_starts=tuple(starts), kind="docx")
