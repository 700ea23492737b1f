"""gwlint --add-baseline, --baseline FILE, --no-baseline and the `baseline`
key: later runs report (and count in the exit code) only new findings."""
import json
import os

import pytest

from gwlint.cli import main
from tests.helpers import run_cli

DRAFT = "同志们：\n请XX同志发言，会议到此结束。。\n"  # PH001, PU003


@pytest.fixture
def gw(monkeypatch, capsys):
    """Run gwlint in-process in a folder: (exit code, stdout, stderr)."""

    def run(cwd, *args):
        monkeypatch.chdir(cwd)
        code = main(["--no-progress", "-j1", *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def codes_in(out: str):
    return [(i["path"], i["code"]) for i in json.loads(out or "[]")]


def test_add_baseline_then_only_new_findings_count(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('ignore = ["LY"]\n', encoding="utf-8")
    code, out, err = gw(tmp_path, "--add-baseline", ".")
    assert code == 0 and out == ""
    assert err.strip() == "gwlint: .gwlint-baseline.toml: 2 findings in 1 file (2 added, 0 removed)"
    assert gw(tmp_path, "a.txt")[0] == 0
    (tmp_path / "a.txt").write_text("开头加了一段话。\n\n" + DRAFT + "请XX同志讲话。\n", encoding="utf-8")
    code, out, _ = gw(tmp_path, "--format", "json", "a.txt")
    assert code == 1 and codes_in(out) == [("a.txt", "PH001")]
    assert json.loads(out)[0]["start"]["line"] == 5  # the new one, on the new line
    code, out, _ = gw(tmp_path, "--format", "json", "--no-baseline", "a.txt")
    assert sorted(c for _, c in codes_in(out)) == ["PH001", "PH001", "PU003"]


def test_the_baseline_sits_beside_the_config_wherever_gwlint_runs(tmp_path, gw):
    proj = tmp_path / "proj"
    (proj / "docs").mkdir(parents=True)
    (proj / "gwlint.toml").write_text("", encoding="utf-8")
    (proj / "docs" / "a.txt").write_text(DRAFT, encoding="utf-8")
    gw(proj / "docs", "--add-baseline", "a.txt")
    text = (proj / ".gwlint-baseline.toml").read_text(encoding="utf-8")
    assert '"docs/a.txt" = [' in text
    assert gw(tmp_path, "proj/docs/a.txt")[0] == 0


def test_without_a_config_the_baseline_is_in_the_current_folder(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    gw(tmp_path, "--add-baseline", "a.txt")
    assert (tmp_path / ".gwlint-baseline.toml").is_file()
    assert gw(tmp_path, "a.txt")[0] == 0


def test_baseline_option_and_config_key_name_another_file(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    gw(tmp_path, "--add-baseline", "--baseline", "accepted/old.toml", "a.txt")
    assert (tmp_path / "accepted" / "old.toml").is_file() and not (tmp_path / ".gwlint-baseline.toml").exists()
    assert gw(tmp_path, "a.txt")[0] == 1  # not the default file
    assert gw(tmp_path, "--baseline", "accepted/old.toml", "a.txt")[0] == 0
    (tmp_path / "gwlint.toml").write_text('baseline = "accepted/old.toml"\n', encoding="utf-8")
    assert gw(tmp_path, "a.txt")[0] == 0
    # the file's entries are relative to its own folder
    assert '"../a.txt" = [' in (tmp_path / "accepted" / "old.toml").read_text(encoding="utf-8")


def test_re_running_add_baseline_adds_new_and_prunes_stale_entries(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("请XX同志发言。\n", encoding="utf-8")
    gw(tmp_path, "--add-baseline", ".")
    (tmp_path / "a.txt").write_text("同志们：\n请张明同志发言，会议到此结束。。\n请XX同志讲话。\n", encoding="utf-8")
    assert gw(tmp_path, "a.txt")[0] == 1
    # a stale entry (XX is gone) is harmless …
    code, out, _ = gw(tmp_path, "--format", "json", "a.txt")
    assert codes_in(out) == [("a.txt", "PH001")]
    # … and --add-baseline on one file updates that file's entries, keeps b.txt's
    code, _, err = gw(tmp_path, "--add-baseline", "a.txt")
    assert code == 0 and "(1 added, 1 removed)" in err
    text = (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")
    assert '"b.txt"' in text and "讲话" in text and 'before = "请", text = "XX", after = "同志发言，会' not in text
    os.remove(tmp_path / "b.txt")
    _, _, err = gw(tmp_path, "--add-baseline", "a.txt")
    assert "(0 added, 1 removed)" in err and '"b.txt"' not in (tmp_path / ".gwlint-baseline.toml").read_text("utf-8")


def test_add_baseline_with_select_keeps_the_other_rules_entries(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    gw(tmp_path, "--add-baseline", "a.txt")
    (tmp_path / "a.txt").write_text("同志们：\n请同志发言，会议到此结束。。\n", encoding="utf-8")
    _, _, err = gw(tmp_path, "--add-baseline", "--select", "PH", "a.txt")
    assert "(0 added, 1 removed)" in err
    assert "PU003" in (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")


def test_add_baseline_refuses_fix_and_diff(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    for flag in ("--fix", "--diff", "--no-baseline"):
        code, _, err = gw(tmp_path, "--add-baseline", flag, "a.txt")
        assert code == 2 and err.count("\n") == 1 and "--add-baseline" in err
    assert not (tmp_path / ".gwlint-baseline.toml").exists()


def test_a_malformed_baseline_is_exit_2_one_line(tmp_path, gw):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / ".gwlint-baseline.toml").write_text("[files\n", encoding="utf-8")
    code, out, err = gw(tmp_path, "a.txt")
    assert code == 2 and "malformed baseline" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_standard_input_named_by_stdin_filename_uses_the_baseline(tmp_path, gw, monkeypatch):
    import io
    import sys

    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    gw(tmp_path, "--add-baseline", "a.txt")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    assert gw(tmp_path, "--stdin-filename", "a.txt", "-")[0] == 0


def test_word_files_and_parallel_workers(tmp_path):
    """The reason baselines exist: .docx (and .txt) cannot carry comments. Two
    workers read the baseline themselves."""
    import docx

    d = docx.Document()
    d.add_paragraph("同志们：")
    d.add_paragraph("请XX同志发言，会议到此结束。。")
    d.save(tmp_path / "a.docx")
    for i in range(3):
        (tmp_path / f"t{i}.txt").write_text(DRAFT, encoding="utf-8")
    proc = run_cli("--add-baseline", "-j2", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert '"a.docx" = [' in (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")
    proc = run_cli("-j2", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    d.add_paragraph("请XX同志讲话。")
    d.save(tmp_path / "a.docx")
    proc = run_cli("-j2", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert [(i["path"], i["code"]) for i in json.loads(proc.stdout)] == [("."+os.sep+"a.docx", "PH001")]
