"""The EX formulation pack (rules/data/formulations/), entry by entry: every
entry names its source, carries a date where the old form was right before
it, and has a bad and a good sentence of its own; the bad one is flagged by
the entry's rule and the good one is clean. Then the behaviour that the
entries share: list order, numbered labels, dates, historical references."""
import re

import pytest
import tomli

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.api import configure
from gwlint.config import Config
from gwlint.rules import _formulation_data as data
from gwlint.rules.formulations import CN_COUNTS, _NAMED

EX = Config(select=("EX",))
LISTS = data.builtin_lists()
TERMS = data.builtin_terms()
LABELS = data.builtin_labels()
SUPERSEDED = [t for t in TERMS if t.kind == "superseded"]
CANONICAL = [t for t in TERMS if t.kind == "canonical"]
# lists named by a numbered label whose count EX003 checks (四个意识, 三个务必)
LABELLED = [fl for fl in LISTS if _NAMED.fullmatch(fl.name) and fl.cues]


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


FILES = {"lists.toml": "list", "terms.toml": "term", "wordings.toml": "term", "labels.toml": "label"}


def raw_entries():
    for name, key in FILES.items():
        with open(data.DATA / name, "rb") as f:
            for e in tomli.load(f)[key]:
                yield name, e


RAW = list(raw_entries())


def entry_id(name, e):
    return f"{name}:{e.get('name') or e.get('old') or e.get('label')}"


def entry_code(name, e):
    if name == "lists.toml":
        return "EX002"
    if name == "labels.toml":
        return "EX006"
    return data.TERM_CODES[e["kind"]]


# ------------------------------------------------------------------ the pack, entry by entry

def test_pack_size():
    assert len(RAW) >= 500, len(RAW)
    assert len(LISTS) + len(TERMS) + len(LABELS) == len(RAW)


@pytest.mark.parametrize("name, entry", RAW, ids=[entry_id(n, e) for n, e in RAW])
def test_every_entry_has_a_dated_source(name, entry):
    source = entry.get("source", "")
    assert source.strip(), entry
    assert re.search(r"(?:19|20)\d\d年", source), f"source without a year: {entry}"
    if name != "lists.toml" and entry.get("kind", "label") in ("superseded", "outdated", "label"):
        # the date the old form became wrong (or the label came into use)
        assert isinstance(entry.get("year"), int) and 1940 <= entry["year"] <= 2030, entry
    assert 0 <= entry.get("month", 0) <= 12


@pytest.mark.parametrize("name, entry", RAW, ids=[entry_id(n, e) for n, e in RAW])
def test_every_entry_has_its_own_bad_and_good_example(name, entry):
    bad, good = entry.get("bad", ""), entry.get("good", "")
    assert bad.strip() and good.strip() and bad != good, entry
    code = entry_code(name, entry)
    what = entry.get("old") or entry.get("label")
    hits = [d for d in found(bad) if d.code == code and (what is None or bad[d.span.start:d.span.end] == what)]
    assert hits, f"{code} missed the bad example of {entry_id(name, entry)}: {bad} {found(bad)}"
    assert not found(good), f"the good example of {entry_id(name, entry)} is flagged: {good} {found(good)}"


def test_bad_and_good_examples_are_unique():
    bads = [e["bad"] for _, e in RAW]
    assert len(bads) == len(set(bads)), sorted(b for b in bads if bads.count(b) > 1)


def test_entries_are_live_and_unique():
    """No entry that can never fire: old == new, or a second entry for the same old form."""
    raw_terms = [e for n, e in RAW if FILES[n] == "term"]
    assert all(e["old"] != e["new"] and not e.get("skip") for e in raw_terms)
    olds = [t.old for t in TERMS]
    assert len(olds) == len(set(olds)), sorted(o for o in olds if olds.count(o) > 1)
    labels = [q.label for q in LABELS]
    assert len(labels) == len(set(labels))
    assert all(t.kind in data.TERM_CODES for t in TERMS)
    assert all(len(fl.items) >= 2 and len(set(fl.items)) == len(fl.items) for fl in LISTS)


