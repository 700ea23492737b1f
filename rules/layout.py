"""LY: layout — hard line breaks inside sentences (PDF extraction), scrape
residue from web pages, indentation, trailing whitespace, blank-line runs."""
from __future__ import annotations

import bisect
import re

from gwlint.markdown import structure_lines
from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.outline import match_heading
from gwlint.registry import checks
from gwlint.text import OPENING_MARKS, display_width, ends_paragraph
from gwlint.rules._scrape import residue_lines

CLAUSE_PUNCT = "，,、"
# A line of a one-paragraph-per-line draft that ends with one of these words
# cannot end a paragraph or a heading: the sentence goes on on the next line.
DANGLING_WORDS = ("的", "和", "与", "及", "并", "而", "在", "对", "把", "被", "将", "从", "向", "以", "为", "是", "要",
                  "使", "让", "由", "于", "给", "同", "或", "等的", "关于", "按照", "通过", "围绕", "坚持", "推动")
SALUTATION = re.compile(r"(?:同志们|各位[\u4e00-\u9fff]{0,8}|尊敬的[^，。]{1,20})[：:，,！!]?")
LIST_START = re.compile(r"[一二三四五六七八九十]+[是要][，,：:]?|第[一二三四五六七八九十]+[，,、：:]|其[一二三四五六七八九十]+[，,、：:]"
                        r"|(?:首先|其次|再次|最后)[，,：:]")
INDENT = ("\u3000", " ", "\t")


def _starts_new_paragraph(text: str) -> bool:
    """A heading, a salutation or a list item that opens its own line."""
    t = text.strip()
    return bool(match_heading(t) or SALUTATION.fullmatch(t) or LIST_START.match(t))


# A date line under a title or after the sign-off: 2024年5月13日, （二〇二四年五月十三日）
DATE_LINE = re.compile(r"[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                       r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*[）)]?")
ATTACHMENT_HEADER = re.compile(r"附\s*件\s*[\d一二三四五六七八九十]*")
# A title or a speaker line has no clause or sentence punctuation.
_CLAUSE_PUNCT = re.compile(r"[，,。；;！？!?：:]")


def never_joined(doc, skip: set[int]) -> set[int]:
    """Lines that are never joined to the next one: the title block at the
    top (and under each 附件 header), the speaker and date lines under it,
    and any line that is a date on its own. A title split over two lines is
    laid out that way on purpose (GB/T 9704 §7.3.1)."""
    found: set[int] = set()
    lines = [l for l in doc.lines if l.number not in skip and l.text.strip()]
    starts = [0] + [i + 1 for i, l in enumerate(lines) if ATTACHMENT_HEADER.fullmatch(l.text.strip())]
    for i in starts:
        for line in lines[i:i + 6]:
            t = line.text.strip()
            if SALUTATION.fullmatch(t) or _CLAUSE_PUNCT.search(t.strip("（）()")) or match_heading(t):
                break
            found.add(line.number)
    found.update(l.number for l in lines if DATE_LINE.fullmatch(l.text.strip()))
    return found


def _broken(line, nxt, skip: set[int]) -> bool:
    """Whether ``line`` stops where no paragraph ends while ``nxt`` goes on
    with running text: the sign of a hard wrap (or of a line that needs
    joining)."""
    return (nxt.number not in skip and bool(nxt.text.strip()) and not ends_paragraph(line.text)
            and not _starts_new_paragraph(nxt.text) and not nxt.text.startswith(INDENT))


