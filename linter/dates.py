"""Dates in official documents: reading them, and the document's own date.

Whether a name is outdated, or a weekday matches its date, depends on when
the document was written, not on today. The document says so itself, in
one of these places (most telling first):

1. the 成文日期 of the sign-off (GB/T 9704 §7.3.5): a line near the end that
   is only a date, ``2018年12月5日`` or ``二〇〇四年九月二十三日``;
2. a dated subtitle under the title: ``（2020年9月3日）``,
   ``——2026年1月27日在…会议上``, ``…的讲话（2018年2月12日）``;
3. the publication line of a reprint: ``《人民日报》（2020年09月04日 02 版）``;
4. the year of its own document number: ``国办发〔2018〕108号`` (year only).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .model import LINE_BREAK
from .text import CN_DIGITS, cn_to_int

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = "(?:三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# a full date, in Arabic or in Chinese numerals
DATE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    rf"|(?P<cy>{_CN_YEAR})年(?P<cm>{_CN_MONTH})月(?P<cd>{_CN_DAY})日")
_HEAD, _TAIL = 400, 400  # characters of the top and the bottom a date is looked for in
_DATE_LINE = re.compile(rf"[\s　（(]*(?:{DATE.pattern})[\s　）)]*")  # a line that is only a date
# a dated subtitle: （2020年9月3日） or ——2026年1月27日在…会议上, at the start of a line or after the title
_SUBTITLE = re.compile(rf"(?:^|(?<=讲话)|(?<=报告))\s*(?:——|――|—|[（(])?\s*(?:{DATE.pattern})\s*(?:在|[）)])", re.M)
_REPRINT = re.compile(rf"》\s*[（(]\s*(?:{DATE.pattern})")
_DOC_NUMBER_YEAR = re.compile(r"[\u4e00-\u9fff]{1,10}〔((?:19|20)\d{2})〕\s*\d{1,4}\s*号")


@dataclass(frozen=True)
class DocumentDate:
    year: int
    month: int | None = None
    day: int | None = None
    source: str = ""  # where it was read: 落款, 题注, 出处, 文号


def read_date(m: re.Match) -> tuple[int, int, int] | None:
    """(year, month, day) of a DATE match, or None when it names no real month/day."""
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y = int("".join(str(CN_DIGITS.index(c)) if c in CN_DIGITS else "0" for c in m.group("cy")))
        mo, d = cn_to_int(m.group("cm")), cn_to_int(m.group("cd"))
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def date_of(doc, ctx) -> "DocumentDate | None":
    """The document's own date, read once per lint() call (``ctx``: the rule
    context) however many rules ask for it."""
    return ctx.memo("document-date", lambda: document_date(doc.text))


def document_date(text: str) -> DocumentDate | None:
    """The date the document gives itself, or None when it gives none."""
    head, tail = text[:_HEAD], text[max(0, len(text) - _TAIL):]
    tail_lines = LINE_BREAK.split(tail)[-8:]
    for line in [*reversed(tail_lines), *LINE_BREAK.split(head)[:12]]:
        if _DATE_LINE.fullmatch(line) and (found := read_date(DATE.search(line))):
            return DocumentDate(*found, source="落款")
    for pattern, source, zone in ((_SUBTITLE, "题注", head), (_REPRINT, "出处", tail)):
        m = pattern.search(zone)
        if m and (found := read_date(DATE.search(zone, m.start()))):
            return DocumentDate(*found, source=source)
    m = _DOC_NUMBER_YEAR.search(head)
    if m:
        return DocumentDate(int(m.group(1)), source="文号")
    return None


# --- the calendar: which dates exist, which weekday they fall on ------------

WEEKDAY_NAMES = "一二三四五六日"  # Monday first, as datetime.weekday() counts
# GB/T 9704-2012 (and the 党政机关公文处理工作条例) took effect on 1 July 2012:
# from then on the 成文日期 is written in Arabic numerals; before, in Chinese ones.
ARABIC_SIGN_OFF_SINCE = (2012, 7, 1)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(month: int, year: int | None = None) -> int:
    """The last day of ``month``; February has 29 when the year is unknown."""
    if month == 2:
        return 28 if year is not None and not is_leap(year) else 29
    return 30 if month in (4, 6, 9, 11) else 31


def is_real_date(year: int | None, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(month, year)


def weekday(year: int, month: int, day: int) -> int:
    """0 for Monday … 6 for Sunday (the date must exist)."""
    return datetime.date(year, month, day).weekday()


def years_for(month: int, doc: DocumentDate | None) -> tuple[int, ...]:
    """The years a date written without its year may fall in, judged from the
    document's own date; () when the document gives no date (then nobody
    should guess). A date more than four months from the document's may be in
    the neighbouring year (a notice of 20 December about 5 January), so both
    are returned and a check must hold in each."""
    if doc is None:
        return ()
    if doc.month is None:  # only the year of its document number
        return (doc.year, doc.year + 1) if month <= 2 else (doc.year,)
    offset = month - doc.month
    if abs(offset) <= 4:
        return (doc.year,)
    return (doc.year, doc.year + 1) if offset < 0 else (doc.year - 1, doc.year)


@dataclass(frozen=True)
class SignOffDate:
    """The 成文日期 of a sign-off: offsets of the date in the text."""

    start: int
    end: int
    text: str


# a date line of any form: 2024年9月5日, 二〇二四年九月五日, 2024.9.5, 2024-09-05, 24年9月5日
_ANY_DATE_LINE = re.compile(
    r"[ \t　\xa0]*(?P<date>(?:(?:19|20)?\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    rf"|(?:{_CN_YEAR}年{_CN_MONTH}月{_CN_DAY}日)"
    r"|(?:(?:19|20)\d{2}(?P<sep>[.\-/．])\d{1,2}(?P=sep)\d{1,2}))[ \t　\xa0]*")
# the line above a 成文日期: a signing body (…人民政府, …办公厅, …专家组) or an
# official's title and name (总理　　李克强)
_SIGNER = re.compile(
    r"[ \t　\xa0]*(?:[\u4e00-\u9fff（）()]{2,40}?(?:政府|委员会|常委会|委|办公厅|办公室|厅|局|部|院|署|会|组|处|科|所|站|"
    r"中心|公司|集团|党委|党组|支部|总支|工委|纪委|监委|政协|法院|检察院|大学|学院|学校|医院|指挥部|银行|办)"
    r"|[\u4e00-\u9fff]{2,8}[ 　\xa0]+[\u4e00-\u9fff][ 　\xa0]*[\u4e00-\u9fff]{1,3})[ \t　\xa0]*")


def sign_off_dates(text: str) -> list[SignOffDate]:
    """Every 成文日期 of a sign-off in the text: a line that is only a date,
    right under a line that is only a signing body or an official's title and
    name. A cover letter and the document it issues may each have one."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]*", text)]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    found = []
    for (ps, pe), (s, e) in zip(lines, lines[1:]):
        m = _ANY_DATE_LINE.fullmatch(text, s, e)
        if m and _SIGNER.fullmatch(text, ps, pe):
            found.append(SignOffDate(m.start("date"), m.end("date"), m.group("date")))
    return found
