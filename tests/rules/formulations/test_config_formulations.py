"""User [[formulations]] in the configuration: each table is a fixed list
(name or label, items) or a term (old, new), checked key by key, and used by
the EX rules exactly like the built-in pack."""
import re

import pytest

from gwlint import ConfigError, Document

from gwlint.api import lint_document as lint
from gwlint.api import configure
from tests.helpers import config_for

LIST = {"name": "三个一批", "items": ["储备一批", "谋划一批", "实施一批"], "source": "本单位工作要点，2024年"}
TERM = {"old": "市城管局", "new": "市城市管理综合执法局", "kind": "superseded", "year": 2019, "source": "市政府机构改革，2019年"}


def ex(text, cfg):
    """The EX findings as ``--select EX`` shows them: with the info findings
    (a superseded name in an undated draft), which a default run leaves out."""
    from dataclasses import replace

    return [d for d in lint(Document(text, path="x.txt"), replace(cfg, select=("EX",)))]


# ------------------------------------------------------------------ accepted

@pytest.mark.parametrize("entry", [
    LIST,
    {"label": "三个一批", "items": ["储备一批", "谋划一批", "实施一批"]},
    {"name": "两个先行", "items": ["先行先试", "先行示范"]},
    TERM,
    {"old": "市城管局", "new": "市城市管理综合执法局"},
    {"old": "市城管局", "new": "市城市管理综合执法局", "since": 2019},
    {"old": "两学", "new": "两学一做", "kind": "canonical", "not_before": "一做"},
])
def test_valid_entries_are_accepted(entry):
    lists, terms = configure({"formulations": [entry]}).option("formulations")
    assert len(lists) + len(terms) == 1


def test_label_and_since_are_read_by_the_rules():
    lists, terms = configure({"formulations": [
        {"label": "三个一批", "items": ["储备一批", "谋划一批"]},
        {"old": "市城管局", "new": "市城市管理综合执法局", "since": 2019, "kind": "superseded"},
    ]}).option("formulations")
    assert lists[0].name == "三个一批" and lists[0].source == "用户配置"
    assert terms[0].year == 2019 and terms[0].kind == "superseded"


# ------------------------------------------------------------------ rejected

@pytest.mark.parametrize("entry, key", [
    ({"name": "三个一批", "items": ["储备一批", "谋划一批"], "order": "fixed"}, "formulations[0].order"),
    ({"old": "甲", "new": "乙", "items": ["甲", "乙"]}, "formulations[0].old"),
    ({"old": "甲", "new": "乙", "name": "甲乙"}, "formulations[0].name"),
    ({"old": "甲", "new": "乙", "yaer": 2018}, "formulations[0].yaer"),
    ({"name": "三个一批"}, "formulations[0]"),
    ({}, "formulations[0]"),
    ({"items": ["储备一批", "谋划一批"]}, "formulations[0].name"),
    ({"name": "三个一批", "label": "三个一批", "items": ["储备一批", "谋划一批"]}, "formulations[0].label"),
    ({"name": 3, "items": ["储备一批", "谋划一批"]}, "formulations[0].name"),
    ({"name": "", "items": ["储备一批", "谋划一批"]}, "formulations[0].name"),
    ({"name": "三个一批", "items": "储备一批、谋划一批"}, "formulations[0].items"),
    ({"name": "三个一批", "items": ["储备一批"]}, "formulations[0].items"),
    ({"name": "三个一批", "items": ["储备一批", 2]}, "formulations[0].items"),
    ({"name": "三个一批", "items": ["储备一批", ""]}, "formulations[0].items"),
    ({"name": "三个一批", "items": ["储备一批", "储备一批"]}, "formulations[0].items"),
    ({"name": "三个一批", "items": ["储备一批", "谋划一批"], "source": ["文件"]}, "formulations[0].source"),
    ({"new": "乙"}, "formulations[0].old"),
    ({"old": "甲"}, "formulations[0].new"),
    ({"old": "甲", "new": 1}, "formulations[0].new"),
    ({"old": "", "new": "乙"}, "formulations[0].old"),
    ({"old": "甲", "new": "甲"}, "formulations[0].new"),
    ({"old": "甲", "new": "乙", "kind": "renamed"}, "formulations[0].kind"),
    ({"old": "甲", "new": "乙", "year": "2018"}, "formulations[0].year"),
    ({"old": "甲", "new": "乙", "year": True}, "formulations[0].year"),
    ({"old": "甲", "new": "乙", "since": 18}, "formulations[0].since"),
    ({"old": "甲", "new": "乙", "year": 2018, "since": 2018}, "formulations[0].since"),
    ({"old": "甲", "new": "乙", "not_before": 1}, "formulations[0].not_before"),
])
def test_bad_entries_name_the_key(entry, key):
    with pytest.raises(ConfigError) as err:
        configure({"formulations": [entry]})
    message = str(err.value)
    assert f"'{key}" in message, message
    assert "\n" not in message


