"""DT: dates (cases.toml, run by tests/rules/test_cases.py), and the fixes that may be applied blind."""

from gwlint import Document
from gwlint.api import lint_document as lint
from gwlint.config import Config

CODES = ("DT001", "DT002", "DT003", "DT004")


def _found(text, code):
    return [d for d in lint(Document(text), Config(select=(code,)))]


def test_numeric_date_fix_is_safe_only_for_a_real_date_outside_quotes():
    (real,) = _found("2024.11.27，市委召开常委会。", "DT003")
    assert real.fix.safe and real.fix.edits[0].text == "2024年11月27日"
    (quoted,) = _found("他说“2024.11.27那天”大家都在。", "DT003")
    assert not quoted.fix.safe
    (impossible,) = _found("2024.2.30，召开会议。", "DT003")
    assert impossible.fix is None


def test_weekday_fix_is_a_suggestion():
    (d,) = _found("会议定于2024年11月28日（星期三）召开。", "DT002")
    assert not d.fix.safe and d.fix.edits[0].text == "星期四"
    (ambiguous,) = _found("定于1月6日（周三）召开。\n市人民政府办公室\n2024年12月20日", "DT002")
    assert ambiguous.fix is None  # two candidate years, two weekdays: nothing to propose


def test_sign_off_fix_is_safe_and_exact():
    (d,) = _found("请认真贯彻执行。\n市人民政府\n二〇二四年九月二十三日\n", "DT004")
    assert d.fix.safe and d.fix.edits[0].text == "2024年9月23日"


def test_a_date_that_opens_a_range_gets_only_a_suggestion():
    (d,) = _found("活动时间为2024.11.27—12.3。", "DT003")
    assert not d.fix.safe and d.fix.edits[0].text == "2024年11月27日"


def test_a_trailing_day_mark_is_taken_into_the_rewrite():
    (d,) = _found("定于2024.11.28日召开。", "DT003")
    assert d.fix.safe and (d.fix.edits[0].start, d.fix.edits[0].end, d.fix.edits[0].text) == (2, 13, "2024年11月28日")
