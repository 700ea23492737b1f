"""NM: the rules issue 16 added or changed (cases.toml, run by tests/rules/test_cases.py), and
issue 14's class 8: 千 as the prefix kilo- of a unit is not a mixed numeral."""
import pytest

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.rules.numbers import cn_integer

CODES = ("NM007", "NM010", "NM011", "NM012", "NM013")


@pytest.mark.parametrize("text", ["500千伏", "750千伏和330千伏", "10千瓦", "3千米", "5千克", "200千帕", "100千伏安"])
def test_kilo_in_a_unit_is_not_a_mixed_numeral(text):
    assert lint(Document(text), Config(select=("NM007",))) == []


@pytest.mark.parametrize("text, value", [("五", 5), ("十", 10), ("十五", 15), ("二十", 20), ("一百二十", 120),
                                         ("一百零五", 105), ("两百", 200), ("零", 0), ("五五", None), ("千", None)])
def test_cn_integer(text, value):
    assert cn_integer(text) == value


def test_percent_fix_is_safe_but_a_range_is_a_suggestion():
    (one,) = lint(Document("增长百分之5.2。"), Config(select=("NM010",)))
    assert one.fix.safe and one.fix.edits[0].text == "5.2%"
    (rng,) = lint(Document("增长百分之5到8。"), Config(select=("NM010",)))
    assert not rng.fix.safe


def test_chinese_percentages_are_flagged_only_beside_arabic_ones():
    alone = "增长百分之五点二，其中工业增长百分之六点五。"
    assert lint(Document(alone), Config(select=("NM011",))) == []
    (d,) = lint(Document("增长5.2%，其中工业增长百分之六点五。"), Config(select=("NM011",)))
    assert d.fix.edits[0].text == "6.5%" and not d.fix.safe and d.related


def test_large_number_rewrite_keeps_the_value_and_is_a_suggestion():
    (d,) = lint(Document("投资1205000000元"), Config(select=("NM013",)))
    assert d.fix.edits[0].text == "12.05亿" and not d.fix.safe
