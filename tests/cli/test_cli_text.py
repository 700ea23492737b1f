"""The text format is for people; exit codes follow the contract."""
import subprocess
import sys


from tests.helpers import ROOT, run_cli


def test_text_format_shows_line_marker_and_summary(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("同志们：\n请XX同志发言，共有**人参加。\n", encoding="utf-8")
    proc = run_cli(f)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1
    assert f"{f}:2:2: PH001 占位符“XX”未填写：此处应为姓名" in out
    assert "    请XX同志发言，共有**人参加。" in out
    assert "\n      ^^\n" in out  # 请 is two cells wide
    assert out.rstrip().endswith("Found 2 findings (PH 2) in 1 file.")
    assert "\x1b[" not in out  # piped: no colour


def test_colour_on_request_and_no_color(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    assert b"\x1b[" in run_cli("--color", "always", f).stdout
    env_proc = subprocess.run([sys.executable, "-m", "gwlint", str(f)], capture_output=True,
                              env={"NO_COLOR": "1", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert b"\x1b[" not in env_proc.stdout


def test_clean_file_exits_zero(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("会议由张明同志主持。", encoding="utf-8")
    proc = run_cli("--select", "PH", f)
    assert proc.returncode == 0
    assert "No findings in 1 file." in proc.stdout.decode("utf-8")


def test_explicit_check_subcommand(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    assert run_cli("check", "--select", "PH", f).returncode == 1


def test_rules_and_rule_commands():
    listing = run_cli("rules").stdout.decode("utf-8")
    assert "PH001" in listing and "placeholder-x" in listing
    doc = run_cli("rule", "ph001").stdout.decode("utf-8")
    assert doc.startswith("PH001 placeholder-x (error)")
    assert "✗ XX同志" in doc and "✓ " in doc


def test_version():
    assert run_cli("--version").stdout.decode().startswith("gwlint ")
