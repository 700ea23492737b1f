"""TY's context layer (issue 15): candidates, evidence, tiers, lexicons.

Each test names the behaviour it protects; the sentences are examples of
classes (a whole-word slip, a name, a repeated coinage), not the measured sets."""
import pytest

from gwlint import Document
from gwlint.api import configure
from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.errors import ConfigError

DEFAULT = Config(select=("TY",))
REVIEW = configure({"select": ["TY"], "typo-sensitivity": "review"})

pytestmark = pytest.mark.needs_lm  # the context layer is judged by the language model



def codes(text, cfg=DEFAULT):
    return [(d.code, d.fix.edits[0].text if d.fix else None) for d in lint(Document(text), cfg)]


# --- configuration ---------------------------------------------------------

def test_typo_sensitivity_key_is_parsed_and_checked():
    assert configure({"typo-sensitivity": "review"}).option("typo-sensitivity") == "review"
    assert configure({}).option("typo-sensitivity", "default") == "default"
    with pytest.raises(ConfigError, match="typo-sensitivity"):
        configure({"typo-sensitivity": "high"})


def test_sensitivity_is_part_of_the_line_cache_key():
    from gwlint.engine import LineCache
    from gwlint.rules import bundled_registry
    from gwlint.engine import lint as engine_lint

    cache = LineCache()
    text = Document("要进一步加强组织领到。")
    assert engine_lint(text, DEFAULT, bundled_registry(), cache=cache) == []
    assert engine_lint(text, REVIEW, bundled_registry(), cache=cache)


# --- candidates ------------------------------------------------------------

def test_sound_alikes_reach_real_words_and_whole_words():
    from gwlint.rules._typo_candidates import pinyin_index

    index = pinyin_index()
    assert "机制" in index.sound_alikes("机智")  # no frequency floor: a real word may be a slip
    assert "贸易" in index.sound_alikes("毛衣")  # both characters changed
    assert "发展" in index.sound_alikes("法展")
    assert "银行" in index.sound_alikes("银杭")  # the word's own reading of a polyphone (行: hang)


def test_fuzzy_pinyin_and_look_alikes():
    from gwlint.rules._typo_candidates import lookalike_words, pinyin_index
    from gwlint.rules._typo_vocabulary import lookalikes

    assert "正在" in pinyin_index().sound_alikes("曾在")  # z/zh
    looks = lookalikes()
    assert "体" in looks["休"] and "本" in looks["木"] and "日" in looks["目"] and "自" in looks["白"]
    assert "体制" in lookalike_words("休制", {"体制"}.__contains__, looks)


def test_language_model_vocabulary_is_read_from_the_model():
    from gwlint.rules._typo_vocabulary import lm_path, lm_vocabulary

    words = lm_vocabulary(lm_path())
    assert len(words) > 100_000 and words[0] == "<unk>" and "机制" in words


# --- the detector ------------------------------------------------------------

@pytest.mark.parametrize("bad, right", [
    ("加快推进经济社会法展。", "发展"),
    ("坚决维护党中央的全威。", "权威"),
])
def test_slips_are_found_at_the_default_tier(bad, right):
    assert ("TY003", right) in codes(bad)


def test_evidence_of_intent_keeps_real_documents_quiet():
    # newer vocabulary of official writing
    assert codes("坚持抗疫精神，推动传统产业数智化转型。") == []
    # a place before an administrative suffix, a person after a title
    assert codes("省委书记到水坪村看望群众。") == []
    # word formation: an affix the document keeps using
    assert codes("分类制定落实兜底式保障和开发式帮扶。") == []
    # a short quoted coinage
    assert codes("实施新一轮“铁公机”建设计划。") == []


def test_repetition_lowers_suspicion_and_never_raises_it():
    from gwlint.rules._typo_slips import findings_for_lines

    line = "加快建设智汇宁夏，培优产业链。"
    alone = findings_for_lines([line], "review")[0]
    repeated = findings_for_lines([line], "review", document="\n".join([line] * 3))[0]
    assert len(repeated) <= len(alone)
    assert not any(line[d.span.start:d.span.end] == "智汇" for d in repeated)


@pytest.mark.parametrize("text", ["要进一步加强组织领到。", "要坚持体制机智创新。"])
def test_review_tier_reports_more_at_a_lower_severity(text):
    assert codes(text) == []
    found = lint(Document(text), REVIEW)
    assert [(d.code, d.severity) for d in found] == [("TY004", "info")]


def test_review_tier_keeps_the_default_findings():
    text = "加快推进经济社会法展，要坚持体制机智创新。"
    default = codes(text)
    assert default and set(default) <= set(codes(text, REVIEW))


# --- lexicons ----------------------------------------------------------------

def test_the_standard_form_wins():
    assert codes("全省上下勠力同心、攻坚克难。") == []
    assert ("TY002", "勠力") in codes("全省上下戮力同心、攻坚克难。")


def test_near_misses_do_not_cross_word_boundaries():
    assert codes("加强师德师风建设。") == []  # not 作风建设
    assert codes("坚持在临床第一线工作。") == []  # no 床第/床笫
    assert ("TY002", "录像") in codes("要保存好录象资料。")
    assert codes("要做好记录相关工作。") == []  # 记录 + 相关, no 录相


def _classic():
    from pathlib import Path

    path = Path(__file__).parent / "classic_misspellings.tsv"
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_classic_misspellings_have_sources_and_are_many():
    rows = _classic()
    assert len(rows) >= 100 and all(len(r) == 5 and r[4].strip() for r in rows)


def test_classic_misspellings_are_caught_and_their_correct_forms_never_flagged():
    rows = _classic()
    caught = sum(1 for bad, *_ in rows if lint(Document(bad), DEFAULT))
    assert caught / len(rows) >= 0.95
    assert [good for _, good, *_ in rows if lint(Document(good), DEFAULT)] == []


def test_findings_do_not_depend_on_the_process(tmp_path):
    """No iteration over a set of strings may order candidates: string
    hashing differs from process to process (one worker or two)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "gwlint", "--format", "json", "--select", "TY",
                               *map(str, seeds[:2])], capture_output=True, env=env)
        outputs.add(proc.stdout)
    assert len(outputs) == 1
