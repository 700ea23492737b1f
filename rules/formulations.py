"""EX: standard political formulations (规范表述).

Fixed lists in their fixed order, numbered labels and their counts, leader
names with the required title, superseded names of bodies, the canonical
wording of standard slogans, labels the norm quotes, truncated formulations
and wordings replaced by newer ones. The data lives in
rules/data/formulations/, each entry with its source.

Whether a name or a wording is outdated depends on when the document was
written: ``gwlint.dates.document_date`` reads the document's own date, and
where it gives none the finding is reported one tier lower, as a question
(若本文为现行文稿).
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

from gwlint.dates import date_of
from gwlint.lexicon import PhraseIndex
from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.lru import LRU
from gwlint.outline import outline_of, parse_outline
from gwlint.registry import Option, checks
from gwlint.rules import _formulation_data as data
from gwlint.text import cn_to_int, is_cjk

# ------------------------------------------------------------------ EX001

LEADER_NEEDS_TITLE = re.compile(r"习近平(?=重要|关于|系列|讲话|指示|批示|论述|的重要|对|提出|多次|深刻|明确)")


@checks("EX001", scope="line")
def leader_title(doc, ctx):
    text = doc.text
    for m in LEADER_NEEDS_TITLE.finditer(text):
        s, e = m.span()
        yield Diagnostic("EX001", "领导人姓名后缺职务：“习近平”后应加“总书记”", Span(s, e),
                         Fix("改为“习近平总书记”", (Edit(e, e, "总书记"),), safe=False))


# ------------------------------------------------------------------ the pack, with the user's entries

OPTIONS = (Option("formulations", data.parse_user_entries, ((), ()),
                  "extra fixed lists and terms ([[formulations]] tables)"),)


# Where the phrases of a pack index stand in a line depends on the line and the
# user's entries alone, and no phrase spans lines: found per line, remembered
# per line (an edit in the editor looks again at the edited line only).
_HITS_BY_LINE = LRU(50_000)


def _index(name: str, user: tuple):
    if name == "lists":
        return _list_index(user)[1]
    if name == "terms":
        return _term_index(user)[0]
    return _label_index()[0]


def _hits(doc, ctx, name: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the ``name`` index (lists, terms, labels) in
    ``doc``, as index.finditer(doc.text) gives them; once per lint() call."""
    def compute():
        user = _user(ctx)
        index = _index(name, user)
        out = []
        for line in doc.lines:
            if not line.text.strip():
                continue
            key = (name, user, line.text)
            found = _HITS_BY_LINE.get(key)
            if found is None:
                found = tuple(index.finditer(line.text))
                _HITS_BY_LINE.put(key, found)
            out.extend((s + line.start, e + line.start, phrase) for s, e, phrase in found)
        return out

    return ctx.memo(("formulation-hits", name), compute)


def _user(ctx) -> tuple:
    """The user's own (lists, terms), parsed from [[formulations]]: hashable, for the caches below."""
    return ctx.options["formulations"]


def fixed_lists(ctx) -> tuple:
    """The fixed lists of the pack and of the user's configuration."""
    return _list_index(_user(ctx))[0]


@lru_cache(maxsize=8)
def _list_index(user: tuple):
    lists = data.builtin_lists() + user[0]
    by_item: dict[str, list[tuple[int, int]]] = {}
    for li, fl in enumerate(lists):
        for ii, item in enumerate(fl.items):
            by_item.setdefault(item, []).append((li, ii))
    return lists, PhraseIndex(by_item), by_item


# ------------------------------------------------------------------ EX002

SEPARATORS = "、，,和及与"  # and the word 以及 (not 以 alone: 不想腐，以全面从严治党…)


def _runs(text: str, hits):
    """Groups of items written one after another, joined by 、 or 和."""
    run = []
    for h in hits:
        # an overlapping hit (坚持改革开放 / 改革开放考验) is a different reading: start afresh
        gap = text[run[-1][1]:h[0]] if run else ""
        # items written together without a mark are one run only when they are
        # phrases (不敢腐不能腐不想腐), not words: 增强自我完善 is a verb and its object
        if run and (h[0] < run[-1][1] or len(gap) > 2
                    or (gap != "以及" and any(c not in SEPARATORS for c in gap))
                    or (not gap and min(len(run[-1][2]), len(h[2])) <= 2)):
            yield run
            run = []
        run.append(h)
    if run:
        yield run


