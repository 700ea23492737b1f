"""The commands that write configuration ("allow this word", "ignore this
rule in this file") and the server's settings, over raw stdio (issue 18,
items 16–18): they edit the configuration in force, keep its comments and
links, write nowhere outside the workspace, take only arguments the server
could have offered, and refuse bad settings with a message to the user."""

import pytest

from tests.helpers import config_for, run_json
from tests.lsp.rawclient import RawServer

TEXT = "同志们：\n请XX同志发言，会议到此结束。。\n"


@pytest.fixture
def server():
    servers = []

    def start(root, **kw):
        s = RawServer("--debounce=0", cwd=kw.pop("cwd", None))
        servers.append(s)
        s.initialize(root, **kw)
        return s

    yield start
    for s in servers:
        alive = s.proc.poll() is None
        s.close()
        assert alive, s.proc.stderr.read()[-2000:]


def open_draft(s, path, text=TEXT):
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    s.open(uri, text)
    return uri, s.diagnostics_for(uri)


def code_action_commands(s, uri, diag):
    actions = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}})["result"]
    return {a["command"]["command"]: a["command"]["arguments"] for a in actions if "command" in a}


def run_command(s, command, arguments):
    return s.request("workspace/executeCommand", {"command": command, "arguments": arguments})


def codes(diags):
    return {d["code"] for d in diags}


def latest_diagnostics(s, uri, until, timeout=20):
    return s.last_diagnostics(uri, lambda diags: until(codes(diags)), timeout)


# ------------------------------------------------ 16: the configuration in force

PYPROJECT = """\
[project]
name = "drafts"

[tool.gwlint]
# the project's own settings
ignore = ["PU003"]   # doubled marks are checked by hand
"""


def test_allow_in_a_pyproject_project_edits_tool_gwlint(server, tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    s = server(tmp_path)
    uri, diags = open_draft(s, tmp_path / "a.txt")
    assert "PU003" not in codes(diags)
    ph = next(d for d in diags if d["code"] == "PH001")
    allow = code_action_commands(s, uri, ph)["gwlint.addToAllowList"]
    assert run_command(s, "gwlint.addToAllowList", allow)["result"] == str(tmp_path / "pyproject.toml")
    assert not (tmp_path / "gwlint.toml").exists()  # nothing shadows the project's table
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(PYPROJECT.rstrip("\n")) and 'allow = ["XX"]' in text
    assert "# doubled marks are checked by hand" in text
    cfg = config_for(tmp_path / "a.txt")
    assert cfg.ignore == ("PU003",) and cfg.allow == {"XX"}  # what the CLI reads
    proc, found = run_json(tmp_path / "a.txt")
    assert codes(found) == set(), found
    latest_diagnostics(s, uri, lambda c: not c)


def test_ignore_in_a_pyproject_project_edits_tool_gwlint(server, tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.replace('"PU003"', '"LY"'), encoding="utf-8")
    s = server(tmp_path)
    (tmp_path / "sub").mkdir()
    uri, diags = open_draft(s, tmp_path / "sub" / "a.txt")
    pu = next(d for d in diags if d["code"] == "PU003")
    ignore = code_action_commands(s, uri, pu)["gwlint.ignoreRuleInFile"]
    assert "error" not in run_command(s, "gwlint.ignoreRuleInFile", ignore)
    assert not (tmp_path / "gwlint.toml").exists()
    assert config_for(tmp_path / "sub" / "a.txt").ignored_for(str(tmp_path / "sub" / "a.txt")) == ("PU003",)
    assert config_for(tmp_path / "b.txt").ignore == ("LY",)
    latest_diagnostics(s, uri, lambda c: "PU003" not in c and "PH001" in c)


# ------------------------------------------------ 17: how the file is written

def test_a_symlinked_config_stays_a_link(server, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "gwlint.toml").write_text('ignore = ["LY"]\n', encoding="utf-8")
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "gwlint.toml").symlink_to(shared / "gwlint.toml")
    s = server(ws)
    uri, diags = open_draft(s, ws / "a.txt")
    ph = next(d for d in diags if d["code"] == "PH001")
    assert "error" not in run_command(s, "gwlint.addToAllowList", code_action_commands(s, uri, ph)["gwlint.addToAllowList"])
    assert (ws / "gwlint.toml").is_symlink()
    assert (shared / "gwlint.toml").read_text(encoding="utf-8") == 'ignore = ["LY"]\nallow = ["XX"]\n'


