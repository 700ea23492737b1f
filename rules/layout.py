"""LY: layout — hard line breaks inside sentences (PDF extraction), scrape
residue from web pages, indentation, trailing whitespace, blank-line runs."""
from __future__ import annotations

import bisect
import re
from collections import Counter

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


def wrap_width(doc, skip: set[int]) -> int | None:
    """The width at which the draft was hard-wrapped, or None if it was not.

    A hard-wrapped draft has many lines of (nearly) one display width, W, and
    several of them end in the middle of a sentence. A draft with one
    paragraph per line has lines of every length, and the lines that end no
    sentence are short headings.
    """
    # a paragraph line may run to thousands of characters: its first 300 say enough
    rows = [(display_width(l.text.rstrip()[:300]), ends_paragraph(l.text)) for l in doc.lines
            if l.text.strip() and l.number not in skip]
    if len(rows) < 4:
        return None
    widths = sorted(x for x, _ in rows)
    best, best_count = None, 0
    for w in sorted({w for w in widths if w >= 24}):
        count = bisect.bisect_right(widths, w) - bisect.bisect_left(widths, w - 10)
        if count >= best_count:
            best, best_count = w, count
    if best is None or best_count < 3 or best_count < 0.35 * len(rows):
        return None
    broken = sum(1 for x, ends in rows if best - 10 <= x <= best and not ends)
    return best if broken >= 2 else None


def _wrapped_join(text: str, width: int, para_first: bool, para_heading: bool) -> bool:
    """In a hard-wrapped draft: does this line run on into the next one?"""
    t = text.rstrip()
    if len(t) >= width - 10 or display_width(t) >= width - 10:  # every character takes a cell or two
        return True  # a full line that ends no sentence was cut by the wrap
    if para_heading or len(t.strip()) < 8:
        return False  # a wrapped heading ends on its short last line; a salutation, a date
    if t[-1] in CLAUSE_PUNCT + OPENING_MARKS:
        return True
    # a short first line without any punctuation is a title or a subheading
    return not (para_first and not re.search(r"[，,。；;：:、]", t))


def _plain_join(text: str) -> bool:
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
    bracket or a dangling word does."""
    residue = set(residue_lines(doc, ctx))
    width = wrap_width(doc, residue)
    lines = doc.lines
    found = []
    para_first, para_heading = True, False
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if line.number in residue or not line.text.strip():
            para_first, para_heading = True, False
            continue
        if para_first:
            para_heading = bool(match_heading(line.text.strip()))
        join = False
        if nxt.number not in residue and nxt.text.strip() and not ends_paragraph(line.text) \
                and not _starts_new_paragraph(nxt.text) and not nxt.text.startswith(INDENT):
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
