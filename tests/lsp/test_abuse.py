"""A language server under abuse: it answers correctly or with an error
response, never dies, and exits with the right code."""
import pytest

from tests.lsp.rawclient import RawServer

TEXT = "同志们：\n请XX同志发言。\n"


@pytest.fixture
def server(tmp_path):
    s = RawServer("--debounce=0")
    s.initialize(tmp_path)
    yield s
    alive = s.proc.poll() is None
    s.close()
    assert alive, s.proc.stderr.read()[-2000:]


def change(server, uri, version, start, end, text):
    server.send("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": start, "end": end}, "text": text}]}, request=False)


def test_change_ranges_past_the_end_are_clamped(server, tmp_path):
    uri = (tmp_path / "a.txt").as_uri()
    server.open(uri, TEXT)
    server.diagnostics_for(uri)
    change(server, uri, 2, {"line": 99, "character": 5}, {"line": 120, "character": 0}, "再加XX。")
    change(server, uri, 3, {"line": 0, "character": 500}, {"line": 0, "character": 900}, "")
    diags = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"].get("version") == 3)["params"]["diagnostics"]
    assert sum(1 for d in diags if d["code"] == "PH001") == 2


def test_a_thousand_rapid_edits(tmp_path):
    s = RawServer("--debounce=50")
    try:
        s.initialize(tmp_path)
        uri = (tmp_path / "a.txt").as_uri()
        s.open(uri, TEXT)
        for v in range(2, 1002):
            change(s, uri, v, {"line": 2, "character": 0}, {"line": 2, "character": 0}, "的")
        last = s.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"].get("version") == 1001, timeout=60)
        assert any(d["code"] == "PH001" for d in last["params"]["diagnostics"])
        hover = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 1}})
        assert "PH001" in hover["result"]["contents"]["value"]
    finally:
        s.close()


def test_fifty_open_documents(server, tmp_path):
    uris = [(tmp_path / f"d{i}.txt").as_uri() for i in range(50)]
    for uri in uris:
        server.open(uri, TEXT)
    seen = set()
    while len(seen) < 50:
        msg = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        seen.add(msg["params"]["uri"])
    assert seen == set(uris)


def test_close_while_lint_is_pending(tmp_path):
    s = RawServer("--debounce=500")
    try:
        s.initialize(tmp_path)
        uri = (tmp_path / "a.txt").as_uri()
        s.open(uri, TEXT)
        s.diagnostics_for(uri)
        change(s, uri, 2, {"line": 0, "character": 0}, {"line": 0, "character": 0}, "XX")
        s.send("textDocument/didClose", {"textDocument": {"uri": uri}}, request=False)
        cleared = s.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert cleared["params"]["diagnostics"] == []
        # no late publish for the closed document after the debounce expires
        import time

        time.sleep(0.8)
        late = []
        while not s.messages.empty():
            late.append(s.messages.get())
        assert not [m for m in late if m.get("method") == "textDocument/publishDiagnostics"]
        assert s.request("shutdown")["result"] is None
    finally:
        s.close()


def test_exit_without_shutdown_is_an_error_code(tmp_path):
    s = RawServer("--debounce=0")
    try:
        s.initialize(tmp_path)
        s.send("exit", request=False)
        assert s.proc.wait(timeout=10) == 1
    finally:
        s.close()
