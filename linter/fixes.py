"""Applying fixes: deterministic, idempotent, and atomic on disk."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .model import Diagnostic, Edit


def choose_edits(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """The edits of every applicable fix, with overlapping fixes dropped.

    Fixes are taken in (start, end, code) order; a fix that overlaps one
    already taken is skipped whole, so the result never depends on luck.
    """
    taken: list[Edit] = []
    ordered = sorted((d for d in diagnostics if d.fix and (d.fix.safe or unsafe)),
                     key=lambda d: (d.span.start, d.span.end, d.code, d.message))
    for d in ordered:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        if any(_clash(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
    return sorted(taken, key=lambda e: (e.start, e.end))


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
    """Write to a temporary file beside ``path``, then rename it into place.

    If anything fails before the rename, the original file is untouched.
    """
    target = Path(path)
    mode = None
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gwlint-tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
