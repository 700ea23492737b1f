"""Malformed input and the three position encodings, over raw stdio."""
import pytest

from tests.lsp.rawclient import RawServer

ASTRAL = "𠮷𠮷的XX同志\n"  # 𠮷 is U+20BB7: 2 UTF-16 units, 4 UTF-8 bytes, 1 code point


@pytest.fixture
def server(tmp_path):
    s = RawServer("--debounce=0")
    yield s
    s.close()


@pytest.mark.parametrize("encoding, column", [("utf-16", 5), ("utf-8", 11), ("utf-32", 3)])
def test_astral_positions_in_each_encoding(tmp_path, encoding, column):
    s = RawServer("--debounce=0")
    try:
        result = s.initialize(tmp_path, encodings=[encoding])
        assert result["result"]["capabilities"]["positionEncoding"] == encoding
        uri = (tmp_path / "a.txt").as_uri()
        s.open(uri, ASTRAL)
        diag = next(d for d in s.diagnostics_for(uri) if d["code"] == "PH001")
        assert diag["range"]["start"] == {"line": 0, "character": column}
        width = {"utf-16": 2, "utf-8": 2, "utf-32": 2}[encoding]
        assert diag["range"]["end"] == {"line": 0, "character": column + width}
    finally:
        s.close()


def test_malformed_frames_and_params(server, tmp_path):
    server.initialize(tmp_path)
    server.send_raw(b"{not json at all")
    bad = server.request("textDocument/hover", {"textDocument": 5, "position": "x"})
    assert "error" in bad
    unknown = server.request("gwlint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601
    uri = (tmp_path / "a.txt").as_uri()
    server.open(uri, "请XX同志发言。")
    assert any(d["code"] == "PH001" for d in server.diagnostics_for(uri))


def test_shutdown_then_exit(server, tmp_path):
    server.initialize(tmp_path)
    assert server.request("shutdown")["result"] is None
    server.send("exit", request=False)
    assert server.proc.wait(timeout=10) == 0


def test_fix_all_carries_its_edits_for_a_client_that_cannot_resolve(server, tmp_path):
    """Emacs' eglot, say, has no codeAction/resolve: the edits come with the action."""
    server.initialize(tmp_path)
    uri = (tmp_path / "a.txt").as_uri()
    server.open(uri, "请XX同志发言。。\n好。。\n")
    server.diagnostics_for(uri)
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})["result"]
    fix_all = next(a for a in actions if a["kind"] == "source.fixAll")
    edits = fix_all["edit"]["changes"][uri]
    assert [(e["range"]["start"]["line"], e["range"]["start"]["character"], e["newText"]) for e in edits] == [
        (0, 7, "。"), (1, 1, "。")]
