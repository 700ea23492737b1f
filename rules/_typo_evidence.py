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

import re

SKIP = float("inf")
ADMIN_SUFFIX = frozenset("县镇村旗乡区市省州盟屯寨营坝沟岭")
NAME_FOLLOWERS = ("高速", "高铁", "铁路", "公路", "大道", "大街", "大桥", "隧道", "机场", "港区", "园区", "路", "街",
                  "桥", "河", "湖", "山", "江", "湾", "站", "线", "集团", "公司", "工程", "项目", "基地", "水库", "口岸")
TITLES = ("记者", "书记", "省长", "市长", "县长", "区长", "镇长", "村长", "主任", "部长", "厅长", "局长", "处长",
          "主席", "总理", "委员", "同志", "院士", "教授", "代表", "烈士", "英雄", "战士", "模范", "总经理", "董事长",
          "先生", "女士", "摄", "编辑", "作者", "通讯员")
PROVINCE_ABBREVIATIONS = frozenset("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台")
AFFIXES = frozenset("式型化性级类率度感者员家界业制品物方面点区所处")

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
    if any(c in ADMIN_SUFFIX for c in text[last + 1:last + 3]) or text[last] in ADMIN_SUFFIX:
        return True
    if any(after.startswith(f) for f in NAME_FOLLOWERS):
        return True
    before = text[max(0, start - 4):start]
    if any(before.endswith(t) for t in TITLES) or text[end:end + 2] == "同志":
        return True
    if text[start - 1:start] in ("·", "•") or text[end:end + 1] in ("·", "•"):
        return True  # 汉斯·希伯: a transliterated name
    return False


def need(text: str, start: int, end: int, replacement: str, official, document: str | None,
         is_word, char_freq: dict[str, int]) -> tuple[float, str]:
    """(extra gain needed, why): SKIP when the evidence says the text is meant."""
    changed = changed_positions(text, start, replacement)
    if not changed:
        return SKIP, "unchanged"
    if official_word_over(text, changed, official):
        return SKIP, "official"
    if is_name(text, start, end, changed):
        return SKIP, "name"
    extra, why = 0.0, []
    if document is not None:
        n = document.count(text[start:end]) if end - start >= 2 else 0
        if n >= 3:
            return SKIP, "repeated"
        if n == 2:
            extra += REPEATED_TWICE
            why.append("twice")
    span = text[start:end]
    rarest = min(char_freq.get(text[i], 0) for i in changed)
    for below, more in RARE_CHAR:
        if rarest < below:
            extra += more
            why.append("rare")
            break
    if len(span) == 2 and all(c in PROVINCE_ABBREVIATIONS for c in span):
        extra += ABBREVIATION_NEED
        why.append("abbreviation")
    for i in changed:
        c = text[i]
        if c in AFFIXES and i >= 2 and is_word(text[i - 2:i]):
            extra += AFFIX_NEED
            why.append("affix")
            break
    for i in changed:
        c = text[i]
        near = text[max(0, i - 4):i - 1] + text[i + 2:i + 5]
        if c in near and "\u4e00" <= c <= "\u9fff":
            extra += PARALLEL_NEED
            why.append("parallel")
            break
    return extra, "+".join(why)
