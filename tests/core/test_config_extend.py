"""`extend = "path"`: a gwlint.toml built on shared settings. The extending
file's keys win, extend-* keys add, relative paths stay relative to the file
that wrote them, cycles and missing files are one-line errors, and the
resolver notices a change in any file of the chain."""
import os

import pytest

from gwlint import ConfigError, Document
from gwlint.api import lint_document
from gwlint.config import ConfigResolver
from gwlint.rules import bundled_registry
from tests.helpers import config_for, run_cli

TEXT = "请XX同志发言，共有**人参加，某某同志主持。"  # PH001, PH002, PH004


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(cfg, text=TEXT, path="x.txt"):
    return [d.code for d in lint_document(Document(text, path=str(path)), cfg)]


def test_keys_of_the_extending_file_win_the_others_are_inherited(tmp_path):
    write(tmp_path / "office" / "base.toml",
          'select = ["PH"]\nignore = ["PH004"]\nallow = ["张三"]\n[severity]\nPH = "warning"\n')
    write(tmp_path / "proj" / "gwlint.toml", 'extend = "../office/base.toml"\nignore = ["PH002"]\n')
    cfg = config_for(tmp_path / "proj" / "a.txt")
    assert cfg.select == ("PH",)  # inherited
    assert cfg.ignore == ("PH002",)  # replaced, as in ruff: PH004 is checked again
    assert cfg.allow == frozenset({"张三"}) and cfg.severity == (("PH", "warning"),)
    assert codes(cfg) == ["PH001", "PH004"]


def test_extend_keys_add_to_what_is_in_force(tmp_path):
    write(tmp_path / "base.toml", 'ignore = ["PH004"]\nallow = ["某某"]\nexclude = ["old/**"]\n'
                                  '[severity]\nPH = "warning"\n[per-file-ignores]\n"t/*.txt" = ["PH001"]\n')
    write(tmp_path / "gwlint.toml", 'extend = "base.toml"\nextend-ignore = ["PH002"]\nextend-allow = ["XX"]\n'
                                    'extend-exclude = ["draft/**"]\nselect = ["PH", "PU"]\nextend-select = ["TY001"]\n'
                                    '[extend-severity]\nPH001 = "info"\nPH = "error"\n'
                                    '[extend-per-file-ignores]\n"t/*.txt" = ["PH002"]\n')
    cfg = config_for(tmp_path / "a.txt")
    assert cfg.ignore == ("PH004", "PH002")
    assert cfg.allow == frozenset({"某某", "XX"})
    assert cfg.exclude == ("old/**", "draft/**")
    assert cfg.select == ("PH", "PU", "TY001")
    assert dict(cfg.severity) == {"PH": "error", "PH001": "info"}  # merged key by key, the extending file wins
    assert cfg.ignored_for(str(tmp_path / "t" / "x.txt")) == ("PH001", "PH002")


def test_a_chain_of_three(tmp_path):
    write(tmp_path / "a.toml", 'select = ["PH"]\nignore = ["PH001"]\n')
    write(tmp_path / "b.toml", 'extend = "a.toml"\nextend-ignore = ["PH002"]\n')
    write(tmp_path / "gwlint.toml", 'extend = "b.toml"\nextend-ignore = ["PH004"]\n')
    cfg = config_for(tmp_path / "x.txt")
    assert cfg.ignore == ("PH001", "PH002", "PH004") and codes(cfg) == []
    assert [os.path.basename(s) for s in cfg.sources] == ["gwlint.toml", "b.toml", "a.toml"]


def test_extending_a_pyproject_reads_its_tool_gwlint_table(tmp_path):
    write(tmp_path / "shared" / "pyproject.toml", '[project]\nname = "x"\n[tool.gwlint]\nignore = ["PH004"]\n')
    write(tmp_path / "gwlint.toml", 'extend = "shared/pyproject.toml"\n')
    assert config_for(tmp_path / "x.txt").ignore == ("PH004",)


def test_relative_paths_resolve_against_the_file_that_wrote_them(tmp_path):
    office = tmp_path / "office"
    write(office / "words.txt", "某某人\n")
    write(office / "base.toml", 'lexicon = ["words.txt"]\nexclude = ["archive/**", "*.bak.txt"]\n'
                                'baseline = "office-baseline.toml"\n[per-file-ignores]\n"templates/*.txt" = ["PH"]\n')
    proj = tmp_path / "proj"
    write(proj / "gwlint.toml", 'extend = "../office/base.toml"\n')
    cfg = config_for(proj / "a.txt")
    assert cfg.baseline_path == str(office / "office-baseline.toml")
    # globs with a slash stay anchored in the office folder; a bare name matches anywhere
    assert cfg.is_excluded(str(office / "archive" / "a.txt"))
    assert not cfg.is_excluded(str(proj / "archive" / "a.txt"))
    assert cfg.is_excluded(str(proj / "x.bak.txt"))
    assert cfg.ignored_for(str(office / "templates" / "t.txt")) == ("PH",)
    assert cfg.ignored_for(str(proj / "templates" / "t.txt")) == ()
    # the lexicon file was read from the office folder (a relative name would not be found in proj/)
    assert any("某某人" in str(v) for _, v in cfg.options)


