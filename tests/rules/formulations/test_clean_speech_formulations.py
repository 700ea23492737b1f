"""A clean speech (讲话稿) full of standard formulations: EX and CO must
stay silent on it and on every other clean fixture, while a single slip put
into it is caught."""
import re
from pathlib import Path

import pytest

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.config import Config

FIXTURES = Path(__file__).parents[1] / "clean_drafts"
SPEECH = FIXTURES / "clean_speech_formulations.txt"
CLEAN = sorted(p for p in FIXTURES.iterdir() if p.name.startswith("clean_"))
EX_CO = Config(select=("EX", "CO"))

# (纪法意识 once drew a TY003 false positive; official_words.txt now knows 纪法.)


def read(path):
    return path.read_text(encoding="utf-8")


def findings(text, cfg, path="speech.txt"):
    return lint(Document(text, path=path), cfg)


def test_speech_is_long_and_uses_the_formulations():
    text = read(SPEECH)
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) >= 5000
    for phrase in ("“四个意识”", "“四个自信”", "“两个维护”", "“两个确立”", "“五位一体”", "“四个全面”",
                   "习近平总书记在二十届中央纪委三次全会上的重要讲话精神", "习近平总书记重要讲话精神",
                   "习近平新时代中国特色社会主义思想", "以习近平同志为核心的党中央", "中央纪委国家监委", "全面从严治党",
                   "以案促改", "政治意识、大局意识、核心意识、看齐意识", "道路自信、理论自信、制度自信、文化自信",
                   "不敢腐、不能腐、不想腐", "形式主义、官僚主义、享乐主义、奢靡之风", "打铁必须自身硬",
                   "把权力关进制度的笼子里", "有腐必反、有贪必肃", "反腐败斗争形势依然严峻复杂", "把纪律挺在前面",
                   "“两个一百年”奋斗目标", "以人民为中心的发展思想", "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律"):
        assert phrase in text, phrase
    assert text.startswith("在全区") and "\n同志们：\n" in text and text.rstrip().endswith("谢谢大家！")
    assert "下面，我讲三点意见。" in text
    assert re.findall(r"(?m)^([一二三四五六七八九十])、", text) == ["一", "二", "三"]


@pytest.mark.parametrize("path", CLEAN, ids=[p.name for p in CLEAN])
def test_no_ex_or_co_finding_on_clean_fixtures(path):
    found = findings(read(path), EX_CO, path.name)
    assert not found, [(d.code, d.message) for d in found]


def test_no_other_finding_on_the_speech_but_known_false_positives():
    text = read(SPEECH)
    found = {(d.code, text[d.span.start:d.span.end]) for d in findings(text, Config())}
    assert not found, sorted(found)


def test_wrong_label_count_in_the_speech_is_caught_once():
    """三个自信 once and 四个自信 elsewhere: EX003 reports it (it reads the label's
    context, 坚定“三个自信”); CO002 leaves the national labels to it, so the slip
    is reported once, not twice."""
    text = read(SPEECH)
    slip = text.replace("坚定“四个自信”，", "坚定“三个自信”，", 1)
    found = findings(slip, EX_CO)
    assert [d.code for d in found] == ["EX003"]
    assert {slip[d.span.start:d.span.end] for d in found} == {"三个自信"}


@pytest.mark.parametrize("right, wrong, code", [
    ("政治意识、大局意识、核心意识", "大局意识、政治意识、核心意识", "EX002"),
    ("不敢腐、不能腐、不想腐，以全面", "不敢腐、不想腐、不能腐，以全面", "EX002"),
    ("坚定“四个自信”，就是要坚定道路自信、理论自信、制度自信、文化自信",
     "坚定“四个自信”，即道路自信、理论自信、文化自信", "EX003"),
    ("习近平总书记重要讲话精神", "习近平重要讲话精神", "EX001"),
    ("落实中央纪委国家监委", "落实中纪委国家监委", "EX004"),
    ("打铁必须自身硬。全面", "打铁还需自身硬。全面", "EX008"),
    ("以习近平同志为核心的党中央以前所未有", "以习近平总书记为核心的党中央以前所未有", "EX005"),
])
def test_one_slip_in_the_speech_is_caught(right, wrong, code):
    text = read(SPEECH)
    assert right in text
    found = findings(text.replace(right, wrong, 1), EX_CO)
    assert [d.code for d in found] == [code], [(d.code, d.message) for d in found]
