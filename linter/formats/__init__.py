"""Readers for the office and page formats gwlint lints but does not write.

Each reader turns the bytes of one file into a Document whose text has one
paragraph per line and whose ``paragraph_starts`` map offsets back to
paragraphs, the way .docx drafts are read (see gwlint.docx_io). The table of
suffixes and readers is gwlint.load.READERS.
"""
from __future__ import annotations

from ..errors import InputError
from ..model import Document


def from_paragraphs(paragraphs: list[str], path: str, kind: str) -> Document:
    """One paragraph per line; ``paragraph_starts`` maps offsets back."""
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    return Document("\n".join(paragraphs), path=path, encoding=kind, paragraph_starts=tuple(starts), kind=kind)


def no_text(path: str, what: str, why: str) -> InputError:
    return InputError(f"{path}: {what} has no text to lint ({why})")
