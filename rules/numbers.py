"""NM: numbers and dates, following GB/T 15835-2011 《出版物上数字用法》."""
from __future__ import annotations

import re

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks
from gwlint.text import int_to_cn

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


# 千 and 百 as the prefixes kilo- and hecto- of a unit are not numerals: 500千伏,
# 10千瓦, 3千克, 750千伏安, 350千字 (publishing), 1000百帕 (GB 3100-1993 词头)
_KILO_UNIT = "(?:[分克米瓦帕焦卡兆年伏赫升欧乏字]|比特)"
_MIXED_ARABIC_FIRST = re.compile(rf"(?<![\d.])(\d+)(千(?!{_KILO_UNIT})|百(?![分克米瓦帕焦卡兆年]))")


@checks("NM007", scope="line")
def mixed_numerals(doc, ctx):
    text = doc.text
    if not _DIGIT.search(text):
        return
    for m in _MIXED_ARABIC_FIRST.finditer(text):
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


# ---------------------------------------------------------------- NM010

_PER_WORD = {"百分之": "%", "千分之": "‰"}
_PERCENT_MIXED = re.compile(
    r"(?P<word>百分之|千分之)(?P<a>\d+(?:\.\d+)?)"
    r"(?:(?P<range>[～~—－至到])(?:百分之|千分之)?(?P<b>\d+(?:\.\d+)?))?(?P<points>个百分点)?")
_PERCENT_POINTS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(%|％)(?=个百分点)")


def percent_forms(text: str) -> list[Diagnostic]:
    """百分之5.2 mixes a Chinese numeral word with Arabic digits (GB/T 15835
    §5.3): 5.2%. 百分之5.2个百分点 and 5.2%个百分点 say the unit twice: 5.2个百分点."""
    out = []
    for m in _PERCENT_MIXED.finditer(text):
        s, e = m.span()
        a, sign = m.group("a"), _PER_WORD[m.group("word")]
        if m.group("points"):
            right = f"{a}个百分点"
            out.append(Diagnostic("NM010", f"“{m.group()}”重复了单位，应为“{right}”", Span(s, e),
                                  Fix(f"改为“{right}”", (Edit(s, e, right),), safe=True)))
            continue
        elif m.group("range"):
            right, safe = f"{a}{sign}～{m.group('b')}{sign}", False
        else:
            right, safe = f"{a}{sign}", True
        out.append(Diagnostic("NM010", f"“{m.group()}”混用汉字数字与阿拉伯数字，应为“{right}”", Span(s, e),
                              Fix(f"改为“{right}”", (Edit(s, e, right),), safe=safe)))
    for m in _PERCENT_POINTS.finditer(text):
        s, e = m.span(2)
        out.append(Diagnostic("NM010", f"“{m.group()}个百分点”重复了单位，应为“{m.group(1)}个百分点”", Span(s, e),
                              Fix("删去“%”", (Edit(s, e, ""),), safe=True)))
    return out


@checks("NM010", scope="line")
def percent_mixed(doc, ctx):
    text = doc.text
    if "分之" not in text and "个百分点" not in text:
        return []
    return percent_forms(text)


# ---------------------------------------------------------------- NM011

_CN_INT = "[零〇一二两三四五六七八九十百]+"
_CN_FRACTION = "(?:点[零〇一二三四五六七八九]+)?"
# 百分之五点二, 百分之四十, 千分之三; 五点二个百分点, 两个百分点 (not 百分之百, an idiom as
# often as a figure, nor a ranking band such as ESI前千分之一, a name rather than a figure)
_CN_PERCENT = re.compile(
    rf"(?<![前后])(?P<word>百分之|千分之)(?P<int>{_CN_INT}){_CN_FRACTION.replace('(?:', '(?P<frac>', 1)}"
    rf"|(?<![\d.零〇一二两三四五六七八九十百千万])(?P<int2>{_CN_INT}){_CN_FRACTION.replace('(?:', '(?P<frac2>', 1)}(?=个百分点)")
