"""Every bad input gets one line on stderr and exit code 2, never a traceback."""
import os

import pytest

from tests.helpers import run_cli


def _one_line_error(proc):
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.strip()]
    assert lines and all(l.startswith("gwlint: error: ") for l in lines), err
    return lines


def test_missing_path(tmp_path):
    lines = _one_line_error(run_cli(tmp_path / "nope.txt"))
    assert "no such file" in lines[0]


def test_folder_without_lintable_files(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    lines = _one_line_error(run_cli(tmp_path))
    assert "no .txt, .md, .docx, .odt, .rtf, .doc, .wps, .pdf or .ofd files" in lines[0]


def test_binary_file(tmp_path):
    f = tmp_path / "b.txt"
    f.write_bytes(bytes(range(256)) * 4)
    lines = _one_line_error(run_cli(f))
    assert "binary" in lines[0]


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "u.txt"
    f.write_bytes("正常文字".encode("utf-8") + b"\xff\xfe\xfd\x80\x81" * 3 + "结尾".encode("utf-8"))
    lines = _one_line_error(run_cli(f))
    assert "cannot decode" in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("内容", encoding="utf-8")
    f.chmod(0)
    lines = _one_line_error(run_cli(f))
    assert "permission denied" in lines[0]


def test_unreadable_file_as_root(tmp_path, monkeypatch):
    """Root reads anything, so simulate the OS refusing the open in-process."""
    from gwlint import cli

    f = tmp_path / "secret.txt"
    f.write_text("内容", encoding="utf-8")
    real = os.open

    def refuse(path, *args, **kw):
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kw)

    monkeypatch.setattr(os, "open", refuse)
    assert cli.main([str(f)]) == 2


@pytest.mark.parametrize("content, key", [
    ("select = [", "malformed TOML"),
    ("colour = true", "unknown key 'colour'"),
    ("select = 5", "key 'select'"),
    ("select = [\"ZZ\"]", "unknown rule code or prefix 'ZZ'"),
    ("[severity]\nPH001 = \"fatal\"", "severity.PH001"),
    ("lexicon = [\"missing.txt\"]", "key 'lexicon'"),
])
def test_malformed_config(tmp_path, content, key):
    (tmp_path / "gwlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    lines = _one_line_error(run_cli(tmp_path / "a.txt"))
    assert key in lines[0]
    assert "gwlint.toml" in lines[0]


def test_unknown_select_on_command_line(tmp_path):
    (tmp_path / "a.txt").write_text("文字。", encoding="utf-8")
    lines = _one_line_error(run_cli("--select", "QQ", tmp_path / "a.txt"))
    assert "QQ" in lines[0]


def test_unknown_format(tmp_path):
    (tmp_path / "a.txt").write_text("文字。", encoding="utf-8")
    _one_line_error(run_cli("--format", "yaml", tmp_path / "a.txt"))


def test_good_files_still_reported_beside_bad_ones(tmp_path):
    (tmp_path / "good.txt").write_text("请XX同志发言。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    proc = run_cli("--format", "json", tmp_path)
    assert proc.returncode == 2
    assert b"PH001" in proc.stdout
    assert b"bad.txt" in proc.stderr


def test_unknown_rule_code_for_explain():
    _one_line_error(run_cli("rule", "ZZ999"))
