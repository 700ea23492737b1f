"""NU: section numbering, following GB/T 9704-2012 §7.3.3 (一、→（一）→1.→（1））.

All checks read the outline tree from linter.outline; each finding says what
was expected (“此处应为（三）”).
"""
from __future__ import annotations

from gwlint.model import Diagnostic, Edit, Fix
from gwlint.outline import HEADING_RANK, INLINE_FAMILIES, SCOPE_RANK, outline_of, walk
from gwlint.text import int_to_cn
from gwlint.registry import checks

LIST_FAMILY_NAMES = {"yi-shi": "一是", "yi-yao": "一要", "di-yi": "第一", "qi-yi": "其一"}


def expected_label(node, number: int) -> str:
    f = node.family
    cn = int_to_cn(number)
    return {
        "cn-dun": f"{cn}、", "cn-paren": f"（{cn}）", "arabic-dot": f"{number}.", "arabic-paren": f"（{number}）",
        "circled": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[number - 1] if number <= 20 else str(number),
        "yi-shi": f"{cn}是", "yi-yao": f"{cn}要", "di-yi": f"第{cn}", "qi-yi": f"其{cn}",
    }.get(f, node.label)


def _sequences(children):
    """Runs of siblings that count together.

    Headings run per family. An inline list (一是/二是…) starts a new run at
    一, so each paragraph may open its own list; lists of different families
    may nest (第一，…一是…二是…第二，…). An item whose number continues a list
    of another family (一是…二要…) joins that list: NU004 reports the mix.
    """
    runs: dict[str, list] = {}
    out = []
    for c in children:
        if c.family == "shouxian" or c.family in SCOPE_RANK:
            continue  # scopes (附件, 第X条, 2.1) are not counted: they only hold lists
        run = runs.get(c.family)
        if c.family in INLINE_FAMILIES and (run is None or c.number == 1):
            host = None
            if c.number != 1:
                host = next((r for f, r in runs.items() if f != c.family and f in INLINE_FAMILIES
                             and r[-1].number + 1 == c.number), None)
            run = host if host is not None else []
            if host is None:
                out.append(run)
            runs[c.family] = run
        elif run is None:
            run = runs[c.family] = []
            out.append(run)
        run.append(c)
    return out


SHOUXIAN_ORDER = {"首先": 1, "其次": 2, "再次": 3}


def _shouxian_findings(children) -> list[Diagnostic]:
    """首先 → 其次 → 再次 → 最后: 再次 needs a 其次 before it."""
    found = []
    expected = None
    for c in children:
        if c.family != "shouxian":
            continue
        rank = SHOUXIAN_ORDER.get(c.label)
        if rank == 1:
            expected = 2
        elif rank is None:  # 最后 closes the list
            expected = None
        elif expected is not None:
            if rank != expected:
                want = "其次" if expected == 2 else "再次"
                found.append(Diagnostic("NU001", f"顺序词不连贯：此处应为“{want}”", c.span,
                                        Fix.replace(c.span, want, safe=False)))
            expected = min(rank, 3) + 1 if rank < 3 else 3
    return found


def continued_starts(roots) -> dict[tuple[int, str], int]:
    """Where each parent's list of headings should start, by the document's
    own convention. Lists under consecutive parents (（一）（二） under 一、
    and 二、) either start over under each parent or run straight through
    (国务院 意见: （一）…（二十五） across 一、二、…). The convention is
    learnt from the document itself: for each family, the way most lists
    start compared with the list before them, counted apart for lists whose
    parents are siblings and for lists whose parents are cousins (1.…21.
    may run through the （一）（二） of one part and start over in the next).
    Where both ways are equally common, either is accepted. A 附件 is a
    document of its own: nothing continues into it. Returns
    {(id(parent), family): first number} where that is not 1."""
    parent_of = {id(c): n for n in walk(roots) for c in n.children}
    part_of: dict[int, int] = {}
    for r in roots:
        for n in walk([r]):
            part_of[id(n)] = id(r) if r.family == "attachment" else 0
    by_level: dict[int, list] = {}
    for n in walk(roots):
        by_level.setdefault(n.level, []).append(n)
    starts: dict[tuple[int, str], int] = {}
    for parents in by_level.values():
        families = dict.fromkeys(c.family for p in parents for c in p.children if c.family in HEADING_RANK)
        for family in families:
            rows = []  # (parent, first, before, kind)
            previous = None  # (parent, last number)
            for p in parents:
                nodes = [c for c in p.children if c.family == family]
                if not nodes:
                    continue
                if previous is not None and part_of[id(previous[0])] == part_of[id(p)]:
                    same = parent_of.get(id(previous[0])) is parent_of.get(id(p))
                    rows.append((p, nodes[0].number, previous[1], "sibling" if same else "cousin"))
                previous = (p, nodes[-1].number)
            for kind in ("sibling", "cousin"):
                mine = [r for r in rows if r[3] == kind]
                go_on = sum(1 for _, first, before, _ in mine if first == before + 1 and first != 1)
                over = sum(1 for _, first, before, _ in mine if first == 1)
                for p, first, before, _ in mine:
                    if go_on > over or (go_on == over and first == before + 1):
                        starts[(id(p), family)] = before + 1
    return starts


def _introduced(doc, node) -> bool:
    """A list that its own lead-in introduces (注：, 具体要求如下：) starts at 1
    whatever came before it."""
    lines = doc.lines
    for i in range(node.line - 1, -1, -1):
        t = lines[i].text.strip()
        if t:
            return t.endswith(("：", ":"))
    return False


