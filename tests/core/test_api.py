"""The Python API, as the README shows it: import gwlint and lint."""
import re

import pytest

import gwlint
from tests.helpers import ROOT


def test_lint_text_finds_and_fills_in_names_and_severities():
    found = gwlint.lint_text("请XX同志发言。")
    assert [(d.code, d.name, d.severity) for d in found] == [("PH001", "placeholder-x", "error")]
    assert isinstance(found[0], gwlint.Diagnostic) and found[0].span == gwlint.Span(1, 3)


def test_settings_as_a_dict_are_checked_like_a_file():
    assert gwlint.lint_text("请XX同志发言。", {"ignore": ["PH"]}) == []
    with pytest.raises(gwlint.ConfigError, match="unknown key 'colour'"):
        gwlint.lint_text("甲", {"colour": "red"})


def test_the_path_names_the_kind_of_text():
    text = "要把**重点工作**抓实。"
    assert [d.code for d in gwlint.lint_text(text, {"select": ["PH"]})] == ["PH002", "PH002"]
    assert gwlint.lint_text(text, {"select": ["PH"]}, path="notes.md") == []


def test_lint_path_uses_the_config_above_the_file(tmp_path):
    (tmp_path / "gwlint.toml").write_text('ignore = ["PH004"]\n', encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("请某某同志、XX同志发言。", encoding="utf-8")
    assert [d.code for d in gwlint.lint_path(draft)] == ["PH001"]
    assert [d.code for d in gwlint.lint_path(draft, gwlint.configure({}))] == ["PH004", "PH001"]


def test_the_readme_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):readme.index("## Development")]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    first = code.split("\n\n")[0]  # the loop over lint_text's findings
    namespace = {}
    exec(first, namespace)
