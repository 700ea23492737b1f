"""The exit-code contract (issue 18): every failure is one line on stderr
and exit 2, never a traceback with exit 1 (which CI reads as "findings")."""
import json
import os
import signal
import subprocess
import sys

import pytest

from tests.helpers import ROOT, run_cli

GBK_NAME = "测试稿".encode("gbk") + b".txt"  # as unzip leaves names from archives made on Chinese Windows


def _one_line_error(proc):
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == 2, err
    lines = [l for l in err.splitlines() if l.strip()]
    assert lines and all(l.startswith("gwlint: error: ") for l in lines), err
    return lines


@pytest.fixture
def gbk_named(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write("请XX同志发言。\n".encode("utf-8"))
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_gbk_byte_file_name_is_printed_escaped(gbk_named, fmt):
    proc = run_cli("--format", fmt, "--select", "PH", gbk_named)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the name's bytes
    if fmt in ("text", "github", "html"):
        assert "\\xb2\\xe2\\xca" in out  # (\\xd4\\xb8 happens to be UTF-8 for Ը)
    elif fmt == "json":
        path = json.loads(out)[0]["path"]
        assert os.fsencode(path).endswith(GBK_NAME)  # the exact bytes, through a JSON escape
    else:
        uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith("%B2%E2%CA%D4%B8%E5.txt")


def test_a_gbk_byte_file_name_in_an_error_line(gbk_named):
    with open(os.path.join(os.fsencode(gbk_named), GBK_NAME), "wb") as fh:
        fh.write(b"\x00\x01" * 100)
    lines = _one_line_error(run_cli(gbk_named))
    assert "\\xb2\\xe2" in lines[0]


@pytest.mark.parametrize("target, needle", [("/dev/full", b"No space left"), ("folder", b"is a folder"),
                                             ("missing/x.html", b"does not exist")])
def test_minus_o_that_cannot_be_written(tmp_path, target, needle):
    (tmp_path / "folder").mkdir()
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    out = target if target.startswith("/") else tmp_path / target
    _one_line_error(run_cli("--format", "html", "-o", out, f))
    assert needle in run_cli("--format", "html", "-o", out, f).stderr


def test_toml_nested_too_deeply(tmp_path):
    (tmp_path / "gwlint.toml").write_text("a = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    lines = _one_line_error(run_cli(tmp_path / "a.txt"))
    assert "nested too deeply" in lines[0]


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom"])
def test_a_lexicon_that_never_ends(tmp_path, special):
    (tmp_path / "gwlint.toml").write_text(f'lexicon = ["{special}"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("请XX同志发言。", encoding="utf-8")
    lines = _one_line_error(run_cli(tmp_path / "a.txt"))
    assert "lexicon" in lines[0] and "not a regular file" in lines[0]


def test_a_broken_output_stream(tmp_path):
    """`gwlint … | head -c 1`: one line and exit 2, no BrokenPipeError traceback."""
    script = (f"{sys.executable} -m gwlint --no-progress {ROOT / 'seeds'} 2>{tmp_path / 'err'} | head -c 1 >/dev/null;"
              " exit ${PIPESTATUS[0]}")
    proc = subprocess.run(["bash", "-c", script], env=dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1"),
                          timeout=120)
    err = (tmp_path / "err").read_text(encoding="utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert [l for l in err.splitlines() if l] == [
        "gwlint: error: the output was closed before the report was written (broken pipe)"]


def test_a_killed_worker_loses_only_its_file(tmp_path, monkeypatch, capsys):
    """A -j worker killed by the OOM killer (SIGKILL here): the other files'
    results are still reported, the lost one is one error line, exit 2."""
    from gwlint import cli
    from gwlint.cli import pool

    for i in range(8):
        (tmp_path / f"d{i}.txt").write_text("请XX同志发言。\n", encoding="utf-8")
    real = pool.check_file

    def oom_on_d5(path, *args):
        if path.endswith("d5.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *args)

    monkeypatch.setattr(pool, "check_file", oom_on_d5)  # the forked workers inherit it
    code = cli.main(["--format", "json", "--select", "PH", "-j", "2", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2
    paths = sorted(os.path.basename(i["path"]) for i in json.loads(out))
    assert paths == [f"d{i}.txt" for i in range(8) if i != 5]
    errors = [l for l in err.splitlines() if l]
    assert len(errors) == 1 and "d5.txt" in errors[0] and "killed" in errors[0]
