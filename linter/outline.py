"""The speech's outline: headings (一、 （一） 1. （1） ①) and inline lists
(一是/一要/第一/其一/首先), as a tree that rules and the language server read.

GB/T 9704-2012 §7.3.3 fixes the heading levels: 一、 → （一） → 1. → （1）.
A table of contents or outline left at the top of a draft is recognised and
kept out of the tree (ST001 reports it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .model import Document, Span
from .text import CN_DIGITS, cn_to_int

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Heading families in GB/T 9704 order; the rank is the level they should have.
HEADING_RANK = {"cn-dun": 1, "cn-paren": 2, "arabic-dot": 3, "arabic-paren": 4, "circled": 5}
INLINE_FAMILIES = ("yi-shi", "yi-yao", "di-yi", "qi-yi", "shouxian")
# Units that scope the numbering below them without being GB/T 9704 headings:
# each 附件 (attachment) is a document of its own; a regulation's 章/节/条 and
# a plan's decimal sections (1 / 2.1 / 2.1.3) each start their own lists.
# Their ranks sit above 一、 so that everything after them nests inside.
SCOPE_RANK = {"attachment": 0.0, "chapter": 0.1, "section": 0.2, "article": 0.3, "decimal": 0.5}

_CN = "[一二三四五六七八九十]{1,3}"
_INDENT = r"[ \t\u3000]*"
# (family, regex at line start, separator group name). The "sep" group holds
# what follows the number, so wrong separators can be reported by NU003.
HEADING_PATTERNS = [
    ("cn-dun", re.compile(rf"{_INDENT}(?P<num>{_CN})(?P<sep>、|[.．，,](?!\d)| (?=\S))")),
    ("cn-paren", re.compile(rf"{_INDENT}(?P<open>[（(])(?P<num>{_CN})(?P<close>[）)])(?P<sep>[、，,.．]?)")),
    ("arabic-paren", re.compile(rf"{_INDENT}(?P<open>[（(])(?P<num>\d{{1,2}})(?P<close>[）)])(?P<sep>[、，,.．]?)")),
    ("arabic-dot", re.compile(rf"{_INDENT}(?P<num>\d{{1,2}})(?P<sep>[.．](?!\d)|、)")),
    ("circled", re.compile(rf"{_INDENT}(?P<num>[{CIRCLED}])(?P<sep>)")),
]
INLINE_PATTERN = re.compile(
    rf"(?:(?<=^)|(?<=[。；！？：，、\s”])|(?<=/摄)|(?<=\s摄))(?P<label>(?P<yi>{_CN})(?P<kind>是|要)|第(?P<di>{_CN})(?=[，、：,])|其(?P<qi>{_CN})(?=[，、：,是])"
    r"|(?P<sx>首先|其次|再次|最后)(?=[，、：,]))")
SHOUXIAN = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}


@dataclass(frozen=True)
class OutlineNode:
    level: int
    family: str
    number: int
    label: str
    title: str
    span: Span
    line: int
    children: tuple["OutlineNode", ...] = ()
    separator: str = ""  # what followed the number, as written
    brackets: str = ""  # the brackets, as written, for （一） and （1）


@dataclass
class _Builder:
    family: str
    number: int
    label: str
    title: str
    span: Span
    line: int
    rank: int
    separator: str = ""
    brackets: str = ""
    children: list = field(default_factory=list)

    def freeze(self, level: int) -> OutlineNode:
        return OutlineNode(level, self.family, self.number, self.label, self.title, self.span, self.line,
                           tuple(c.freeze(level + 1) for c in self.children), self.separator, self.brackets)


def _title(rest: str) -> str:
    m = re.search(r"[。！？；]", rest)
    return (rest[:m.start()] if m else rest).strip()[:60]


def bare_marker(text: str):
    """(family, number, match) if a line holds a heading marker and nothing
    else: a table's cell, or a heading whose title is on the next line."""
    for family, pattern in HEADING_PATTERNS:
        m = pattern.match(text)
        if m and not text[m.end():].strip() and family != "circled":
            raw = m.group("num")
            number = int(raw) if family.startswith("arabic") else cn_to_int(raw)
            if number > 0 and (family != "cn-dun" or m.group("sep") == "、"):
                return family, number, m
    return None


