"""DT: dates that cannot be right, and the date forms 公文 prescribe.

A date must exist (no 2月30日), its weekday must agree with it, running text
writes it with 年月日 (not 2024.11.27), and the 成文日期 of a sign-off uses
Arabic numerals since GB/T 9704-2012. Whether a weekday agrees, or which
numerals a sign-off takes, depends on the document's own date
(gwlint.dates), never on today.
"""
from __future__ import annotations

import re

from gwlint.dates import (ARABIC_SIGN_OFF_SINCE, WEEKDAY_NAMES, date_of, days_in_month, is_leap, is_real_date,
                          sign_off_dates, weekday, years_for)
from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks
from gwlint.text import CN_DIGITS, cn_to_int, is_cjk

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_NUM = "[一二三四五六七八九十]{1,3}"
# every written date, with or without its year: 2024年11月28日, 11月28日,
# 二〇二四年十一月二十八日, and the numeric forms 2024.11.28, 2024-11-28, 2024/11/28
_DATES = re.compile(
    r"(?<![\d.．/\-])(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"|(?P<cy>{_CN_YEAR})年(?P<cm>{_CN_NUM})月(?P<cd>{_CN_NUM})日"
    r"|(?<![0-9A-Za-z_.．/\-:])(?P<ny>(?:19|20)\d{2})(?P<sep>[.\-/])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![0-9A-Za-z_/\-:])"
    r"(?!\.[0-9A-Za-z])")
_LUNAR = re.compile(r"农历|阴历|夏历|旧历")


class _Date:
    """One written date: its parts (year None when not written) and its form."""

    __slots__ = ("start", "end", "year", "month", "day", "form")

    def __init__(self, m: re.Match):
        self.start, self.end = m.span()
        if m.group("m"):
            self.form = "arabic"
            self.year = int(m.group("y")) if m.group("y") else None
            self.month, self.day = int(m.group("m")), int(m.group("d"))
        elif m.group("cm"):
            self.form = "chinese"
            self.year = int("".join(str(CN_DIGITS.index(c)) if c in CN_DIGITS else "0" for c in m.group("cy")))
            self.month, self.day = cn_to_int(m.group("cm")), cn_to_int(m.group("cd"))
        else:
            self.form = "numeric"
            self.year, self.month, self.day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))


def _dates(text: str) -> list[_Date]:
    return [_Date(m) for m in _DATES.finditer(text)]


def _is_lunar(text: str, start: int) -> bool:
    return bool(_LUNAR.search(text, max(0, start - 12), start))


# ---------------------------------------------------------------- DT001

_YEAR_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日|薪|工资)")


def impossible_dates(text: str) -> list[Diagnostic]:
    out = []
    for d in _dates(text):
        if d.form == "chinese" and (d.month == 0 or d.day == 0):
            continue  # not a numeral we read (二十十): no claim
        if d.form == "numeric" and not (1 <= d.month <= 12 and _numeric_in_prose(text, d)):
            continue  # 2024-13-45 is a code, not a date
        if is_real_date(d.year, d.month, d.day) or _is_lunar(text, d.start):
            continue
        written = text[d.start:d.end]
        if not 1 <= d.month <= 12:
            why = f"没有{d.month}月"
        elif d.month == 2 and d.day == 29:
            why = f"{d.year}年不是闰年，2月只有28天"
        else:
            why = f"{d.month}月只有{days_in_month(d.month, d.year)}天"
        out.append(Diagnostic("DT001", f"日期“{written}”不存在：{why}", Span(d.start, d.end)))
    for m in _YEAR_MONTH.finditer(text):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            out.append(Diagnostic("DT001", f"日期“{m.group()}”不存在：没有{month}月", Span(*m.span())))
    return out


@checks("DT001", scope="line")
def impossible_date(doc, ctx):
    text = doc.text
    if "月" not in text and not re.search(r"\d[.\-/]\d", text):
        return []
    return impossible_dates(text)


# ---------------------------------------------------------------- DT002

_WEEKDAY = re.compile(r"\s*(?P<open>[（(])?\s*(?P<word>星期|礼拜|周)(?P<day>[一二三四五六日天])\s*(?(open)[）)])")


_RELATIVE_YEAR = re.compile(r"(?:今年|本年|当年|明年|次年|来年|去年|上年)$")
_RELATIVE_OFFSET = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "来年": 1, "去年": -1, "上年": -1}
_SENTENCE_END = re.compile(r"[。！？；!?;\r\n]")


def _weekday_index(ch: str) -> int:
    return 6 if ch in "日天" else WEEKDAY_NAMES.index(ch)


