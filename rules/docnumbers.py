"""DN: document numbers (发文字号) and how a document is cited.

GB/T 9704-2012 §7.2.5: a 发文字号 is the issuer's code, the full year in
六角括号 〔〕 and the sequence number without 第 and without leading zeros:
国办发〔2019〕4号. A document is cited by its title first and its number
after it in full-width round brackets: 《…的意见》（国办发〔2019〕4号）.

A number is recognised by its shape: Chinese characters (the issuer's code),
a bracketed year, digits, 号. 国令第706号 and 第4626号提案 have no bracketed
year and are numbered with 第 by their own norms, so they never match; nor
do court case numbers, whose year is followed by a court code, not digits.
"""
from __future__ import annotations

import re

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks

_OPEN = "〔[【（(［〈<｛{"
_CLOSE = "〕]】）)］〉>｝}"
# issuer code + bracketed year + sequence number + 号
NUMBER = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,12})"
    rf"(?P<open>[{re.escape(_OPEN)}])\s*(?P<year>(?:19|20)\d{{2}}|\d{{2}})\s*(?P<close>[{re.escape(_CLOSE)}])"
    r"\s*(?P<di>第)?\s*(?P<seq>\d{1,5})\s*号")
_PAIRS = dict(zip(_OPEN, _CLOSE))


def document_numbers(text: str) -> list[re.Match]:
    """Every 发文字号 in the text, with any brackets; a short year only in 〔〕 or []."""
    out = []
    for m in NUMBER.finditer(text):
        if _PAIRS[m.group("open")] != m.group("close"):
            continue  # （2024〕: not one bracket pair
        if len(m.group("year")) == 2 and m.group("open") not in "〔[【［":
            continue  # （24）5号 is too loose a shape
        out.append(m)
    return out


# words that end a sentence's lead-in before an issuer's code: 根据国发〔2019〕3号
_LEAD_IN = re.compile(r"^.*(?:根据|按照|依据|依照|参照|遵照|对照|贯彻|落实|执行|结合|印发|转发|下发|以及|和|及|与|或|的|是|将|把|即|见|于|在)")


def issuer_start(m: re.Match, group: str = "issuer") -> int:
    """Where the issuer's code starts: after any lead-in words the pattern took."""
    lead = _LEAD_IN.match(m.group(group))
    return m.start(group) + (lead.end() if lead else 0)


def _canonical(m: re.Match) -> str:
    issuer = m.string[issuer_start(m):m.end("issuer")]
    return f"{issuer}〔{m.group('year')}〕{int(m.group('seq'))}号"


# ---------------------------------------------------------------- DN001

def bracket_findings(text: str) -> list[Diagnostic]:
    out = []
    for m in document_numbers(text):
        if m.group("open") == "〔":
            continue
        o, c = m.start("open"), m.start("close")
        out.append(Diagnostic(
            "DN001",
            f"发文字号中的年份应用六角括号“〔〕”括入，不用“{m.group('open')}{m.group('close')}”："
            f"“{m.string[issuer_start(m):m.end()]}”应为“{_canonical(m)}”",
            Span(o, c + 1),
            Fix("改为六角括号“〔〕”", (Edit(o, o + 1, "〔"), Edit(c, c + 1, "〕")), safe=True)))
    return out


@checks("DN001", scope="line")
def number_brackets(doc, ctx):
    if "号" not in doc.text:
        return []
    return bracket_findings(doc.text)


# ---------------------------------------------------------------- DN002

def number_form_findings(text: str) -> list[Diagnostic]:
    out = []
    for m in document_numbers(text):
        seq, year = m.group("seq"), m.group("year")
        if len(year) == 2:
            out.append(Diagnostic("DN002", f"发文字号中的年份应标全称：“{m.group('open')}{year}{m.group('close')}”"
                                           f"中的年份不能简写", Span(m.start("year"), m.end("year"))))
        problems = []
        if m.group("di"):
            problems.append("不加“第”字")
        if len(seq) > 1 and seq.startswith("0"):
            problems.append(f"不编虚位（{int(seq)}不编为{seq}）")
        if not problems or int(seq) == 0:
            continue
        start = m.start("di") if m.group("di") else m.start("seq")
        end = m.end("seq")
        right = str(int(seq))
        out.append(Diagnostic(
            "DN002", f"发文顺序号{'、'.join(problems)}：“{text[start:end]}号”应为“{right}号”",
            Span(start, end), Fix(f"改为“{right}”", (Edit(start, end, right),), safe=True)))
    return out


@checks("DN002", scope="line")
def number_form(doc, ctx):
    if "号" not in doc.text:
        return []
    return number_form_findings(doc.text)


# ---------------------------------------------------------------- DN003

_TITLE = r"《[^《》\r\n]{2,120}》"
# number and title adjacent in a sentence; in a list or table (tab, |, spaces) number-first is a catalogue's order
_NUMBER_BEFORE_TITLE = re.compile(rf"(?P<num>{NUMBER.pattern})(?:文件)?(?P<title>{_TITLE})")
_TITLE_THEN_NUMBER = re.compile(rf"(?P<title>{_TITLE})(?P<wrap>[（(\[【［〔〈]?)\s*(?P<num>{NUMBER.pattern})")


def citation_findings(text: str) -> list[Diagnostic]:
    """Citations: 《title》（number）, never number first, never other brackets.
    Half-width ( ) after a title are PU001's (half-width marks in Chinese)."""
    out = []
    for m in _NUMBER_BEFORE_TITLE.finditer(text) if "\t" not in text and "|" not in text else ():
        start = issuer_start(m)
        num, title = text[start:m.end("num")], m.group("title")
        right = f"{title}（{num}）"
        out.append(Diagnostic(
            "DN003", f"引用公文应先引标题，后引发文字号：“{text[start:m.end()]}”应为“{right}”",
            Span(start, m.end()), Fix(f"改为“{right}”", (Edit(start, m.end(), right),), safe=False)))
    for m in _TITLE_THEN_NUMBER.finditer(text):
        opener = m.group("wrap")
        if opener in ("（", "("):
            continue  # the right order; ( ) is PU001's
        ns, ne = m.start("num"), m.end("num")
        if opener:
            closer = text[ne:ne + 1]
            if closer != _PAIRS.get(opener, ""):
                continue
            os_ = m.start("wrap")
            out.append(Diagnostic(
                "DN003", f"引用公文时，发文字号用圆括号“（）”括入，不用“{opener}{closer}”",
                Span(os_, ne + 1), Fix("改为“（）”", (Edit(os_, os_ + 1, "（"), Edit(ne, ne + 1, "）")), safe=True)))
        else:
            if issuer_start(m) != m.start("issuer") or m.end("issuer") - m.start("issuer") > 8:
                continue  # 《意见》精神和国发〔2019〕3号: another number, not this title's
            out.append(Diagnostic(
                "DN003", f"引用公文时，发文字号应紧跟标题并用圆括号括入：“{m.group('num')}”应为“（{m.group('num')}）”",
                Span(ns, ne), Fix("加圆括号", (Edit(ns, ns, "（"), Edit(ne, ne, "）")), safe=False)))
    return out


@checks("DN003", scope="line")
def citation_form(doc, ctx):
    if "《" not in doc.text or "号" not in doc.text:
        return []
    return citation_findings(doc.text)