def test_an_untitled_document_writes_nothing_outside_the_workspace(server, tmp_path):
    """The server runs in tmp/ws/cwd (its working folder) and the document
    is untitled: no config file appears anywhere, the command is refused."""
    cwd = tmp_path / "ws" / "cwd"
    cwd.mkdir(parents=True)
    s = server(tmp_path / "ws", cwd=cwd)
    uri = "untitled:Untitled-1"
    s.open(uri, TEXT)
    diags = s.diagnostics_for(uri)
    ph = next(d for d in diags if d["code"] == "PH001")
    offered = code_action_commands(s, uri, ph)
    assert not offered  # nothing to configure for a document that is no file
    for command, arguments in (("gwlint.addToAllowList", [uri, "XX"]), ("gwlint.ignoreRuleInFile", [uri, "PH001"])):
        reply = run_command(s, command, arguments)
        assert reply["error"]["code"] == -32602, reply
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["cwd", "ws"]


def test_without_a_workspace_folder_nothing_is_written(server, tmp_path):
    s = server(None)
    uri, diags = open_draft(s, tmp_path / "a.txt")
    reply = run_command(s, "gwlint.addToAllowList", [uri, "XX"])
    assert reply["error"]["code"] == -32602
    assert not (tmp_path / "gwlint.toml").exists()


def test_a_config_in_force_above_the_workspace_is_not_edited(server, tmp_path):
    (tmp_path / "gwlint.toml").write_text('ignore = ["LY"]\n', encoding="utf-8")
    ws = tmp_path / "ws"
    ws.mkdir()
    s = server(ws)
    uri, diags = open_draft(s, ws / "a.txt")
    assert "error" in run_command(s, "gwlint.addToAllowList", [uri, "XX"])
    assert (tmp_path / "gwlint.toml").read_text(encoding="utf-8") == 'ignore = ["LY"]\n'
    assert not (ws / "gwlint.toml").exists()  # and nothing shadows it


MULTILINE = """\
# project words
allow = [
    "某某公司",  # our company, not a placeholder
    # scanned forms
    "X光",
]

[severity]
PH = "warning"  # placeholders are warnings here
"""


def test_comments_in_a_multi_line_allow_are_kept(server, tmp_path):
    (tmp_path / "gwlint.toml").write_text(MULTILINE, encoding="utf-8")
    s = server(tmp_path)
    uri, _ = open_draft(s, tmp_path / "a.txt")
    assert "error" not in run_command(s, "gwlint.addToAllowList", [uri, "XX"])
    text = (tmp_path / "gwlint.toml").read_text(encoding="utf-8")
    assert text == MULTILINE.replace('    "X光",\n', '    "X光",\n    "XX",\n')


def test_a_word_containing_a_bracket(server, tmp_path):
    (tmp_path / "gwlint.toml").write_text('allow = ["a]b"]  # odd\n', encoding="utf-8")
    s = server(tmp_path)
    text = "请XX同志发言。第[1]号文件\n"
    uri, _ = open_draft(s, tmp_path / "a.txt", text)
    assert "error" not in run_command(s, "gwlint.addToAllowList", [uri, "第[1]号"])
    assert config_for(tmp_path / "a.txt").allow == {"a]b", "第[1]号"}
    assert (tmp_path / "gwlint.toml").read_text(encoding="utf-8").endswith("# odd\n")


