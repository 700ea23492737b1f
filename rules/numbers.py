"""NM: numbers and dates, following GB/T 15835-2011 《出版物上数字用法》."""
from __future__ import annotations

import re
from collections import defaultdict

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks
from gwlint.text import int_to_cn, is_cjk

_YEAR_WITHOUT_NIAN = re.compile(
    r"(?<![A-Za-z0-9_.\-/:])((?:19|20)\d{2})(?=以来|以前|以后|之前|之后|至今|年底|年初|上半年|下半年|全年|底|初|末|前后)")


_DIGIT = re.compile(r"[0-9０-９]")


@checks("NM001", scope="line")
def year_without_nian(doc, ctx):
    text = doc.text
    if not _DIGIT.search(text):
        return
    for m in _YEAR_WITHOUT_NIAN.finditer(text):
        s, e = m.span(1)
        after = text[e:e + 3]
        if after.startswith(("年底", "年初")):
            continue
        yield Diagnostic("NM001", f"年份“{m.group(1)}”后缺“年”字：应为“{m.group(1)}年{after[:2]}”", Span(s, e),
                         Fix(f"改为“{m.group(1)}年”", (Edit(e, e, "年"),), safe=True))


_FULLWIDTH_DIGITS = re.compile(r"[０-９][０-９．，]*")


@checks("NM002", scope="line")
def fullwidth_digits(doc, ctx):
    for m in _FULLWIDTH_DIGITS.finditer(doc.text):
        run = m.group().rstrip("．，")
        s = m.start()
        e = s + len(run)
        ascii_ = run.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
        yield Diagnostic("NM002", f"全角数字“{run}”应为半角“{ascii_}”", Span(s, e),
                         Fix(f"改为“{ascii_}”", (Edit(s, e, ascii_),), safe=True))


_SHORT_YEAR = re.compile(r"(?<![\d.])(?:[’']|(?<=[于在至到和、及与，（]))?(\d{2})年(?=\d{1,2}月|度(?:工作|计划|预算|考核|报告))")


@checks("NM003", scope="line")
def shortened_year(doc, ctx):
    text = doc.text
    if "年" not in text or not _DIGIT.search(text):
        return
    for m in re.finditer(r"(?<![\d.０-９])([’']?)(\d{2})年(?=\d{1,2}月|度)", text):
        s, e = m.span()
        yy = int(m.group(2))
        full = (2000 + yy) if yy < 50 else (1900 + yy)
        yield Diagnostic("NM003", f"年份不能简写：“{m.group()}”应为“{full}年”", Span(s, e),
                         Fix(f"改为“{full}年”", (Edit(s, e, f"{full}年"),), safe=False))


_LEADING_ZERO = re.compile(r"(?<=年)0(\d)(?=月)|(?<=月)0(\d)(?=日)")


@checks("NM004", scope="line")
def leading_zero_in_date(doc, ctx):
    text = doc.text
    if "0" not in text:
        return
    for m in _LEADING_ZERO.finditer(text):
        s = m.start()
        if s >= 2 and text[s - 1] == "年" and not text[max(0, s - 5):s - 1].isdigit() and not text[s - 3:s - 1].isdigit():
            continue  # not a date written with digits
        digit = m.group(1) or m.group(2)
        yield Diagnostic("NM004", f"日期中的月、日不加前导零：“0{digit}”应为“{digit}”", Span(s, s + 2),
                         Fix(f"改为“{digit}”", (Edit(s, s + 1, ""),), safe=True))


_RANGE_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([～~])(\d+(?:\.\d+)?)(%|‰|℃|万|亿)")
_RANGE_HYPHEN = re.compile(r"(?<![\d.\-/:])(\d{1,4})-(\d{1,4})(?![\d\-/:])(?=[个名人次天年月日岁件项条家户元万亿%])")


@checks("NM005", scope="line")
def range_forms(doc, ctx):
    text = doc.text
    if not _DIGIT.search(text):
        return
    for m in _RANGE_UNIT.finditer(text):
        a, mark, b, unit = m.groups()
        s, e = m.span()
        fixed = f"{a}{unit}～{b}{unit}"
        yield Diagnostic("NM005", f"数值范围两端都应带单位：“{m.group()}”应为“{fixed}”", Span(s, e),
                         Fix(f"改为“{fixed}”", (Edit(s, e, fixed),), safe=True))
    for m in _RANGE_HYPHEN.finditer(text):
        prev = text[m.start() - 1] if m.start() else ""
        if prev.isascii() and prev.isalpha():
            continue  # HL7-2 and other codes
        a, b = int(m.group(1)), int(m.group(2))
        if b <= a:
            continue  # not a range
        s = m.start(1) + len(m.group(1))
        yield Diagnostic("NM005", f"表示数值范围应使用浪纹线“～”或一字线“—”，不用连字符：“{m.group()}”", Span(s, s + 1),
                         Fix("改为“～”", (Edit(s, s + 1, "～"),), safe=False))


_BIG_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d{5,}(?![\d,])")


