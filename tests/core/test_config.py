"""Configuration: found by walking up, validated, and applied by lint()."""
import pytest

from gwlint import ConfigError, Document

from gwlint.api import lint_document as lint
from gwlint.api import configure
from gwlint.config import Config
from tests.helpers import config_for

TEXT = "请XX同志发言，共有**人参加，某某同志主持。"


def codes(text, cfg, path="x.txt"):
    return [d.code for d in lint(Document(text, path=path), cfg)]


def test_select_and_ignore_by_code_and_prefix():
    assert codes(TEXT, Config(select=("PH",))) == ["PH001", "PH002", "PH004"]
    assert codes(TEXT, Config(select=("PH001",))) == ["PH001"]
    assert codes(TEXT, Config(select=("PH",), ignore=("PH00",))) == []
    assert codes(TEXT, Config(select=("PH",), ignore=("PH002",))) == ["PH001", "PH004"]


def test_severity_override_by_code_and_prefix():
    cfg = configure({"select": ["PH"], "severity": {"PH": "warning", "PH002": "info"}})
    found = {d.code: d.severity for d in lint(Document(TEXT), cfg)}
    assert found == {"PH001": "warning", "PH002": "info", "PH004": "warning"}


def test_allow_list_is_never_flagged():
    cfg = configure({"select": ["PH"], "allow": ["某某"]})
    assert codes(TEXT, cfg) == ["PH001", "PH002"]


def test_per_file_ignores(tmp_path):
    (tmp_path / "gwlint.toml").write_text('select = ["PH"]\n[per-file-ignores]\n"drafts/*.txt" = ["PH001"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "a.txt"
    other = tmp_path / "b.txt"
    cfg = config_for(draft)
    assert codes(TEXT, cfg, str(draft)) == ["PH002", "PH004"]
    assert codes(TEXT, cfg, str(other)) == ["PH001", "PH002", "PH004"]


def test_found_by_walking_up(tmp_path):
    (tmp_path / "gwlint.toml").write_text('ignore = ["PH004"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = config_for(deep / "x.txt")
    assert cfg.ignore == ("PH004",)


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n[tool.gwlint]\nselect = ["PH001"]\n', encoding="utf-8")
    cfg = config_for(tmp_path / "x.txt")
    assert cfg.select == ("PH001",)


def test_extra_lexicon_files_are_read(tmp_path):
    (tmp_path / "words.txt").write_text("# 本单位术语\n三个一批\n四下基层 # 注释\n", encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('lexicon = ["words.txt"]\n', encoding="utf-8")
    assert config_for(tmp_path / "x.txt").option("lexicon") == ("三个一批", "四下基层")


@pytest.mark.parametrize("data, key", [
    ({"selct": ["PH"]}, "selct"),
    ({"allow": "某某"}, "allow"),
    ({"severity": {"PH001": "loud"}}, "severity.PH001"),
    ({"per-file-ignores": {"*.txt": ["XY"]}}, "per-file-ignores.*.txt"),
    ({"confusions": {"布署": 1}}, "confusions"),
    ({"max-file-size": -1}, "max-file-size"),
])
def test_bad_values_name_the_key(data, key):
    with pytest.raises(ConfigError, match=key.replace("*", r"\*").replace(".", r"\.")):
        configure(data)


def test_cli_select_overrides_config(tmp_path):
    from tests.helpers import run_json

    (tmp_path / "gwlint.toml").write_text('select = ["PH002"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    _, items = run_json(f)
    assert [i["code"] for i in items] == ["PH002"]
    _, items = run_json("--select", "PH001", f)
    assert [i["code"] for i in items] == ["PH001"]


def test_resolver_finds_a_folder_config_once_and_rereads_it_when_it_changes(tmp_path, monkeypatch):
    """The language server asks for every request: one walk up the tree per
    folder, one stat of the config file per request, a new read when it changed."""
    import gwlint.config as config_module
    from gwlint.config import ConfigResolver
    from gwlint.rules import bundled_registry

    (tmp_path / "gwlint.toml").write_text('ignore = ["PH004"]\n', encoding="utf-8")
    walks = []
    real = config_module.find_config_file
    monkeypatch.setattr(config_module, "find_config_file", lambda start: walks.append(start) or real(start))
    resolver = ConfigResolver(bundled_registry())
    for name in ("a.txt", "b.txt", "c.md"):
        assert resolver.for_path(tmp_path / name).ignore == ("PH004",)
    assert len(walks) == 1
    (tmp_path / "gwlint.toml").write_text('ignore = ["PH004", "LY004"]\n', encoding="utf-8")
    assert resolver.for_path(tmp_path / "a.txt").ignore == ("PH004", "LY004")
    assert len(walks) == 1
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "gwlint.toml").write_text('ignore = ["TY"]\n', encoding="utf-8")
    assert resolver.for_path(sub / "x.txt").ignore == ("TY",)  # a new folder: looked up
    resolver.forget()  # config files came or went (the editor says so)
    assert resolver.for_path(sub / "x.txt").ignore == ("TY",) and len(walks) == 3