def _implied_years(text: str, d: _Date, last_full: _Date | None, doc_date) -> tuple[tuple[int, ...], str]:
    """The years a date written without one may be in, and how that was judged:
    from a relative word right before it (今年, 明年, 去年) read against the
    document's own date, else from the last full date before it in the same
    sentence, else from the document's own date; () when none says."""
    relative = _RELATIVE_YEAR.search(text, max(0, d.start - 2), d.start)
    if relative:
        if doc_date is None:
            return (), ""
        y = doc_date.year + _RELATIVE_OFFSET[relative.group()]
        return (y,), f"按本文日期推算，{relative.group()}是{y}年，"
    if last_full is not None and not _SENTENCE_END.search(text, last_full.end, d.start):
        y = last_full.year
        years = (y,) if (d.month, d.day) >= (last_full.month, last_full.day) else (y, y + 1)
        return years, f"按前文的{y}年推算，"
    years = years_for(d.month, doc_date)
    return years, (f"按本文日期（{doc_date.year}年）推算，" if years else "")


def _dates_with_years(text: str, doc_date):
    """Each date with the years it may be in (its own, or implied) and how they were judged."""
    last_full = None
    for d in _dates(text):
        if d.year is not None:
            last_full = d
            yield d, (d.year,), ""
        else:
            yield d, *_implied_years(text, d, last_full, doc_date)


def leap_days_without_year(text: str, doc_date) -> list[Diagnostic]:
    """2月29日 written without its year, in a year the text or the document's
    own date makes certain is not a leap year."""
    out = []
    for d, years, basis in _dates_with_years(text, doc_date):
        if d.year is None and (d.month, d.day) == (2, 29) and years and not _is_lunar(text, d.start):
            if not any(is_leap(y) for y in years):
                said = "该年不是闰年" if len(years) == 1 else "、".join(f"{y}年" for y in years) + "都不是闰年"
                out.append(Diagnostic("DT001", f"日期“{text[d.start:d.end]}”不存在：{basis}{said}，2月只有28天",
                                      Span(d.start, d.end)))
    return out


@checks("DT001", scope="document")
def impossible_leap_day(doc, ctx):
    text = doc.text
    if "2月29日" not in text:
        return []
    return leap_days_without_year(text, date_of(doc, ctx))


def weekday_mismatches(text: str, doc_date) -> list[Diagnostic]:
    """Weekdays written next to a date they do not fall on. A date without its
    year takes it as _implied_years says; when nothing says, nothing is guessed."""
    out = []
    for d, years, basis in _dates_with_years(text, doc_date):
        w = _WEEKDAY.match(text, d.end)
        if not w or not is_real_date(d.year, d.month, d.day) or _is_lunar(text, d.start):
            continue
        said = _weekday_index(w.group("day"))
        years = tuple(y for y in years if is_real_date(y, d.month, d.day))
        if not years:
            continue
        actual = {y: weekday(y, d.month, d.day) for y in years}
        if said in actual.values():
            continue
        ws, we = w.start("word"), w.end("day")
        written = text[d.start:d.end]
        if len(years) == 1:
            right = WEEKDAY_NAMES[actual[years[0]]]
            name = w.group("word") + ("天" if right == "日" and w.group("day") == "天" else right)
            msg = f"{basis}{written}是{name}，不是{w.group('word')}{w.group('day')}"
            fix = Fix(f"改为“{name}”", (Edit(ws, we, name),), safe=False)
        else:
            alts = "、".join(f"{y}年是{w.group('word')}{WEEKDAY_NAMES[a]}" for y, a in actual.items())
            msg = f"{basis}{written}{alts}，都不是{w.group('word')}{w.group('day')}"
            fix = None
        out.append(Diagnostic("DT002", f"星期与日期不符：{msg}", Span(d.start, we), fix))
    return out


@checks("DT002", scope="document")
def weekday_mismatch(doc, ctx):
    text = doc.text
    if not re.search(r"星期|礼拜|周[一二三四五六日天]", text):
        return []
    return weekday_mismatches(text, date_of(doc, ctx))


# ---------------------------------------------------------------- DT003

_LABEL_BEFORE = re.compile(r"(?:版本|文件名|代码|编码|批次|型号|版|号)(?:为|是)?[：:\s]*$")  # 编号为2024-11-27
_FORM_AFTER = re.compile(r"版|稿|批次|期(?!间)")
_TABLE_LINE = re.compile(r"\t|\|")
_NUMERIC_TOKEN = re.compile(r"(?<!\S)[\d.,:%\-/]+(?!\S)")