def _goes_on_with_other_items(text: str, run) -> bool:
    """The enumeration has items of its own beyond the list's: 绿色、共享、开放、廉洁
    (a games' motto) shares three items with 新发展理念 but is another list;
    革命老区、边疆地区和特困地区 ends with an item of its own."""
    s, e = run[0][0], run[-1][1]
    after = re.match(r"(?:、|和|及|以及)(?=[\u4e00-\u9fff])", text[e:e + 3])
    return bool(after) or (text[s - 1:s] == "、" and is_cjk(text[s - 2:s - 1]))


def list_order_findings(text: str, user: tuple, year: int | None = None, hits=None):
    """Fixed lists out of order; a list is judged only in documents written
    after it took its present form (支持、鼓励和引导 in 2001 predates 鼓励、支持、引导).
    ``hits``: the list items found in ``text`` (found here when not given)."""
    lists, index, by_item = _list_index(user)
    for run in _runs(text, index.finditer(text) if hits is None else hits):
        if len(run) < 2 or _goes_on_with_other_items(text, run):
            continue
        # only the lists holding the run's first item can hold the run (in list order, as before)
        for li in sorted({l for l, _ in by_item[run[0][2]]}):
            fl = lists[li]
            positions = [next((ii for l, ii in by_item[item] if l == li), None) for _, _, item in run]
            if any(p is None for p in positions) or len(set(positions)) != len(positions):
                continue
            # two items of a longer list (官僚主义、形式主义 of the four 四风) are no quotation of it
            if len(positions) < min(3, len(fl.items)):
                continue
            if year is not None and fl.year and year < fl.year:
                break
            if positions != sorted(positions):
                s, e = run[0][0], run[-1][1]
                ordered = [fl.items[p] for p in sorted(positions)]
                sep = text[run[0][1]:run[1][0]] or "、"
                want = sep.join(ordered)
                yield Diagnostic("EX002", f"“{fl.name}”的顺序应为：{'、'.join(ordered)}（{fl.source}）", Span(s, e),
                                 Fix(f"改为“{want}”", (Edit(s, e, want),), safe=False))
            break


@checks("EX002", scope="document")
def fixed_list_order(doc, ctx):
    date = date_of(doc, ctx)
    return list(list_order_findings(doc.text, _user(ctx), date.year if date else None, _hits(doc, ctx, "lists")))


# ------------------------------------------------------------------ EX003

CN_COUNTS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NAMED = re.compile(r"(?P<num>[两二三四五六七八九十]{1,2})个(?P<what>[\u4e00-\u9fff]{2,4})")
_AFTER_LABEL = re.compile(r"[”」』]?[，,：:（(]?(?:即|就是|也就是|包括)?")
_CLAUSE_END = "，,。；;：:！？!?\n"


@lru_cache(maxsize=8)
def _labels(user: tuple) -> dict:
    """What a national numbered label names (意识, 自信…) → {count: its list}.
    Only lists with cues (the words that introduce the label: 增强“四个意识”)
    are checked: a label like 四个坚持 or 五个必须 is used for too many
    different lists to say that another count is wrong."""
    out: dict[str, dict[int, data.FixedList]] = {}
    for fl in _list_index(user)[0]:
        m = _NAMED.fullmatch(fl.name)
        if m and fl.cues:
            out.setdefault(m.group("what"), {})[cn_to_int(m.group("num"))] = fl
    return out


@lru_cache(maxsize=8)
def label_pattern(user: tuple):
    """N个X for every X of a checked label, longest first."""
    whats = sorted(_labels(user), key=len, reverse=True)
    if not whats:
        return None
    return re.compile(rf"(?P<num>[两二三四五六七八九十]{{1,2}})个(?P<what>{'|'.join(map(re.escape, whats))})")


def _clause_before(text: str, start: int, width: int = 12) -> str:
    left = text[max(0, start - width):start]
    cut = max(left.rfind(c) for c in _CLAUSE_END)
    return left[cut + 1:]


def _run_after(text: str, end: int, runs: dict):
    """The run of list items that spells a label out right after it: 四个意识，即政治意识、…"""
    return runs.get(_AFTER_LABEL.match(text, end).end())


