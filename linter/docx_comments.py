"""A reviewed copy of a Word draft (``--format docx-comments -o reviewed.docx``):
each finding becomes a comment anchored on its span. The original is never
touched. An output mode of the CLI, not a report format: it writes a .docx
beside the input instead of text to a stream."""
from __future__ import annotations

import copy
import io

from .docx_io import iter_paragraphs
from .errors import GwlintError

AUTHOR, INITIALS = "gwlint", "GW"


def _split_run(run, at: int):
    """Split ``run`` at character ``at``; returns the new run holding the rest."""
    from docx.text.run import Run

    text = run.text
    new_r = copy.deepcopy(run._r)
    run._r.addnext(new_r)
    rest = Run(new_r, run._parent)
    run.text = text[:at]
    rest.text = text[at:]
    return rest


def isolate(paragraph, start: int, end: int):
    """The runs covering paragraph characters [start, end), splitting runs at
    the boundaries so the comment anchors exactly on the span."""
    runs = list(paragraph.runs)
    if "".join(r.text for r in runs) != paragraph.text or not runs:
        return runs  # hyperlinks or fields: anchor on the whole paragraph
    pos = 0
    covered = []
    for run in runs:
        text = run.text
        r_start, r_end = pos, pos + len(text)
        pos = r_end
        if r_end <= start or r_start >= end or not text:
            continue
        if r_start < start:
            run = _split_run(run, start - r_start)
            r_start = start
        if r_end > end:
            _split_run(run, end - r_start)
        covered.append(run)
    return covered or runs[:1]


def write(result, source_path: str, output_path: str) -> int:
    """Write the reviewed copy; returns the number of comments added."""
    import docx

    if result.document is None or result.document.paragraph_starts is None:
        raise GwlintError(f"{source_path}: --format docx-comments needs a .docx input")
    with open(source_path, "rb") as fh:
        data = fh.read()
    document = docx.Document(io.BytesIO(data))
    paragraphs = list(iter_paragraphs(document))
    starts = result.document.paragraph_starts
    import bisect

    added = 0
    for d in sorted(result.diagnostics, key=lambda d: -d.span.start):
        i = bisect.bisect_right(starts, d.span.start) - 1
        if i < 0 or i >= len(paragraphs):
            continue
        p_start = starts[i]
        p_len = len(paragraphs[i].text)
        s = d.span.start - p_start
        e = max(s + 1, min(d.span.end - p_start, p_len))
        runs = isolate(paragraphs[i], s, e)
        if not runs:
            continue
        text = f"{d.code} {d.message}" + (f"\n建议：{d.fix.title}" if d.fix else "")
        document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
        added += 1
    document.save(output_path)
    return added

