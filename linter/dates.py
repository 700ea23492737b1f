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
