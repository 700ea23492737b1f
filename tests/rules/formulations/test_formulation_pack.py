"""Bad and good examples drawn from every entry of the EX formulation pack
(rules/data/formulations/): fixed lists, leader titles, superseded names and
canonical wordings. Each entry must also record its source."""
import re

import pytest
import tomli

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.api import configure
from gwlint.config import Config
from gwlint.rules import _formulation_data as data
from gwlint.rules.formulations import _LABEL, CN_COUNTS

EX = Config(select=("EX",))
LISTS = data.builtin_lists()
TERMS = data.builtin_terms()
SUPERSEDED = [t for t in TERMS if t.kind == "superseded"]
CANONICAL = [t for t in TERMS if t.kind == "canonical"]
# lists named by a numbered label (四个意识, 三个务必) that EX003 checks
LABELLED = [fl for fl in LISTS if _LABEL.fullmatch(fl.name)]


def found(text, cfg=EX):
    return lint(Document(text, path="x.txt"), cfg)


def ex_codes(text, cfg=EX):
    return [d.code for d in found(text, cfg)]


def join(items):
    """Items as a draft quotes them: 、 between short items, ， between items
    that themselves contain 、 or ， (两个维护, 三个务必)."""
    return ("，" if any(c in item for item in items for c in "、，") else "、").join(items)


def apply(text, diag):
    out = text
    for e in sorted(diag.fix.edits, key=lambda e: e.start, reverse=True):
        out = out[:e.start] + e.text + out[e.end:]
    return out


def raw_entries():
    for name, key in (("lists.toml", "list"), ("terms.toml", "term")):
        with open(data.DATA / name, "rb") as f:
            for e in tomli.load(f)[key]:
                yield name, e


# ------------------------------------------------------------------ the pack

def test_pack_size():
    assert len(LISTS) + len(TERMS) >= 150, (len(LISTS), len(TERMS))


@pytest.mark.parametrize("entry", [e for _, e in raw_entries()],
                         ids=[f"{n}:{e.get('name') or e.get('old')}" for n, e in raw_entries()])
def test_every_entry_has_a_dated_source(entry):
    source = entry.get("source", "")
    assert source.strip(), entry
    assert re.search(r"(?:19|20)\d\d年", source), f"source without a year: {entry}"


def test_entries_are_live_and_unique():
    """No entry that can never fire: old == new, or a second entry for the same old form."""
    raw_terms = [e for n, e in raw_entries() if n == "terms.toml"]
    assert all(e["old"] != e["new"] and not e.get("skip") for e in raw_terms)
    olds = [t.old for t in TERMS]
    assert len(olds) == len(set(olds)), sorted(o for o in olds if olds.count(o) > 1)
    assert all(t.kind in ("superseded", "canonical") for t in TERMS)
    assert all(len(fl.items) >= 2 and len(set(fl.items)) == len(fl.items) for fl in LISTS)


# ------------------------------------------------------------------ fixed lists

@pytest.mark.parametrize("fl", LISTS, ids=[fl.name for fl in LISTS])
def test_list_in_canonical_order_is_clean(fl):
    text = f"会议强调，要{join(fl.items)}。"
    assert not found(text), (text, found(text))
    if LABELLED.count(fl):
        text = f"会议强调，要做到“{fl.name}”，即{join(fl.items)}。"
        assert not found(text), (text, found(text))


@pytest.mark.parametrize("fl", LISTS, ids=[fl.name for fl in LISTS])
@pytest.mark.parametrize("where", ["first", "last"])
def test_list_with_two_items_swapped_is_flagged(fl, where):
    items = list(fl.items)
    i = 0 if where == "first" else len(items) - 2
    items[i], items[i + 1] = items[i + 1], items[i]
    text = f"会议强调，要{join(items)}。"
    diags = [d for d in found(text) if d.code == "EX002"]
    assert diags, f"{fl.name}: swapped order not flagged: {text}"
    # the fix restores the canonical order
    assert join(fl.items) in apply(text, diags[0])


@pytest.mark.parametrize("fl", [fl for fl in LABELLED if len(fl.items) >= 3],
                         ids=[fl.name for fl in LABELLED if len(fl.items) >= 3])
def test_labelled_list_with_an_item_dropped_is_flagged(fl):
    for k in range(len(fl.items)):
        rest = fl.items[:k] + fl.items[k + 1:]
        text = f"会议强调，要做到“{fl.name}”，即{join(rest)}。"
        diags = [d for d in found(text) if d.code == "EX003"]
        assert diags, f"dropped item not flagged: {text}"
        assert fl.items[k] in diags[0].message


@pytest.mark.parametrize("fl", LABELLED, ids=[fl.name for fl in LABELLED])
def test_labelled_list_with_wrong_count_is_flagged(fl):
    num = _LABEL.fullmatch(fl.name).group("num")
    wrong = next(c for c, n in CN_COUNTS.items() if n == CN_COUNTS[num] + 1)
    text = f"会议强调，要做到“{wrong}{fl.name[1:]}”。"
    assert "EX003" in ex_codes(text), text
    assert not found(f"会议强调，要做到“{fl.name}”。")


