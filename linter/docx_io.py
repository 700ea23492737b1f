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


def read_docx(data: bytes, path: str) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > MAX_UNCOMPRESSED:
                raise InputError(f"{path}: .docx expands to {total:,} bytes, refused (zip bomb?)")
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx (not a zip file)") from None
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
