"""The document's own date, read from its sign-off, subtitle, reprint line or number."""
import pytest

from gwlint.dates import DATE, DocumentDate, document_date, read_date


@pytest.mark.parametrize("text, want", [
    ("2024年11月27日", (2024, 11, 27)),
    ("二〇〇四年九月二十三日", (2004, 9, 23)),
    ("二○二○年十月三十一日", (2020, 10, 31)),
    ("2024年 1月 5日", (2024, 1, 5)),
])
def test_read_date(text, want):
    assert read_date(DATE.search(text)) == want


def test_impossible_month_is_no_date():
    assert read_date(DATE.search("2024年13月5日")) is None


@pytest.mark.parametrize("text, want", [
    # the sign-off: office, then the date on a line of its own
    ("关于X的通知\n各单位：\n请遵照执行。\n市人民政府办公室\n2019年1月9日\n（此件公开发布）\n",
     DocumentDate(2019, 1, 9, "落款")),
    ("……措施。\n专家组\n二〇〇六年十月十八日\n", DocumentDate(2006, 10, 18, "落款")),
    # a dated subtitle under the title
    ("政府工作报告\n——2026年1月27日在省第十四届人民代表大会第四次会议上\n各位代表：\n现在……",
     DocumentDate(2026, 1, 27, "题注")),
    ("在座谈会上的讲话（2018年2月12日）习近平同志们：……", DocumentDate(2018, 2, 12, "题注")),
    # a reprint's publication line
    ("同志们：……前进！（新华社北京9月3日电）《 人民日报 》（ 2020年09月04日 02 版）",
     DocumentDate(2020, 9, 4, "出处")),
    # only the document number
    ("关于加强X工作的意见\n国办发〔2019〕4号\n各省：\n……", DocumentDate(2019, None, None, "文号")),
])
def test_document_date(text, want):
    assert document_date(text) == want


def test_a_date_inside_the_body_is_not_the_document_date():
    body = "同志们：\n" + "2015年5月，我们开展了专项行动。" * 3 + "\n谢谢大家！\n"
    assert document_date(body) is None


def test_the_sign_off_wins_over_a_historical_note_in_the_subtitle():
    text = ("中华人民共和国国务院令\n第706号\n现将修订后的条例公布。\n总理　李克强\n2018年11月6日\n"
            "专利代理条例\n（1991年3月4日国务院令第76号发布　2018年9月6日修订通过）\n第一条　……")
    assert document_date(text) == DocumentDate(2018, 11, 6, "落款")