_RANGE_AFTER = re.compile(r"\s*[—–～~至到]\s*\d")


def _in_title(text: str, pos: int) -> bool:
    """Inside 《…》: a cited title is quoted as written."""
    opened = text.rfind("《", 0, pos)
    return opened != -1 and text.rfind("》", opened, pos) == -1


def _in_quotes(text: str, pos: int) -> bool:
    opened = text.rfind("“", 0, pos)
    return opened != -1 and text.rfind("”", opened, pos) == -1


def _prose_neighbour(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or ch in "，。、；：！？（）“”《》—～")


def _numeric_in_prose(text: str, d: _Date) -> bool:
    """Whether a numeric date (2024.11.27) sits in a sentence: a Chinese
    character or mark right after it, or right before it with no label colon;
    not in a table row, a cited title or an identifier (版本2024.11.27)."""
    if _TABLE_LINE.search(text) or len(_NUMERIC_TOKEN.findall(text)) >= 2 or _in_title(text, d.start):
        return False
    before = text[d.start - 1] if d.start else ""
    after = text[d.end] if d.end < len(text) else ""
    if not (_prose_neighbour(after) or (_prose_neighbour(before) and before not in "：（“《")):
        return False  # a field, a heading stamp or page residue, not a sentence
    return not (_LABEL_BEFORE.search(text, max(0, d.start - 6), d.start) or _FORM_AFTER.match(text, d.end))


def numeric_dates(text: str) -> list[Diagnostic]:
    """2024.11.27, 2024-11-27 and 2024/11/27 in running text.

    Only where the date sits in a sentence: a Chinese character or mark right
    after it, or right before it with no label colon. A date alone on a line,
    a date before a time (2026-02-09 09:45), a field such as 时间：2026-02-05,
    URLs, file names and version numbers (the ASCII neighbours exclude them),
    table rows and cited titles are left alone."""
    out = []
    for d in _dates(text):
        if d.form != "numeric" or not _numeric_in_prose(text, d):
            continue
        written = text[d.start:d.end]
        if not is_real_date(d.year, d.month, d.day):
            out.append(Diagnostic("DT003", f"正文日期应写作“××××年×月×日”，不用“{written}”", Span(d.start, d.end)))
            continue
        right = f"{d.year}年{d.month}月{d.day}日"
        end = d.end + 1 if text[d.end:d.end + 1] in ("日", "号") else d.end  # 2024.11.27日: one 日
        # in quotes it may be a name; before a range end (2024.11.27—12.3) the rewrite would mix two forms
        safe = not _in_quotes(text, d.start) and not _RANGE_AFTER.match(text, d.end)
        out.append(Diagnostic("DT003", f"正文日期应写作“{right}”，不用“{text[d.start:end]}”", Span(d.start, end),
                              Fix(f"改为“{right}”", (Edit(d.start, end, right),), safe=safe)))
    return out


@checks("DT003", scope="line")
def numeric_date(doc, ctx):
    text = doc.text
    if not re.search(r"\d[.\-/]\d{1,2}[.\-/]\d", text):
        return []
    return numeric_dates(text)


# ---------------------------------------------------------------- DT004

def sign_off_forms(text: str) -> list[Diagnostic]:
    """The 成文日期 of each sign-off, judged by the document's own date: Arabic
    numerals from 1 July 2012 (GB/T 9704-2012 §7.3.5.4), Chinese numerals
    before (GB/T 9704-1999), so an old document is not flagged."""
    out = []
    for so in sign_off_dates(text):
        ds = _dates(so.text)
        if len(ds) != 1:
            continue
        d = ds[0]
        if not is_real_date(d.year, d.month, d.day) or d.year is None:
            continue  # DT001 / NM003 say what is wrong
        right = f"{d.year}年{d.month}月{d.day}日"
        span = Span(so.start, so.end)
        if d.form == "chinese" and (d.year, d.month, d.day) >= ARABIC_SIGN_OFF_SINCE:
            out.append(Diagnostic(
                "DT004", f"成文日期应使用阿拉伯数字：“{so.text}”应为“{right}”（GB/T 9704-2012 起）", span,
                Fix(f"改为“{right}”", (Edit(so.start, so.end, right),), safe=True)))
        elif d.form == "numeric":
            out.append(Diagnostic(
                "DT004", f"成文日期应将年、月、日标全：“{so.text}”应为“{right}”", span,
                Fix(f"改为“{right}”", (Edit(so.start, so.end, right),), safe=True)))
    return out


@checks("DT004", scope="document")
def sign_off_form(doc, ctx):
    return sign_off_forms(doc.text)