_MAYBE_BIG = re.compile(r"\d{5}|\d,\d{3}")
_CODE_BEFORE = re.compile(r"(?:电话|热线|编号|邮编|代码|号码|账号|工号|文号|编码|第)$")
_CODE_AFTER = re.compile(r"热线|号|电话|次列车|航班|路|室|栋|邮编")


@checks("NM006", scope="document")
def thousands_separators(doc, ctx):
    """One document should write large numbers one way: with or without commas."""
    text = doc.text
    if not _MAYBE_BIG.search(text):
        return []  # no number of five digits or with a thousands comma
    with_sep, without = [], []
    for m in _BIG_NUMBER.finditer(text):
        s, e = m.span()
        prev = text[s - 1] if s else ""
        after = text[e:e + 1]
        if prev in "-/:" or (prev.isascii() and prev.isalpha()) or after in "年-/":
            continue  # phone numbers, codes, years
        if _CODE_BEFORE.search(text, max(0, s - 4), s) or _CODE_AFTER.match(text, e):
            continue  # 12345热线, 邮编450000: a code, not a quantity
        (with_sep if "," in m.group() else without).append(Span(s, e))
    if not with_sep or not without:
        return []
    minority, majority = (with_sep, without) if len(with_sep) <= len(without) else (without, with_sep)
    style = "不用千分撇" if majority is without else "使用千分撇"
    related = tuple((sp, "本文其他写法") for sp in majority[:5])
    return [Diagnostic("NM006", f"千分撇用法不一致：本文多数数字{style}", sp, None, related=related) for sp in minority]


_MIXED = re.compile(r"(?<![\d.])(\d+)(千|百)(?![分克米瓦帕焦卡兆])|([一二三四五六七八九十百千]*[百千][零〇]?)(\d+)")


@checks("NM007", scope="line")
def mixed_numerals(doc, ctx):
    text = doc.text
    if not _DIGIT.search(text):
        return
    for m in re.finditer(r"(?<![\d.])(\d+)(千|百)(?![分克米瓦帕焦卡兆年])", text):
        s, e = m.span()
        if text[e - 1:e + 2] in ("千万不", "千万别", "千万要") or text[e - 1:e + 1] == "百般":
            continue  # 3千万不要: a list number before the adverb 千万
        if m.group(2) == "百" and text[e:e + 1] in "姓家":
            continue  # 百姓, 百家
        yield Diagnostic("NM007", f"数字“{m.group()}”中阿拉伯数字与汉字数字“{m.group(2)}”混用", Span(s, e))
    for m in re.finditer(r"([一二两三四五六七八九十][一二三四五六七八九十百千]*[百千][零〇]?)(\d+)", text):
        s, e = m.span()
        yield Diagnostic("NM007", f"数字“{m.group()}”中汉字数字与阿拉伯数字混用", Span(s, e))


_YEAR_WITH_LING = re.compile(r"[一二三四五六七八九〇零○0Ｏ]{4}(?=年)")


@checks("NM008", scope="line")
def ling_misuse(doc, ctx):
    text = doc.text
    if not any(c in text for c in "零〇○0Ｏ"):
        return
    for m in _YEAR_WITH_LING.finditer(text):
        run = m.group()
        if not any(c in "一二三四五六七八九" for c in run) or all(c == "〇" or c in "一二三四五六七八九" for c in run):
            continue
        fixed = "".join("〇" if c in "零○0Ｏ" else c for c in run)
        s, e = m.span()
        yield Diagnostic("NM008", f"汉字年份中的“零”应写作“〇”：“{run}”应为“{fixed}”", Span(s, e),
                         Fix(f"改为“{fixed}”", (Edit(s, e, fixed),), safe=True))
    for m in re.finditer(r"(?<=[一二两三四五六七八九十][百千万])〇(?=[一二三四五六七八九])", text):
        s = m.start()
        yield Diagnostic("NM008", "数目中间的空位应写作“零”，不写“〇”", Span(s, s + 1),
                         Fix("改为“零”", (Edit(s, s + 1, "零"),), safe=True))


_FIXED_CN = re.compile(
    r"(?<![\d.])(\d{1,2})(五(?=规划|时期|期间|”))"
    r"|(?<=党的)(\d{1,2})(大)"
    r"|(?<![\d.])(\d{1,2})(大)(?=精神|报告|代表|以来|召开|胜利)"
    r"|(?<![\d.])(\d{1,2})(届)(?=[\d一二三四五六七八九]+中全会|中央)"
    r"|(?<![\d.])(\d{1,2})(中全会)"
    r"|(?<=第)(\d)(季度)")


@checks("NM009", scope="line")
def fixed_chinese_numerals(doc, ctx):
    text = doc.text
    if not _DIGIT.search(text):
        return
    for m in _FIXED_CN.finditer(text):
        groups = [g for g in m.groups() if g is not None]
        digits, word = groups[0], groups[1]
        n = int(digits)
        if n == 0:
            continue
        s = m.start()
        e = s + len(digits)
        cn = int_to_cn(n)
        yield Diagnostic("NM009", f"固定表述中的数字应使用汉字：“{digits}{word}”应为“{cn}{word}”", Span(s, e),
                         Fix(f"改为“{cn}”", (Edit(s, e, cn),), safe=True))
