"""EX: standard political formulations (规范表述).

Fixed lists in their fixed order, leader names with the required title,
superseded names of bodies, and the canonical wording of standard slogans.
The data lives in rules/data/formulations/, each entry with its source.
"""
from __future__ import annotations

import re
from functools import lru_cache

from gwlint.lexicon import PhraseIndex
from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import Option, checks
from gwlint.rules import _formulation_data as data

OPTIONS = (Option("formulations", data.parse_user_entries, ((), ()),
                  "extra fixed lists and terms ([[formulations]] tables)"),)

# What may follow 习近平 in official writing.
LEADER_FORMS = ("总书记", "同志", "主席", "新时代中国特色社会主义思想", "生态文明思想", "法治思想", "经济思想",
                "强军思想", "外交思想", "文化思想", "新时代", "总书记的", "等党和国家领导人", "在", "出席", "指出",
                "强调", "会见", "主持")
LEADER_NEEDS_TITLE = re.compile(r"习近平(?=重要|关于|系列|讲话|指示|批示|论述|的重要|对|提出|多次|深刻|明确)")


@checks("EX001", scope="line")
def leader_title(doc, ctx):
    text = doc.text
    for m in LEADER_NEEDS_TITLE.finditer(text):
        s, e = m.span()
        yield Diagnostic("EX001", "领导人姓名后缺职务：“习近平”后应加“总书记”", Span(s, e),
                         Fix("改为“习近平总书记”", (Edit(e, e, "总书记"),), safe=False))


SEPARATORS = "、，,和及与"  # and the word 以及 (not 以 alone: 不想腐，以全面从严治党…)


def fixed_lists(ctx) -> tuple:
    """The fixed lists of the pack and of the user's configuration."""
    return _list_index(ctx.options["formulations"])[0]


@lru_cache(maxsize=8)
def _list_index(user: tuple):
    lists = data.builtin_lists() + user[0]
    by_item: dict[str, list[tuple[int, int]]] = {}
    for li, fl in enumerate(lists):
        for ii, item in enumerate(fl.items):
            by_item.setdefault(item, []).append((li, ii))
    return lists, PhraseIndex(by_item), by_item


def _runs(text: str, hits):
    """Groups of items written one after another, joined by 、 or 和."""
    run = []
    for h in hits:
        # an overlapping hit (坚持改革开放 / 改革开放考验) is a different reading: start afresh
        gap = text[run[-1][1]:h[0]] if run else ""
        if run and (h[0] < run[-1][1] or len(gap) > 2
                    or (gap != "以及" and any(c not in SEPARATORS for c in gap))):
            yield run
            run = []
        run.append(h)
    if run:
        yield run


@checks("EX002", scope="line")
def fixed_list_order(doc, ctx):
    text = doc.text
    lists, index, by_item = _list_index(ctx.options["formulations"])
    hits = list(index.finditer(text))
    for run in _runs(text, hits):
        if len(run) < 2:
            continue
        for li, fl in enumerate(lists):
            positions = [next((ii for l, ii in by_item[item] if l == li), None) for _, _, item in run]
            if any(p is None for p in positions) or len(set(positions)) != len(positions):
                continue
            if len(run) < 3 and all(len(item) <= 2 for item in fl.items):
                continue  # two common words (民主、富强) in a row are no quotation of the list
            if positions != sorted(positions):
                s, e = run[0][0], run[-1][1]
                ordered = [fl.items[p] for p in sorted(positions)]
                sep = text[run[0][1]:run[1][0]] or "、"
                want = sep.join(ordered)
                yield Diagnostic("EX002", f"“{fl.name}”的顺序应为：{'、'.join(ordered)}（{fl.source}）", Span(s, e),
                                 Fix(f"改为“{want}”", (Edit(s, e, want),), safe=False))
            break


CN_COUNTS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# 一个全面的检查 is no label: every numbered label counts two or more
_LABEL = re.compile(r"(?P<num>[两二三四五六七八九十])个(?P<what>意识|自信|维护|确立|全面|伟大|务必|区分开来)")