def test_nameplates_that_live_on_are_not_listed():
    """Bodies merged into another that keeps their name as a second nameplate
    (对外保留牌子) are still correctly named."""
    olds = {t.old for t in TERMS}
    for name in ("国家海洋局", "中央编译局", "国家外国专家局", "国家宗教事务局", "国家公务员局", "国家行政学院"):
        assert name not in olds
        assert "EX004" not in ex_codes(f"请{name}牵头负责。")


# ------------------------------------------------------------------ fixed lists (EX002)

@pytest.mark.parametrize("fl", LISTS, ids=[fl.name for fl in LISTS])
def test_list_in_canonical_order_is_clean(fl):
    text = f"会议强调，要{join(fl.items)}。"
    assert not found(text), (text, found(text))
    if fl in LABELLED:
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


def test_two_items_of_a_longer_list_are_no_quotation_of_it():
    """官僚主义、形式主义 names two of the four 四风: a document may order them as it likes."""
    assert not found("坚决整治官僚主义、形式主义为基层减负。")
    assert ex_codes("坚决反对官僚主义、形式主义、享乐主义和奢靡之风。") == ["EX002"]


def test_a_list_with_items_of_its_own_is_another_list():
    """绿色、共享、开放、廉洁 (a games' motto) shares three items with 新发展理念."""
    assert not found("坚持绿色、共享、开放、廉洁办奥理念。")
    assert not found("坚持廉洁、绿色、共享、开放的理念。")
    assert ex_codes("坚持绿色、共享、开放的发展理念。") == ["EX002"]


def test_words_written_together_are_no_run():
    """增强 (an item of 巩固、增强、提升、畅通) next to 自我完善 is a verb and its object."""
    assert not found("增强自我净化、自我完善、自我革新、自我提高能力。")
    assert ex_codes("一体推进不敢腐不想腐不能腐。") == ["EX002"]


def test_dropping_an_item_from_an_unlabelled_list_is_fine():
    """反对形式主义、官僚主义 quotes part of 四风: no finding without a numbered label."""
    assert not found("坚决反对形式主义、官僚主义。")
    assert not found("增强“四个意识”，特别是核心意识、看齐意识。")


def test_user_list_is_checked_like_a_builtin():
    cfg = configure({"select": ["EX"], "formulations": [{"name": "三个一批", "items": ["储备一批", "谋划一批", "实施一批"]}]})
    assert ex_codes("要储备一批、谋划一批、实施一批。", cfg) == []
    assert ex_codes("要谋划一批、储备一批、实施一批。", cfg) == ["EX002"]


def test_list_followed_by_another_item_after_yi_is_still_checked():
    """以 alone is no separator: 不想腐，以全面从严治党… is not one run with 全面从严治党."""
    assert ex_codes("一体推进不敢腐、不想腐、不能腐，以全面从严治党新成效推动发展。") == ["EX002"]
    assert ex_codes("一体推进不敢腐、不能腐、不想腐，以全面从严治党新成效推动发展。") == []
    assert ex_codes("坚定道路自信、制度自信以及理论自信。") == ["EX002"]


def test_overlapping_item_does_not_join_a_run():
    """坚持改革开放 (党的基本路线) overlaps 改革开放考验 (四大考验)."""
    assert ex_codes("我们要坚持改革开放考验、执政考验、市场经济考验、外部环境考验。") == ["EX002"]
    assert ex_codes("我们要坚持执政考验、改革开放考验、市场经济考验、外部环境考验。") == []


# ------------------------------------------------------------------ numbered labels (EX003)

def cue(fl):
    return fl.cues[0]


@pytest.mark.parametrize("fl", [fl for fl in LABELLED if len(fl.items) >= 3],
                         ids=[fl.name for fl in LABELLED if len(fl.items) >= 3])
def test_labelled_list_with_an_item_dropped_is_flagged(fl):
    for k in range(len(fl.items)):
        rest = fl.items[:k] + fl.items[k + 1:]
        text = f"会议强调，要{cue(fl)}“{fl.name}”，即{join(rest)}。"
        diags = [d for d in found(text) if d.code == "EX003"]
        assert diags, f"dropped item not flagged: {text}"
        assert fl.items[k] in diags[0].message


@pytest.mark.parametrize("fl", LABELLED, ids=[fl.name for fl in LABELLED])
def test_labelled_list_with_wrong_count_is_flagged(fl):
    num = _NAMED.fullmatch(fl.name).group("num")
    wrong = next(c for c, n in CN_COUNTS.items() if n == CN_COUNTS[num] + 1)
    text = f"会议强调，要{cue(fl)}“{wrong}{fl.name[1:]}”。"
    assert "EX003" in ex_codes(text), text
    assert not found(f"会议强调，要{cue(fl)}“{fl.name}”。")


