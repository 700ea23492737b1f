"""The real server over stdio, with VS Code's and Neovim's recorded capabilities."""

import pytest
from lsprotocol import types

from gwlint.model import Document
from gwlint.lsp.convert import position_to_offset
from tests.lsp.util import apply_edits, codes_are, diagnostics, open_doc, pull_mode

TEXT = "同志们：\n请XX同志发言，会议到此结束。。\n"


def command_of(action):
    """The command of a code action. The test client's union decoding may
    turn a CodeAction that carries a command into a Command whose `command`
    field holds the nested object's repr; read it back either way."""
    import ast

    c = action.command if isinstance(action, types.CodeAction) else action
    if not isinstance(c, types.Command):
        return None
    if c.command.startswith("{"):
        return ast.literal_eval(c.command)
    return {"command": c.command, "arguments": c.arguments}


def encoding_of(client) -> str:
    return client.capabilities.general.position_encodings[0] if (
        client.capabilities.general and client.capabilities.general.position_encodings) else "utf-16"


async def test_diagnostics_after_open(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" in c))
    codes = {d.code for d in found}
    assert {"PH001", "PU003"} <= codes
    ph = next(d for d in found if d.code == "PH001")
    assert ph.range.start == types.Position(line=1, character=1 if encoding_of(client) != "utf-8" else 3)
    assert ph.source == "gwlint" and ph.severity == types.DiagnosticSeverity.Error
    # no link: there is no rule page to open offline (hover explains the rule)
    assert ph.code_description is None


async def test_no_dead_links_in_diagnostics(client, tmp_path):
    """codeDescription used to point at https://gwlint.invalid/…, which VS
    Code shows as a link that goes nowhere."""
    uri = await open_doc(client, tmp_path / "a.txt", TEXT + "我们要市帜鲜明讲政治。\n")
    found = await diagnostics(client, uri, until=codes_are(lambda c: "TY001" in c))
    assert all(d.code_description is None for d in found)


async def test_diagnostics_after_change(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    await diagnostics(client, uri)
    # replace "XX" (line 1, characters 1–3 in utf-16/32; bytes 3–9 in utf-8) with 张明
    utf8 = encoding_of(client) == "utf-8"
    rng = types.Range(start=types.Position(line=1, character=3 if utf8 else 1),
                      end=types.Position(line=1, character=9 if utf8 else 3))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=rng, text="张明")]))
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" not in c))
    assert "PU003" in {d.code for d in found}


async def test_pull_diagnostics(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    if not pull_mode(client):
        await diagnostics(client, uri)
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert "PH001" in {d.code for d in report.items}
    if pull_mode(client):
        assert uri not in client.diagnostics  # never pushed as well: no duplicates


async def test_quick_fix_and_fix_all(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri)
    pu = next(d for d in found if d.code == "PU003")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=pu.range,
        context=types.CodeActionContext(diagnostics=[pu])))
    doc = Document(TEXT)
    enc = encoding_of(client)
    offset_of = lambda p: position_to_offset(doc, p, enc)
    quick = next(a for a in actions if getattr(a, "kind", None) == types.CodeActionKind.QuickFix and getattr(a, "edit", None))
    assert apply_edits(TEXT, quick.edit.changes[uri], offset_of) == TEXT.replace("。。", "。")
    fix_all = next(a for a in actions if getattr(a, "kind", None) == types.CodeActionKind.SourceFixAll)
    if fix_all.edit is None:  # both clients resolve a code action's edit when it is chosen
        fix_all = await client.code_action_resolve_async(fix_all)
    assert apply_edits(TEXT, fix_all.edit.changes[uri], offset_of) == TEXT.replace("。。", "。")


async def _status(client) -> dict:
    s = await client.protocol.send_request_async("gwlint/status", {})
    return {"lintCalls": s.lintCalls, "fixAllCalls": s.fixAllCalls}


async def test_fix_all_is_made_once_per_lint_and_resolved_when_chosen(client, tmp_path):
    """Editors ask for code actions at every cursor move: the fix-all edits
    of a version of the document are chosen once, and a client that can
    resolve a code action gets the edits (thousands, perhaps) only when the
    user picks the action."""
    text = "".join(f"第{i}段，内容。。\n" for i in range(300))
    uri = await open_doc(client, tmp_path / "a.txt", text)
    await diagnostics(client, uri, until=codes_are(lambda c: "PU003" in c))
    before = await _status(client)
    for line in range(0, 300, 30):
        where = types.Position(line=line, character=1)
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(start=where, end=where),
            context=types.CodeActionContext(diagnostics=[])))
        fix_all = next(a for a in actions if getattr(a, "kind", None) == types.CodeActionKind.SourceFixAll)
        assert "300处" in fix_all.title and fix_all.edit is None and fix_all.data
    after = await _status(client)
    assert after["lintCalls"] == before["lintCalls"]
    assert after["fixAllCalls"] - before["fixAllCalls"] <= 1
    resolved = await client.code_action_resolve_async(fix_all)
    doc = Document(text)
    enc = encoding_of(client)
    fixed = apply_edits(text, resolved.edit.changes[uri], lambda p: position_to_offset(doc, p, enc))
    assert fixed == text.replace("。。", "。")
    assert (await _status(client))["fixAllCalls"] - before["fixAllCalls"] == 1
    # a request for source actions only gets no quick fixes
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=6), end=types.Position(line=0, character=6)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in actions] == [types.CodeActionKind.SourceFixAll]


