"""Every finding of every family on the real documents of
../shared/data/realgov/ (31 published official documents, none written here),
each reviewed by hand in tests/realdocs/findings.tsv as a real defect, a false
alarm or web-page residue, with a one-line reason (issues 14, 15 and 16).

- The findings must equal the table: a new finding, or one that goes away,
  fails until the table is reviewed again. TY's part needs the language model.
- ``gwlint --fix`` (safe fixes) on every document changes only spans the
  table labels as real defects, or whole lines of web-page residue: checked
  byte for byte.
- NU, ST and PH, which judge the text, stay silent on these documents; EX, CO,
  NU, ST, PH and NM together make at most 0.3 findings per 10,000 characters,
  and TY at most 0.3 as well.

Regenerate the rows (then review each verdict by hand) with
``python -m tests.realdocs.test_findings_table``.
"""
from __future__ import annotations

import difflib
from collections import Counter

import pytest

from tests.realdocs.realdocs import (HERE, SHARED, VERDICTS, config_for, current_rows, documents, flagged, key,
                                     read_table)

TABLE = HERE / "findings.tsv"
JUDGING = ("EX", "CO", "NU", "ST", "PH", "NM")
LIMIT = 0.3  # findings per 10,000 characters, for the judging families together, and for TY

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the real documents) is not here")


def families() -> tuple[str, ...]:
    from gwlint.rules import bundled_registry

    return tuple(sorted({code[:2] for code in bundled_registry().rules}))


def table() -> list[dict]:
    return read_table(TABLE)


def verdicts() -> dict[tuple, str]:
    out: dict[tuple, str] = {}
    for row in table():
        assert out.setdefault(key(row), row["verdict"]) == row["verdict"], f"one finding, two verdicts: {row}"
    return out


def characters() -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in documents())


def test_every_row_has_a_verdict_and_a_reason():
    rows = table()
    assert rows
    for row in rows:
        assert row["code"][:2] in families(), row
        assert row["verdict"] in VERDICTS, row
        assert len(row["reason"].strip()) >= 10, row


def _compare(fams):
    got = Counter(current_rows(fams))
    want = Counter(key(r) for r in table() if r["code"][:2] in fams)
    new, gone = sorted((got - want).elements()), sorted((want - got).elements())
    assert not new and not gone, (f"findings not in tests/realdocs/findings.tsv: {new}\n"
                                  f"rows of the table no longer found: {gone}")


def test_the_findings_on_the_real_documents_are_the_reviewed_ones():
    _compare(tuple(f for f in families() if f != "TY"))


@pytest.mark.needs_lm
def test_the_typo_findings_on_the_real_documents_are_the_reviewed_ones():
    _compare(("TY",))


def test_the_judging_families_are_silent_on_real_documents():
    """NU, ST and PH judge structure and content: on professionally edited
    documents their findings are false alarms, so there must be none."""
    assert [r for r in table() if r["code"][:2] in ("NU", "ST", "PH")] == []


def test_judging_families_make_at_most_three_findings_per_100000_characters():
    """Issue 14's budget: EX, CO, NU, ST, PH and NM together (real defects of
    the authors included)."""
    rows = [r for r in table() if r["code"][:2] in JUDGING]
    assert len(rows) / characters() * 10_000 <= LIMIT, Counter(r["code"] for r in rows)


def test_typos_make_at_most_three_findings_per_100000_characters():
    """Issue 15's limit for the default tier."""
    rows = [r for r in table() if r["code"][:2] == "TY"]
    assert len(rows) / characters() * 10_000 <= LIMIT, rows


def _allowed(doc, findings, verdict_of) -> list[tuple[int, int]]:
    """Offsets --fix may touch: the spans (and fix edits) of real defects, and
    whole lines of residue (with their line break)."""
    regions = []
    for d in findings:
        row = (doc.path.rsplit("/", 1)[-1], doc.position(d.span.start)[0] + 1, d.code,
               flagged(doc.text, d.span.start, d.span.end))
        verdict = verdict_of.get(row)
        if verdict == "defect":
            regions.append((d.span.start, d.span.end))
            regions += [(e.start, e.end) for e in (d.fix.edits if d.fix else ())]
        elif verdict == "residue" and d.code == "LY002":
            first, last = doc.position(d.span.start)[0], doc.position(d.span.end)[0]
            lines = doc.lines
            start = lines[first].start if first == 0 or last + 1 < len(lines) else lines[first - 1].end
            end = lines[last + 1].start if last + 1 < len(lines) else lines[last].end
            regions.append((start, end))
    merged: list[list[int]] = []  # a block of residue lines is one region
    for s, e in sorted(regions):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _changes(old: str, new: str):
    """(start, end) in ``old`` of every change that makes ``new``: whole
    lines first, then characters inside the changed lines."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    offsets = [0]
    for line in a:
        offsets.append(offsets[-1] + len(line))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                inner = difflib.SequenceMatcher(None, a[i1 + k], b[j1 + k], autojunk=False)
                for t, x1, x2, _, _ in inner.get_opcodes():
                    if t != "equal":
                        yield offsets[i1 + k] + x1, offsets[i1 + k] + x2
        else:
            yield offsets[i1], offsets[i2]


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name)
def test_fix_changes_only_real_defects_and_whole_residue_lines(path):
    from gwlint import Document, load_path
    from gwlint.api import lint_document
    from gwlint.fixes import fix_text

    doc = load_path(path)
    cfg = config_for(families())
    fixed, _ = fix_text(doc.text, lambda t: lint_document(Document(t, path=doc.path, kind=doc.kind), cfg))
    regions = _allowed(doc, lint_document(doc, cfg), verdicts())
    for start, end in _changes(doc.text, fixed):
        assert any(s <= start and end <= e for s, e in regions), (
            f"{path.name}: --fix changed {doc.text[max(0, start - 10):end + 10]!r} "
            f"(line {doc.position(start)[0] + 1}), which the table labels as no defect")


if __name__ == "__main__":  # print the current rows, for a review of the table
    for row in current_rows(families()):
        print("\t".join(map(str, row)))
