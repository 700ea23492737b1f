"""LY: hard line breaks, scrape residue, indentation, whitespace and blank
lines (cases.toml, run by tests/rules/test_cases.py), and the safe fixes they carry."""

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import fix_text
from tests.rules.cases import load_cases

CASES = load_cases("layout")


def _fix(text, select=("LY",)):
    return fix_text(text, lambda t: lint(Document(t), Config(select=select)))[0]


def test_hard_wrap_fix_joins_lines_and_keeps_every_character():
    text = CASES[0]["text"]
    fixed = _fix(text)
    assert fixed.replace("\n", "") == text.replace("\n", "")
    assert fixed.split("\n")[:4] == [
        "经过前段时间的充分准备，市委决定在全市开展作风建设专项行动，主要任务是深入贯彻省委部署要求，聚焦一个时期以来"
        "发生在我市的违纪违法案件，深入剖析政治上、思想上、制度上的症结根源，全面强化系统性的整改措施，推动全市政治"
        "生态加快重塑、根本好转，干部状态全面提振、焕然一新，在推动高质量发展的新征程上积极展现新作为。",
        "下面，我讲两点意见。",
        "一、深刻认识开展专项行动的重大意义，自觉把思想和行动统一到省委部署",  # a heading: only suggested
        "要求上来",
    ]
    assert _fix(fixed) == fixed
    heading = [d for d in lint(Document(text), Config(select=("LY001",))) if d.span.start < text.index("要求上来")
               and d.span.start > text.index("一、")]
    assert len(heading) == 1 and not heading[0].fix.safe


def test_dangling_word_join_is_only_a_suggestion():
    found = lint(Document("同志们：\n今天召开全市会议，主要任务是\n部署下一阶段工作。\n"), Config(select=("LY001",)))
    assert len(found) == 1 and not found[0].fix.safe
    found = lint(Document("同志们：\n今天召开会议，总结工作，\n部署任务。\n"), Config(select=("LY001",)))
    assert found[0].fix.safe


def test_residue_fix_deletes_whole_lines():
    assert _fix("讲话\n999+\n海报\n同志们：\n今天开会。\n") == "讲话\n同志们：\n今天开会。\n"
    assert _fix("同志们：\n今天开会。\n展开>>\n收起<<") == "同志们：\n今天开会。"  # no final break, as before


def test_whitespace_fixes():
    assert _fix("同志们：  \n\n\n\n今天开会。\u3000\n") == "同志们：\n\n今天开会。\n"
