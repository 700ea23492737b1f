"""The sample draft of issue 16: a proofreader flags at least eight problems in
it, and so must gwlint, each with a clear message and, where certain, a safe fix."""
from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import apply_edits, choose_edits

DRAFT = """各区县人民政府，市政府各部门：
现将《关于加强安全生产工作的意见》（市政发[2024]第05号）印发给你们，请认真贯彻执行。
会议定于2024年11月28日（星期三）召开，材料请于2024年2月30日前报送。
2024.11.27，市委召开常委会，会议时间大约为两小时左右，参会人数超过100人以上。
这次活动的目的是为了进一步提高认识，涉及到全市各个部门。
全市GDP增长了百分之5.2。
"""

# (line, code, what the message must say, the flagged text, the fix's text or None, safe)
EXPECTED = [
    (2, "DN001", "六角括号“〔〕”", "[2024]", "〔2024〕", True),
    (2, "DN002", "不加“第”字、不编虚位", "第05", "5", True),
    (3, "DT002", "2024年11月28日是星期四，不是星期三", "2024年11月28日（星期三", "星期四", False),
    (3, "DT001", "“2024年2月30日”不存在", "2024年2月30日", None, None),
    (4, "DT003", "应写作“2024年11月27日”", "2024.11.27", "2024年11月27日", True),
    (4, "GR001", "“大约”与“左右”", "大约为两小时左右", "", False),
    (4, "GR001", "“超过”与“以上”", "超过100人以上", "", False),
    (5, "GR001", "“目的是为了”语义重复", "目的是为了", "", False),
    (5, "GR001", "“涉及到”应为“涉及”", "到", "", False),
    (6, "NM010", "应为“5.2%”", "百分之5.2", "5.2%", True),
]


def _findings():
    doc = Document(DRAFT, path="draft.txt")
    return doc, lint(doc, Config(select=("ALL",)))


def test_the_draft_gets_every_finding_a_proofreader_makes():
    doc, found = _findings()
    for line, code, says, flagged, fix_text, safe in EXPECTED:
        hits = [d for d in found if d.code == code and says in d.message and doc.position(d.span.start)[0] + 1 == line]
        assert len(hits) == 1, (line, code, says, [(d.code, d.message) for d in found])
        d = hits[0]
        assert flagged in DRAFT[d.span.start:d.span.end] or DRAFT[d.span.start:d.span.end] in flagged, (code, flagged)
        if fix_text is None:
            assert d.fix is None, code
        else:
            assert d.fix is not None and d.fix.safe == safe, code
            if code == "DN001":
                assert [e.text for e in d.fix.edits] == ["〔", "〕"]
            else:
                assert d.fix.edits[0].text == fix_text, code
    assert len({(d.code, d.message) for d in found if d.code[:2] in ("DN", "DT", "GR", "NM")}) >= 8


def test_safe_fixes_on_the_draft_change_only_what_is_certain():
    doc, found = _findings()
    fixed = apply_edits(DRAFT, choose_edits(found))
    assert fixed.splitlines()[1] == "现将《关于加强安全生产工作的意见》（市政发〔2024〕5号）印发给你们，请认真贯彻执行。"
    assert fixed.splitlines()[3].startswith("2024年11月27日，市委召开常委会")
    assert fixed.splitlines()[5] == "全市GDP增长了5.2%。"
    # the weekday and the impossible date need the author: left as written
    assert fixed.splitlines()[2] == DRAFT.splitlines()[2]
