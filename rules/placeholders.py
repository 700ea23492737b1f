"""PH: unfilled placeholders (X, *, X月X日, 某某, ○○, empty brackets).

Each finding says what kind of value is missing when the words around the
placeholder tell: a name before 同志 or 书记, a number before 人/件/个, a
place before 市/县, a date before 月/日.
"""
from __future__ import annotations

import re

from gwlint.model import Diagnostic, Span
from gwlint.registry import checks
from gwlint.text import is_cjk

# What follows (or precedes) a placeholder tells what it stands for.
_NAME_AFTER = ("同志", "书记", "副书记", "市长", "副市长", "县长", "副县长", "省长", "区长", "主任", "主席",
               "部长", "局长", "厅长", "处长", "科长", "委员", "先生", "女士", "总经理", "董事长", "组长",
               "秘书长", "检察长", "院长", "校长", "所长", "镇长", "乡长", "村长")
_PLACE_AFTER = tuple("市县区省镇乡村州盟旗") + ("地",)
_NUMBER_AFTER = tuple("人件个起次名项万亿元天趟期家户条篇年岁位座处批类轮场份只台辆%％倍")
_CASE_AFTER = ("案",)
_DATE_AFTER = tuple("月日号")

# X-shaped placeholders that are real words
_X_WORDS = ("X光", "X射线", "X线", "X型", "X染色体", "X轴", "X战警", "X刀", "X片", "X一代", "X世代")


def kind_of(text: str, start: int, end: int) -> str:
    """What the placeholder at text[start:end] stands for, in words."""
    after = text[end:end + 4]
    before = text[max(0, start - 1):start]
    if after.startswith(_NAME_AFTER):
        return "姓名"
    if after.startswith(_DATE_AFTER) or before == "年":
        return "日期"
    if before == "第" or after.startswith(_NUMBER_AFTER):
        return "数字"
    if after.startswith(_CASE_AFTER):
        return "案件名称"
    if after.startswith(_PLACE_AFTER):
        return "地名"
    return "具体内容"


def _message(token: str, text: str, start: int, end: int) -> str:
    kind = kind_of(text, start, end)
    if kind == "具体内容":
        return f"占位符“{token}”未填写"
    return f"占位符“{token}”未填写：此处应为{kind}"


def _latin_or_digit(ch: str) -> bool:
    return ch != "" and ch.isascii() and (ch.isalnum() or ch == "_")


_X_RUN = re.compile(r"[XＸ×]{1,4}|[xｘ]{2,4}")


@checks("PH001", scope="line")
def x_placeholders(doc, ctx):
    text = doc.text
    for m in _X_RUN.finditer(text):
        s, e = m.span()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if _latin_or_digit(prev) or _latin_or_digit(nxt):
            continue  # Latin word, 5×3, 0x12
        if prev and prev in " \t" and s >= 2 and _latin_or_digit(text[s - 2]):
            continue  # "5 × 3", "iPhone X"
        if any(text.startswith(w, s) for w in _X_WORDS) and e - s == 1:
            continue
        if _is_date_placeholder(text, s):
            continue  # reported by PH003
        if not (is_cjk(prev) or is_cjk(nxt) or prev in "“‘《（【、，" or nxt in "”’》）】、，。；："):
            continue
        if _operator(text, s, e):
            continue
        yield Diagnostic("PH001", _message(m.group(), text, s, e), Span(s, e))


_FORMULA = re.compile(r"[=＝÷]")


def _operator(text: str, s: int, e: int) -> bool:
    """An X or × that is an operator, not a blank: in a programme's name
    (1+X证书, “数据要素×”, “人工智能+”), or a product in a formula
    (人天数＝人次数×平均住院天数)."""
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if (prev and prev in "+＋") or (nxt and nxt in "+＋"):
        return True  # 1+X, X+
    if e - s != 1:
        return False
    if is_cjk(prev) and nxt and nxt in "”’》" and text[s] == "×":
        return True  # “数据要素×”: the name of a programme, as “互联网+”
    return text[s] == "×" and is_cjk(prev) and is_cjk(nxt) and bool(_FORMULA.search(text))


_STAR_RUN = re.compile(r"[*＊]{1,3}")


def _markdown_star(text: str, s: int, e: int, is_md: bool) -> bool:
    """Emphasis, list bullets and rules in Markdown are not placeholders."""
    if not is_md:
        return False
    run = text[s:e]
    line_start = text.rfind("\n", 0, s) + 1
    if not text[line_start:s].strip() and (e >= len(text) or text[e] in " \t"):
        return True  # "* item" bullet
    if not text[line_start:].strip().strip("*＊ "):
        return True  # "***" horizontal rule
    # an emphasis opener has a matching closer later on the line, and vice versa
    line_end = text.find("\n", e)
    line_end = len(text) if line_end == -1 else line_end
    if e < len(text) and not text[e].isspace() and text.find(run, e + 1, line_end) != -1:
        return True
    if s > 0 and not text[s - 1].isspace() and text.rfind(run, line_start, s - 1) != -1:
        return True
    return False


