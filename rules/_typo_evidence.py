"""Evidence that text is written as meant, for TY's context layer.

The language model knows general Chinese; official documents use words it
has never seen (抗疫, 数智化, 铸牢, 惠企), names (of people, places, roads,
projects and companies) and coinages of their own (兜底式, 智造). The model
then prefers a common sound-alike, and a detector that trusts it cries wolf.
So a suspected slip needs more gain, or none is reported, when:
- the vocabulary of official writing has a word over the changed characters;
- the document uses the form again: three times means intended (a slip is
  not repeated), twice asks for more;
- it is a name: before an administrative suffix (县, 镇, 村, 旗…), before a
  road or project word (高速, 铁路, 大道…), after a title (记者, 书记…) or
  before 同志, or made of province abbreviations (苏陕, 闽宁);
- the character it replaces is rare: an input method offers the common
  ones first, so a rare character was most likely chosen on purpose;
- the changed character is a word-forming affix after a word (兜底式, 集成式,
  数智化: 式, 型, 化, 性…), or repeats a character of a parallel phrase
  (延链补链强链, 做优做全).
Repetition and names only ever raise the bar: they never make a finding.
"""
from __future__ import annotations


SKIP = float("inf")
ADMIN_SUFFIX = frozenset("县镇村旗乡区市省州盟屯寨营坝沟岭")
PLACE_ONLY_SUFFIX = frozenset("县镇村旗乡盟屯寨")
BEFORE_SUFFIX = frozenset("县镇村旗乡区盟屯寨")  # an edit just before one is a place name (not 市: 成市 is 城市)  # never a slip themselves (市, 区 may be: 行动市从严)
NAME_FOLLOWERS = ("高速", "高铁", "铁路", "公路", "大道", "大街", "大桥", "隧道", "机场", "港区", "水库", "口岸",
                  "路", "街", "河", "湖", "江", "湾")  # road, river and place names: 延榆高铁, 汝箕沟
TITLES = ("记者", "书记", "省长", "市长", "县长", "区长", "镇长", "村长", "主任", "部长", "厅长", "局长", "处长",
          "主席", "总理", "委员", "同志", "院士", "教授", "烈士", "总经理", "董事长", "先生", "女士", "摄", "编辑",
          "作者", "通讯员", "贫困户", "村民", "农民", "军人", "职工", "党员", "干部", "群众", "老人", "医生", "教师")
PROVINCE_ABBREVIATIONS = frozenset("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台")
AFFIXES = frozenset("式型化性级类率度感者员家界业制品物方面点区所处师")
RARE_CHARACTER = 500  # an input method offers a character this rare (沣, 瀚, 晟) only to one who looks for it

RARE_CHAR = ((500, 2.0), (1500, 1.0))  # (character frequency below, extra gain): an input method offers common characters first
REPEATED_TWICE = 1.5  # extra gain when the document uses the form twice
AFFIX_NEED = 2.0
PARALLEL_NEED = 2.0
ABBREVIATION_NEED = 3.0


def changed_positions(text: str, start: int, replacement: str) -> list[int]:
    return [start + k for k, c in enumerate(replacement) if text[start + k] != c]


def official_word_over(text: str, changed: list[int], official, max_len: int = 8) -> str | None:
    """A word of the official vocabulary in ``text`` that covers every changed character."""
    lo, hi = min(changed), max(changed) + 1
    for L in range(max_len, hi - lo - 1, -1):
        for s in range(max(0, hi - L), min(lo, len(text) - L) + 1):
            w = text[s:s + L]
            if w in official:
                return w
    return None


def is_name(text: str, start: int, end: int, changed: list[int]) -> bool:
    after = text[end:end + 2]
    last = max(changed)
    # on or just before an administrative suffix: 水坪村, 华溪村, 马鬃山村
    if any(c in BEFORE_SUFFIX for c in text[last + 1:last + 3]) or text[last] in PLACE_ONLY_SUFFIX:
        return True
    if any(after.startswith(f) for f in NAME_FOLLOWERS):
        return True
    before = text[max(0, start - 4):start]
    if any(before.endswith(t) for t in TITLES) or text[end:end + 2] == "同志":
        return True
    if text[start - 1:start] in ("·", "•") or text[end:end + 1] in ("·", "•"):
        return True  # 汉斯·希伯: a transliterated name
    return False


COUNTRIES = ("中国", "美国", "英国", "法国", "德国", "日本", "韩国", "俄罗斯", "意大利", "澳大利亚", "加拿大", "新加坡",
             "荷兰", "瑞士", "瑞典", "西班牙", "葡萄牙", "印度", "泰国", "越南", "马来西亚", "印度尼西亚", "巴西",
             "以色列", "比利时", "奥地利", "丹麦", "芬兰", "挪威", "新西兰", "沙特", "阿联酋", "香港", "澳门", "台湾")
