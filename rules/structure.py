"""ST: the draft's structure — outline residue, missing parts, announced
counts the body contradicts, truncated text, a repeated title."""
from __future__ import annotations

import bisect
import re

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.outline import (ATTACHMENT_NOTE, HEADING_RANK, INLINE_FAMILIES, match_heading, outline_of,
                            toc_entry, walk)
from gwlint.text import CLOSING_MARKS, cn_to_int, ends_sentence
from gwlint.registry import checks


def _line_span_with_break(doc, first: int, last: int) -> Span:
    """Lines first..last including the line break after the last one."""
    lines = doc.lines
    end = lines[last + 1].start if last + 1 < len(lines) else lines[last].end
    return Span(lines[first].start, end)


@checks("ST001", "ST002", scope="document")
def outline_residue_and_missing_parts(doc, ctx):
    residue = outline_of(doc, ctx).residue
    if not residue:
        return []
    lines = doc.lines
    span = _line_span_with_break(doc, residue[0], residue[-1])
    found = [Diagnostic("ST001", f"正文前残留提纲或目录（第{residue[0] + 1}–{residue[-1] + 1}行），与正文标题重复",
                        Span(lines[residue[0]].start, lines[residue[-1]].end),
                        Fix("删除提纲", (Edit(span.start, span.end, ""),), safe=False))]
    body = [n for n in walk(outline_of(doc, ctx).roots) if n.family in HEADING_RANK]
    body_text = [l.text.strip() for l in lines if l.number > residue[-1]]
    for i in residue:
        t = toc_entry(lines[i].text)
        h = match_heading(t)
        if not h:
            continue  # the 目录 label
        family, number, _ = h
        if any(b.startswith(t) for b in body_text) or any(n.family == family and n.number == number for n in body):
            continue
        found.append(Diagnostic("ST002", f"提纲列有“{t}”，正文中没有这一部分", Span(lines[i].start, lines[i].end)))
    return found


_COUNT = "[两二三四五六七八九十]"
# “我讲三点意见”“谈两个问题”“抓好以下三项工作”“从两个方面”: a count the body must honour.
_ANNOUNCE = re.compile(
    rf"(?:讲|谈|强调|提出|说|提|抓好|做好|突出|把握|着力|从|就|以下|如下|重点)(?:以下|这么|如下|好|了)?(?P<n>{_COUNT})"
    r"(?:点(?![钟多半])|个方面|个问题|条(?:意见|建议|要求)|项(?:工作|任务|要求|措施|重点工作)|件事|个重点)"
    rf"|(?<![这那此些])(?P<m>{_COUNT})个方面(?!的)")


@checks("ST003", scope="document")
def announced_counts(doc, ctx):
    """“我讲三点意见” followed by four parts, “两个方面” followed by 一是/二是/三是."""
    roots = outline_of(doc, ctx).roots
    items = _inline_items(roots)
    found = []
    top = [n for n in roots if n.family not in INLINE_FAMILIES]
    first_heading = top[0].span.start if top else None
    for m in _ANNOUNCE.finditer(doc.text):
        announced = cn_to_int(m.group("n") or m.group("m"))
        pos = m.start()
        if first_heading is not None and pos < first_heading:
            family = top[0].family
            actual = len([n for n in top if n.family == family])
            what = "个部分"
        else:
            actual = _inline_list_after(doc, items, m.end())
            what = "项"
        if actual >= 2 and actual != announced:
            num = m.start("n") if m.group("n") else m.start("m")
            phrase = doc.text[num:m.end()]
            found.append(Diagnostic("ST003", f"前文预告“{phrase}”，后文实际有{actual}{what}，数量不符",
                                    Span(num, m.end())))
    return found


def _inline_list_after(doc, items, offset: int) -> int:
    """Length of the 一是/二是… list that starts right after ``offset`` (in
    the same paragraph or the next line); ``items`` from _inline_items."""
    line_no = doc.position(offset)[0]
    count = 0
    for i in range(bisect.bisect_left(items, (offset, )), len(items)):
        _, n = items[i]
        if n.line > line_no + 1:
            break
        if n.number == count + 1:
            count += 1
        elif n.number == 1 and count:
            break
    return count


def _inline_items(roots) -> list:
    """(start, node) of every inline list item, in document order."""
    return sorted(((n.span.start, n) for n in walk(roots) if n.family in INLINE_FAMILIES), key=lambda p: p[0])




def _ends_cleanly(text: str) -> bool:
    """A last line that is a finished sentence, or ends with a closing mark
    (（此件公开发布）, a quotation, a book title)."""
    return ends_sentence(text) or text.rstrip().endswith(tuple(CLOSING_MARKS))

SIGN_OFF = re.compile(r"(?:谢谢大家|谢谢各位|谢谢)[！!。]?")


