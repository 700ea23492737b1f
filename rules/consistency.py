"""CO: one document should say one thing one way.

Each finding is reported once per variant, on the minority form, with the
other occurrences as related locations.
"""
from __future__ import annotations

import re
from collections import defaultdict

from gwlint.model import Diagnostic, Fix, Span
from gwlint.registry import checks
from gwlint.rules.formulations import fixed_lists, label_items, national_label_nouns
from gwlint.rules.typos import typo_pairs
from gwlint.text import cn_to_int


def _occurrences(text: str, word: str) -> list[Span]:
    out, i = [], text.find(word)
    while i != -1:
        out.append(Span(i, i + len(word)))
        i = text.find(word, i + 1)
    return out


def _where(doc, span: Span) -> str:
    line, col = doc.position(span.start)
    return f"第{line + 1}行"


@checks("CO001", scope="document")
def term_written_two_ways(doc, ctx):
    """顽瘴固疾 here, 顽瘴痼疾 there: a typo or variant of a term used correctly elsewhere."""
    text = doc.text
    found = []
    for wrong, right in typo_pairs(doc, ctx):
        others = _occurrences(text, right)
        if not others:
            continue
        where = "、".join(dict.fromkeys(_where(doc, s) for s in others))
        related = tuple((s, f"此处写作“{right}”") for s in others)
        for span in _occurrences(text, wrong):
            found.append(Diagnostic("CO001", f"“{wrong}”与本文{where}的“{right}”写法不一致", span,
                                    Fix.replace(span, right, safe=False), related=related))
    return found


GENERIC = set("方面 问题 部分 环节 措施 工作 任务 意见 要求 重点 方向 领域 单位 干部 同志 阶段 步骤 方式 层面 "
              "关系 原则 目标 举措 途径 作用 特点 能力 环境 制度 条件 因素 指标 项目 类别 渠道 地区 部门 会议".split())
_NUMBERED = re.compile(r"([一两二三四五六七八九十])(项|个|大|条|种|张|支|批)([\u4e00-\u9fff]{2,4}?)(?=[”」』，。、；：）\s]|$)")
# 六个月销量 and 三个月销量 are two quantities: a noun that starts with a unit of
# time or measure counts that unit, it names no list
MEASURES = ("月", "小时", "钟头", "季度", "星期", "礼拜", "工作日", "百分点", "学期", "年度", "批次")


def _variants(text: str, labels: set[str], national: set[str]):
    """(unit, noun) → {numeral: [spans]} for the numbered labels of ``text``."""
    groups: dict[tuple[str, str], dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for m in _NUMBERED.finditer(text):
        num, unit, noun = m.groups()
        before = text[m.start() - 1:m.start()]
        if before == "第" or before in "一二两三四五六七八九十百千万零〇":
            continue  # 第一个五年计划 is an ordinal, 五十七个建设项目 a larger number
        if num == "一":
            continue  # 一项基本原则, 一个基本点: “one”, not a count of a list
        if noun in GENERIC or not (text[m.start() - 1:m.start()] == "“" or len(noun) >= 3):
            continue
        if unit == "个" and noun.startswith(MEASURES):
            continue
        if unit == "个" and noun in national:
            continue  # 三个意识 for 四个意识 is EX003's: it reads the label's context
        groups[(unit, noun)][num].append(Span(m.start(), m.end()))
    return groups


def _self_defined(text: str, spans: list[Span], num: str) -> bool:
    """One of the label's occurrences spells out as many items as it counts:
    新建布局、优化提升、整合重组、调整淘汰“四个一批” is a list of its own, so a
    “三个一批” elsewhere in the same report is another one."""
    for sp in spans:
        s, e = sp.start, sp.end
        if text[s - 1:s] == "“" and text[e:e + 1] == "”":
            s, e = s - 1, e + 1
        if label_items(text, s, e, loose=True) == cn_to_int(num):
            return True
    return False


@checks("CO002", scope="document")
def same_thing_different_numerals(doc, ctx):
    """“三项机制” in one place, “四项机制” in another."""
    text = doc.text
    lists = fixed_lists(ctx)
    labels = {fl.name for fl in lists}
    national = national_label_nouns(ctx)
    found = []
    for (unit, noun), by_num in _variants(text, labels, national).items():
        if len(by_num) < 2:
            continue
        if any(_self_defined(text, spans, num) for num, spans in by_num.items()):
            continue  # two lists of the document's own, each with its items
        # a fixed label (四个自信) is the right number however often it is written
        canonical = [n for n in by_num if f"{n}{unit}{noun}" in labels]
        majority = canonical[0] if len(canonical) == 1 else max(
            by_num, key=lambda n: (len(by_num[n]), -by_num[n][0].start))
        for num, spans in by_num.items():
            if num == majority:
                continue
            related = tuple((s, f"此处为“{majority}{unit}{noun}”") for s in by_num[majority])
            found.append(Diagnostic("CO002", f"“{num}{unit}{noun}”与本文其他处“{majority}{unit}{noun}”数字不一致",
                                    spans[0], related=related))
    return found


_BRACKETED = re.compile(r"[（(]([^（）()\n]{1,12})[）)]")


@checks("CO003", scope="document")
def bracket_widths_mixed(doc, ctx):
    """党委(党组) and 党委（党组） in one document."""
    text = doc.text
    forms: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for m in _BRACKETED.finditer(text):
        inner = m.group(1)
        if not re.search(r"[\u4e00-\u9fff]", inner):
            continue
        width = "full" if m.group()[0] == "（" and m.group()[-1] == "）" else "half"
        forms[inner][width].append(Span(m.start(), m.end()))
    found = []
    for inner, by_width in forms.items():
        if len(by_width) < 2:
            continue
        for span in by_width["half"]:
            related = tuple((s, "此处为全角括号") for s in by_width["full"][:5])
            found.append(Diagnostic("CO003", f"“{inner}”在本文中括号全角、半角混用，应统一为全角（{inner}）", span,
                                    Fix.replace(span, f"（{inner}）", safe=True), related=related))
    return found


# CO004 (绝不/决不) is retired: 决不 and 绝不 are two words, and even the Party
# congress reports use 决不允许 and 绝不允许 in one text. See consistency.toml.