async def test_hover_and_code_actions_use_half_open_ranges(client, tmp_path):
    """PH001 covers XX, characters 1–3 of line 1: the cursor at 3 (after
    the second X) is not on it, at 2 it is."""
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" in c))
    ph = next(d for d in found if d.code == "PH001")
    assert (ph.range.start.character, ph.range.end.character) == ((1, 3) if encoding_of(client) != "utf-8" else (3, 5))
    end = ph.range.end
    inside = types.Position(line=1, character=end.character - 1)
    for where, expected in ((inside, True), (end, False)):
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=where))
        assert (hover is not None and "PH001" in hover.contents.value) == expected, where
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(start=where, end=where),
            context=types.CodeActionContext(diagnostics=[])))
        assert any("PH001" in str(getattr(a, "diagnostics", None)) or "PH001" in getattr(a, "title", "")
                   for a in actions) == expected, (where, actions)


async def test_allow_list_and_ignore_commands(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri)
    ph = next(d for d in found if d.code == "PH001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=ph.range,
        context=types.CodeActionContext(diagnostics=[ph])))
    commands = [command_of(a) for a in actions]
    allow = next(c for c in commands if c and c["command"] == "gwlint.addToAllowList")
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=allow["command"], arguments=allow["arguments"]))
    config = (tmp_path / "gwlint.toml").read_text(encoding="utf-8")
    assert 'allow = ["XX"]' in config
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" not in c))
    ignore = next(c for c in commands if c and c["command"] == "gwlint.ignoreRuleInFile")
    pu = next(d for d in found if d.code == "PU003")
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=ignore["command"], arguments=[uri, pu.code]))
    config = (tmp_path / "gwlint.toml").read_text(encoding="utf-8")
    assert '[per-file-ignores]\n"a.txt" = ["PU003"]' in config and 'allow = ["XX"]' in config
    await diagnostics(client, uri, until=codes_are(lambda c: "PU003" not in c))


async def test_hover_explains_the_rule(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri)
    ph = next(d for d in found if d.code == "PH001")
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=ph.range.start))
    assert "PH001 placeholder-x" in result.contents.value and "错误示例" in result.contents.value


async def test_document_symbols_are_the_outline(client, tmp_path):
    text = "一、总体要求\n（一）提高认识\n内容。\n二、主要任务\n"
    uri = await open_doc(client, tmp_path / "o.txt", text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [s.name for s in symbols] == ["一、 总体要求", "二、 主要任务"]
    assert [c.name for c in symbols[0].children] == ["（一） 提高认识"]


async def test_configuration_reload(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    await diagnostics(client, uri)
    (tmp_path / "gwlint.toml").write_text('ignore = ["PH"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=(tmp_path / "gwlint.toml").as_uri(), type=types.FileChangeType.Created)]))
    await diagnostics(client, uri, until=codes_are(lambda c: "PH001" not in c))
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"gwlint": {"select": ["PU"]}}))
    await diagnostics(client, uri, until=codes_are(lambda c: c == {"PU003"}))


async def test_unknown_method_gets_an_error_and_server_stays_up(client, tmp_path):
    with pytest.raises(Exception):
        await client.protocol.send_request_async("gwlint/noSuchMethod", None)
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    assert "PH001" in {d.code for d in await diagnostics(client, uri, until=codes_are(lambda c: "PH001" in c))}


async def _lint_calls(client) -> int:
    return (await client.protocol.send_request_async("gwlint/status", {})).lintCalls


async def test_hover_and_code_actions_reuse_the_last_lint(client, tmp_path):
    """Editors ask for hover and code actions at every cursor move: while the
    text and the configuration stay the same, the server lints nothing again
    (an editor setting on top of the config file makes a new but equal
    configuration at each request: equal is the same)."""
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"gwlint": {"ignore": ["PU003"]}}))
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    await diagnostics(client, uri, until=codes_are(lambda c: "PH001" in c and "PU003" not in c))
    before = await _lint_calls(client)
    where = types.Position(line=1, character=2)
    for _ in range(3):
        await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=where))
        await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(start=where, end=where),
            context=types.CodeActionContext(diagnostics=[])))
    assert await _lint_calls(client) == before
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=TEXT + "再见。\n")]))
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=where))
    assert await _lint_calls(client) > before  # a changed text is linted again


@pytest.mark.needs_lm
async def test_the_typo_tier_setting_reaches_the_rules(client, tmp_path):
    """The editors' typo-sensitivity setting (the VS Code extension sends it)
    is a pack option on top of gwlint.toml; a bad value is refused and the
    previous one stays."""
    uri = await open_doc(client, tmp_path / "a.txt", "要进一步加强组织领到。\n")
    await diagnostics(client, uri)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"gwlint": {"typo-sensitivity": "review"}}))
    found = await diagnostics(client, uri, until=codes_are(lambda c: "TY004" in c))
    assert {d.code for d in found} == {"TY004"}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"gwlint": {"typo-sensitivity": "loud"}}))
    assert {d.code for d in await diagnostics(client, uri)} == {"TY004"}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"gwlint": {"typo-sensitivity": "default"}}))
    await diagnostics(client, uri, until=codes_are(lambda c: "TY004" not in c))
