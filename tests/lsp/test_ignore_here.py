""""Ignore here" over stdio: a directive in Markdown, the baseline for plain
text (where the existing "ignore in this file" stays on offer)."""
from lsprotocol import types

from gwlint.lsp.convert import position_to_offset
from gwlint.model import Document
from tests.lsp.test_server import command_of, encoding_of
from tests.lsp.util import apply_edits, codes_are, diagnostics, open_doc

TEXT = "同志们：\n请XX同志发言，会议到此结束。。\n"


async def actions_for(client, uri, diag):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))


def titled(actions, start):
    return [a for a in actions if getattr(a, "title", "").startswith(start)]


async def test_markdown_gets_a_directive_that_silences_only_that_finding(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.md", TEXT)
    found = await diagnostics(client, uri, until=codes_are(lambda c: {"PH001", "PU003"} <= c))
    ph = next(d for d in found if d.code == "PH001")
    actions = await actions_for(client, uri, ph)
    [here] = titled(actions, "在此处忽略 PH001")
    assert not titled(actions, "把此处的")  # Markdown has comments: no baseline needed
    assert titled(actions, "在本文件中忽略 PH001")  # what existed stays
    doc = Document(TEXT, path="a.md")
    enc = encoding_of(client)
    new = apply_edits(TEXT, here.edit.changes[uri], lambda p: position_to_offset(doc, p, enc))
    assert new == "同志们：\n请XX同志发言，会议到此结束。。 <!-- gwlint-disable-line PH001 -->\n"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)]))
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" not in c))
    assert "PU003" in {d.code for d in found}


async def test_markdown_first_line_of_a_block_gets_a_directive_above(client, tmp_path):
    text = "# 会议\n\n请XX同志发言。\n"
    uri = await open_doc(client, tmp_path / "b.md", text)
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" in c))
    ph = next(d for d in found if d.code == "PH001")
    [here] = titled(await actions_for(client, uri, ph), "在此处忽略 PH001")
    [edit] = here.edit.changes[uri]
    assert edit.new_text == "<!-- gwlint-disable-next-line PH001 -->\n"
    assert edit.range.start == edit.range.end == types.Position(line=2, character=0)


async def test_plain_text_can_add_the_finding_to_the_baseline(client, tmp_path):
    uri = await open_doc(client, tmp_path / "a.txt", TEXT)
    found = await diagnostics(client, uri, until=codes_are(lambda c: {"PH001", "PU003"} <= c))
    ph = next(d for d in found if d.code == "PH001")
    actions = await actions_for(client, uri, ph)
    assert not titled(actions, "在此处忽略")  # plain text has no comments
    assert titled(actions, "在本文件中忽略 PH001")
    [add] = titled(actions, "把此处的 PH001 加入基线")
    cmd = command_of(add)
    assert cmd["command"] == "gwlint.addToBaseline"
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=cmd["command"], arguments=cmd["arguments"]))
    baseline = (tmp_path / ".gwlint-baseline.toml").read_text(encoding="utf-8")
    assert '"a.txt" = [' in baseline and 'code = "PH001"' in baseline and "PU003" not in baseline
    assert (tmp_path / "gwlint.toml").is_file()  # anchors the baseline for the next lint and the CLI
    found = await diagnostics(client, uri, until=codes_are(lambda c: "PH001" not in c))
    assert "PU003" in {d.code for d in found}
