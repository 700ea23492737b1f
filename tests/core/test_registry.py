"""The registry rejects a malformed rule pack with one line naming the file and the key."""
import types

import pytest

from gwlint.errors import PackError
from gwlint.registry import build_registry, checks
from gwlint.rules import bundled_registry

GOOD = '''
[[rule]]
code = "ZZ001"
name = "demo"
severity = "error"
summary = "示例"
why = "示例"
bad = ["坏"]
good = ["好"]
'''


def _package(folder):
    pkg = types.ModuleType("fakepkg")
    pkg.__path__ = []
    pkg.__file__ = str(folder / "__init__.py")
    return pkg


def _build(tmp_path, toml):
    (tmp_path / "pack.toml").write_text(toml, encoding="utf-8")
    return build_registry(_package(tmp_path))


@pytest.mark.parametrize("toml, key", [
    (GOOD.replace('name = "demo"\n', ""), "missing key 'name'"),
    (GOOD.replace('severity = "error"', 'severity = "fatal"'), "key 'severity'"),
    (GOOD.replace('code = "ZZ001"', 'code = "Z1"'), "key 'code'"),
    (GOOD + 'colour = "red"\n', "unknown key 'colour'"),
    (GOOD.replace('bad = ["坏"]', "bad = []"), "key 'bad'"),
    (GOOD + GOOD, "duplicates"),
    ("[[rule]\n", "malformed TOML"),
])
def test_malformed_pack(tmp_path, toml, key):
    with pytest.raises(PackError) as info:
        _build(tmp_path, toml)
    msg = str(info.value)
    assert "pack.toml" in msg and key in msg and "\n" not in msg


def test_documented_rule_without_checker(tmp_path):
    with pytest.raises(PackError, match="ZZ001.*no checker"):
        _build(tmp_path, GOOD)


RETIRED = GOOD.replace('bad = ["坏"]\ngood = ["好"]', 'retired = "两个词，都对"\nbad = []\ngood = []')


def test_a_retired_rule_needs_no_checker_and_no_examples(tmp_path):
    """A code is never reused: a retired rule keeps its documentation, is never
    selected, and a configuration that names it is still valid."""
    reg = _build(tmp_path, RETIRED)
    meta = reg.rules["ZZ001"]
    assert meta.retired == "两个词，都对" and "已停用" in meta.explain()
    assert reg.matching(["ALL"]) == set() and reg.matching(["ZZ"]) == set()
    assert reg.is_known_pattern("ZZ001")


def test_a_retired_rule_may_not_keep_a_checker(tmp_path, monkeypatch):
    pkg_dir = tmp_path / "retiredpkg"
    pkg_dir.mkdir()
    (pkg_dir / "__init__.py").write_text("", encoding="utf-8")
    (pkg_dir / "demo.py").write_text(MODULE.format(key="demo-words"), encoding="utf-8")
    (pkg_dir / "demo.toml").write_text(RETIRED, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import retiredpkg

    with pytest.raises(PackError, match="ZZ001.*retired"):
        build_registry(retiredpkg)


def test_every_rule_has_metadata_and_a_checker():
    reg = bundled_registry()
    assert reg.rules and reg.checkers
    covered = set().union(*(c.codes for c in reg.checkers))
    # a retired rule keeps its documentation and its code, and no checker
    assert covered == {code for code, meta in reg.rules.items() if not meta.retired}


def test_checks_decorator_rejects_unknown_scope():
    with pytest.raises(ValueError):
        checks("ZZ001", scope="paragraph")


def test_pack_module_that_cannot_be_imported(tmp_path, monkeypatch):
    """A syntax error in a rule module is one line naming the file, not a traceback."""
    pkg_dir = tmp_path / "brokenpkg"
    pkg_dir.mkdir()
    (pkg_dir / "__init__.py").write_text("", encoding="utf-8")
    (pkg_dir / "demo.py").write_text("def broken(:\n    pass\n", encoding="utf-8")
    (pkg_dir / "demo.toml").write_text(GOOD, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import brokenpkg

    with pytest.raises(PackError) as info:
        build_registry(brokenpkg)
    msg = str(info.value)
    assert "demo.py:1" in msg and "SyntaxError" in msg and "\n" not in msg


def _pack_with_module(tmp_path, monkeypatch, name, source):
    pkg_dir = tmp_path / name
    pkg_dir.mkdir()
    (pkg_dir / "__init__.py").write_text("", encoding="utf-8")
    (pkg_dir / "demo.py").write_text(source, encoding="utf-8")
    (pkg_dir / "demo.toml").write_text(GOOD, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    return importlib.import_module(name)


MODULE = """
from gwlint.registry import Option, checks

OPTIONS = (Option({key!r}, lambda value, base: tuple(value), ()),)


@checks("ZZ001", scope="line")
def demo(doc, ctx):
    return []
"""


def test_a_pack_declares_its_options(tmp_path, monkeypatch):
    reg = build_registry(_pack_with_module(tmp_path, monkeypatch, "optpkg", MODULE.format(key="demo-words")))
    assert set(reg.options) == {"demo-words"} and reg.default_options == {"demo-words": ()}
    from gwlint.config import parse_config

    cfg = parse_config({"demo-words": ["甲", "乙"]}, None, reg)
    assert cfg.options == (("demo-words", ("甲", "乙")),)
    assert reg.resolve_options(cfg.options) == {"demo-words": ("甲", "乙")}


def test_a_pack_may_not_take_a_core_key(tmp_path, monkeypatch):
    with pytest.raises(PackError, match="option 'select' is already a configuration key"):
        build_registry(_pack_with_module(tmp_path, monkeypatch, "selpkg", MODULE.format(key="select")))


def test_the_bundled_packs_declare_the_keys_they_read():
    assert {"lexicon", "confusions", "formulations"} <= set(bundled_registry().options)