def test_a_regions_own_label_is_not_the_national_one():
    """西藏's “三个意识” education (国家意识、公民意识、法治意识) is not 四个意识."""
    for text in ("常态化开展“三个意识”教育。", "深化拓展“三个意识”教育成果。",
                 "增强“三个意识”（国家意识、公民意识、法治意识）。",
                 "增强“四个意识”。常态化开展“三个意识”教育。"):
        assert "EX003" not in ex_codes(text), text
    for text in ("增强“三个意识”。", "坚定“三个自信”。", "增强“四个意识”、坚定“三个自信”、做到“两个维护”。",
                 "深刻领悟“三个确立”的决定性意义。"):
        assert "EX003" in ex_codes(text), text


def test_three_confidences_were_right_before_2016():
    """四个自信 since 2016: a 2014 speech says 三个自信 correctly."""
    dated = "坚定“三个自信”。\n\n2014年10月8日"
    assert "EX003" not in ex_codes(dated)
    assert "EX003" in ex_codes("坚定“三个自信”。\n\n2017年10月8日")


def test_label_followed_by_a_different_number_of_items():
    """“五进” followed by four （一）… items, or spelt out with four."""
    text = "全面开展“五进”活动：\n（一）进机关。内容。\n（二）进学校。内容。\n（三）进社区。\n（四）进企业。\n二、保障措施\n"
    assert ex_codes(text) == ["EX003"]
    assert ex_codes("开展“五进”活动（进机关、进学校、进社区、进企业）。") == ["EX003"]
    assert ex_codes("开展“五进”活动（进机关、进学校、进社区、进企业、进农村）。") == []
    assert ex_codes("全面推行公示制度、记录制度（以下统称“三项制度”）。") == ["EX003"]
    assert ex_codes("全面推行公示制度、记录制度、审核制度（以下统称“三项制度”）。") == []


def test_items_written_before_a_label_are_no_count_for_ex003():
    """城乡低保、教育“三包”: a label may modify the last of a list."""
    for text in ("4次调高城乡低保、教育“三包”标准。", "聚力打造生态文明高地、建设产业“四地”。",
                 "市级三甲医院、急诊急救中心等实现“五个全覆盖”。",
                 "完善金融市场、产品、机构和基础设施“四个体系”。"):
        assert not found(text), text


# ------------------------------------------------------------------ superseded names (EX004) and dates

@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_superseded_name_in_a_modern_sentence_is_flagged(t):
    old = (t.only_after[0] + t.old) if t.only_after else t.old  # 市监察局
    for text in (f"请{old}牵头负责。", f"{t.year + 1}年，{old}印发了通知。", f"经研究，由{old}负责审核。"):
        diags = [d for d in found(text) if d.code == "EX004"]
        assert diags, text
        assert str(t.year) in diags[0].message and t.source in diags[0].message
        assert t.new in apply(text, diags[0])


@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_superseded_name_in_a_historical_reference_is_clean(t):
    for text in (f"原{t.old}已经撤并。", f"时任{t.old}负责同志出席会议。", f"{t.year - 1}年，{t.old}印发了通知。",
                 f"他曾任{t.old}干部。", f"机构改革前，{t.old}负责此事。", f"更名前的{t.old}负责此事。",
                 f"根据《{t.old}关于加强管理的通知》执行。", f"{t.old}已更名为{t.new}。"):
        assert "EX004" not in ex_codes(text), text


@pytest.mark.parametrize("t", SUPERSEDED, ids=[t.old for t in SUPERSEDED])
def test_new_name_is_clean(t):
    text = f"请{t.new}牵头负责。"
    assert not found(text), (text, found(text))