@pytest.mark.parametrize("command, arguments", [
    ("gwlint.ignoreRuleInFile", lambda uri: [uri, 7]),
    ("gwlint.ignoreRuleInFile", lambda uri: [uri, "NOTACODE"]),
    ("gwlint.ignoreRuleInFile", lambda uri: [uri, "TY001"]),  # a rule, but not one reported in this document
    ("gwlint.ignoreRuleInFile", lambda uri: [uri]),
    ("gwlint.ignoreRuleInFile", lambda uri: [uri, "PU003", "extra"]),
    ("gwlint.addToAllowList", lambda uri: [uri, 7]),
    ("gwlint.addToAllowList", lambda uri: [uri, "不在文中的词"]),
    ("gwlint.addToAllowList", lambda uri: [uri, "同志们：\n请XX"]),
    ("gwlint.addToAllowList", lambda uri: ["file:///elsewhere/b.txt", "XX"]),
    ("gwlint.addToAllowList", lambda uri: [7, "XX"]),
], ids=["code-7", "NOTACODE", "unreported-code", "one-argument", "three-arguments", "word-7", "word-not-in-text",
        "two-lines", "document-not-open", "uri-7"])
def test_arguments_the_server_never_offered_are_refused(server, tmp_path, command, arguments):
    original = 'ignore = ["LY"]\n'
    (tmp_path / "gwlint.toml").write_text(original, encoding="utf-8")
    s = server(tmp_path)
    uri, _ = open_draft(s, tmp_path / "a.txt")
    args = arguments(uri)
    reply = run_command(s, command, args)
    assert reply["error"]["code"] == -32602, reply
    assert (tmp_path / "gwlint.toml").read_text(encoding="utf-8") == original
    proc, _ = run_json(tmp_path / "a.txt")
    assert proc.returncode == 1, proc.stderr  # the CLI still works: findings, no config error


def test_a_broken_config_is_not_overwritten(server, tmp_path):
    (tmp_path / "gwlint.toml").write_text("allow = [\n", encoding="utf-8")
    s = server(tmp_path)
    uri, _ = open_draft(s, tmp_path / "a.txt")
    assert "error" in run_command(s, "gwlint.addToAllowList", [uri, "XX"])
    assert (tmp_path / "gwlint.toml").read_text(encoding="utf-8") == "allow = [\n"


# ------------------------------------------------ 18: settings

def status(s):
    return s.request("gwlint/status", {})["result"]


