"""CO on the false-alarm classes of issue 14: a document's own lists and
quantities are not one label written with two numerals (CO002), and 决不 and
绝不 are two words (CO004)."""
import pytest

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config

CO = Config(select=("CO",))


def codes(text, code):
    return [d.code for d in lint(Document(text, path="x.txt"), Config(select=(code,)))]


@pytest.mark.parametrize("text", [
    "省级人民政府必须按照“产区保持三个月销量，销区保持六个月销量”的要求。",
    "试用期三个月工资。\n转正后六个月工资。",
    "上涨两个百分点以上。\n下降三个百分点以上。",
])
def test_counts_of_a_unit_are_quantities_not_labels(text):
    assert codes(text, "CO002") == []


@pytest.mark.parametrize("text", [
    "实施新建布局、优化提升、整合重组、调整淘汰“四个一批”，重塑平台体系。\n完成“三个一批”综合整治。",
    "开展“四个一批”（储备一批、谋划一批、开工一批、竣工一批）。\n落实“三个一批”要求。",
])
def test_a_label_the_document_spells_out_is_its_own_list(text):
    assert codes(text, "CO002") == []


def test_national_labels_are_left_to_ex003():
    """A region's “三个意识” next to the national “四个意识”: EX003 reads the context."""
    text = "增强“四个意识”。\n常态化开展“三个意识”教育。"
    assert codes(text, "CO002") == []
    assert codes(text, "EX003") == []


def test_one_label_with_two_numerals_is_still_reported():
    assert codes("落实“四个一批”要求。\n按照“五个一批”要求。\n落实“四个一批”部署。", "CO002") == ["CO002"]


@pytest.mark.parametrize("text", [
    "绝不手软、决不姑息。",
    "决不因各种杂音噪音而改弦更张。中国人民都绝不答应！",
    "我们决不会坐视国家利益受损。忍饥受冻绝不退缩。",
    # the 18th congress report itself writes both 决不允许 and 绝不允许
    "决不允许有令不行、有禁不止。\n绝不允许以言代法、以权压法。\n中国人民绝不允许任何人分裂国家。",
])
def test_jue_bu_and_jue_bu_are_two_words(text):
    assert codes(text, "CO") == []


def test_co004_is_retired_not_reused():
    """CO004 reports nothing, explains why, and a configuration naming it still works."""
    from gwlint.api import configure
    from gwlint.rules import bundled_registry

    meta = bundled_registry().rules["CO004"]
    assert meta.retired and "已停用" in meta.explain()
    assert "CO004" not in bundled_registry().matching(["ALL"])
    cfg = configure({"ignore": ["CO004"], "severity": {"CO004": "warning"}})
    text = "绝不允许有令不行。\n决不允许各行其是。\n绝不允许与民争利。"
    assert lint(Document(text, path="x.txt"), cfg) == []
    assert codes(text, "CO004") == []


def test_co_fixes_that_could_change_meaning_are_not_safe():
    text = "落实“四个一批”要求。\n按照“五个一批”要求。"
    for d in lint(Document(text, path="x.txt"), CO):
        assert d.fix is None or not d.fix.safe


def test_an_ordinal_is_no_count():
    """第一个五年计划 and 第十个五年计划 are two plans, not one with two numerals."""
    assert codes("这是第十个五年计划的开局之年。\n第一个五年计划提前完成。", "CO002") == []