def test_the_same_globs_in_the_extending_folder_stay_relative(tmp_path):
    write(tmp_path / "base.toml", 'exclude = ["archive/**"]\n')
    write(tmp_path / "gwlint.toml", 'extend = "base.toml"\n')
    cfg = config_for(tmp_path / "a.txt")
    assert cfg.exclude == ("archive/**",) and cfg.is_excluded(str(tmp_path / "archive" / "a.txt"))


@pytest.mark.parametrize("files, message", [
    ({"gwlint.toml": 'extend = "gwlint.toml"\n'}, "key 'extend': a cycle"),
    ({"gwlint.toml": 'extend = "b.toml"\n', "b.toml": 'extend = "c.toml"\n', "c.toml": 'extend = "gwlint.toml"\n'},
     "key 'extend': a cycle"),
    ({"gwlint.toml": 'extend = "missing.toml"\n'}, "key 'extend': no such file"),
    ({"gwlint.toml": 'extend = "b.toml"\n', "b.toml": 'extend = "gone.toml"\n'}, "b.toml: key 'extend': no such file"),
    ({"gwlint.toml": "extend = 3\n"}, "key 'extend' must be the path"),
    ({"gwlint.toml": 'extend = "b.toml"\n', "b.toml": 'ignore = ["NOPE"]\n'}, "b.toml: key 'ignore': unknown rule"),
    ({"gwlint.toml": 'extend-ignore = "PH9"\n'}, "key 'extend-ignore': unknown rule code or prefix 'PH9'"),
    ({"gwlint.toml": "extend-allow = 1\n"}, "key 'extend-allow' must be a list of strings"),
])
def test_bad_chains_are_one_line_config_errors(tmp_path, files, message):
    for name, text in files.items():
        write(tmp_path / name, text)
    with pytest.raises(ConfigError, match=message) as err:
        config_for(tmp_path / "x.txt")
    assert "\n" not in str(err.value)


def test_cycle_and_missing_file_exit_2_on_the_command_line(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "gwlint.toml", 'extend = "b.toml"\n')
    write(tmp_path / "b.toml", 'extend = "gwlint.toml"\n')
    proc = run_cli(tmp_path / "a.txt")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "a cycle" in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1
    write(tmp_path / "gwlint.toml", 'extend = "shared/none.toml"\n')
    proc = run_cli(tmp_path / "a.txt")
    assert proc.returncode == 2 and "no such file" in proc.stderr.decode()


def test_the_resolver_notices_a_change_in_the_extended_file(tmp_path):
    base = write(tmp_path / "office" / "base.toml", 'ignore = ["PH004"]\n')
    write(tmp_path / "proj" / "gwlint.toml", 'extend = "../office/base.toml"\n')
    resolver = ConfigResolver(bundled_registry())
    target = tmp_path / "proj" / "a.txt"
    first = resolver.for_path(target)
    assert first.ignore == ("PH004",)
    assert resolver.for_path(target).ignore == ("PH004",)
    base.write_text('ignore = ["PH004", "PH002"]\n', encoding="utf-8")
    assert resolver.for_path(target).ignore == ("PH004", "PH002")
    base.unlink()
    with pytest.raises(ConfigError, match="no such file"):
        resolver.for_path(target)


def test_an_unchanged_chain_is_read_once(tmp_path, monkeypatch):
    import gwlint.config as config_module

    write(tmp_path / "base.toml", 'ignore = ["PH004"]\n')
    write(tmp_path / "gwlint.toml", 'extend = "base.toml"\n')
    reads = []
    real = config_module._read_table
    monkeypatch.setattr(config_module, "_read_table", lambda p: reads.append(p.name) or real(p))
    resolver = ConfigResolver(bundled_registry())
    for name in ("a.txt", "b.txt", "c.md"):
        resolver.for_path(tmp_path / name)
    assert reads == ["gwlint.toml", "base.toml"]


def test_home_and_variables_in_the_path(tmp_path, monkeypatch):
    write(tmp_path / "home" / "office.toml", 'ignore = ["PH004"]\n')
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OFFICE_GWLINT", str(tmp_path / "home" / "office.toml"))
    write(tmp_path / "p1" / "gwlint.toml", 'extend = "~/office.toml"\n')
    write(tmp_path / "p2" / "gwlint.toml", 'extend = "$OFFICE_GWLINT"\n')
    assert config_for(tmp_path / "p1" / "a.txt").ignore == ("PH004",)
    assert config_for(tmp_path / "p2" / "a.txt").ignore == ("PH004",)