_OWN_ITEMS = re.compile(r"[”」』]?\s*(?:[（(]|[，,：:]?\s*(?:即|就是|也就是|包括|：|:))\s*"
                        r"(?P<items>[\u4e00-\u9fff“”]{2,12}(?:[、，,][\u4e00-\u9fff“”]{2,12})+)")


_JOIN = r"[”」』]?[、和与及]?[“「『]?"


def _national_reading(text: str, m: re.Match, fl: data.FixedList, runs: dict, label_re) -> bool:
    """Whether 三个意识 here reads as the national label: introduced by one of its
    cues (增强“三个意识”), next to another national label (“四个自信”、“三个意识”),
    or spelt out with the national list's items; not a region's own list
    (开展“三个意识”教育)."""
    if any(c in _clause_before(text, m.start()) for c in fl.cues):
        return True
    before = text[max(0, m.start() - 12):m.start()]
    if re.search(f"(?:{label_re.pattern}){_JOIN}$", before):
        return True
    after = re.match(_JOIN, text[m.end():]).end()
    if after and label_re.match(text, m.end() + after):
        return True
    run = _run_after(text, m.end(), runs)
    return bool(run) and len(run) >= 2 and all(item in fl.items for _, _, item in run)


def _own_items(text: str, end: int, fl: data.FixedList) -> bool:
    """The label is spelt out right after it with items that are not the national list's:
    增强“三个意识”（国家意识、公民意识、法治意识）."""
    m = _OWN_ITEMS.match(text, end)
    if not m:
        return False
    items = [i.strip("“”") for i in re.split("[、，,]", m.group("items"))]
    return not any(i in fl.items for i in items)


def label_count_findings(text: str, user: tuple, year: int | None, hits=None):
    """三个自信 for 四个自信; a national label spelt out with an item missing.
    ``hits``: the list items found in ``text`` (found here when not given)."""
    pattern = label_pattern(user)
    if pattern is None:
        return
    by_what = _labels(user)
    _, index, _ = _list_index(user)
    runs = {r[0][0]: r for r in _runs(text, index.finditer(text) if hits is None else hits)}
    for m in pattern.finditer(text):
        known = by_what[m.group("what")]
        count = cn_to_int(m.group("num"))
        if count not in known:
            fl = max(known.values(), key=lambda f: f.year)  # the current form
            if year is not None and fl.year and year < fl.year:
                continue  # 三个自信 was right before 2016
            if not _national_reading(text, m, fl, runs, pattern) or _own_items(text, m.end(), fl):
                continue
            s, e = m.span("num")
            right = fl.name[:len(fl.name) - len(m.group("what")) - 1]
            others = "或".join(f"“{f.name}”" for f in known.values() if f is not fl)
            yield Diagnostic("EX003", f"“{m.group()}”应为“{fl.name}”{('或' + others) if others else ''}"
                                      f"（{'、'.join(fl.items)}；{fl.source}）",
                             Span(m.start(), m.end()), Fix(f"改为“{fl.name}”", (Edit(s, e, right),), safe=False))
            continue
        fl = known[count]
        # 四个意识，即政治意识、大局意识、看齐意识: the label spelt out with an item missing
        run = _run_after(text, m.end(), runs)
        if not run or len(run) < 2:
            continue
        named = [item for _, _, item in run]
        if all(item in fl.items for item in named) and len(set(named)) < count:
            missing = "、".join(f"“{item}”" for item in fl.items if item not in named)
            yield Diagnostic("EX003", f"“{fl.name}”只列出了{len(set(named))}项，缺少{missing}（{fl.source}）",
                             Span(m.start(), run[-1][1]))


# A document's own numbered label in quotation marks: “五进”, “四个一批”, “三大工程”.
# One leading numeral and at least one character after it that is not one.
_NOT_COUNT = "、，。；：0-9一二三四五六七八九十两百千万"
QUOTED_COUNT = re.compile(rf"“(?P<num>[两二三四五六七八九十]{{1,2}})(?P<rest>[^“”\n{_NOT_COUNT}](?:[^“”\n{_NOT_COUNT}]|一[批体]){{0,6}})”")
_ITEM = r"[\u4e00-\u9fff][\u4e00-\u9fff“”]{1,11}"
# the items end the sentence or the bracket: a run that goes on after a comma
# (务必不忘初心、牢记使命，务必…) may have items with a 、 of their own
_ITEMS_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}(?:[（(]|[，,]?(?:即|就是|包括)|[：:])\s*(?P<items>{_ITEM}(?:、{_ITEM})+)"
                          r"(?=[）)。；;]|$)", re.M)


