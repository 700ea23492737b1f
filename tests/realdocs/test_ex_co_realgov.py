"""EX and CO on real, professionally edited official documents
(../shared/data/realgov/): the findings are exactly the ones reviewed in
tests/realdocs/EX-CO.tsv (file, line, code, flagged, verdict, reason).
A new finding, or one that disappears, fails until the table is reviewed."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from gwlint import load_path
from gwlint.api import lint_document as lint
from gwlint.config import Config

ROOT = Path(__file__).resolve().parents[2]
REALGOV = ROOT.parent / "shared" / "data" / "realgov"
TABLE = Path(__file__).with_name("EX-CO.tsv")
VERDICTS = {"defect", "false-alarm", "residue"}

pytestmark = pytest.mark.skipif(not REALGOV.is_dir(), reason="../shared/data/realgov is not available")


def reviewed() -> list[dict]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def current() -> Counter:
    found = Counter()
    for path in sorted(REALGOV.glob("*.txt")):
        doc = load_path(path)
        for d in lint(doc, Config(select=("EX", "CO"))):
            line = doc.position(d.span.start)[0] + 1
            found[(path.name, str(line), d.code, doc.text[d.span.start:d.span.end])] += 1
    return found


def test_every_row_is_reviewed():
    for row in reviewed():
        assert row["verdict"] in VERDICTS, row
        assert row["reason"].strip(), row


def test_findings_on_real_documents_are_exactly_the_reviewed_ones():
    table = Counter((r["file"], r["line"], r["code"], r["flagged"]) for r in reviewed())
    found = current()
    assert found - table == Counter(), f"new EX/CO findings on realgov, review them in {TABLE.name}"
    assert table - found == Counter(), f"rows of {TABLE.name} no longer found: update the table"


def test_density_stays_within_the_budget():
    """At most about 0.1 findings per 10,000 characters (issue 14's budget is
    0.3 for EX, CO, NU, ST, PH and NM together)."""
    chars = sum(len(p.read_text(encoding="utf-8")) for p in REALGOV.glob("*.txt"))
    assert sum(current().values()) / chars * 10_000 <= 0.15