def shown_messages(s, count=1, timeout=20):
    """The first ``count`` window/showMessage params the server sent."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        shown = [m["params"] for m in list(s.seen) if m.get("method") == "window/showMessage"]
        if len(shown) >= count or time.monotonic() > deadline:
            assert len(shown) >= count, shown
            return shown
        time.sleep(0.05)


@pytest.mark.parametrize("value", ["Infinity", "NaN", "-Infinity", '"500"', "true", "null", "[100]"])
def test_a_debounce_that_is_not_a_number_of_milliseconds_is_refused(server, tmp_path, value):
    s = server(tmp_path)
    before = status(s)["debounceMs"]
    # JSON has no Infinity; Python's json module (and so pygls) reads it
    s.send_raw(('{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", '
                '"params": {"settings": {"gwlint": {"debounce": %s}}}}' % value).encode())
    [shown] = shown_messages(s)
    assert shown["type"] == 1 and "debounce" in shown["message"]
    assert status(s)["debounceMs"] == before


@pytest.mark.parametrize("value, ms", [(5, 5), (6, 6), (0, 0), (250.5, 250.5), (10**9, 5000), (-3, 0)])
def test_debounce_is_milliseconds_clamped(server, tmp_path, value, ms):
    s = server(tmp_path, options={"gwlint": {"debounce": value}})
    assert status(s)["debounceMs"] == ms


def test_debounce_option_on_the_command_line(tmp_path):
    from tests.lsp.test_cli_options import _run

    proc = _run("--debounce=inf")
    assert proc.returncode == 2 and b"debounce" in proc.stderr and proc.stderr.count(b"\n") == 1
    proc = _run("--debounce=nan")
    assert proc.returncode == 2


def test_an_unknown_select_code_is_refused_with_a_message(server, tmp_path):
    s = server(tmp_path, options={"gwlint": {"select": ["NOPE"]}})
    [shown] = shown_messages(s)
    assert shown["type"] == 1 and "NOPE" in shown["message"]
    uri, diags = open_draft(s, tmp_path / "a.txt")
    assert {"PH001", "PU003"} <= codes(diags)  # not silently everything off
    s.send("workspace/didChangeConfiguration", {"settings": {"gwlint": {"select": ["PU"]}}}, request=False)
    latest_diagnostics(s, uri, lambda c: c == {"PU003"})
    s.send("workspace/didChangeConfiguration", {"settings": {"gwlint": {"select": ["PU", "XY9"]}}}, request=False)
    shown = shown_messages(s, 2)[-1]
    assert "XY9" in shown["message"]
    assert status(s)["select"] == ["PU"]  # the previous setting stays


def test_a_setting_left_out_goes_back_to_the_config_file(server, tmp_path):
    s = server(tmp_path, options={"gwlint": {"select": ["PU"]}})
    uri, diags = open_draft(s, tmp_path / "a.txt")
    assert codes(diags) == {"PU003"}
    s.send("workspace/didChangeConfiguration", {"settings": {"gwlint": {}}}, request=False)
    latest_diagnostics(s, uri, lambda c: {"PH001", "PU003"} <= c)


def test_empty_loose_settings_change_nothing(server, tmp_path):
    """Neovim sends didChangeConfiguration with settings {} after
    initialising: the init_options stay."""
    s = server(tmp_path, options={"gwlint": {"select": ["PU"], "debounce": 7}})
    s.send("workspace/didChangeConfiguration", {"settings": {}}, request=False)
    s.send("workspace/didChangeConfiguration", {"settings": None}, request=False)
    assert status(s)["select"] == ["PU"] and status(s)["debounceMs"] == 7
    uri, diags = open_draft(s, tmp_path / "a.txt")
    assert codes(diags) == {"PU003"}


def test_a_config_that_extends_another_gets_extend_allow(server, tmp_path):
    """allow = [...] in the extending file would replace the office's list
    whole; extend-allow adds to it."""
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "gwlint.toml").write_text('allow = ["某某公司"]\n', encoding="utf-8")
    (tmp_path / "gwlint.toml").write_text('extend = "office/gwlint.toml"\n', encoding="utf-8")
    s = server(tmp_path)
    uri, _ = open_draft(s, tmp_path / "a.txt")
    assert "error" not in run_command(s, "gwlint.addToAllowList", [uri, "XX"])
    assert (tmp_path / "gwlint.toml").read_text(encoding="utf-8") == 'extend = "office/gwlint.toml"\nextend-allow = ["XX"]\n'
    assert config_for(tmp_path / "a.txt").allow == {"某某公司", "XX"}


@pytest.mark.parametrize("arguments", [
    lambda uri: [uri, "PH001", 6, 9],   # the finding is at 6–8, not 6–9
    lambda uri: [uri, "PH001", "6", "8"],
    lambda uri: [uri, "TY001", 6, 8],
    lambda uri: [uri, "PH001"],
    lambda uri: ["untitled:x", "PH001", 6, 8],
], ids=["wrong-span", "strings", "wrong-code", "two-arguments", "untitled"])
def test_the_baseline_command_takes_only_a_finding_it_offered(server, tmp_path, arguments):
    s = server(tmp_path)
    uri, diags = open_draft(s, tmp_path / "a.txt")
    reply = run_command(s, "gwlint.addToBaseline", arguments(uri))
    assert reply["error"]["code"] == -32602, reply
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_the_baseline_command_records_the_finding_it_offered(server, tmp_path):
    s = server(tmp_path)
    uri, diags = open_draft(s, tmp_path / "a.txt")
    ph = next(d for d in diags if d["code"] == "PH001")
    arguments = code_action_commands(s, uri, ph)["gwlint.addToBaseline"]
    assert arguments[1:] == ["PH001", 6, 8]
    assert "error" not in run_command(s, "gwlint.addToBaseline", arguments)
    assert 'code = "PH001"' in (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")