_DEFINED_AS = re.compile(r"(?:[（(]|[，,])(?:以下)?(?:统称|简称|合称)$")
_TITLE = re.compile(r"《[^《》]*》")


def _count_items(segment: str) -> int:
    """Items of a 、-list, with a last one joined by 和/及/以及: 金融市场、产品、机构和基础设施 → 4."""
    last = segment[segment.rfind("、") + 1:]
    return segment.count("、") + 1 + (1 if re.search("和|及|与", last) else 0)


def label_items(text: str, start: int, end: int, loose: bool = False) -> int | None:
    """How many items a quoted label's own enumeration lists, where the text
    spells it out: “五进”（进机关、进学校、…）, “五进”，即…, A、B、C（以下统称“三项制度”）.
    With ``loose``, also a 、-list written right before the label (新建布局、
    优化提升、整合重组、调整淘汰“四个一批”), which may as well be a list the
    label only modifies (城乡低保、教育“三包”标准): evidence that a label is
    a list of its own, never enough to call a count wrong. None when the text
    does not spell the label out."""
    m = _ITEMS_AFTER.match(text, end)
    if m:
        return m.group("items").count("、") + 1
    head = text[max(0, start - 8):start]
    d = _DEFINED_AS.search(head)
    if d:
        before = start - (len(head) - d.start())
        clause = _TITLE.sub("《》", _clause_before(text, before, 120))
        bounded = before <= 120 or len(clause) < 120  # a clause mark (or the text's start) ends it
        if "、" in clause and "“" not in clause and bounded:
            return _count_items(clause)
        return None
    if loose:
        clause = _clause_before(text, start, 60)
        if ("、" in clause and "“" not in clause and "”" not in clause
                and is_cjk(text[start - 1:start]) and text[start - 1] not in "的等和及"):
            return clause.count("、") + 1
    return None


def _heading_items(text: str, end: int, nodes) -> int | None:
    """A label that ends its line with a colon, followed by the headings or
    一是/二是 items that spell it out: how many of them there are."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    tail = text[end:line_end].rstrip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{0,8}[：:]", tail):
        return None
    following = [(n, sibs) for n, sibs in nodes if n.span.start > end]
    if not following:
        return None
    first, siblings = following[0]
    if first.number != 1 or text.count("\n", end, first.span.start) > 1:
        return None
    count = 0
    for n in siblings[siblings.index(first):]:
        if n.family != first.family or n.number != count + 1:
            break
        count += 1
    return count


def _with_siblings(nodes, out=None):
    """(node, its siblings) for every node of the outline, in document order."""
    out = [] if out is None else out
    for n in nodes:
        out.append((n, list(nodes)))
        _with_siblings(n.children, out)
    out.sort(key=lambda p: p[0].span.start)
    return out


def own_label_findings(doc, list_names: set[str], roots=None):
    """A label of the document's own, “五进”, followed by four items. The
    pack's own lists (“四个意识”) are checked against their items instead."""
    text = doc.text
    nodes = None
    for m in QUOTED_COUNT.finditer(text):
        if m.group(1) + m.group(2) in list_names:
            continue
        count = cn_to_int(m.group("num"))
        listed = label_items(text, m.start(), m.end())
        if listed is None:
            if nodes is None:
                nodes = _with_siblings(parse_outline(doc) if roots is None else roots)
            listed = _heading_items(text, m.end(), nodes)
        if listed is not None and listed >= 2 and listed != count:
            yield Diagnostic("EX003", f"“{m.group(1)}{m.group(2)}”与列出的{listed}项数量不符", Span(m.start(), m.end()))


@checks("EX003", scope="document")
def numbered_label_count(doc, ctx):
    """三个自信 for 四个自信; “五进” followed by four items."""
    date = date_of(doc, ctx)
    found = list(label_count_findings(doc.text, _user(ctx), date.year if date else None, _hits(doc, ctx, "lists")))
    taken = {(d.span.start, d.span.end) for d in found}
    names = {fl.name for fl in fixed_lists(ctx)}
    found.extend(d for d in own_label_findings(doc, names, outline_of(doc, ctx).roots)
                 if (d.span.start + 1, d.span.end - 1) not in taken)
    return found


