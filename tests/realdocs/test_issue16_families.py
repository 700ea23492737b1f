"""The real documents of ../shared/data/realgov: every finding of the families
DT, DN, GR and NM there is reviewed in tests/realdocs/<FAMILY>.tsv (defect,
false-alarm or residue, with a reason). A finding the table does not list, or
a listed one that is gone, fails the test: review it and update the table."""
import csv
from pathlib import Path

import pytest

from gwlint import load_path
from gwlint.api import lint_document as lint
from gwlint.config import Config

ROOT = Path(__file__).resolve().parents[2]
REALGOV = ROOT.parent / "shared" / "data" / "realgov"
HERE = Path(__file__).resolve().parent
FAMILIES = ("DT", "DN", "GR", "NM")
VERDICTS = {"defect", "false-alarm", "residue"}

pytestmark = pytest.mark.skipif(not (ROOT.parent / "shared").is_dir(), reason="../shared is absent")


def _table(family):
    with open(HERE / f"{family}.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        assert row["verdict"] in VERDICTS and row["reason"].strip(), row
        assert row["code"].startswith(family), row
    return sorted((r["file"], int(r["line"]), r["code"], r["flagged"]) for r in rows)


def _findings(family):
    out = []
    for path in sorted(REALGOV.glob("*.txt")):
        doc = load_path(path)
        for d in lint(doc, Config(select=(family,))):
            out.append((path.name, doc.position(d.span.start)[0] + 1, d.code, doc.text[d.span.start:d.span.end]))
    return sorted(out)


@pytest.mark.parametrize("family", FAMILIES)
def test_findings_on_real_documents_are_the_reviewed_ones(family):
    assert _findings(family) == _table(family)


def test_no_false_alarm_is_left_in_the_tables():
    for family in FAMILIES:
        with open(HERE / f"{family}.tsv", encoding="utf-8") as fh:
            assert "\tfalse-alarm\t" not in fh.read(), family
