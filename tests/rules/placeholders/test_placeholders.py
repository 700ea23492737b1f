"""PH: every placeholder in the seeds is flagged with its exact span, and
clean official prose has none (near misses such as X光, 5×3 and Markdown
emphasis are rule cases: cases.toml)."""
import csv
import re
from pathlib import Path

import pytest

from gwlint import load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT.parent / "shared" / "catalog" / "seed-defects.tsv"
PH = Config(select=("PH",))
TOKEN = re.compile(r"[XＸ×]+|[*＊]+|某某+|[○□]+")


def ph_spans(path):
    doc = load_path(path)
    return doc, {(d.span.start, d.span.end) for d in lint(doc, PH)}


def catalog_rows():
    if not CATALOG.exists():
        return []
    with CATALOG.open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r["family"] == "PH"]


@pytest.mark.skipif(not CATALOG.exists(), reason="../shared catalog not present")
@pytest.mark.parametrize("row", catalog_rows(), ids=lambda r: f"{r['file'][:3]}:{r['line']}:{r['wrong'][:12]}")
def test_catalog_placeholders_have_exact_spans(row):
    doc, spans = ph_spans(ROOT / "seeds" / row["file"])
    line = doc.lines[int(row["line"]) - 1]
    col = line.text.find(row["wrong"])
    assert col >= 0
    base = line.start + col
    for m in TOKEN.finditer(row["wrong"]):
        start, end = base + m.start(), base + m.end()
        covered = any(s <= start and end <= e for s, e in spans)
        assert covered, f"placeholder {m.group()!r} at {start} not flagged"
        # the span is the placeholder itself (or the whole date for X月X日)
        assert any(s == start or (doc.text[s:e].endswith(("月", "日")) and s <= start < e) for s, e in spans)


# Our own count of the placeholders in each seed, reviewed by hand.
SEED_COUNTS = {
    "000_0033c06120a015d5.txt": 45,
    "001_fdbb133df198b9b9.txt": 9,
    "002_1d499596249599e0.txt": 40,
    "003_350d83f4e7bb8cf5.txt": 3,
    "004_f95eedb844636dc0.txt": 3,
}


@pytest.mark.parametrize("name, count", sorted(SEED_COUNTS.items()))
def test_seed_placeholder_counts(name, count):
    _, spans = ph_spans(ROOT / "seeds" / name)
    assert len(spans) == count


@pytest.mark.parametrize("name", ["clean_speech.txt", "clean_speech.md"])
def test_clean_prose_has_no_placeholder_findings(name):
    path = ROOT / "tests" / "rules" / "clean_drafts" / name
    doc = load_path(path)
    assert len(doc.text) >= 3000
    assert lint(doc, PH) == []
