"""Markdown is a format, not prose. In a .md document the engine drops
findings inside code, link targets and HTML (``skipped_spans``), and the
layout rules leave the lines that carry Markdown structure alone
(``structure_lines``): headings, list items, table rows, block quotes,
fences and the code between them. One shared reading of the syntax, so that
no rule carries its own copy.

This is a line-level reading of CommonMark, deliberately simple: what it
cannot tell apart it treats as structure (never joined or rewritten).
"""
from __future__ import annotations

import bisect
import re

from .model import Document, Span

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r" {0,3}>")
_RULE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_HTML_BLOCK = re.compile(r" {0,3}</?[A-Za-z!][^>]*>?")
_REF_DEF = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
_TABLE_ROW = re.compile(r"[ \t]*\|")

_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK_TARGET = re.compile(r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)
_REF_TARGET = re.compile(r"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*(\S.*)$")


def _fenced_lines(lines) -> set[int]:
    """Line numbers of fenced code blocks, the fences included. An unclosed
    fence runs to the end of the document (as CommonMark says)."""
    inside: set[int] = set()
    fence = None
    for line in lines:
        m = _FENCE.match(line.text)
        if fence is None:
            if m and not (m.group(1)[0] == "`" and "`" in line.text[m.end():]):
                fence = m.group(1)
                inside.add(line.number)
        else:
            inside.add(line.number)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.text[m.end():].strip():
                fence = None
    return inside


def _table_lines(lines, skip: set[int]) -> set[int]:
    """Rows of pipe tables: a header row, its delimiter row (|---|:--:|), the
    rows after it; and any line that starts with a pipe."""
    rows: set[int] = set()
    delimiter = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
    for i, line in enumerate(lines):
        if line.number in skip:
            continue
        if _TABLE_ROW.match(line.text):
            rows.add(line.number)
        elif "|" in line.text and delimiter.match(line.text) and "-" in line.text and i > 0 and "|" in lines[i - 1].text:
            rows.add(line.number)
            rows.add(lines[i - 1].number)
            j = i + 1
            while j < len(lines) and "|" in lines[j].text and lines[j].text.strip():
                rows.add(lines[j].number)
                j += 1
    return rows


def structure_lines(doc: Document) -> frozenset[int]:
    """Numbers of the lines that are Markdown structure, not running prose:
    never joined to a neighbour, never rewritten as prose."""
    lines = doc.lines
    fenced = _fenced_lines(lines)
    found = set(fenced) | _table_lines(lines, fenced)
    for i, line in enumerate(lines):
        t = line.text
        if line.number in found or not t.strip():
            continue
        if (_HEADING.match(t) or _LIST_ITEM.match(t) or _QUOTE.match(t) or _RULE.match(t)
                or _HTML_BLOCK.match(t) or _REF_DEF.match(t)):
            found.add(line.number)
        elif _SETEXT.match(t) and i > 0 and lines[i - 1].text.strip():
            found.update((line.number, lines[i - 1].number))  # a Setext heading and its underline
        elif t.startswith(("    ", "\t")) and (i == 0 or not lines[i - 1].text.strip() or lines[i - 1].number in found):
            found.add(line.number)  # indented code (ASCII indentation; 　　 is a paragraph indent)
    return frozenset(found)


def skipped_spans(doc: Document) -> list[Span]:
    """Spans that hold no prose: fenced code (whole lines), inline code, link
    and image targets, autolinks, reference definitions' targets, HTML tags
    and comments. Sorted, merged where they overlap."""
    text = doc.text
    found = [(doc.lines[n].start, doc.lines[n].end) for n in _fenced_lines(doc.lines)]
    for pattern in (_INLINE_CODE, _LINK_TARGET, _AUTOLINK, _HTML):
        found.extend(m.span() for m in pattern.finditer(text))
    found.extend(m.span(1) for m in _REF_TARGET.finditer(text))
    merged: list[list[int]] = []
    for s, e in sorted(found):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [Span(s, e) for s, e in merged]


def inside_skipped(span: Span, skipped: list[Span]) -> bool:
    """Whether a finding's span touches code, a link target or HTML
    (``skipped``: from ``skipped_spans``)."""
    i = bisect.bisect_right(skipped, Span(span.end, span.end))
    for s in skipped[max(0, i - 1):i + 1]:
        if span.overlaps(s) or (span.start == span.end and s.start <= span.start < s.end):
            return True
    return False
