"""CLI conventions ruff users expect (issue 17), output that survives any
console, and output that no draft or file name can turn into terminal
commands or forged lines (issue 18.3)."""
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, run_cli

BAD = "同志们:\n今天召开会议,请XX同志发言。\n"


@pytest.fixture
def draft(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_text(BAD, encoding="utf-8")
    return f


def _run_with_env(*args, **env):
    return subprocess.run([sys.executable, "-m", "gwlint", *map(str, args)], capture_output=True, timeout=120,
                          env=dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT), **env))


# ---------------------------------------------------------------- any console (issue 17.5)

@pytest.mark.parametrize("args", [("rule", "TY001"), ("rules",), ("outline", ROOT / "seeds" / "000_0033c06120a015d5.txt"),
                                  (ROOT / "seeds",), ("--format", "html", ROOT / "seeds"),
                                  ("--format", "json", ROOT / "seeds"), ("--statistics", ROOT / "seeds")])
@pytest.mark.parametrize("encoding", ["gbk", "cp936", "ascii"])
def test_every_output_survives_a_non_utf8_console(args, encoding):
    """PYTHONIOENCODING=gbk gwlint rule TY001 crashed on '✗'."""
    proc = _run_with_env(*args, PYTHONIOENCODING=encoding)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    proc.stdout.decode(encoding)  # what it wrote is in the console's encoding
    if args[0] == "rule":
        assert "固定表述".encode(encoding, "replace") in proc.stdout


# ---------------------------------------------------------------- conventions (issue 17.7)

def test_diff_exits_1_when_there_are_changes(draft, tmp_path):
    proc = run_cli("--diff", "--select", "PU", draft)
    assert proc.returncode == 1 and b"+" in proc.stdout
    clean = tmp_path / "clean.txt"
    clean.write_text("同志们：\n今天开会。\n", encoding="utf-8")
    assert run_cli("--diff", "--select", "PU", clean).returncode == 0
    assert run_cli("--diff", "--exit-zero", "--select", "PU", draft).returncode == 0


def test_statistics_go_to_stdout_instead_of_the_findings(draft):
    proc = run_cli("--statistics", draft)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "PH001" in out and "placeholder-x" in out and "PU001" in out
    assert "draft.txt:" not in out and proc.stderr == b""
    rows = json.loads(run_cli("--statistics", "--format", "json", draft).stdout)
    assert {"code": "PH001", "name": "placeholder-x", "count": 1} in rows


def test_no_zero_files_summary_next_to_an_input_error(tmp_path):
    proc = run_cli(tmp_path / "missing.txt")
    assert proc.returncode == 2
    assert proc.stdout == b""  # not "No findings in 0 files."


def test_fix_on_a_docx_says_so_once(tmp_path):
    import docx

    for name in ("a.docx", "b.docx"):
        d = docx.Document()
        d.add_paragraph("同志们:今天开会。")
        d.save(tmp_path / name)
    before = (tmp_path / "a.docx").read_bytes()
    proc = run_cli("--fix", "--select", "PU", tmp_path)
    notes = [l for l in proc.stderr.decode().splitlines() if "docx" in l]
    assert len(notes) == 1 and notes[0].startswith("gwlint: note: --fix cannot write .docx (2 files)")
    assert (tmp_path / "a.docx").read_bytes() == before


def test_rules_format_json():
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    ph = next(r for r in rules if r["code"] == "PH001")
    assert ph["name"] == "placeholder-x" and ph["bad"] and ph["good"] and ph["severity"] == "error"
    only = json.loads(run_cli("rules", "--format", "json", "--select", "TY").stdout)
    assert only and all(r["code"].startswith("TY") for r in only)
    assert run_cli("rules", "--format", "yaml").returncode == 2


def test_quiet_prints_the_findings_only(draft, tmp_path):
    proc = run_cli("--quiet", draft)
    out = proc.stdout.decode()
    assert "PH001" in out and "Found" not in out
    (tmp_path / "fifo.txt").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "fifo.txt")
    proc = run_cli("-q", tmp_path)
    assert proc.stderr == b""  # no notes either
    assert b"PH001" in proc.stdout


def test_extend_select_adds_to_the_configured_selection(tmp_path, draft):
    (tmp_path / "gwlint.toml").write_text('select = ["PH"]\n', encoding="utf-8")
    codes = lambda proc: {i["code"] for i in json.loads(proc.stdout)}
    assert codes(run_cli("--format", "json", draft)) == {"PH001"}
    assert codes(run_cli("--format", "json", "--extend-select", "PU001", draft)) == {"PH001", "PU001"}
    assert run_cli("--extend-select", "QQ9", draft).returncode == 2