def wrap_width(doc, skip: set[int]) -> int | None:
    """The width at which the draft was hard-wrapped, or None if it was not.

    The evidence is the wrapping itself: lines of one near-constant display
    width W that stop in the middle of a sentence while the next line runs
    on, at least three of them and three in ten of the draft's lines, with
    almost no line wider than W. Similar widths alone prove nothing (a list
    of names, a short notice): a draft with one paragraph per line has lines
    of every length, and the lines that end no sentence are its title and
    headings, which are not counted here.
    """
    lines = doc.lines
    rows = []  # (width, broken mid-sentence), for the lines of running text
    for i, l in enumerate(lines):
        if not l.text.strip() or l.number in skip:
            continue
        broken = (i + 1 < len(lines) and _broken(l, lines[i + 1], skip) and not match_heading(l.text.strip()))
        # a paragraph line may run to thousands of characters: its first 300 say enough
        rows.append((display_width(l.text.rstrip()[:300]), broken))
    if len(rows) < 3:
        return None
    widths = sorted(w for w, broken in rows if broken and w >= 30)
    best, best_count = None, 0
    for w in sorted(set(widths)):
        count = bisect.bisect_right(widths, w) - bisect.bisect_left(widths, w - 8)
        if count >= best_count:
            best, best_count = w, count
    if best is None or best_count < 3 or best_count < 0.3 * len(rows):
        return None
    wider = sum(1 for w, _ in rows if w > best + 4)
    return best if wider <= max(1, 0.1 * len(rows)) else None


def _wrapped_join(text: str, width: int, para_first: bool, para_heading: bool) -> bool | None:
    """In a hard-wrapped draft: does this line run on into the next one?
    True (join, safe), None (a heading cut by the wrap: suggest), False."""
    t = text.rstrip()
    if display_width(t) >= width - 10:  # a full line that ends no sentence was cut by the wrap
        return None if para_heading else True
    if para_heading or len(t.strip()) < 8:
        return False  # a wrapped heading ends on its short last line; a salutation, a date
    if t[-1] in CLAUSE_PUNCT + OPENING_MARKS:
        return True
    # a short first line without any punctuation is a title or a subheading
    return not (para_first and not re.search(r"[，,。；;：:、]", t))


def _plain_join(text: str) -> bool | None:
    """In a one-paragraph-per-line draft: only an unmistakable break counts.
    Returns True (safe), None (likely: suggest), False (no break)."""
    t = text.rstrip()
    if len(t.strip()) < 6 or match_heading(t.strip()):
        return False
    if t[-1] in CLAUSE_PUNCT + OPENING_MARKS:
        return True
    if t.endswith(DANGLING_WORDS) and re.search(r"[，,、]", t) and not t.endswith(("目标", "的是")):
        return None
    return False


@checks("LY001", scope="document")
def hard_line_breaks(doc, ctx):
    """A sentence broken over two lines, as PDF extraction and fixed-width
    copying leave it. In a hard-wrapped draft every full line that ends no
    sentence runs on; elsewhere only a line ending in a comma, an opening
    bracket or a dangling word does. Never joined: a title, the speaker and
    date lines, a line that ends a paragraph, a line before a heading or a
    list item, and in Markdown any line of Markdown structure. A heading cut
    by the wrap is only a suggestion."""
    residue = set(residue_lines(doc, ctx))
    skip = residue | (structure_lines(doc) if ctx.kind == "md" else set())
    keep = never_joined(doc, skip)
    width = wrap_width(doc, skip | keep)
    lines = doc.lines
    found = []
    para_first, para_heading = True, False
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if line.number in skip or not line.text.strip():
            para_first, para_heading = True, False
            continue
        if para_first:
            para_heading = bool(match_heading(line.text.strip()))
        join = False
        if line.number not in keep and _broken(line, nxt, skip):
            if width is not None:
                join = _wrapped_join(line.text, width, para_first, para_heading)
            else:
                join = _plain_join(line.text)
        if join is False:
            para_first = True
            continue
        para_first = False
        span = Span(max(line.start, line.end - 1), nxt.start)
        fix = Fix("合并到下一行", (Edit(line.end, nxt.start, ""),), safe=bool(join))
        found.append(Diagnostic("LY001", "句子被硬回车断开，应与下一行合并", span, fix))
    return found