def match_heading(text: str):
    """(family, number, match) if a line starts with a heading marker."""
    for family, pattern in HEADING_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group("num")
        number = (CIRCLED.index(raw) + 1 if family == "circled" else
                  int(raw) if family.startswith("arabic") else cn_to_int(raw))
        if number <= 0:
            continue
        rest = text[m.end():]
        if not rest.strip() or (family == "arabic-dot" and not re.match(r"\s*(?:[A-Za-z]{1,4})?[\u4e00-\u9fff“《（]", rest)):
            continue  # "2." followed by nothing or by Latin text is not a heading (9. I类切口… is)
        if family == "cn-dun" and m.group("sep") != "、" and (
                not re.match(r"[\u4e00-\u9fff“《]", rest.lstrip()) or rest.lstrip()[:1] in CN_DIGITS + "十两"):
            continue  # “一 一对应”“一，二，三” are no headings
        return family, number, m
    return None


_CN_BIG = "[一二三四五六七八九十百零〇]{1,5}"
SCOPE_PATTERNS = [
    ("attachment", re.compile(r"[ \t\u3000]*附\s*件\s*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*$")),
    ("chapter", re.compile(rf"[ \t\u3000]*第(?P<num>{_CN_BIG})章(?=[ \u3000]+\S)")),
    ("section", re.compile(rf"[ \t\u3000]*第(?P<num>{_CN_BIG})节(?=[ \u3000]+\S)")),
    ("article", re.compile(rf"[ \t\u3000]*第(?P<num>{_CN_BIG})条(?=[ \u3000]+\S)")),
    # 2.1　国家粮食应急工作指挥部, 5.1.2 省级人民政府…, 1　总则 (a bare number needs a full-width space)
    ("decimal", re.compile(r"[ \t\u3000]*(?P<num>\d{1,2}(?:[.．]\d{1,2}){1,3})[ \u3000]+(?=[\u4e00-\u9fff])"
                           r"|[ \t\u3000]*(?P<num1>\d{1,2})\u3000+(?=[\u4e00-\u9fff])")),
]


def match_scope(text: str):
    """(family, depth, match) if a line opens a numbering scope: an
    attachment header, a chapter, section or article of a regulation, a
    decimal section of a plan."""
    for family, pattern in SCOPE_PATTERNS:
        m = pattern.match(text)
        if m:
            num = m.group("num") or (m.groupdict().get("num1") or "")
            depth = num.count(".") + num.count("．") + 1 if family == "decimal" else 0
            return family, depth, m
    return None


TOC_LABELS = ("目录", "目 录", "提纲", "提 纲", "内容提要")
# Dot leaders and a page number at the end of a TOC line, matched on the
# reversed line from its first character: spaces, digits, then leaders. Every
# part is optional, so the match never fails and never backtracks (a search
# for "[\s.…]*\d*\s*$" tried every start of a long run of spaces and took
# quadratic time: a 12 KB line, 74 s).
_TOC_LEADER_REVERSED = re.compile(r"\s*\d*[\s.．…·—-]*")


def _strip_leader(t: str) -> str:
    return t[:len(t) - _TOC_LEADER_REVERSED.match(t[::-1]).end()]


def toc_entry(text: str) -> str:
    """An outline or TOC line without its dot leaders and page number."""
    t = text.strip()
    stripped = _strip_leader(t)
    return stripped if stripped and stripped != t and re.search(r"[.．…·—]{2,}|\s\d+$", t) else t


