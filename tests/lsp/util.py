"""Helpers shared by the language-server tests."""
import asyncio

from lsprotocol import types


def pull_mode(client) -> bool:
    caps = client.capabilities  # the capabilities the client initialised with
    return bool(caps and caps.text_document and caps.text_document.diagnostic)


async def open_doc(client, path, text):
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    return uri


async def diagnostics(client, uri, until=None, timeout=20.0):
    """The server's diagnostics for ``uri``, pulled or pushed. With ``until``,
    wait (polling) for pushed diagnostics that satisfy it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if pull_mode(client):
            report = await client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
            items = report.items
        else:
            items = client.diagnostics.get(uri)
        if items is not None and (until is None or until(items)):
            return items
        if loop.time() > deadline:
            raise TimeoutError(f"diagnostics for {uri}: {items}")
        await asyncio.sleep(0.05)


def codes_are(pred):
    return lambda items: pred({d.code for d in items})


def apply_edits(text: str, edits, offset_of) -> str:
    spans = sorted(((offset_of(e.range.start), offset_of(e.range.end), e.new_text) for e in edits), reverse=True)
    for s, e, t in spans:
        text = text[:s] + t + text[e:]
    return text