def test_a_name_is_outdated_only_relative_to_the_documents_date():
    """A 2004 notice says 国土资源部 and a 2018 letter 扶贫办, correctly."""
    notice = "国务院办公厅关于巴东县地质灾害的复函\n国土资源部：\n请国土资源部牵头处理。\n\n国务院办公厅\n二〇〇四年九月二十三日\n"
    assert not found(notice)
    letter = "国办发〔2018〕129号\n各省扶贫办要会同有关部门落实。\n"
    assert not found(letter)
    speech = "在座谈会上的讲话\n（2020年3月6日）\n国务院扶贫办要抓好落实。"
    assert not found(speech)
    late = "请国土资源部牵头处理。\n\n2024年5月6日\n"
    diags = found(late)
    assert [d.code for d in diags] == ["EX004"]
    assert diags[0].severity == "warning" and "本文成文于2024年" in diags[0].message


def test_change_within_the_year_uses_the_month():
    """The 2018 reform came in March: a December 2018 notice should say 生态环境部."""
    assert not found("请环境保护部牵头处理。\n\n2018年2月1日\n")
    assert ex_codes("请环境保护部牵头处理。\n\n2018年12月1日\n") == ["EX004"]
    assert not found("国办发〔2018〕12号\n请环境保护部牵头处理。\n")  # the year alone cannot tell


def test_undated_document_is_judged_against_today_one_tier_lower():
    diags = found("请国土资源部牵头处理。")
    assert [d.code for d in diags] == ["EX004"]
    assert diags[0].severity == "info"
    assert diags[0].message.startswith("若本文为现行文稿，")


def test_user_severity_setting_still_wins():
    cfg = Config(select=("EX",), severity=(("EX004", "error"),))
    assert [d.severity for d in found("请国土资源部牵头处理。", cfg)] == ["error"]


def test_only_after_names_a_body_of_government():
    """监察局 is the 政府监察机关 only after 市/县/省…: 矿山安全监察局 is a current body."""
    assert "EX004" in ex_codes("市监察局要加强督查。")
    assert "EX004" not in ex_codes("国家矿山安全监察局要加强督查。")
    assert "EX004" not in ex_codes("住房城乡建设部要加强督查。")


# ------------------------------------------------------------------ wordings (EX005, EX007, EX008)

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
    assert "EX005" not in ex_codes(text), (text, found(text))


def test_superseded_wording_is_judged_against_the_documents_date():
    assert not found("积极参与“一带一路”战略。\n\n2014年9月1日\n")
    diags = found("积极参与“一带一路”战略。\n\n2016年9月1日\n")
    assert [d.code for d in diags] == ["EX008"] and diags[0].severity == "warning"
    assert [d.severity for d in found("积极参与“一带一路”战略。")] == ["info"]
    assert not found("推动“一带一路”倡议同各国发展战略对接。")
    assert not found("加强与“一带一路”战略对接。")


def test_superseded_wording_inside_a_quoted_passage_or_title_is_clean():
    """A long quotation and a cited title say what they said then."""
    assert not found("十七大报告提出“夺取全面建设小康社会新胜利，为全面建设小康社会而奋斗”。")
    assert not found("学习《全面建设小康社会，开创中国特色社会主义事业新局面》。")
    assert ex_codes("决胜全面建设小康社会。") == ["EX008"]


def test_truncated_formulation_is_flagged_and_the_full_one_is_clean():
    assert ex_codes("深化供给侧改革。") == ["EX007"]
    assert not found("深化供给侧结构性改革。")
    assert not found("推进国家治理体系和治理能力现代化。")
    assert ex_codes("推进国家治理能力现代化。") == ["EX007"]


# ------------------------------------------------------------------ quoted labels (EX006)

def test_quoted_label_is_clean_and_bare_one_is_flagged():
    assert ex_codes("深化放管服改革。") == ["EX006"]
    for text in ("深化“放管服”改革。", "学习《“十四五”规划纲要》。", "推进“互联网+政务服务”。",
                 "开展文明实践“百千万工程”。", "他今年十四五岁。", "［26］七个有之：搞团团伙伙。"):
        assert not found(text), text


def test_label_fix_adds_quotation_marks_and_is_never_safe():
    text = "编制十四五规划。"
    diags = found(text)
    assert [d.code for d in diags] == ["EX006"]
    assert apply(text, diags[0]) == "编制“十四五”规划。"
    assert not diags[0].fix.safe


def test_no_ex_fix_is_safe():
    """A formulation fix needs a reader's judgement: none is applied by --fix."""
    for _, e in RAW:
        for d in found(e["bad"]):
            assert d.fix is None or not d.fix.safe, (d.code, e["bad"])