@checks("ST004", scope="document")
def truncated_text(doc, ctx):
    """The draft ends mid-sentence, or with a quote or bracket still open."""
    from gwlint.rules._scrape import residue_lines

    residue = set(residue_lines(doc, ctx))
    lines = [l for l in doc.lines if l.text.strip() and l.number not in residue]
    if len(lines) < 3:
        return []
    last = lines[-1]
    body = last.text.rstrip()
    span = Span(last.start, last.start + len(body))
    if match_heading(body.strip()) and len(body) < 60 and not _ends_cleanly(body):
        return [Diagnostic("ST004", "全文以标题结束，正文缺失（疑似截断）", span)]
    tail_quote = body.rfind("“") > body.rfind("”")
    if tail_quote:
        return [Diagnostic("ST004", "全文结尾处引号未闭合（疑似截断）", span)]
    for opener, closer, name in (("（", "）", "括号"), ("(", ")", "括号"), ("《", "》", "书名号")):
        if body.rfind(opener) > body.rfind(closer):
            return [Diagnostic("ST004", f"全文结尾处{name}未闭合（疑似截断）", span)]
    if SIGN_OFF.fullmatch(body.strip()):
        return []
    if _ends_cleanly(body):
        return []
    if _ends_with_list(lines) or _in_attachment(lines):
        return []
    # a sign-off block (the office, then the date) after a finished sentence,
    # perhaps with the attachment note (附件：1.… 2.…) in between
    k = len(lines) - 1
    while k > 0 and len(lines) - k <= 3 and _sign_off_line(lines[k].text):
        k -= 1
    note = next((j for j in range(k, max(k - 10, 0), -1) if ATTACHMENT_NOTE.match(lines[j].text.strip())), None)
    if note is not None and all(re.match(r"\s*\d+[.．]", lines[j].text) for j in range(note + 1, k + 1)):
        k = note - 1
    if k < len(lines) - 1 and _ends_cleanly(lines[k].text):
        return []
    return [Diagnostic("ST004", "全文最后一段没有句末标点，疑似被截断", span)]


_LIST_ITEM = re.compile(r"[^，,。；;！？!?]{1,40}")
ATTACHMENT_HEADER = re.compile(r"附\s*件\s*[\d一二三四五六七八九十]*\s*[：:]?.{0,40}")


def _ends_with_list(lines) -> bool:
    """The draft ends with a list: a list of names (召集人：孙春兰　国务院副总理),
    the cells of a table, one per line. Three or more short lines at the end
    with no clause or sentence punctuation; a cut-off sentence has commas, or
    stands alone after a finished paragraph."""
    run = 0
    for line in reversed(lines):
        if not _LIST_ITEM.fullmatch(line.text.strip()):
            break
        run += 1
    return run >= 3


def _in_attachment(lines) -> bool:
    """The last line belongs to an attachment (附件, 附件2): a document of its
    own, often a table or a list, after the sign-off; or it is the attachment
    note itself. A short last line there is no cut-off sentence."""
    last = lines[-1].text.strip()
    if ATTACHMENT_HEADER.fullmatch(last):
        return True
    header = next((i for i in range(len(lines) - 1, -1, -1)
                   if re.fullmatch(r"附\s*件\s*[\d一二三四五六七八九十]*", lines[i].text.strip())), None)
    return header is not None and bool(_LIST_ITEM.fullmatch(last))


def _sign_off_line(text: str) -> bool:
    """A short line with no clause punctuation that is no cut-off word: the
    name of an office, a date."""
    t = text.strip()
    return len(t) <= 25 and not _ends_cleanly(t) and not re.search(r"[，,、；;：:]", t) \
        and not _looks_cut(t)


def _looks_cut(body: str) -> bool:
    """A short last line that is no date or signature: a word cut off."""
    t = body.strip()
    if re.fullmatch(r"[\d〇一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日", t):
        return False
    return not re.search(r"(委员会|办公室|办公厅|人民政府|党委|纪委|局|厅|部|院|会|处|同志)$", t) and len(t) <= 4


@checks("ST005", scope="document")
def repeated_title(doc, ctx):
    """The title comes again near the top (often split over two lines)."""
    lines = doc.lines
    nonempty = [l for l in lines if l.text.strip()]
    if not nonempty:
        return []
    title = nonempty[0]
    t = title.text.strip()
    if len(t) < 8 or t.endswith(("。", "：", ":")):
        return []
    candidates = [l for l in lines if l.number > title.number][:20]
    for i, line in enumerate(candidates):
        s = line.text.strip()
        if not s:
            continue
        if s == t:
            return [_repeat(doc, line.number, line.number)]
        if t.startswith(s) and i + 1 < len(candidates):
            nxt = candidates[i + 1].text.strip()
            if s + nxt == t:
                return [_repeat(doc, line.number, candidates[i + 1].number)]
    return []


def _repeat(doc, first: int, last: int) -> Diagnostic:
    lines = doc.lines
    span = _line_span_with_break(doc, first, last)
    return Diagnostic("ST005", "标题重复出现", Span(lines[first].start, lines[last].end),
                      Fix("删除重复的标题", (Edit(span.start, span.end, ""),), safe=False))
