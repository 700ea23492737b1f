"""Markdown is a format, not prose: in .md documents no rule reports inside
code, link targets or HTML, and the lines that carry Markdown structure are
known to the layout rules (gwlint.markdown)."""
from gwlint import Document
from gwlint.api import configure, lint_document as lint
from gwlint.markdown import skipped_spans, structure_lines

NOTICE = """# 关于开展安全检查的通知

各单位：

- 检查范围：全市各级机关
- 检查时间：5月13日至5月20日
1. 自查阶段
2. 抽查阶段

| 单位 | 联系人 |
| --- | --- |
| 市应急局 | 张明 |

> 请认真落实。

```
gwlint --fix 通知.md
同志们:
```

详见[通知原文](https://example.gov.cn/a,b(c).htm)和`--select PU,LY`，<span>注:</span>
"""


def lines_of(numbers, doc):
    return sorted(doc.lines[n].text for n in numbers)


def test_structure_lines_are_headings_lists_tables_quotes_and_code():
    doc = Document(NOTICE, path="n.md")
    structure = structure_lines(doc)
    texts = [doc.lines[n].text for n in sorted(structure)]
    assert texts == ["# 关于开展安全检查的通知", "- 检查范围：全市各级机关", "- 检查时间：5月13日至5月20日",
                     "1. 自查阶段", "2. 抽查阶段", "| 单位 | 联系人 |", "| --- | --- |", "| 市应急局 | 张明 |",
                     "> 请认真落实。", "```", "gwlint --fix 通知.md", "同志们:", "```"]


def test_skipped_spans_are_code_link_targets_and_html():
    doc = Document(NOTICE, path="n.md")
    skipped = [doc.text[s.start:s.end] for s in skipped_spans(doc)]
    assert "gwlint --fix 通知.md" in skipped and "同志们:" in skipped
    assert "](https://example.gov.cn/a,b(c).htm)" in skipped
    assert "`--select PU,LY`" in skipped and "<span>" in skipped and "</span>" in skipped


def test_no_finding_inside_code_link_targets_or_html_in_markdown():
    found = [(doc_line(d), d.code) for d in lint(Document(NOTICE, path="n.md"), configure({}))]
    assert found == [(21, "PU001")], found  # 注: between two HTML tags is prose


def doc_line(d, _doc=Document(NOTICE, path="n.md")):
    return _doc.position(d.span.start)[0] + 1


def test_the_same_text_as_plain_text_is_prose_throughout():
    doc = Document(NOTICE, path="n.txt")
    lines = [doc.position(d.span.start)[0] + 1 for d in lint(doc, configure({"select": ["PU001"]}))]
    assert lines == [18, 21]  # 同志们: in the "code" is prose in a .txt


def test_a_fence_left_open_runs_to_the_end():
    doc = Document("正文。\n```\n同志们:\n", path="a.md")
    assert lint(doc, configure({})) == []


def test_full_width_indentation_is_a_paragraph_indent_not_code():
    doc = Document("\u3000\u3000同志们，今天开会。\n", path="a.md")
    assert structure_lines(doc) == frozenset()
