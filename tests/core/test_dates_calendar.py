"""gwlint.dates: the calendar, the years of a date written without one, and
the 成文日期 of each sign-off."""
import pytest

from gwlint.dates import (DocumentDate, days_in_month, is_leap, is_real_date, sign_off_dates, weekday,
                          years_for)


@pytest.mark.parametrize("year, leap", [(2024, True), (2023, False), (2000, True), (1900, False), (2100, False)])
def test_is_leap(year, leap):
    assert is_leap(year) is leap


def test_days_in_month():
    assert [days_in_month(m, 2023) for m in range(1, 13)] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert days_in_month(2, 2024) == 29 and days_in_month(2) == 29  # year unknown: 29 is possible


def test_is_real_date():
    assert is_real_date(2024, 2, 29) and is_real_date(None, 2, 29)
    assert not is_real_date(2023, 2, 29) and not is_real_date(2024, 4, 31) and not is_real_date(2024, 13, 1)
    assert not is_real_date(2024, 1, 0) and not is_real_date(2024, 0, 1)


def test_weekday():
    assert weekday(2024, 11, 28) == 3  # a Thursday
    assert weekday(2023, 10, 1) == 6  # a Sunday


@pytest.mark.parametrize("month, doc, years", [
    (11, None, ()),  # no date of its own: nobody guesses
    (11, DocumentDate(2024, 11, 20), (2024,)),
    (1, DocumentDate(2024, 12, 20), (2024, 2025)),  # a notice of 20 December about 6 January
    (12, DocumentDate(2025, 1, 5), (2024, 2025)),  # a January report looking back at December
    (3, DocumentDate(2025, source="文号"), (2025,)),
    (1, DocumentDate(2025, source="文号"), (2025, 2026)),
])
def test_years_for(month, doc, years):
    assert years_for(month, doc) == years


def test_sign_off_dates_under_a_signing_body_or_a_signature():
    text = ("国务院办公厅关于印发X的函\n国办函〔2005〕57号\n现印发给你们。\n国务院办公厅       　\n二〇〇五年六月十一日\n"
            "国家粮食应急预案\n……\n专家组\n2005.6.1\n")
    found = sign_off_dates(text)
    assert [s.text for s in found] == ["二〇〇五年六月十一日", "2005.6.1"]
    assert all(text[s.start:s.end] == s.text for s in found)
    assert [s.text for s in sign_off_dates("现予公布。\n总理　　李克强\n2018年11月6日\n")] == ["2018年11月6日"]


@pytest.mark.parametrize("text", [
    "讲话稿\nVIP专免\n2024-05-13\n999+\n",  # page residue under a button label
    "会议纪要如下：\n2024.11.27\n",  # under a sentence
    "同志们：\n二〇二四年是关键之年。\n",  # not a date line
])
def test_no_sign_off(text):
    assert sign_off_dates(text) == []