def test_dropping_an_item_from_an_unlabelled_list_is_fine():
    """反对形式主义、官僚主义 quotes part of 四风: no finding without a numbered label."""
    assert not found("坚决反对形式主义、官僚主义。")
    assert not found("增强“四个意识”，特别是核心意识、看齐意识。")


def test_user_list_is_checked_like_a_builtin():
    cfg = configure({"select": ["EX"], "formulations": [{"name": "三个一批", "items": ["储备一批", "谋划一批", "实施一批"]}]})
    assert ex_codes("要储备一批、谋划一批、实施一批。", cfg) == []
    assert ex_codes("要谋划一批、储备一批、实施一批。", cfg) == ["EX002"]


# ------------------------------------------------------------------ leader titles

LEADER_BAD = ["深入贯彻习近平重要指示批示精神。", "认真学习习近平关于党的建设的重要论述。", "落实习近平重要讲话精神。",
              "学习习近平系列重要讲话精神。", "习近平多次强调，要抓好落实。", "深刻领会习近平的重要论述。"]
LEADER_GOOD = ["深入贯彻习近平总书记重要指示批示精神。", "习近平同志指出，要抓好落实。",
               "以习近平新时代中国特色社会主义思想为指导。", "紧密团结在以习近平同志为核心的党中央周围。",
               "习近平总书记在二十届中央纪委三次全会上发表重要讲话。", "深入学习习近平生态文明思想。",
               "习近平主席出席会议并发表主旨讲话。", "深入学习贯彻习近平法治思想。"]


@pytest.mark.parametrize("text", LEADER_BAD)
def test_leader_without_title_is_flagged(text):
    diags = [d for d in found(text) if d.code == "EX001"]
    assert diags, text
    assert "习近平总书记" in apply(text, diags[0])


@pytest.mark.parametrize("text", LEADER_GOOD)
def test_leader_with_title_is_clean(text):
    assert not found(text), (text, found(text))


def test_leader_list_items_are_clean():
    """两个维护 and 两个确立 quote the leader's name in full."""
    for name in ("两个维护", "两个确立"):
        fl = next(fl for fl in LISTS if fl.name == name)
        assert not found(f"要做到{join(fl.items)}。")


# ------------------------------------------------------------------ superseded names

@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_superseded_name_in_a_modern_sentence_is_flagged(t):
    for text in (f"请{t.old}牵头负责。", f"{t.year + 1}年，{t.old}印发了通知。", f"原则上由{t.old}负责审核。"):
        diags = [d for d in found(text) if d.code == "EX004"]
        assert diags, text
        assert str(t.year) in diags[0].message and t.source in diags[0].message
        assert t.new in apply(text, diags[0])


@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_superseded_name_in_a_historical_reference_is_clean(t):
    for text in (f"原{t.old}已经撤并。", f"时任{t.old}负责同志出席会议。", f"{t.year - 1}年，{t.old}印发了通知。",
                 f"他曾任{t.old}干部。", f"机构改革前，{t.old}负责此事。", f"更名前的{t.old}负责此事。"):
        assert "EX004" not in ex_codes(text), text


@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_new_name_is_clean(t):
    text = f"请{t.new}牵头负责。"
    assert not found(text), (text, found(text))


# ------------------------------------------------------------------ canonical wording

@pytest.mark.parametrize("t", CANONICAL, ids=[t.old for t in CANONICAL])
def test_variant_wording_is_flagged(t):
    text = f"我们要深刻认识{t.old}，抓好落实。"
    diags = [d for d in found(text) if d.code == "EX005"]
    assert diags, text
    fixed = apply(text, diags[0])
    assert t.new in fixed
    assert "EX005" not in ex_codes(fixed), fixed


@pytest.mark.parametrize("t", CANONICAL, ids=[t.old for t in CANONICAL])
def test_canonical_wording_is_clean(t):
    text = f"我们要深刻认识{t.new}，抓好落实。"
    assert not found(text), (text, found(text))


# ------------------------------------------------------------------ regressions found by the tests above

def test_list_followed_by_another_item_after_yi_is_still_checked():
    """以 alone is no separator: 不想腐，以全面从严治党… is not one run with 全面从严治党."""
    assert ex_codes("一体推进不敢腐、不想腐、不能腐，以全面从严治党新成效推动发展。") == ["EX002"]
    assert ex_codes("一体推进不敢腐、不能腐、不想腐，以全面从严治党新成效推动发展。") == []
    assert ex_codes("坚定道路自信、制度自信以及理论自信。") == ["EX002"]


def test_overlapping_item_does_not_join_a_run():
    """坚持改革开放 (党的基本路线) overlaps 改革开放考验 (四大考验)."""
    assert ex_codes("我们要坚持改革开放考验、执政考验、市场经济考验、外部环境考验。") == ["EX002"]
    assert ex_codes("我们要坚持执政考验、改革开放考验、市场经济考验、外部环境考验。") == []


def test_co002_takes_the_fixed_label_as_the_right_number():
    text = "坚定“三个自信”。要坚定“四个自信”。"
    found = [d for d in lint(Document(text, path="x.txt"), Config(select=("CO002",)))]
    assert [text[d.span.start:d.span.end] for d in found] == ["三个自信"]