@checks("LY002", scope="document")
def scrape_residue(doc, ctx):
    lines = doc.lines
    found = []
    residue = residue_lines(doc, ctx)
    marked = set(residue)
    # A block of residue that ends the file without a final line break: the
    # break before the block goes too, so the file still ends as it did.
    tail = len(lines) - 1
    while tail in marked:
        tail -= 1
    tail_start = tail + 1 if tail + 1 < len(lines) and tail >= 0 else None
    for n in residue:
        line = lines[n]
        end = lines[n + 1].start if n + 1 < len(lines) else line.end
        start = line.start
        if n == tail_start:
            start = lines[n - 1].end
        shown = line.text.strip()
        if len(shown) > 20:
            shown = shown[:20] + "…"
        found.append(Diagnostic("LY002", f"网页抓取残留“{shown}”，应删除整行", Span(line.start, line.end),
                                Fix("删除该行", (Edit(start, end, ""),), safe=True)))
    return found


@checks("LY003", scope="document")
def inconsistent_indentation(doc, ctx):
    """Body paragraphs indented with full-width spaces in some places only.

    A paragraph is a line of some length that ends a sentence, or a numbered
    heading (GB/T 9704 indents both), and does not continue a long line before
    it: the title, which is centred, and the last lines of hard-wrapped
    paragraphs are not paragraphs."""
    paras = []
    previous, seen_text = "", False
    for l in doc.lines:
        t = l.text.strip()
        wrapped = len(previous) >= 20 and not ends_paragraph(previous) \
            and previous[-1] not in "：:" + CLAUSE_PUNCT and not match_heading(previous)  # continues the line before
        title = not seen_text and t and not ends_paragraph(t)  # the first line, unpunctuated
        if len(t) >= 20 and not wrapped and not title and (ends_paragraph(t) or match_heading(t)):
            paras.append(l)
        previous, seen_text = t, seen_text or bool(t)
    indented = [l for l in paras if l.text.startswith(INDENT)]
    flush = [l for l in paras if not l.text.startswith(INDENT)]
    if len(paras) < 4 or not indented or not flush:
        return []
    minority = indented if len(indented) < len(flush) else flush
    style = "顶格" if minority is indented else "首行缩进两字"
    found = []
    for l in minority:
        lead = len(l.text) - len(l.text.lstrip(" \t\u3000"))
        found.append(Diagnostic("LY003", f"段落缩进不一致：本文多数段落{style}", Span(l.start, l.start + max(lead, 1))))
    return found


@checks("LY004", scope="line")
def trailing_whitespace(doc, ctx):
    text = doc.text
    # rstrip, not a search for "[ \t\u3000]+$": that one retries every start
    # of a long run of spaces inside a line (quadratic time)
    end = len(text.rstrip(" \t\u3000"))
    if end < len(text) and ctx.kind == "md" and text[end:] == "  ":
        return  # a Markdown hard line break
    if end < len(text) and text.strip():
        span = Span(end, len(text))
        yield Diagnostic("LY004", "行尾有多余空白", span, Fix.delete(span, safe=True, title="删除行尾空白"))


@checks("LY005", scope="document")
def blank_line_runs(doc, ctx):
    lines = doc.lines
    found = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip():
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        at_end = j >= len(lines)
        run = j - i - (1 if at_end else 0)  # the empty "line" after a final break is no blank line
        if run >= 2:
            # keep one blank line between paragraphs (none at the end of the file)
            keep_from = lines[i].start if at_end else lines[i + 1].start
            start = lines[i - 1].end if at_end and i > 0 else keep_from
            end = lines[j - 1].end if at_end else lines[j].start
            if at_end and i > 0:
                start = lines[i].start  # keep the final line break
                end = len(doc.text)
            if end > start:
                found.append(Diagnostic("LY005", f"连续{run}个空行", Span(lines[i].start, lines[j - 1].end),
                                        Fix("只保留一个空行" if not at_end else "删除末尾空行",
                                            (Edit(start, end, ""),), safe=True)))
        i = j
    return found
