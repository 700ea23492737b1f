"""LY: layout — hard line breaks inside sentences (PDF extraction), scrape
residue from web pages, indentation, trailing whitespace, blank-line runs."""
from __future__ import annotations

import re
from collections import Counter

from linter.model import Diagnostic, Edit, Fix, Span
from linter.outline import match_heading
from linter.registry import checks
from linter.text import display_width
from rules._scrape import residue_lines

SENTENCE_FINAL = tuple("。！？…!?")
CLOSERS = "”’）》】」』"


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(CLOSERS)
    return t.endswith(SENTENCE_FINAL) or t.endswith(("：", ":")) and len(text) < 20


def wrap_width(doc, skip: set[int]) -> int | None:
    """The width at which the draft was hard-wrapped, or None if it was not.

    A hard-wrapped draft has many lines of (nearly) one display width that do
    not end a sentence. Ordinary drafts have one paragraph per line, of every
    length.
    """
    widths = [display_width(l.text.rstrip()) for l in doc.lines if l.text.strip() and l.number not in skip]
    if len(widths) < 6:
        return None
    buckets = Counter(w // 4 for w in widths if w >= 24)
    if not buckets:
        return None
    bucket, _ = buckets.most_common(1)[0]
    near = [w for w in widths if abs(w - (bucket * 4 + 2)) <= 5]
    if len(near) < 5 or len(near) < 0.4 * len(widths):
        return None
    return max(near)


@checks("LY001", scope="document")
def hard_line_breaks(doc, config):
    residue = set(residue_lines(doc))
    width = wrap_width(doc, residue)
    if width is None:
        return []
    lines = doc.lines
    found = []
    for i, line in enumerate(lines[:-1]):
        if line.number in residue or not line.text.strip():
            continue
        nxt = next((l for l in lines[i + 1:] if l.number not in residue), None)
        if nxt is None or not nxt.text.strip() or nxt.number != line.number + 1:
            continue
        if _ends_sentence(line.text):
            continue
        short = display_width(line.text.rstrip()) < width - 8
        if short and (match_heading(line.text.strip()) or len(line.text.strip()) < 8
                      or line.text.rstrip()[-1] in "，,；;：:"):
            continue  # a heading, a salutation, or a paragraph that ends on purpose
        if match_heading(nxt.text.strip()) or nxt.text.startswith(("\u3000", " ")):
            continue
        span = Span(max(line.start, line.end - 1), nxt.start)
        found.append(Diagnostic("LY001", "句子被硬回车断开，应与下一行合并", span,
                                Fix("合并到下一行", (Edit(line.end, nxt.start, ""),), safe=True)))
    return found


@checks("LY002", scope="document")
def scrape_residue(doc, config):
    lines = doc.lines
    found = []
    residue = residue_lines(doc)
    for n in residue:
        line = lines[n]
        end = lines[n + 1].start if n + 1 < len(lines) else line.end
        start = line.start
        if n + 1 >= len(lines) and n > 0 and n - 1 not in residue:
            start = lines[n - 1].end  # the last line: remove the break before it instead
        shown = line.text.strip()
        if len(shown) > 20:
            shown = shown[:20] + "…"
        found.append(Diagnostic("LY002", f"网页抓取残留“{shown}”，应删除整行", Span(line.start, line.end),
                                Fix("删除该行", (Edit(start, end, ""),), safe=True)))
    return found


@checks("LY003", scope="document")
def inconsistent_indentation(doc, config):
    """Body paragraphs indented with full-width spaces in some places only."""
    paras = [l for l in doc.lines if len(l.text.strip()) >= 20]
    indented = [l for l in paras if l.text.startswith(("\u3000", " ", "\t"))]
    flush = [l for l in paras if not l.text.startswith(("\u3000", " ", "\t"))]
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
def trailing_whitespace(doc, config):
    text = doc.text
    m = re.search(r"[ \t\u3000]+$", text)
    if m and text.strip():
        yield Diagnostic("LY004", "行尾有多余空白", Span(m.start(), m.end()), Fix.delete(Span(m.start(), m.end()), safe=True,
                                                                              title="删除行尾空白"))


@checks("LY005", scope="document")
def blank_line_runs(doc, config):
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