_AR_PERCENT = re.compile(r"\d(?:%|％|‰|个百分点)|(?:百分之|千分之)\d")
_CN_DIGIT_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def cn_integer(s: str) -> int | None:
    """一百二十 → 120, 十五 → 15, 零 → 0, 五 → 5; None for what is not a plain numeral below 1000."""
    if all(c in _CN_DIGIT_VALUES for c in s):
        return _CN_DIGIT_VALUES[s] if len(s) == 1 else None
    total, digit, seen = 0, None, False
    for c in s:
        if c in _CN_DIGIT_VALUES:
            if digit and _CN_DIGIT_VALUES[c]:
                return None  # 五五: two digits in a row
            digit = _CN_DIGIT_VALUES[c]
        elif c in "十百":
            unit = 10 if c == "十" else 100
            total += (1 if digit is None else digit) * unit
            digit, seen = None, True
        else:
            return None
    return total + (digit or 0) if seen else None


def _arabic(m: re.Match) -> str | None:
    """The Arabic form of a Chinese-numeral percentage: 百分之五点二 → 5.2%, 两个百分点 → 2."""
    whole = m.group("int") or m.group("int2")
    frac = m.group("frac") if m.group("int") else m.group("frac2")
    if m.group("word") and whole == "百" and not frac:
        return None  # 百分之百
    n = cn_integer(whole)
    if n is None:
        return None
    value = str(n) + ("." + "".join(str(_CN_DIGIT_VALUES[c]) for c in frac[1:]) if frac else "")
    return value + _PER_WORD[m.group("word")] if m.group("word") else value


def mixed_percent_forms(text: str) -> list[Diagnostic]:
    """Percentages and percentage points written in Chinese numerals in a
    document that writes the others in Arabic numerals (5.2%, 0.5个百分点):
    GB/T 15835 §4.3, 同类别同形式. A document that writes them all in Chinese
    numerals (a speech written to be read out, a law) is consistent."""
    arabic = [m.start() for m in _AR_PERCENT.finditer(text)]
    if not arabic:
        return []
    out = []
    for m in _CN_PERCENT.finditer(text):
        right = _arabic(m)
        if right is None:
            continue
        s, e = m.span()
        said, says = (m.group(), right) if m.group("word") else (m.group() + "个百分点", right + "个百分点")
        near = min(arabic, key=lambda a: abs(a - s))
        out.append(Diagnostic(
            "NM011", f"同类数字应采用同一形式：本文别处用阿拉伯数字，“{said}”宜为“{says}”", Span(s, e),
            Fix(f"改为“{right}”", (Edit(s, e, right),), safe=False),
            related=((Span(near, near + 1), "本文用阿拉伯数字的百分数"),)))
    return out


@checks("NM011", scope="document")
def percent_forms_mixed(doc, ctx):
    text = doc.text
    if "百分" not in text and "千分之" not in text:
        return []
    return mixed_percent_forms(text)


# ---------------------------------------------------------------- NM012

# a unit's Chinese name and its international symbol (法定计量单位)
_CN_UNITS = {"小时": "h", "时": "h", "分钟": "min", "秒": "s", "千米": "km", "公里": "km", "米": "m", "厘米": "cm",
             "毫米": "mm", "千克": "kg", "公斤": "kg", "克": "g", "吨": "t", "升": "L", "毫升": "mL", "千瓦": "kW",
             "兆瓦": "MW", "瓦": "W", "千瓦时": "kW·h", "平方米": "m²", "立方米": "m³", "公顷": "hm²"}
_SYMBOLS = ("kW·h", "kWh", "km", "cm", "mm", "kg", "mL", "kW", "MW", "GW", "hm²", "m²", "m³", "m2", "m3",
            "m", "g", "t", "L", "W", "h", "s", "min")
_CN_ALT = "|".join(sorted(map(re.escape, _CN_UNITS), key=len, reverse=True))
_SYM_ALT = "|".join(sorted(map(re.escape, _SYMBOLS), key=len, reverse=True))
_UNIT_MIX = re.compile(
    rf"(?<=\d)\s*(?:(?P<sym1>{_SYM_ALT})\s*/\s*(?P<cn1>{_CN_ALT})"
    rf"|(?P<cn2>{_CN_ALT})\s*/\s*(?P<sym2>{_SYM_ALT})(?![A-Za-z])"
    rf"|(?P<pow>平方|立方)(?P<sym3>km|dm|cm|mm|m)(?![A-Za-z²³23]))")
_CELSIUS = re.compile(r"摄氏\s*(?P<n>-?\d+(?:\.\d+)?)\s*(?:度|℃)")


def _sym(unit: str) -> str:
    return _CN_UNITS.get(unit, unit)