def residue_lines(doc: Document) -> set[int]:
    """Lines of an outline or table of contents at the top of the draft: a run
    of heading-only lines (no sentence punctuation) whose headings come again
    in the body, with its 目录/提纲 label if it has one."""
    lines = doc.lines
    run: list[int] = []
    seen: set[tuple[str, int]] = set()
    label = None
    for line in lines[:60]:
        t = line.text.strip()
        if not t:
            if run:
                break
            continue
        if t in TOC_LABELS and not run:
            label = line.number
            continue
        entry = toc_entry(t)
        h = match_heading(entry)
        if h and (h[0], h[1]) in seen:
            break  # the body's first heading follows the outline directly
        if h and len(entry) <= 40 and not re.search(r"[。；！？,，]", entry):
            run.append(line.number)
            seen.add((h[0], h[1]))
        elif run:
            break
        elif label is not None:
            label = None
    if len(run) < 2:
        return set()
    body = [l.text.strip() for l in lines if l.number > run[-1]]
    titles = [toc_entry(lines[i].text) for i in run]
    repeated = sum(1 for t in titles if any(b.startswith(t) for b in body))
    if repeated < max(2, len(run) // 2):
        return set()
    return set(run) | ({label} if label is not None else set())


# the attachment note (GB/T 9704 §7.3.5) after the body: 附件：1.…
ATTACHMENT_NOTE = re.compile(r"附\s*件\s*[：:]")


class Outline(NamedTuple):
    roots: tuple[OutlineNode, ...]  # the tree, roots in document order
    residue: tuple[int, ...]  # line numbers of a table of contents left at the top (not in the tree)


def outline_of(doc: Document, ctx) -> Outline:
    """The outline of ``doc``, parsed once per lint() call (``ctx``: the
    rule context) however many rules read it."""
    return ctx.memo("outline", lambda: _parse(doc))


def _parse(doc: Document) -> Outline:
    skip = residue_lines(doc)
    roots: list[_Builder] = []
    stack: list[_Builder] = []
    in_note = False
    for line in doc.lines:
        if line.number in skip or not line.text.strip():
            continue
        if ATTACHMENT_NOTE.match(line.text.strip()):
            in_note = True  # 附件：1.…  2.…: the list of attachments is no part of the outline
            continue
        if in_note and re.match(r"[ \t\u3000]*\d{1,2}[.．、]", line.text):
            continue
        in_note = False
        scope = match_scope(line.text)
        if scope:
            family, depth, m = scope
            rank = SCOPE_RANK[family] + depth / 100
            start = line.start + (len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000")))
            raw = m.group("num") or (m.groupdict().get("num1") or "")
            number = (cn_to_int(raw) if raw and not raw[0].isdigit() else
                      int(re.split(r"[.．]", raw)[-1]) if raw else 1)
            node = _Builder(family, number, m.group(0).strip(), _title(line.text[m.end():]),
                            Span(start, line.start + m.end()), line.number, rank)
            while stack and stack[-1].rank >= rank:
                stack.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            _inline_items(line, m.end(), stack, roots)
            continue
        h = match_heading(line.text) or bare_marker(line.text)
        if h:
            family, number, m = h
            rank = HEADING_RANK[family]
            start = line.start + (len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000")))
            node = _Builder(family, number, m.group(0).strip(), _title(line.text[m.end():]),
                            Span(start, line.start + m.end()), line.number, rank,
                            separator=m.group("sep"),
                            brackets=(m.group("open") + m.group("close")) if "open" in m.groupdict() else "")
            while stack and stack[-1].rank >= rank:
                stack.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            body_from = m.end()
        else:
            body_from = 0
        _inline_items(line, body_from, stack, roots)
    return Outline(tuple(r.freeze(1) for r in roots), tuple(sorted(skip)))


def _inline_items(line, body_from: int, stack, roots) -> None:
    """一是/一要/第一/其一/首先 items inside a paragraph: children of the
    nearest heading, at the level below it."""
    parent_rank = stack[-1].rank if stack else 0
    for m in INLINE_PATTERN.finditer(line.text, body_from):
        if m.group("yi"):
            family = "yi-shi" if m.group("kind") == "是" else "yi-yao"
            number = cn_to_int(m.group("yi"))
        elif m.group("di"):
            family, number = "di-yi", cn_to_int(m.group("di"))
        elif m.group("qi"):
            family, number = "qi-yi", cn_to_int(m.group("qi"))
        else:
            family, number = "shouxian", SHOUXIAN[m.group("sx")]
        after = line.text[m.end():m.end() + 2]
        if family == "yi-yao" and number == 1 and after[:1] in "求些点个":
            continue  # 一要求, 一些
        if m.group("yi") and after[:1] == m.group("yi") and after[1:2] in "，,。；;、":
            continue  # 一是一，二是二 (an idiom, not a list)
        if family == "di-yi" and m.start() and line.text[m.start() - 1] == "、":
            continue  # 居全国第二、第七、第九: ordinals in a ranking, not a list
        node = _Builder(family, number, m.group("label"), _title(line.text[m.end():]),
                        Span(line.start + m.start(), line.start + m.end()), line.number, parent_rank + 10)
        (stack[-1].children if stack else roots).append(node)


def parse_outline(doc: Document) -> list[OutlineNode]:
    """The outline tree of ``doc``: roots in document order."""
    return list(_parse(doc).roots)


def outline_residue(doc: Document) -> tuple[int, ...]:
    """Line numbers of a table of contents left at the top (not in the tree)."""
    return _parse(doc).residue


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.children)
