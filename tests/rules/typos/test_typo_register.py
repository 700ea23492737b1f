"""The register of official writing and the scoring behind TY's context layer
(the tuning after issue 15): what each part promises, on small examples."""
import numpy as np
import pytest

from gwlint import Document
from gwlint.api import configure
from gwlint.api import lint_document as lint


def test_document_frequency_counts_documents_not_uses():
    from gwlint.rules._typo_vocabulary import Register, document_frequency

    words = {"发展", "经济", "高质量"}.__contains__
    df = document_frequency(["经济发展，经济发展。", "高质量发展", "其他"], words)
    assert df == {"发展": 2, "经济": 1, "高质量": 1}
    assert list(df) == sorted(df)  # no hash order
    register = Register(df, 3)
    assert register.share("发展") == pytest.approx(2 / 3) and register.share("勾践") == 0.0
    assert Register({}, 0).share("发展") == 0.0


def test_the_shipped_register_counts_real_documents():
    from gwlint.rules._typo_vocabulary import official_register

    register = official_register()
    assert register.documents >= 30
    assert register.share("发展") > 0.9  # every report speaks of 发展
    assert register.share("勾践") == 0.0


def test_sorted_tables_are_merged_and_thinned_as_numpy_would():
    from gwlint.rules._typo_suspects import merged, without

    rng = np.random.default_rng(7)
    table = np.unique(rng.integers(0, 10_000, 3_000))
    more = rng.integers(0, 12_000, 200)
    assert np.array_equal(merged(table, more), np.union1d(table, more))
    assert np.array_equal(merged(np.zeros(0, dtype=np.int64), more), np.unique(more))
    assert np.array_equal(without(table, more), np.setdiff1d(table, more))
    assert np.array_equal(without(table, np.zeros(0, dtype=np.int64)), table)


def test_halves_of_two_words_are_no_whole_word_slip():
    from gwlint.rules._typo_evidence import halves_of_two_words

    words = {"我市", "集中", "市集", "实际"}.__contains__
    text = "我市集中发现"
    assert halves_of_two_words(text, 1, 3, "实际", words)  # 我市 | 集中
    assert not halves_of_two_words(text, 1, 3, "市际", words)  # one character changed: not a whole-word slip
    assert not halves_of_two_words("加快勾践", 2, 4, "构建", {"加快", "勾践"}.__contains__)


@pytest.mark.needs_lm
def test_a_correction_is_scored_over_whole_words_and_two_on_each_side():
    """The gain of a correction is what the trigram model says of the region
    around it: the same as scoring the whole clause, as written and corrected,
    when the clause is that short."""
    from gwlint.rules._typo_detector import resources

    scorer = resources().scorer
    text = "推动经济社会法展"
    start, end = 6, 8  # 法展
    gain = scorer.gains(text, start, end, ["发展"])[0]
    words = scorer.segment(text)
    fixed = text[:start] + "发展" + text[end:]
    expected = (scorer.model.score(" ".join(scorer.segment(text[:start]) + ("发展",)), bos=True, eos=True)
                - scorer.model.score(" ".join(words), bos=True, eos=True))
    assert scorer.segment(fixed)[-1] == "发展"
    assert gain == pytest.approx(expected, abs=1e-4)
    assert gain > 2


@pytest.mark.needs_lm
def test_the_register_credits_a_correction_official_writing_uses():
    from gwlint.rules._typo_detector import REGISTER_PRIOR, resources, with_register

    res = resources()
    text = "服务体系加快勾践，更多群众"
    credited = with_register(text, 6, 8, [0.5, 0.5], ["构建", "勾线"], res.register)
    assert credited[0] > 0.5 + REGISTER_PRIOR / 2  # 构建: most official documents use it, 勾践 none
    assert credited[1] == pytest.approx(0.5)  # a word they do not use gets nothing
    assert with_register(text, 6, 7, [0.5], ["构"], res.register) == [0.5]  # one character: in every document


@pytest.mark.needs_lm
@pytest.mark.parametrize("text", ["加快推进经济社会法展，要坚持体制机智创新。", "服务体系加快勾践，更多群众受益。",
                                  "开展集中专项行动市从严履行管党治党政治责任的严肃要求。"])
def test_the_review_tier_reports_the_default_findings_exactly(text):
    default = [(d.code, d.span.start, d.span.end, d.message) for d in lint(Document(text), configure({"select": ["TY"]}))]
    review = [(d.code, d.span.start, d.span.end, d.message)
              for d in lint(Document(text), configure({"select": ["TY"], "typo-sensitivity": "review"}))]
    assert [r for r in review if r[0] != "TY004"] == default


@pytest.mark.needs_lm
@pytest.mark.parametrize("text, right", [("切实加强征服系统党风廉政建设。", "政府"), ("持续加强政府资深建设。", "自身")])
def test_unused_words_with_an_official_twin_are_doubted(text, right):
    """征服 and 资深 are words the model knows well, and no more frequent than
    their twins; but no official document uses them, and most use 政府 and
    自身: a whole-word slip of the input method hides there."""
    from gwlint.rules._typo_detector import register_twins, resources

    res = resources()
    wrong = next(w for w in ("征服", "资深") if w in text)
    assert res.register.share(wrong) == 0 and wrong in register_twins(res.register, res.index, res.scorer)
    found = lint(Document(text), configure({"select": ["TY"]}))
    assert [(d.code, d.fix.edits[0].text) for d in found] == [("TY003", right)]