def test_show_files_lists_and_checks_nothing(tmp_path):
    for name in ("d10.txt", "d2.txt", "d1.txt", "notes.xls"):
        (tmp_path / name).write_text("请XX同志发言。", encoding="utf-8")
    proc = run_cli("--show-files", tmp_path)
    assert proc.returncode == 0
    assert [os.path.basename(l) for l in proc.stdout.decode().splitlines()] == ["d1.txt", "d2.txt", "d10.txt"]


@pytest.mark.needs_lm
def test_one_finding_per_span_and_problem(tmp_path):
    """CO001 (建议) and TY001 (修复) named the same replacement on one span:
    one problem, reported once, by the finding with the safe fix."""
    f = tmp_path / "a.txt"
    f.write_text("要整治顽瘴固疾。\n坚决整治顽瘴痼疾。\n", encoding="utf-8")
    items = json.loads(run_cli("--format", "json", f).stdout)
    on_span = [i for i in items if i["start"]["offset"] == 3]
    assert [i["code"] for i in on_span] == ["TY001"] and on_span[0]["fix"]["safe"]
    only_co = json.loads(run_cli("--format", "json", "--select", "CO", f).stdout)
    assert [i["code"] for i in only_co] == ["CO001"]  # alone, CO001 still reports it


def test_the_engine_keeps_one_finding_per_problem():
    from gwlint.api import configure
    from gwlint.engine import _preferred, _problem
    from gwlint.model import Diagnostic, Fix, Span

    span = Span(3, 7)
    co = Diagnostic("CO001", "写法不一致", span, Fix.replace(span, "顽瘴痼疾", safe=False), severity="warning")
    ty = Diagnostic("TY001", "应为", span, Fix.replace(span, "顽瘴痼疾", safe=True), severity="error")
    other = Diagnostic("CO001", "写法不一致", span, Fix.replace(span, "别的", safe=False), severity="warning")
    assert _problem(co) == _problem(ty) != _problem(other)
    assert min((co, ty), key=_preferred) is ty
    assert configure  # the API the tests build configurations with


# ---------------------------------------------------------------- SARIF (issue 17.6, 18.3)

def test_sarif_has_no_dead_link_and_percent_encodes_uris(tmp_path):
    f = tmp_path / "a b#%c.txt"
    f.write_text("请XX同志发言。", encoding="utf-8")
    out = run_cli("--format", "sarif", f).stdout.decode()
    assert ".invalid" not in out
    sarif = json.loads(out)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/a%20b%23%25c.txt")
    from urllib.parse import unquote, urlparse

    assert unquote(urlparse(uri).path) == str(f)


# ---------------------------------------------------------------- terminal escapes (issue 18.3)

ESCAPES = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b]0;pwned\x07\x1b[2J\x1b[H\u202e"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_escape_sequences_in_a_draft_never_reach_the_terminal(tmp_path, fmt):
    f = tmp_path / "a.txt"
    f.write_text(f"请XX同志{ESCAPES}发言。\n", encoding="utf-8")
    for color in ("never", "always"):
        proc = run_cli("--format", fmt, "--color", color, "--select", "PH", f)
        out = proc.stdout.decode()
        assert "\x1b]" not in out and "\x07" not in out and "\x1b[2J" not in out and "\u202e" not in out
        assert "\\x1b]52;c;" in out or fmt == "github"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_forge_a_finding_or_send_escapes(tmp_path, fmt):
    name = "a\nforged.txt:1:1: PH001 伪造的问题\x1b]0;title\x07.txt"
    f = tmp_path / name
    f.write_text("请XX同志发言。\n", encoding="utf-8")
    proc = run_cli("--format", fmt, "--select", "PH", tmp_path)
    out = proc.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out
    assert not any(l.startswith("forged.txt") for l in out.splitlines())
    findings = [l for l in out.splitlines() if "PH001" in l]
    assert len(findings) == 1


def test_escapes_in_error_lines_are_escaped(tmp_path):
    f = tmp_path / "x\x1b[2J\n.txt"
    f.write_bytes(b"\x00\x01" * 100)
    proc = run_cli(f)
    err = proc.stderr.decode()
    assert "\x1b" not in err and len([l for l in err.splitlines() if l]) == 1
