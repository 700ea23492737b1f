"""The registry rejects a malformed rule pack with one line naming the file and the key."""
import types

import pytest

from gwlint.errors import PackError
from gwlint.registry import build_registry, checks, default_registry

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


def _package(*funcs):
    pkg = types.ModuleType("fakepkg")
    pkg.__path__ = []
    return pkg


def _build(tmp_path, toml):
    (tmp_path / "pack.toml").write_text(toml, encoding="utf-8")
    return build_registry(tmp_path, _package())


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


def test_every_rule_has_metadata_and_a_checker():
    reg = default_registry()
    assert reg.rules and reg.checkers
    covered = set().union(*(c.codes for c in reg.checkers))
    assert covered == set(reg.rules)


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
        build_registry(pkg_dir, brokenpkg)
    msg = str(info.value)
    assert "demo.py:1" in msg and "SyntaxError" in msg and "\n" not in msg