TITLES_AFTER = ("副总理", "总理", "主席", "副主席", "书记", "副书记", "省长", "副省长", "市长", "副市长", "县长",
                "主任", "部长", "同志", "院士", "委员", "局长", "厅长", "先生", "女士", "教授")


def hard_evidence(text: str, start: int, end: int, replacement: str, official, document: str | None) -> str | None:
    """Why the span is surely written as meant (then nothing is reported), or None."""
    changed = changed_positions(text, start, replacement)
    if not changed:
        return "unchanged"
    if official_word_over(text, changed, official):
        return "official"
    if is_name(text, start, end, changed) or is_name_in_context(text, start, end) or is_place_suffix(text, changed, end):
        return "name"
    if end - start >= 2 and (document if document is not None else text).count(text[start:end]) >= 3:
        return "repeated"
    if in_short_quote(text, start, end):
        return "quoted"
    return None


SUFFIX_CHARS = frozenset("市县区州镇乡村旗")
LINE_SUFFIX = frozenset("线路街桥站港湾")


def is_place_suffix(text: str, changed: list[int], end: int) -> bool:
    """A changed character that is the suffix of a place under a province or
    city named just before (辽宁省调兵山市, 甘肃省临夏市八坊), or the last
    character of a line, road or station name (南枫线)."""
    for i in changed:
        if text[i] in SUFFIX_CHARS and any(m in text[max(0, i - 7):i] for m in ("省", "自治区", "市", "州", "盟")):
            return True
        if text[i] in LINE_SUFFIX and i == end - 1:
            return True
    return False


def is_name_in_context(text: str, start: int, end: int) -> bool:
    """A name by its neighbours: a title right after (曾培炎副总理), a
    country right before (意大利世科姆), a 'X至Y段' road section."""
    after = text[end:end + 4]
    if any(after.startswith(t) for t in TITLES_AFTER):
        return True
    before = text[max(0, start - 6):start]
    if any(before.endswith(c) or before[:-1].endswith(c) for c in COUNTRIES):
        return True
    return False


def in_short_quote(text: str, start: int, end: int, longest: int = 12) -> bool:
    """Whether the span lies inside a short quotation (“一校一址”, “铁公机”):
    quoted coinages, slogans and brand names are written on purpose."""
    open_at = text.rfind("“", 0, start)
    if open_at < 0 or text.find("”", open_at, start) >= 0:
        return False
    close_at = text.find("”", end)
    return close_at >= 0 and close_at - open_at - 1 <= longest and "“" not in text[end:close_at]


def affix_after_word(text: str, changed: list[int], is_word) -> bool:
    """A changed character that is a word-forming affix after a word (兜底式, 集成式, 代理师)."""
    return any(text[i] in AFFIXES and i >= 2 and is_word(text[i - 2:i]) for i in changed)


def affix_in_use(text: str, i: int, document: str | None, is_word) -> bool:
    """Whether text[i] is an affix after a word that the text uses so again
    (兜底式保障和开发式帮扶): a second X式 shows the writer forming words."""
    c = text[i]
    if not (c in AFFIXES and i >= 2 and is_word(text[i - 2:i])):
        return False
    where = document if document is not None else text
    uses = 0
    at = where.find(c)
    while at >= 0 and uses < 2:
        if at >= 2 and is_word(where[at - 2:at]):
            uses += 1
        at = where.find(c, at + 1)
    return uses >= 2


def rare_character(text: str, changed: list[int], char_freq: dict[str, int]) -> bool:
    return any(char_freq.get(text[i], 0) < RARE_CHARACTER for i in changed)


def soft_evidence(text: str, start: int, end: int, replacement: str, document: str | None,
                  is_word, char_freq: dict[str, int], words) -> dict[str, float]:
    """Features that make a slip less (or more) likely; the detector weighs them."""
    changed = changed_positions(text, start, replacement)
    span = text[start:end]
    f = {}
    f["twice"] = float(end - start >= 2 and (document if document is not None else text).count(span) == 2)
    f["log_freq"] = min(__import__("math").log10(char_freq.get(text[i], 0) + 1) for i in changed)
    f["abbreviation"] = float(len(span) == 2 and all(c in PROVINCE_ABBREVIATIONS for c in span))
    f["affix"] = float(affix_after_word(text, changed, is_word))
    f["parallel"] = float(any(text[i] in (text[max(0, i - 4):i - 1] + text[i + 2:i + 5]) for i in changed))
    f["dictionary_word"] = float(len(span) >= 2 and span in words and not is_word(span))
    f["quoted"] = float(text[:start].count("“") > text[:start].count("”"))
    f["digit"] = float(any(c.isdigit() for c in text[max(0, start - 1):start] + text[end:end + 1]))
    return f
