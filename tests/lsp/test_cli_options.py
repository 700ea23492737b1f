"""`gwlint lsp` options: --help prints help and exits instead of starting the
server (which would wait for a client on stdin); bad options are one-line
errors; --stdio, which vscode-languageclient appends, is accepted."""
import subprocess
import sys

from tests.helpers import ROOT

GWLINT = [sys.executable, "-m", "gwlint", "lsp"]


def _run(*args, stdin=b""):
    # stdin is closed at once: a server that started would see EOF and stop,
    # so a wrong answer fails the test instead of hanging it.
    return subprocess.run([*GWLINT, *args], input=stdin, capture_output=True, timeout=60, cwd=ROOT)


def test_help_prints_usage_and_exits_0():
    for flag in ("--help", "-h"):
        proc = _run(flag)
        out = proc.stdout.decode("utf-8")
        assert proc.returncode == 0, proc.stderr
        assert out.startswith("usage: gwlint lsp"), out
        assert "--debounce" in out and "stdio" in out
        assert proc.stderr == b""


def test_help_wins_over_other_options():
    proc = _run("--debounce=50", "--help")
    assert proc.returncode == 0 and proc.stdout.startswith(b"usage: gwlint lsp")


def test_unknown_option_is_a_one_line_error():
    proc = _run("--frobnicate")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert err.count("\n") == 1 and "--frobnicate" in err and "Traceback" not in err


def test_bad_debounce_is_a_one_line_error():
    proc = _run("--debounce=soon")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert err.count("\n") == 1 and "debounce" in err and "Traceback" not in err


def test_stdio_flag_starts_the_server():
    """vscode-languageclient runs `gwlint lsp --stdio`: the server starts and
    answers initialize."""
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    msg = b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    proc = _run("--stdio", stdin=msg)
    assert b'"id": 1' in proc.stdout or b'"id":1' in proc.stdout, proc.stdout[:500]
    assert b"capabilities" in proc.stdout