_AFTER_LABEL = re.compile(r"[”」』]?[，,：:（(]?(?:即|就是|也就是|包括)?")


@lru_cache(maxsize=8)
def _labels(user: tuple) -> dict:
    """What a numbered label names (意识, 自信…) → (its count, its list)."""
    out = {}
    for fl in _list_index(user)[0]:
        m = _LABEL.fullmatch(fl.name)
        if m:
            out[m.group("what")] = (CN_COUNTS[m.group("num")], fl)
    return out


@checks("EX003", scope="line")
def numbered_label_count(doc, ctx):
    """三个自信 for 四个自信: a numbered label whose count disagrees with its list."""
    by_suffix = _labels(ctx.options["formulations"])
    text = doc.text
    runs = None
    for m in _LABEL.finditer(text):
        known = by_suffix.get(m.group("what"))
        if not known:
            continue
        count, fl = known
        if CN_COUNTS[m.group("num")] != count:
            s, e = m.span("num")
            right = fl.name[0]
            yield Diagnostic("EX003", f"“{m.group()}”应为“{fl.name}”（{'、'.join(fl.items)}；{fl.source}）",
                             Span(m.start(), m.end()), Fix(f"改为“{fl.name}”", (Edit(s, e, right),), safe=False))
            continue
        # 四个意识，即政治意识、大局意识、看齐意识: the label spelt out with an item missing
        if runs is None:
            _, index, _ = _list_index(ctx.options["formulations"])
            runs = {r[0][0]: r for r in _runs(text, list(index.finditer(text)))}
        run = runs.get(_AFTER_LABEL.match(text, m.end()).end())
        if not run or len(run) < 2:
            continue
        named = [item for _, _, item in run]
        if all(item in fl.items for item in named) and len(set(named)) < count:
            missing = "、".join(f"“{item}”" for item in fl.items if item not in named)
            yield Diagnostic("EX003", f"“{fl.name}”只列出了{len(set(named))}项，缺少{missing}（{fl.source}）",
                             Span(m.start(), run[-1][1]))


HISTORICAL = re.compile(r"原(?![则因])|时任|当年|曾任|曾经|前身|更名|改革前|撤销|组建|合并|(?:19|20)\d\d年")


@lru_cache(maxsize=8)
def _term_index(user: tuple):
    terms = {t.old: t for t in data.builtin_terms() + user[1]}
    return PhraseIndex(terms), terms


@checks("EX004", "EX005", scope="line")
def superseded_and_canonical(doc, ctx):
    text = doc.text
    index, terms = _term_index(ctx.options["formulations"])
    for s, e, old in index.finditer(text):
        t = terms[old]
        if t.not_before and text.startswith(t.not_before, e):
            continue
        if t.kind == "superseded":
            if _inside_new(text, s, old, t.new):
                continue
            before = text[max(0, s - 12):s]
            if HISTORICAL.search(before) and _before_change(before, t.year):
                continue
            yield Diagnostic("EX004", f"“{old}”为旧称，{f'{t.year}年起' if t.year else ''}应称“{t.new}”（{t.source}）", Span(s, e),
                             Fix(f"改为“{t.new}”", (Edit(s, e, t.new),), safe=False))
        else:
            yield Diagnostic("EX005", f"规范表述应为“{t.new}”（{t.source}）", Span(s, e),
                             Fix(f"改为“{t.new}”", (Edit(s, e, t.new),), safe=False))


def _inside_new(text: str, s: int, old: str, new: str) -> bool:
    """The old name written as part of the new one: 中央党校（国家行政学院）."""
    k = new.find(old)
    while k != -1:
        if k <= s and text.startswith(new, s - k):
            return True
        k = new.find(old, k + 1)
    return False


def _before_change(before: str, year: int) -> bool:
    """A historical reference: an earlier year, or words like 原/时任."""
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", before)]
    if years:
        return min(years) < year
    return True
