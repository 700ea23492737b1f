"""Applying fixes: deterministic, idempotent, and atomic on disk."""
from __future__ import annotations

import bisect
import os
from typing import Callable, Iterable

from .model import Diagnostic, Edit


def choose_edits(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """The edits of every applicable fix, with overlapping fixes dropped.

    Fixes are taken in (start, end, code) order; a fix that clashes with one
    already taken is skipped whole, so the result never depends on luck.
    Taken edits never clash, so sorted by start their ends rise too: a new
    edit can only clash with its two neighbours, found by bisection
    (O(n log n) for n fixes, where testing every taken edit was O(n²)).
    """
    taken = _TakenEdits()
    ordered = sorted((d for d in diagnostics if d.fix and (d.fix.safe or unsafe)),
                     key=lambda d: (d.span.start, d.span.end, d.code, d.message))
    for d in ordered:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        if any(_clash(a, b) for a, b in zip(edits, edits[1:])):
            continue  # a fix at odds with itself cannot be applied
        if any(taken.clashes(e) for e in edits):
            continue
        for e in edits:
            taken.add(e)
    return taken.edits


class _TakenEdits:
    """Edits that do not clash with each other, kept sorted by (start, end)."""

    def __init__(self):
        self.keys: list[tuple[int, int]] = []
        self.edits: list[Edit] = []

    def clashes(self, e: Edit) -> bool:
        i = bisect.bisect_left(self.keys, (e.start, -1))
        if i > 0 and _clash(e, self.edits[i - 1]):
            return True
        return i < len(self.edits) and _clash(e, self.edits[i])

    def add(self, e: Edit) -> None:
        i = bisect.bisect_right(self.keys, (e.start, e.end))
        self.keys.insert(i, (e.start, e.end))
        self.edits.insert(i, e)


def _clash(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    # two insertions at one point, or an insertion at a deletion's edge
    return a.start == b.start and (a.start == a.end or b.start == b.end)


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e}")
        parts.append(text[pos:e.start])
        parts.append(e.text)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, lint_text: Callable[[str], list[Diagnostic]], unsafe: bool = False,
             max_passes: int = 10) -> tuple[str, int]:
    """Apply fixes until none is left (or ``max_passes``); returns (text, fixes applied)."""
    applied = 0
    for _ in range(max_passes):
        edits = choose_edits(lint_text(text), unsafe)
        if not edits:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        applied += len(edits)
        text = new
    return text, applied


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path``. An existing file is rewritten the careful
    way of ``safe_io.write_fixed`` (through symlinks, keeping links, owner,
    mode, ACLs and xattrs); a new one is written to a temporary file and
    renamed into place. If anything fails, what was there is untouched."""
    from .safe_io import _temp_name, write_fixed

    if os.path.lexists(path):
        write_fixed(path, data)
        return
    tmp = _temp_name(os.path.dirname(os.fspath(path)) or ".")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