@checks("PH002", scope="line")
def asterisk_placeholders(doc, ctx):
    text = doc.text
    is_md = ctx.kind == "md"
    for m in _STAR_RUN.finditer(text):
        s, e = m.span()
        if e < len(text) and text[e] in "*＊":
            continue  # a run of four or more is a separator, not a placeholder
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if prev and (prev.isascii() and prev.isalnum() or prev == ")"):
            continue  # 5*3, a*b, a 5* rating, a footnote mark after a word
        if prev == " " and nxt in (" ", "") or (nxt.isascii() and nxt.isalnum()):
            continue  # 5 * 3
        if _is_date_placeholder(text, s):
            continue
        if _markdown_star(text, s, e, is_md):
            continue
        if not (is_cjk(prev) or is_cjk(nxt) or prev in "“‘《（【、，：；" or nxt in "”’》）】、，。；："):
            continue
        yield Diagnostic("PH002", _message(m.group(), text, s, e), Span(s, e))


_DATE = re.compile(r"(?:(?:20|19)?[XＸ×*＊xｘ\d]{2,4}年)?[XＸ×*＊xｘ]{1,2}月(?:[XＸ×*＊xｘ]{1,2}日)?"
                   r"|(?:20|19)[XＸ×*＊xｘ]{2}年|(?<=[\d一二三四五六七八九十]月)[XＸ×*＊xｘ]{1,2}日")


def _is_date_placeholder(text: str, pos: int) -> bool:
    for m in _DATE.finditer(text, max(0, pos - 8), min(len(text), pos + 12)):
        if m.start() <= pos < m.end():
            return True
    return False


@checks("PH003", scope="line")
def date_placeholders(doc, ctx):
    text = doc.text
    if "月" not in text and "年" not in text and "日" not in text:
        return
    for m in _DATE.finditer(text):
        s, e = m.span()
        if s and _latin_or_digit(text[s - 1]) and not text[s - 1].isdigit():
            continue
        yield Diagnostic("PH003", f"日期“{m.group()}”未填写", Span(s, e))


_MOU = re.compile(r"某某+")


@checks("PH004", scope="line")
def mou_placeholders(doc, ctx):
    text = doc.text
    for m in _MOU.finditer(text):
        s, e = m.span()
        yield Diagnostic("PH004", _message(m.group(), text, s, e), Span(s, e))


_BLANK = re.compile(r"[○□]{1,4}|_{3,}|＿{2,}")


@checks("PH005", scope="line")
def blank_placeholders(doc, ctx):
    text = doc.text
    for m in _BLANK.finditer(text):
        s, e = m.span()
        token = m.group()
        if token[0] in "_＿" and not text[:s].strip() and not text[e:].strip():
            continue  # a line of underscores is a rule, not a blank
        if token[0] == "○" and _numeral_beside(text, s, e):
            continue  # 二○○五年: a 〇 typed as ○ in a number (NM008's), no blank
        if token[0] in "○□" and len(token) == 1:
            prev = text[s - 1] if s else ""
            nxt = text[e] if e < len(text) else ""
            if not (is_cjk(prev) and is_cjk(nxt)) and not nxt.startswith(_NAME_AFTER):
                continue  # a lone ○ or □ used as a bullet or check box
            if s == 0 or prev in " \t":
                continue
        yield Diagnostic("PH005", _message(token, text, s, e), Span(s, e))


_NUMERALS = "○〇零一二三四五六七八九十百千万"


def _numeral_beside(text: str, s: int, e: int) -> bool:
    """○ inside a run of Chinese numerals that has real digits (二○○五):
    a zero in the wrong form, which NM008 reports; ○○年○○月 stays a blank."""
    a, b = s, e
    while a > 0 and text[a - 1] in _NUMERALS:
        a -= 1
    while b < len(text) and text[b] in _NUMERALS:
        b += 1
    return any(c != "○" for c in text[a:b])


_EMPTY = re.compile(r"【[ \u3000]*】|（[ \u3000]*）|《[ \u3000]*》|“[ \u3000]*”|〔[ \u3000]*〕|\([ \u3000]*\)|\[[ \u3000]+\]")


@checks("PH006", scope="line")
def empty_brackets(doc, ctx):
    text = doc.text
    is_md = ctx.kind == "md"
    for m in _EMPTY.finditer(text):
        s, e = m.span()
        token = m.group()
        if token[0] in "([":
            if is_md:
                continue  # task boxes and links in Markdown
            prev = text[s - 1] if s else ""
            nxt = text[e] if e < len(text) else ""
            if not (is_cjk(prev) or is_cjk(nxt)) or _latin_or_digit(prev):
                continue  # f(), [] in code-like text
        yield Diagnostic("PH006", f"“{token}”中内容为空，疑为未填写的占位", Span(s, e))