@checks("NU001", scope="document")
def numbering_sequence(doc, ctx):
    """Gaps, repeats and restarts among siblings of one family. After a break
    the count resumes from the number written, so one slip is one finding.
    Lists under consecutive parents start where the document's convention
    says (continued_starts); each 附件 starts a document of its own."""
    found = []

    def visit(children, parent):
        for run in _sequences(children):
            expected = starts.get((id(parent), run[0].family), 1)
            for node in run:
                if node.number != expected and node.number == 1 and node.family in HEADING_RANK \
                        and _introduced(doc, node):
                    expected = 1  # a new list, with its own lead-in
                if node.number != expected:
                    want = expected_label(node, expected)
                    if node.number == expected - 1:
                        why = "编号重复"
                    elif node.number == 1:
                        why = "编号重新从头开始"
                    elif node.number < expected:
                        why = "编号倒退"
                    elif expected == 1:
                        why = "编号应从头开始"
                    else:
                        why = "编号跳号"
                    found.append(Diagnostic("NU001", f"{why}：此处应为“{want}”", node.span,
                                            Fix.replace(node.span, want, safe=False)))
                expected = node.number + 1
        found.extend(_shouxian_findings(children))
        for c in children:
            visit(c.children, c)

    roots = outline_of(doc, ctx).roots
    starts = continued_starts(roots)
    visit(roots, None)
    return found


@checks("NU002", scope="document")
def heading_levels(doc, ctx):
    """A heading level used where GB/T 9704 wants another one. The document
    and each of its attachments (附件) are judged on their own."""
    roots = outline_of(doc, ctx).roots
    found = _heading_levels([r for r in roots if r.family != "attachment"])
    for r in roots:
        if r.family == "attachment":
            found += _heading_levels(list(r.children))
    return found


def _heading_levels(roots) -> list[Diagnostic]:
    headings = [n for n in walk(roots) if n.family in HEADING_RANK]
    used = {n.family for n in headings}
    found = []
    rank_name = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}
    first_dun = next((n for n in headings if n.family == "cn-dun"), None)

    def visit(nodes, parent_rank):
        for n in nodes:
            if n.family in HEADING_RANK and n.family != "circled":  # ① marks list items at any depth
                rank = HEADING_RANK[n.family]
                missing = [r for r in range(parent_rank + 1, rank)
                           if any(HEADING_RANK[f] == r for f in used)]
                if parent_rank == 0 and rank > 1 and first_dun is not None and n.span.start < first_dun.span.start:
                    found.append(Diagnostic("NU002", f"“{n.label}”前面没有上一级标题“一、”", n.span))
                elif missing and parent_rank > 0:  # (-1: under a scope, any level)
                    found.append(Diagnostic(
                        "NU002", f"层级跳跃：“{n.label}”直接用在上一级标题之下，本文此层应使用“{rank_name[missing[0]]}”格式",
                        n.span))
                visit(n.children, rank)
            elif n.family in SCOPE_RANK:
                visit(n.children, -1)  # under 第X条 or 2.1 a list may use any level
            else:
                visit(n.children, parent_rank)

    visit(roots, 0)
    return found


@checks("NU003", scope="document")
def heading_separators(doc, ctx):
    """一. 一， (1) （一）、 1、 — the marker is written the wrong way."""
    found = []
    for n in walk(outline_of(doc, ctx).roots):
        f, sep = n.family, n.separator
        start, end = n.span.start, n.span.end
        if f == "cn-dun" and sep != "、":
            want = int_to_cn(n.number) + "、"
            found.append(Diagnostic("NU003", f"一级标题序号后应用顿号：此处应为“{want}”", n.span,
                                    Fix(f"改为“{want}”", (Edit(start, end, want),), safe=True)))
        elif f in ("cn-paren", "arabic-paren"):
            inner = int_to_cn(n.number) if f == "cn-paren" else str(n.number)
            want = f"（{inner}）"
            problems = []
            if n.brackets != "（）":
                problems.append("应使用全角括号")
            if sep:
                problems.append("括号后不加标点")
            if problems:
                found.append(Diagnostic("NU003", f"{'，'.join(problems)}：此处应为“{want}”", n.span,
                                        Fix(f"改为“{want}”", (Edit(start, end, want),), safe=True)))
        elif f == "arabic-dot" and sep != ".":
            want = f"{n.number}."
            found.append(Diagnostic("NU003", f"三级标题序号后应用半角圆点：此处应为“{want}”", n.span,
                                    Fix(f"改为“{want}”", (Edit(start, end, want),), safe=True)))
    return found


@checks("NU004", scope="document")
def mixed_list_families(doc, ctx):
    """一是… 二要… 第三… — one list written in several families. The list's
    family is that of its first item (see _sequences for how lists nest)."""
    found = []

    def visit(children):
        for run in _sequences(children):
            family = run[0].family
            if family not in LIST_FAMILY_NAMES:
                continue
            for c in run[1:]:
                if c.family != family and c.family in LIST_FAMILY_NAMES:
                    proto = type(c)(c.level, family, c.number, c.label, c.title, c.span, c.line)
                    want = expected_label(proto, c.number)
                    found.append(Diagnostic("NU004", f"同一列举中序号形式不一致：此处应为“{want}”", c.span,
                                            Fix.replace(c.span, want, safe=False)))
        for c in children:
            visit(c.children)

    visit(outline_of(doc, ctx).roots)
    return found