# ------------------------------------------------------------------ EX004, EX005, EX007, EX008

HISTORICAL = re.compile(r"原(?![则因])|时任|当年|曾任|曾经|前身|更名|改革前|撤销|组建|合并|(?:19|20)\d\d年"
                        r"|取代|代替|替代|取消|废止|废除|不再")
# the old name followed by what happened to it: 监察部并入…, 国土资源部更名为…
HISTORICAL_AFTER = re.compile(r"[”’]?(?:已|已经|被|正式|先后)?(?:更名|改名|改为|改称|并入|撤销|撤并|合并|取消|废止|不再|被取代|退出)")


@lru_cache(maxsize=8)
def _term_index(user: tuple):
    terms = {t.old: t for t in data.builtin_terms() + user[1]}
    return PhraseIndex(terms), terms


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


def _open_pairs(text: str, s: int) -> tuple[int, int]:
    """(the start of the 《》 title, the start of the “” quotation) that ``s``
    lies in on its line, or -1."""
    line_start = max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1
    seg = text[line_start:s]
    title = seg.rfind("《")
    title = line_start + title if title > seg.rfind("》") else -1
    quote = seg.rfind("“")
    quote = line_start + quote if quote > seg.rfind("”") else -1
    return title, quote


def _quotation_length(text: str, open_at: int) -> int:
    close = text.find("”", open_at)
    return (close if close != -1 else len(text)) - open_at - 1


def _context_allows(text: str, s: int, e: int, t: data.Term) -> bool:
    if any(text.startswith(nb, e) for nb in t.not_before):
        return False
    if any(text.endswith(na, 0, s) for na in t.not_after):
        return False
    if t.only_after and is_cjk(text[s - 1:s]) and not any(text.endswith(oa, 0, s) for oa in t.only_after):
        return False
    return True


def _judged_against(t: data.Term, date) -> str | None:
    """'dated' when the document is dated after the change, 'undated' when it
    gives no date (judged against today), None when it predates the change."""
    if date is None:
        return "undated" if (t.year, t.month) <= (datetime.date.today().year, datetime.date.today().month) else None
    if date.year > t.year:
        return "dated"
    if date.year == t.year and t.month and date.month and date.month >= t.month:
        return "dated"
    return None


_UNDATED = "若本文为现行文稿，"


def _q(phrase: str) -> str:
    """A phrase in quotation marks, unless it brings its own: “一带一路”倡议."""
    return phrase if "“" in phrase else f"“{phrase}”"


def term_findings(text: str, user: tuple, date, hits=None):
    """Superseded names (EX004), wrong wordings (EX005), truncated formulations
    (EX007) and superseded wordings (EX008). ``hits``: the terms found in
    ``text`` (found here when not given)."""
    index, terms = _term_index(user)
    for s, e, old in (index.finditer(text) if hits is None else hits):
        t = terms[old]
        if not _context_allows(text, s, e, t) or _inside_new(text, s, old, t.new):
            continue
        title, quote = _open_pairs(text, s)
        if title != -1:
            continue  # a cited title is quoted as it was issued: 《国土资源部关于…的通知》
        span, fix = Span(s, e), Fix(f"改为{_q(t.new)}", (Edit(s, e, t.new),), safe=False)
        if t.kind in data.DATED_KINDS:
            before = text[max(0, s - 12):s]
            if HISTORICAL.search(before) and _before_change(before, t.year):
                continue
            if HISTORICAL_AFTER.match(text, e):
                continue
            if t.kind == "outdated" and quote != -1 and _quotation_length(text, quote) > 12:
                continue  # inside a quoted passage, as the quoted text said it
            judged = _judged_against(t, date)
            if judged is None:
                continue
            when = f"{t.year}年{t.month}月起" if t.month else f"{t.year}年起"
            if t.kind == "superseded":
                message = f"{_q(old)}为旧称，{when}应称{_q(t.new)}（{t.source}）"
            else:
                message = f"{_q(old)}为旧提法，{when}的规范提法为{_q(t.new)}（{t.source}）"
            if judged == "undated":
                yield Diagnostic(t.code, f"{_UNDATED}{message}；本文未注明成文日期", span, fix, severity="info")
            else:
                yield Diagnostic(t.code, f"{message}；本文成文于{date.year}年", span, fix)
        elif t.kind == "truncated":
            yield Diagnostic(t.code, f"提法不完整，应为{_q(t.new)}（{t.source}）", span, fix)
        else:
            yield Diagnostic(t.code, f"规范表述应为{_q(t.new)}（{t.source}）", span, fix)