def unit_mixes(text: str) -> list[Diagnostic]:
    """A combined unit written half in symbols, half in Chinese (80km/小时),
    and 摄氏20度: 《中华人民共和国法定计量单位使用方法》."""
    out = []
    for m in _UNIT_MIX.finditer(text):
        if m.group("sym1") and m.group("sym1") not in ("kW·h", "kWh") and text[m.end():m.end() + 1] in ("速",):
            continue
        if m.group("sym1"):
            right = f"{m.group('sym1')}/{_sym(m.group('cn1'))}"
        elif m.group("cn2"):
            right = f"{_sym(m.group('cn2'))}/{m.group('sym2')}"
        else:
            right = m.group("sym3") + ("²" if m.group("pow") == "平方" else "³")
        s, e = m.span()
        s += len(m.group()) - len(m.group().lstrip())
        out.append(Diagnostic("NM012", f"组合单位中单位符号与中文名称混用：“{text[s:e]}”应为“{right}”（或全用中文）",
                              Span(s, e), Fix(f"改为“{right}”", (Edit(s, e, right),), safe=False)))
    for m in _CELSIUS.finditer(text):
        right = f"{m.group('n')}℃"
        out.append(Diagnostic("NM012", f"“{m.group()}”不规范：摄氏度是一个整体，应为“{right}”或“{m.group('n')}摄氏度”",
                              Span(*m.span()), Fix(f"改为“{right}”", (Edit(*m.span(), right),), safe=False)))
    return out


@checks("NM012", scope="line")
def unit_name_symbol_mixed(doc, ctx):
    text = doc.text
    if "/" not in text and "平方" not in text and "立方" not in text and "摄氏" not in text:
        return []
    return unit_mixes(text)


# ---------------------------------------------------------------- NM013

_LONG_NUMBER = re.compile(r"(?<![\d.,，A-Za-z#＃/\-])(\d{6,})(?![\d.,/\-])")
_QUANTITY_AFTER = re.compile(
    r"(?:多|余)?(?:元|美元|人次|人|户|吨|亩|个|件|套|台|辆|头|只|次|株|册|份|平方米|立方米|千瓦时|千瓦|千米|公里|米|"
    r"字|名|家|张|处|所|座|间|篇|项|条|棵|公顷|千克|公斤|斤|册|箱|盒|吨标准煤)")
_CODE_WORDS = re.compile(r"(?:电话|热线|编号|邮编|代码|号码|账号|帐号|工号|文号|编码|证号|身份证|批号|序号|卡号|第)[：:\s]*$")


def _wan_yi(value: int) -> str:
    """1200000000 → 12亿, 35000000 → 3500万, 123450000 → 12345万 (always exact)."""
    if value >= 10 ** 8 and value % 10 ** 6 == 0:
        whole, rest = divmod(value, 10 ** 8)
        return f"{whole}" + (f".{rest // 10 ** 6:02d}".rstrip("0") if rest else "") + "亿"
    return f"{value // 10 ** 4}万"


def large_numbers(text: str) -> list[Diagnostic]:
    """Round quantities written as a bare run of six digits or more
    (1200000000元): 公文 writes them with 万 and 亿 (12亿元), as GB/T 15835
    §5.3 allows. Not codes, phone numbers, table rows, numbers that are not
    round (they may be exact) or numbers grouped with thousands separators
    (1,200,000元: a format GB/T 15835 §5.1.1 provides for)."""
    if "\t" in text or "|" in text:
        return []
    out = []
    for m in _LONG_NUMBER.finditer(text):
        if len(m.group(1)) > 24:
            continue  # not a quantity (and past int()'s 4,300-digit limit it would raise)
        value = int(m.group(1))
        s, e = m.span(1)
        if text[e:e + 1] == "万":  # 3000000万元: counted in 万 already
            value, e = value * 10 ** 4, e + 1
            if value < 10 ** 8:
                continue
        elif value < 10 ** 5 or value % 10 ** 4:
            continue
        if not _QUANTITY_AFTER.match(text, e) or _CODE_WORDS.search(text, max(0, s - 6), s):
            continue  # not a quantity, or a code
        right = _wan_yi(value)
        written = text[s:e]
        out.append(Diagnostic("NM013", f"大数“{written}”宜以“万”“亿”为单位：“{right}”", Span(s, e),
                              Fix(f"改为“{right}”", (Edit(s, e, right),), safe=False)))
    return out


@checks("NM013", scope="line")
def large_number(doc, ctx):
    if not _MAYBE_LONG.search(doc.text):
        return []
    return large_numbers(doc.text)


_MAYBE_LONG = re.compile(r"\d{6}")
