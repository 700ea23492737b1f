"""Batch runs and autofix: encodings and line endings kept, idempotent,
deterministic, and no surprises for folders of drafts."""
import codecs
import json
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT, run_cli

BAD = "同志们:\r\n今天召开会议,主要任务是部署工作...\r\n谢谢大家！\r\n"
FIXED = "同志们：\r\n今天召开会议，主要任务是部署工作……\r\n谢谢大家！\r\n"


@pytest.mark.parametrize("encoding, bom", [("gb18030", b""), ("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                           ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_fix_keeps_encoding_bom_and_crlf_and_is_idempotent(tmp_path, encoding, bom):
    f = tmp_path / "draft.txt"
    f.write_bytes(bom + BAD.encode(encoding))
    proc = run_cli("--fix", "--select", "PU", f)
    assert proc.returncode == 0, proc.stdout.decode()
    data = f.read_bytes()
    assert data == bom + FIXED.encode(encoding)
    run_cli("--fix", "--select", "PU", f)
    assert f.read_bytes() == data


def test_diff_shows_and_writes_nothing(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_bytes(BAD.encode("gb18030"))
    proc = run_cli("--diff", "--select", "PU", f)
    out = proc.stdout.decode("utf-8")
    assert "-同志们:" in out and "+同志们：" in out
    assert f.read_bytes() == BAD.encode("gb18030")


def test_unsafe_fixes_apply_suggestions_too(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_text("深入贯彻习近平重要指示批示精神。\n", encoding="utf-8")
    run_cli("--fix", "--select", "EX001", f)
    assert f.read_text(encoding="utf-8") == "深入贯彻习近平重要指示批示精神。\n"
    run_cli("--fix", "--unsafe-fixes", "--select", "EX001", f)
    assert f.read_text(encoding="utf-8") == "深入贯彻习近平总书记重要指示批示精神。\n"


def test_stdin_fix_writes_the_fixed_text_to_stdout():
    proc = run_cli("--fix", "--select", "PU", "-", stdin=BAD.encode("utf-8"))
    assert proc.stdout.decode("utf-8") == FIXED


def test_overlapping_fixes_are_resolved_deterministically():
    from gwlint.fixes import choose_edits
    from gwlint.model import Diagnostic, Edit, Fix, Span

    a = Diagnostic("PU003", "a", Span(2, 4), Fix("a", (Edit(2, 4, "。"),), True))
    b = Diagnostic("PU004", "b", Span(3, 6), Fix("b", (Edit(3, 6, "……"),), True))
    c = Diagnostic("PU001", "c", Span(8, 9), Fix("c", (Edit(8, 9, "，"),), True))
    for order in ([a, b, c], [c, b, a], [b, c, a]):
        assert choose_edits(order) == [Edit(2, 4, "。"), Edit(8, 9, "，")]


def _corpus(folder, n=12):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], folder / f"d{i:02d}.txt")


def test_parallel_results_are_deterministic_and_in_path_order(tmp_path):
    _corpus(tmp_path)
    one = run_cli("--format", "json", "-j", "1", tmp_path).stdout
    two = run_cli("--format", "json", "-j", "2", tmp_path).stdout
    assert one == two
    paths = [i["path"] for i in json.loads(one)]
    assert paths == sorted(paths)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "html"])
def test_every_format_reports_the_same_with_one_worker_or_two(tmp_path, fmt):
    """Workers render per-file formats themselves; the report, the
    statistics and the exit code must not depend on that."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    _corpus(drafts, 5)
    (drafts / "broken.txt").write_bytes(b"\x00\x01" * 50)
    (drafts / "clean.txt").write_text("同志们：\n今天召开会议。\n", encoding="utf-8")
    one = run_cli("--format", fmt, "--statistics", "-o", tmp_path / "one", "-j", "1", drafts)
    two = run_cli("--format", fmt, "--statistics", "-o", tmp_path / "two", "-j", "2", drafts)
    assert one.returncode == two.returncode == 2
    assert (tmp_path / "one").read_bytes() == (tmp_path / "two").read_bytes()
    assert one.stdout == two.stdout  # the statistics: on stdout, beside a report written with -o
    assert one.stderr == two.stderr
    assert b"PH002" in one.stdout and b"broken.txt" in one.stderr


def test_two_workers_exit_1_on_findings_and_0_when_clean(tmp_path):
    _corpus(tmp_path, 3)
    assert run_cli("-j", "2", tmp_path).returncode == 1
    clean = tmp_path / "clean"
    clean.mkdir()
    for i in range(3):
        (clean / f"c{i}.txt").write_text("同志们：\n今天召开会议。\n", encoding="utf-8")
    proc = run_cli("-j", "2", clean)
    assert proc.returncode == 0, proc.stdout
    assert b"No findings in 3 files" in proc.stdout


def test_gitignore_and_exclude_are_honoured(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("drafts/old/\n*.bak.txt\n", encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    for rel in ("a.txt", "drafts/old/b.txt", "c.bak.txt", "archive/d.txt", "drafts/e.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("请XX同志发言。", encoding="utf-8")
    items = json.loads(run_cli("--format", "json", "--select", "PH", tmp_path).stdout)
    linted = sorted({i["path"].replace(str(tmp_path) + "/", "") for i in items})
    assert linted == ["a.txt", "drafts/e.txt"]


def test_a_bad_file_is_reported_and_the_run_goes_on(tmp_path):
    _corpus(tmp_path, 4)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01" * 50)
    proc = run_cli("--format", "json", tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert "broken.txt: binary file" in err
    assert len({i["path"] for i in json.loads(proc.stdout)}) == 4
    stats = run_cli("--format", "json", "--statistics", tmp_path)
    assert stats.returncode == 2
    assert "PH002" in {row["code"] for row in json.loads(stats.stdout)}  # --statistics: counts on stdout


def test_progress_bar_on_a_terminal_only(tmp_path):
    _corpus(tmp_path, 3)
    piped = run_cli(tmp_path)
    assert "━" not in piped.stderr.decode("utf-8")
    if shutil.which("script") is None:
        pytest.skip("util-linux script not available to emulate a terminal")
    cmd = f"{sys.executable} -m gwlint --format json {tmp_path} > /dev/null"
    tty = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, timeout=120,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TERM": "xterm"})
    assert "gwlint" in tty.stdout.decode("utf-8", "replace")


def test_stdin_fix_keeps_the_input_encoding():
    proc = run_cli("--fix", "--select", "PU", "-", stdin=BAD.encode("gb18030"))
    assert proc.stdout == FIXED.encode("gb18030")