@checks("EX004", "EX005", "EX007", "EX008", scope="document")
def superseded_and_canonical(doc, ctx):
    return list(term_findings(doc.text, _user(ctx), date_of(doc, ctx), _hits(doc, ctx, "terms")))


# ------------------------------------------------------------------ EX006

@lru_cache(maxsize=1)
def _label_index():
    labels = {q.label: q for q in data.builtin_labels()}
    return PhraseIndex(labels), labels


_NUMERAL_BEFORE = set("一二三四五六七八九十两百千万第每0123456789")


def _quoted_or_titled(text: str, s: int, e: int) -> bool:
    title, quote = _open_pairs(text, s)
    if title != -1 or quote != -1:
        return True
    # the opening mark right before it, across a line break of a scraped page (“\n一带一路\n”)
    before, after = text[max(0, s - 4):s].rstrip(), text[e:e + 4].lstrip()
    return (before != "" and before[-1] in "“‘「『《〈\"'") or (after != "" and after[0] in "”’」』》〉")


def _label_context(text: str, s: int, e: int, q: data.QuotedLabel) -> bool:
    if any(text.startswith(nb, e) for nb in q.not_before) or any(text.endswith(na, 0, s) for na in q.not_after):
        return False
    if q.label[0] in "一二三四五六七八九十两双多" and text[s - 1:s] in _NUMERAL_BEFORE:
        return False  # part of a longer number or word: 百千万工程, 第三农场
    if q.after or q.before:
        return (any(text.startswith(a, e) for a in q.after)
                or any(text.endswith(b, 0, s) for b in q.before))
    return True


_HEADWORD_BEFORE = re.compile(r"(?:^|[\r\n])[ \t\u3000]*(?:[［\[]\d{1,3}[］\]])?[ \t\u3000]*$")


def _headword(text: str, s: int, e: int) -> bool:
    """The label as the headword of a note or glossary line: ［26］七个有之：…"""
    return text[e:e + 1] in "：:" and _HEADWORD_BEFORE.search(text, max(0, s - 12), s) is not None


def quoted_label_findings(text: str, user: tuple, year: int | None = None, hits=None, term_hits=None):
    """Labels written without the quotation marks the norm gives them; a
    document written before a label came into use (五位一体 in the 2012
    report that coined it) is not held to it. ``hits``, ``term_hits``: the
    labels and terms found in ``text`` (found here when not given)."""
    index, labels = _label_index()
    terms_index, terms = _term_index(user)
    covered = [(s, e) for s, e, old in (terms_index.finditer(text) if term_hits is None else term_hits)]
    for s, e, label in (index.finditer(text) if hits is None else hits):
        q = labels[label]
        if year is not None and year < q.year:
            continue
        if _quoted_or_titled(text, s, e) or not _label_context(text, s, e, q) or _headword(text, s, e):
            continue
        if any(cs <= s and e <= ce for cs, ce in covered):
            continue  # 一带一路战略: EX008 says it all
        if q.compound and is_cjk(text[e:e + 1]):
            yield Diagnostic("EX006", f"“{label}”类提法应加引号，如“{label}{text[e:e + 2]}…”（{q.source}）", Span(s, e))
            continue
        yield Diagnostic("EX006", f"“{label}”应加引号（{q.source}）", Span(s, e),
                         Fix(f"改为“{label}”（加引号）", (Edit(s, s, "“"), Edit(e, e, "”")), safe=False))


@checks("EX006", scope="document")
def quoted_labels(doc, ctx):
    date = date_of(doc, ctx)
    return list(quoted_label_findings(doc.text, _user(ctx), date.year if date else None, _hits(doc, ctx, "labels"),
                                      _hits(doc, ctx, "terms")))


def national_label_nouns(ctx) -> set[str]:
    """What the national numbered labels that EX003 checks name: 意识, 自信…"""
    return set(_labels(_user(ctx)))
