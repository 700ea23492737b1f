"""PH: every placeholder in the seeds is flagged with its exact span, and
clean official prose (with X光, 5×3, Markdown emphasis) has none."""
import csv
import re
from pathlib import Path

import pytest

from gwlint import Document, load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config

ROOT = Path(__file__).resolve().parents[2]
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
    path = ROOT / "tests" / "core" / "fixtures" / name
    doc = load_path(path)
    assert len(doc.text) >= 3000
    assert lint(doc, PH) == []


NOT_PLACEHOLDERS = [
    "医院新购置了X光机。", "做好X射线防护。", "检验科要管理好X线片。", "病房按5×3米设计。", "计算5 × 3的结果。",
    "系统升级到Windows XP。", "支持XML和JSON格式。", "参见第3.2节。", "二〇二四年工作要点。", "某些单位仍存在问题。",
    "在某种程度上反映了问题。", "各级党委（党组）要落实责任。", "使用f()函数。", "公式为a*b=c。", "评分为5*。",
]


@pytest.mark.parametrize("text", NOT_PLACEHOLDERS)
def test_tricky_non_placeholders(text):
    assert lint(Document(text, path="x.txt"), PH) == []


MARKDOWN_OK = ["**第一，要坚持以上率下。**各级领导干部要带头。", "*强调*的内容。", "* 加强质量管理；", "***", "- [ ] 待办事项"]


@pytest.mark.parametrize("text", MARKDOWN_OK)
def test_markdown_syntax_is_not_a_placeholder(text):
    assert lint(Document(text, path="x.md"), PH) == []


@pytest.mark.parametrize("text, kind", [
    ("请XX同志发言。", "姓名"), ("***书记讲话。", "姓名"), ("处分**人。", "数字"), ("第X条规定。", "数字"),
    ("现代化**市建设。", "地名"), ("XX县要抓好整改。", "地名"), ("X案、X案以案促改。", "案件名称"),
])
def test_message_names_the_missing_value(text, kind):
    found = lint(Document(text, path="x.txt"), PH)
    assert found and kind in found[0].message


@pytest.mark.parametrize("text, token", [
    ("*月*日，省委召开会议。", "*月*日"), ("X月X日召开。", "X月X日"), ("20XX年X月X日", "20XX年X月X日"),
    ("于××月××日前报送。", "××月××日"), ("定于5月X日召开。", "X日"),
])
def test_dates_are_one_finding(text, token):
    found = lint(Document(text, path="x.txt"), PH)
    assert [(d.code, text[d.span.start:d.span.end]) for d in found] == [("PH003", token)]


def test_full_width_asterisks_and_x():
    found = lint(Document("＊＊同志和ＸＸ同志", path="x.txt"), PH)
    assert [d.code for d in found] == ["PH002", "PH001"]