def test_index_counts_from_zero_in_file_order():
    with pytest.raises(ConfigError, match=re.escape("formulations[2].items")):
        configure({"formulations": [LIST, TERM, {"name": "两个先行", "items": ["先行先试"]}]})


@pytest.mark.parametrize("value", [{"name": "x"}, "三个一批", [LIST, "x"]])
def test_formulations_must_be_an_array_of_tables(value):
    with pytest.raises(ConfigError, match="'formulations'"):
        configure({"formulations": value})


def test_error_from_a_file_names_the_file_and_key(tmp_path):
    (tmp_path / "gwlint.toml").write_text(
        '[[formulations]]\nname = "三个一批"\nitems = ["储备一批", "谋划一批"]\n\n'
        '[[formulations]]\nold = "市城管局"\nnew = "市城市管理综合执法局"\nyear = "2019"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config_for(tmp_path / "x.txt")
    message = str(err.value)
    assert "gwlint.toml" in message and "formulations[1].year" in message and "\n" not in message


# ------------------------------------------------------------------ used by lint()

def test_user_list_out_of_order_is_flagged(tmp_path):
    (tmp_path / "gwlint.toml").write_text(
        '[[formulations]]\nlabel = "三个一批"\nitems = ["储备一批", "谋划一批", "实施一批"]\n'
        'source = "本单位工作要点，2024年"\n', encoding="utf-8")
    cfg = config_for(tmp_path / "x.txt")
    assert ex("坚持储备一批、谋划一批、实施一批。", cfg) == []
    found = ex("坚持谋划一批、储备一批、实施一批。", cfg)
    assert [d.code for d in found] == ["EX002"]
    assert "三个一批" in found[0].message and "本单位工作要点" in found[0].message
    assert found[0].fix.edits[0].text == "储备一批、谋划一批、实施一批"


def test_user_term_is_flagged_with_its_new_form():
    cfg = configure({"formulations": [TERM]})
    found = ex("请市城管局牵头负责。", cfg)
    assert [d.code for d in found] == ["EX004"]
    assert "2019年" in found[0].message and found[0].fix.edits[0].text == "市城市管理综合执法局"
    assert ex("2018年，市城管局印发通知。", cfg) == []  # before the change: historical
    assert ex("请市城市管理综合执法局牵头负责。", cfg) == []


def test_user_canonical_term_defaults_to_ex005():
    cfg = configure({"formulations": [{"old": "放管服改革", "new": "“放管服”改革"}]})
    assert [d.code for d in ex("深化放管服改革。", cfg)] == ["EX005"]
    assert ex("深化“放管服”改革。", cfg) == []


def test_user_entries_add_to_the_builtin_pack():
    cfg = configure({"formulations": [LIST]})
    assert [d.code for d in ex("坚定道路自信、制度自信、理论自信、文化自信。", cfg)] == ["EX002"]
    assert [d.code for d in ex("报中纪委审批。", cfg)] == ["EX004"]


def test_config_without_formulations_is_unchanged():
    assert configure({}).option("formulations") is None and configure({}).options == ()


def test_user_outdated_and_truncated_terms():
    """kind = "outdated" is EX008, judged against the document's date; "truncated" is EX007."""
    cfg = configure({"formulations": [
        {"old": "三城联创", "new": "四城同创", "kind": "outdated", "year": 2022, "source": "市委全会，2022年"},
        {"old": "营商办", "new": "营商环境建设办公室", "kind": "truncated"},
    ]})
    assert [(d.code, d.severity) for d in ex("推进三城联创。", cfg)] == [("EX008", "info")]
    assert ex("推进三城联创。\n\n2021年3月1日\n", cfg) == []
    assert [d.code for d in ex("推进三城联创。\n\n2023年3月1日\n", cfg)] == ["EX008"]
    assert [d.code for d in ex("请营商办牵头。", cfg)] == ["EX007"]
