"""PU: punctuation in Chinese text, following GB/T 15834-2011.

Half-width marks between Chinese characters, unbalanced or wrongly nested
pairs, doubled marks, wrong ellipsis and dash forms. Every mechanical fix is
safe; a fix that needs judgement is a suggestion.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from gwlint.model import Diagnostic, Document, Edit, Fix, Span
from gwlint.registry import checks
from gwlint.text import CJK_PUNCT, ends_paragraph, is_cjk

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
CLOSING_CJK = set("。，、；：？！”’）》】…—")
OPENING_CJK = set("“‘（《【")


def _cjkish(ch: str) -> bool:
    """A Chinese character or Chinese punctuation."""
    return is_cjk(ch) or ch in CLOSING_CJK or ch in OPENING_CJK


_URLISH = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.ASCII)


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses, where ASCII punctuation is normal."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []  # most lines: no need to run the pattern
    return [m.span() for m in _URLISH.finditer(text)]


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _halfwidth_fix(span: Span, mark: str, full: str) -> Fix:
    return Fix(f"改为全角“{full}”", (Edit(span.start, span.end, full),), safe=True)


_HALFWIDTH_MARKS = re.compile(r"[,;:?!.\"']")
_PARENS = re.compile(r"[()]")


def _paren_pairs(text: str):
    """Matched half-width ( ) pairs on one line (innermost first)."""
    stack, pairs = [], []
    for m in _PARENS.finditer(text):
        i, c = m.start(), m.group()
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _quote_form(text: str, i: int, mark: str) -> str:
    """Which curly quote a straight quote at ``i`` stands for: straight double
    quotes alternate open/close; a single quote closes an open ‘ before it."""
    if mark == '"':
        return "“" if text.count('"', 0, i) % 2 == 0 else "”"
    if text.rfind("‘", 0, i) > text.rfind("’", 0, i):
        return "’"
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    opening = (not prev or prev.isspace() or prev in "（《【：，。；、“‘(") and bool(nxt) and not nxt.isspace()
    return "‘" if opening else "’"


@checks("PU001", scope="line")
def halfwidth_punctuation(doc, ctx):
    text = doc.text
    protected = _protected(text)
    for m in _HALFWIDTH_MARKS.finditer(text):
        i, c = m.start(), m.group()
        if _inside(i, protected):
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c in ",;?!":
            if not (is_cjk(prev) or prev in CLOSING_CJK or is_cjk(nxt) or nxt in OPENING_CJK):
                continue
            if c == "," and prev.isdigit() and nxt.isdigit():
                continue  # 1,000
            full = FULL_WIDTH[c]
        elif c == ":":
            if prev.isdigit() and nxt.isdigit():
                continue  # 10:30
            if not (is_cjk(prev) or prev in CLOSING_CJK):
                continue
            full = "："
        elif c == ".":
            # a full stop after Chinese text, not a decimal point, abbreviation or file name
            if not (is_cjk(prev) or prev in "”’）》") or (nxt and (nxt.isascii() and nxt.isalnum() or nxt == ".")):
                continue
            if i and text[i - 1:i + 1] == "..":
                continue
            full = "。"
        else:  # straight quotes next to Chinese text
            if not (_cjkish(prev) or _cjkish(nxt)):
                continue
            full = _quote_form(text, i, c)
        span = Span(i, i + 1)
        yield Diagnostic("PU001", f"中文语境中使用了半角“{c}”，应为全角“{full}”", span, _halfwidth_fix(span, c, full))
    pairs = _paren_pairs(text)
    if pairs:
        cjk_before = [0]  # cjk_before[i]: Chinese characters in text[:i] (keeps this linear)
        for ch in text:
            cjk_before.append(cjk_before[-1] + is_cjk(ch))
    for open_i, close_i in pairs:
        if _inside(open_i, protected):
            continue
        inner_has_cjk = cjk_before[close_i] - cjk_before[open_i + 1] > 0
        prev = text[open_i - 1] if open_i else ""
        nxt = text[close_i + 1] if close_i + 1 < len(text) else ""
        if not (inner_has_cjk or (is_cjk(prev) and is_cjk(nxt))):
            continue
        if open_i and (prev.isascii() and prev.isalnum()) and not inner_has_cjk:
            continue  # f(x)
        for pos, mark in ((open_i, "("), (close_i, ")")):
            span = Span(pos, pos + 1)
            full = FULL_WIDTH[mark]
            yield Diagnostic("PU001", f"中文语境中使用了半角括号“{mark}”，应为全角“{full}”", span,
                             _halfwidth_fix(span, mark, full))


PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】"}
OPENER_OF = {v: k for k, v in PAIRS.items()}


def logical_paragraphs(doc):
    """(start, end) offsets of paragraphs, joining hard-wrapped lines: a line
    that does not end a sentence continues on the next non-empty line."""
    start = None
    for line in doc.lines:
        body = line.text.rstrip()
        if not body.strip():
            if start is not None:
                yield start, prev_end
                start = None
            continue
        if start is None:
            start = line.start
        prev_end = line.end
        if ends_paragraph(body):
            yield start, line.end
            start = None
    if start is not None:
        yield start, prev_end


@checks("PU002", scope="document")
def paired_marks(doc, ctx):
    """Balance and nesting of paired marks within a paragraph.

    Hard-wrapped lines are joined first, so a quotation broken across lines
    is not reported. A straight ASCII quote is treated as whichever quote is
    expected there, so that ‘四个意识' is reported once (by PU001), not twice.
    """
    from gwlint.rules._scrape import residue_lines

    text = doc.text
    residue = set(residue_lines(doc, ctx))
    if residue:  # page chrome (【字号：⏎加大⏎…⏎】) is LY002's, not a pair left open
        lines = doc.lines
        doc = Document("".join((" " * (l.end - l.start) if l.number in residue else l.text)
                               + text[l.end:lines[l.number + 1].start if l.number + 1 < len(lines) else len(text)]
                               for l in lines), path=doc.path, kind=doc.kind)
        text = doc.text
    found = []
    for start, end in logical_paragraphs(doc):
        found.extend(_check_pairs(text, start, end))
    last_final = max(text.rfind(c) for c in "。！？…")
    return [d for d in found if not _cut_off_at_the_end(text, d, last_final)]


def _cut_off_at_the_end(text: str, d, last_final: int) -> bool:
    """An opener left open because the draft itself is cut off: ST004 reports
    the truncation, so this is not reported twice."""
    return (text[d.span.start] in PAIRS and "没有配对" in d.message and "交叉" not in d.message
            and d.span.start > last_final)


# 1）… 2）… or a）…: a list marker that closes nothing (its style is NU's business)
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s　：:；;。，,]))(?:\d{1,2}|[a-zA-Z])）$")


@lru_cache(maxsize=1)
def _pair_marks() -> re.Pattern:
    """Every character _check_pairs looks at, so that it skips the rest in C."""
    return re.compile("[" + re.escape("".join(PAIRS) + "".join(OPENER_OF) + "'\"") + "]")


def _check_pairs(text: str, start: int, end: int):
    stack: list[tuple[str, int]] = []
    open_count: Counter = Counter()  # openers on the stack, by kind (keeps this linear)
    found = []
    for m in _pair_marks().finditer(text, start, end):
        i, c = m.start(), m.group()
        if c in PAIRS:
            if c == "“" and open_count["“"]:
                found.append(Diagnostic("PU002", "双引号内又用了双引号：里层引号应为单引号‘’", Span(i, i + 1),
                                        Fix.replace(Span(i, i + 1), "‘", safe=False)))
            if c == "《" and stack and stack[-1][0] == "《":
                found.append(Diagnostic("PU002", "书名号内又用了书名号：里层应为单书名号〈〉", Span(i, i + 1),
                                        Fix.replace(Span(i, i + 1), "〈", safe=False)))
            stack.append((c, i))
            open_count[c] += 1
        elif c in OPENER_OF:
            opener = OPENER_OF[c]
            if stack and stack[-1][0] == opener:
                stack.pop()
                open_count[opener] -= 1
            elif open_count[opener]:
                # closes an outer pair: the inner ones were never closed
                while stack and stack[-1][0] != opener:
                    o, j = stack.pop()
                    open_count[o] -= 1
                    found.append(Diagnostic("PU002", f"“{o}”没有配对的“{PAIRS[o]}”（配对标号交叉）", Span(j, j + 1)))
                stack.pop()
                open_count[opener] -= 1
            elif not (c == "）" and _LIST_MARKER.search(text, max(start, i - 3), i + 1)):
                found.append(Diagnostic("PU002", f"“{c}”前面没有配对的“{opener}”", Span(i, i + 1)))
        elif c in "'\"" and stack and stack[-1][0] in ("‘" if c == "'" else "“"):
            open_count[stack.pop()[0]] -= 1
    multi = bool(stack) and _multi_paragraph_quote(text, start, stack[0][1])
    for o, j in stack:
        if o == "“" and multi and j == stack[0][1]:
            continue
        found.append(Diagnostic("PU002", f"“{o}”没有配对的“{PAIRS[o]}”", Span(j, j + 1)))
    return found


def _multi_paragraph_quote(text: str, start: int, j: int) -> bool:
    """A quotation running over several paragraphs leaves its opener unclosed
    at the end of each paragraph but the last (GB/T 15834 4.3.3.4)."""
    return text[start:j].strip() == "" and text.count("“", start) > text.count("”", start)


@checks("PU003", scope="line")
def doubled_marks(doc, ctx):
    text = doc.text
    for m in re.finditer(r"[，、；：。]{2,}", text):
        run = m.group()
        if set(run) == {"。"} and len(run) >= 3:
            continue  # 。。。 is a wrong ellipsis, PU004
        s, e = m.span()
        if len(set(run)) == 1:
            fix = Fix(f"改为一个“{run[0]}”", (Edit(s, e, run[0]),), safe=True)
            yield Diagnostic("PU003", f"标点“{run}”重复", Span(s, e), fix)
        else:
            yield Diagnostic("PU003", f"标点“{run}”连用，应只保留一个", Span(s, e),
                             Fix(f"改为“{run[-1]}”", (Edit(s, e, run[-1]),), safe=False))


@checks("PU004", scope="line")
def ellipsis_form(doc, ctx):
    text = doc.text
    if "..." not in text and "。。。" not in text and "…" not in text and "．．．" not in text and "···" not in text:
        return
    protected = _protected(text)
    for m in re.finditer(r"\.{3,}|。{3,}|．{3,}|…+|·{3,}", text):
        run = m.group()
        s, e = m.span()
        if run == "……" or _inside(s, protected):
            continue
        if run[0] == "." :
            prev = text[s - 1] if s else ""
            nxt = text[e] if e < len(text) else ""
            if not (_cjkish(prev) or _cjkish(nxt)):
                continue  # an ASCII ellipsis in Latin text or code
        if run[0] == "…" and len(run) == 4:
            continue  # a doubled ellipsis (……) is allowed for a long omission: ……
        yield Diagnostic("PU004", f"省略号“{run}”应为“……”", Span(s, e),
                         Fix("改为“……”", (Edit(s, e, "……"),), safe=True))


@checks("PU005", scope="line")
def dash_form(doc, ctx):
    text = doc.text
    if "--" not in text and "—" not in text and "－－" not in text and "──" not in text:
        return
    protected = _protected(text)
    for m in re.finditer(r"-{2,}|—+|－{2,}|─{2,}", text):
        run = m.group()
        s, e = m.span()
        if run == "——" or _inside(s, protected):
            continue
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        if run == "—" and (prev.isdigit() or nxt.isdigit() or not (is_cjk(prev) or is_cjk(nxt) or prev in "”）》")):
            continue  # 2020—2022: a single dash between numbers marks a range
        if run == "—" and not _reads_as_dash(text, s, e):
            continue  # 中国—东盟, 概念验证—中试熟化: a connector (GB/T 15834 4.13)
        if run[0] == "-" and not (_cjkish(prev) or _cjkish(nxt)):
            continue  # -- in code or command-line options
        if not text[:s].strip() and not text[e:].strip():
            continue  # a line of dashes is a rule
        yield Diagnostic("PU005", f"破折号“{run}”应为“——”", Span(s, e),
                         Fix("改为“——”", (Edit(s, e, "——"),), safe=run != "—"))


# A single “—” is a connecting mark between places, parties, stages and
# ranges (中国—东盟, 瓮福—江山, 概念验证—中试熟化, 城—镇—村): correct, and
# common in edited documents. It stands for a dash only where the words
# around it introduce an explanation: a copula or a label noun before it
# (主题就是—奋进, 我们的任务—抓落实), or an adverb or a pronoun opening a
# predicate after it (作风建设—永远在路上), or nothing after it at all.
_DASH_BEFORE = re.compile(
    r"(?:是|即|乃|叫做|称为|目标|任务|原则|根源|主题|关键|核心|重点|宗旨|要求|方针|路径|办法|出路|答案|结论|本质|实质"
    r"|精髓|灵魂|根本|前提|动力|一点|一条|一句话|标准|使命|初心|方向|底线|红线|目的|意义|特点|特征|经验|启示|道理"
    r"|真理|规律|法宝|问题|难点|短板|症结|病根|要害)$")
_DASH_AFTER = re.compile(r"(?:永远|始终|一直|必须|就是|正是|恰恰|都|要|不|才|也|还|更|这|那|我们|大家)")


def _reads_as_dash(text: str, s: int, e: int) -> bool:
    """Whether the single “—” at text[s:e] stands for a dash (——)."""
    if text[e:e + 1] == "—" or text[max(0, s - 1):s] == "—":
        return False
    clause_start = max(text.rfind(c, 0, s) for c in "，。；：！？、,;:!?\n“”（）《》") + 1
    clause_end = min((i for i in (text.find(c, e) for c in "，。；：！？,;:!?\n”）》") if i != -1), default=len(text))
    if "—" in text[clause_start:s] or "—" in text[e:clause_end]:
        return False  # 城—镇—村, 就业—专业—招生: a chain of items
    if not text[e:clause_end].strip():
        return True  # 主题就是—
    return bool(_DASH_BEFORE.search(text[clause_start:s]) or _DASH_AFTER.match(text, e))


@checks("PU006", scope="line")
def repeated_exclamation(doc, ctx):
    text = doc.text
    for m in re.finditer(r"[？！?!]{4,}", text):
        s, e = m.span()
        keep = "！" if "！" in m.group() or "!" in m.group() else "？"
        yield Diagnostic("PU006", f"问号、叹号连用超过三个：“{m.group()}”", Span(s, e),
                         Fix(f"改为“{keep}”", (Edit(s, e, keep),), safe=False))


CN_DIGITS = "一二三四五六七八九"
_APPROX = re.compile(r"(?<![第\d一二三四五六七八九十])([一二三四五六七八九])、([一二两三四五六七八九])(?=[十百千万亿]?[个名人次天年月日岁件项条家户位元种所座台辆场周]|十)")


@checks("PU007", scope="line")
def approximate_number_dunhao(doc, ctx):
    text = doc.text
    for m in _APPROX.finditer(text):
        a, b = CN_DIGITS.index(m.group(1)), CN_DIGITS.index(m.group(2).replace("两", "二"))
        if b != a + 1:
            continue
        s = m.start()
        comma = Span(s + 1, s + 2)
        yield Diagnostic("PU007", f"相邻数字表示概数时不用顿号：“{m.group()}”应为“{m.group(1)}{m.group(2)}”",
                         Span(s, m.end()), Fix("删去顿号", (Edit(comma.start, comma.end, ""),), safe=False))


@checks("PU008", scope="line")
def dunhao_between_quoted_items(doc, ctx):
    text = doc.text
    for m in re.finditer(r"(”|》)、(“|《)", text):
        s = m.start() + 1
        yield Diagnostic("PU008", "并列的引号或书名号之间通常不用顿号", Span(s, s + 1),
                         Fix("删去顿号", (Edit(s, s + 1, ""),), safe=False))


@checks("PU009", scope="document")
def line_starts_with_punctuation(doc, ctx):
    """Hard-wrapped text sometimes pushes a comma onto the next line."""
    lines = doc.lines
    for idx, line in enumerate(lines):
        if not line.text or line.text[0] not in "，。、；：？！":
            continue
        prev = lines[idx - 1] if idx else None
        span = Span(line.start, line.start + 1)
        fix = None
        if prev is not None and prev.text.strip():
            mark = line.text[0]
            fix = Fix("把标点移到上一行末尾", (Edit(prev.end, prev.end, mark), Edit(line.start, line.start + 1, "")),
                      safe=True)
        yield Diagnostic("PU009", f"行首出现标点“{line.text[0]}”", span, fix)


_SPACE_RUN = re.compile(r"[ \u00a0\u3000]+")


# The end of a sentence, perhaps followed by bracketed notes: （下转第四版）
_SENTENCE_BOUNDARY = re.compile(r"[。！？!?…][”’]?(?:[（(][^（）()]{0,20}[）)])*$")


def _stray_space(text: str, s: int, e: int) -> bool:
    """Whether the spaces text[s:e] sit between Chinese text and a Chinese
    mark (or a half-width bracket that opens Chinese text), where GB/T 15834
    leaves no gap. Leading indentation and trailing blanks are layout (LY),
    and so are spaces between two sentences: there a paragraph break was
    lost (a text stored on one line keeps its 　　 indents), or a caption
    was run into the text; deleting them would lose the break."""
    if s == 0 or e == len(text):
        return False
    if _SENTENCE_BOUNDARY.search(text, max(0, s - 60), s):
        return False
    left, right = text[s - 1], text[e]
    if left in CJK_PUNCT and (is_cjk(right) or right in CJK_PUNCT):
        return True
    if right in CJK_PUNCT and (is_cjk(left) or left in CJK_PUNCT):
        return True
    return is_cjk(left) and right == "(" and is_cjk(text[e + 1:e + 2])


@checks("PU010", scope="line")
def stray_space_beside_marks(doc, ctx):
    text = doc.text
    if " " not in text and "\u00a0" not in text and "\u3000" not in text.lstrip("\u3000 "):
        return
    for m in _SPACE_RUN.finditer(text):
        s, e = m.span()
        if _stray_space(text, s, e):
            yield Diagnostic("PU010", "中文标点前后多了空格", Span(s, e), Fix("删去空格", (Edit(s, e, ""),), safe=True))


_FULLWIDTH_LATIN = re.compile(r"[Ａ-Ｚａ-ｚ]+")


@checks("PU011", scope="line")
def fullwidth_latin(doc, ctx):
    """Latin letters are written half-width in Chinese text, like digits."""
    for m in _FULLWIDTH_LATIN.finditer(doc.text):
        run = m.group()
        ascii_ = "".join(chr(ord(c) - 0xFEE0) for c in run)
        s, e = m.span()
        yield Diagnostic("PU011", f"全角字母“{run}”应为半角“{ascii_}”", Span(s, e),
                         Fix(f"改为“{ascii_}”", (Edit(s, e, ascii_),), safe=True))
