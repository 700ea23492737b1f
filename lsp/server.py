"""`gwlint lsp`: a language server on stdio, thin handlers over linter.lint().

Diagnostics are pushed on open, change (debounced) and save, or pulled with
textDocument/diagnostic by clients that support it (then never pushed, so a
client never sees them twice). Line-scoped rules are cached per line, so a
keystroke in a long speech re-runs little.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from gwlint import __version__
from gwlint.config import DEFAULT_CONFIG, Config, ConfigResolver
from gwlint.engine import LineCache, lint
from gwlint.errors import GwlintError
from gwlint.fixes import choose_edits
from gwlint.model import Document
from gwlint.rules import bundled_registry

from . import convert
from .allowlist import add_allowed_word, ignore_rule_for_file
from .suppress_actions import CMD_BASELINE, add_to_baseline, suppress_actions

log = logging.getLogger("gwlint.lsp")
CMD_ALLOW = "gwlint.addToAllowList"
CMD_IGNORE = "gwlint.ignoreRuleInFile"


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else None


class _Unparsed:
    """Stands for a message that could not be parsed; handle_message skips it."""

    jsonrpc = None


class GwlintProtocol(LanguageServerProtocol):
    """Answers a request whose params do not parse with an error response
    (pygls alone only logs it, leaving the client waiting)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=types.ResponseError(
                    code=exc.code, message=f"{exc.message}: {data.get('method')}"))
            return _Unparsed()


class GwlintServer(LanguageServer):
    def __init__(self):
        super().__init__("gwlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=GwlintProtocol)
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int | None] = {}
        self.results: dict[str, tuple] = {}  # uri → (text, config, gwlint diagnostics) of the last lint
        self.pending: dict[str, asyncio.Task] = {}
        self.cache = LineCache()
        self.registry = bundled_registry()
        self.configs = ConfigResolver(self.registry)  # the editor's select/ignore on top of gwlint.toml
        self.debounce = 0.2
        self.pull = False
        self.lint_calls = 0  # how many times lint() ran (the tests check that answers reuse results)

    # ---------------------------------------------------------------- helpers
    @property
    def encoding(self) -> str:
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    def config_for(self, uri: str) -> Config:
        path = uri_to_path(uri) or "-"
        try:
            return self.configs.for_path(path)
        except GwlintError as exc:
            self.log(types.MessageType.Error, str(exc))
            return DEFAULT_CONFIG.with_overrides(self.configs.select, self.configs.ignore)

    def log(self, kind, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def document(self, uri: str) -> Document:
        return Document(self.texts.get(uri, ""), path=uri_to_path(uri) or uri)

    def lint_uri(self, uri: str) -> tuple[Document, list]:
        """The document and its findings: the last ones while neither its text
        nor its configuration has changed (hover and code actions ask often)."""
        doc = self.document(uri)
        cfg = self.config_for(uri)
        cached = self.results.get(uri)
        if cached and cached[0] == doc.text and cached[1] == cfg:
            return doc, cached[2]

        def on_error(checker, exc):
            self.log(types.MessageType.Error, f"gwlint rule {checker.key} failed: {type(exc).__name__}: {exc}")

        self.lint_calls += 1
        found = lint(doc, cfg, self.registry, cache=self.cache, on_error=on_error)
        self.results[uri] = (doc.text, cfg, found)
        return doc, found

    def lsp_diagnostics(self, uri: str) -> list[types.Diagnostic]:
        doc, found = self.lint_uri(uri)
        return [convert.to_lsp_diagnostic(doc, d, self.encoding, uri) for d in found]

    def publish(self, uri: str) -> None:
        if self.pull or uri not in self.texts:
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=self.versions.get(uri), diagnostics=self.lsp_diagnostics(uri)))

    def schedule(self, uri: str, delay: float | None = None) -> None:
        task = self.pending.pop(uri, None)
        if task:
            task.cancel()
        delay = self.debounce if delay is None else delay
        if delay <= 0:
            self.publish(uri)
            return

        async def later():
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.get_event_loop().create_task(later())

    def relint_all(self) -> None:
        self.results.clear()
        self.configs.forget()
        for uri in list(self.texts):
            self.publish(uri)
        if self.pull:
            try:
                self.workspace_diagnostic_refresh(None)
            except Exception:  # the client may not support refresh
                pass

    def apply_settings(self, settings) -> None:
        if not isinstance(settings, dict):
            return
        settings = settings.get("gwlint", settings)
        if not isinstance(settings, dict):
            return
        codes = lambda v: tuple(str(c).upper() for c in v) if isinstance(v, (list, tuple)) else None
        if "select" in settings:
            self.configs.select = codes(settings["select"])
        if "ignore" in settings:
            self.configs.ignore = codes(settings["ignore"])
        if isinstance(settings.get("debounce"), (int, float)):
            self.debounce = max(0.0, float(settings["debounce"]) / (1000 if settings["debounce"] > 5 else 1))


server = GwlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: GwlintServer, params: types.InitializeParams):
    caps = params.capabilities
    ls.pull = bool(caps.text_document and caps.text_document.diagnostic)
    ls.apply_settings(params.initialization_options or {})


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: GwlintServer, params: types.DidOpenTextDocumentParams):
    uri = params.text_document.uri
    ls.texts[uri] = params.text_document.text
    ls.versions[uri] = params.text_document.version
    ls.schedule(uri, delay=0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: GwlintServer, params: types.DidChangeTextDocumentParams):
    uri = params.text_document.uri
    text = ls.texts.get(uri, "")
    for change in params.content_changes:
        text = convert.apply_change(text, change, ls.encoding)
    ls.texts[uri] = text
    ls.versions[uri] = params.text_document.version
    ls.schedule(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: GwlintServer, params: types.DidSaveTextDocumentParams):
    ls.schedule(params.text_document.uri, delay=0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: GwlintServer, params: types.DidCloseTextDocumentParams):
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task:
        task.cancel()
    ls.texts.pop(uri, None)
    ls.versions.pop(uri, None)
    ls.results.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                types.DiagnosticOptions(identifier="gwlint", inter_file_dependencies=False,
                                        workspace_diagnostics=False))
def pull_diagnostics(ls: GwlintServer, params: types.DocumentDiagnosticParams):
    return types.RelatedFullDocumentDiagnosticReport(items=ls.lsp_diagnostics(params.text_document.uri))


def _at(found, start: int, end: int):
    return [d for d in found if d.span.start <= end and start <= d.span.end]


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix,
                                                           types.CodeActionKind.SourceFixAll]))
def code_actions(ls: GwlintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    if uri not in ls.texts:
        return []
    doc, found = ls.lint_uri(uri)
    enc = ls.encoding
    start = convert.position_to_offset(doc, params.range.start, enc)
    end = convert.position_to_offset(doc, params.range.end, enc)
    actions = []
    for d in _at(found, start, end):
        lsp_diag = convert.to_lsp_diagnostic(doc, d, enc, uri)
        if d.fix:
            actions.append(types.CodeAction(
                title=f"{d.fix.title}（{d.code}）", kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diag],
                is_preferred=d.fix.safe,
                edit=types.WorkspaceEdit(changes={uri: convert.to_text_edits(doc, list(d.fix.edits), enc)})))
        word = doc.text[d.span.start:d.span.end].strip()
        if word and "\n" not in word and len(word) <= 20:
            actions.append(types.CodeAction(
                title=f"把“{word}”加入允许词表（gwlint.toml）", kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diag], command=types.Command(title="allow", command=CMD_ALLOW, arguments=[uri, word])))
        actions.append(types.CodeAction(
            title=f"在本文件中忽略 {d.code}", kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diag],
            command=types.Command(title="ignore", command=CMD_IGNORE, arguments=[uri, d.code])))
        actions += suppress_actions(doc, d, uri, enc, lsp_diag)  # ignore here (a directive), or baseline it
    edits = choose_edits(found)
    if edits:
        actions.append(types.CodeAction(
            title=f"修复本文件中全部可安全修复的问题（{len(edits)}处）", kind=types.CodeActionKind.SourceFixAll,
            edit=types.WorkspaceEdit(changes={uri: convert.to_text_edits(doc, edits, enc)})))
    return actions


def _workspace_config(ls: GwlintServer, uri: str) -> tuple[Path, str]:
    """The gwlint.toml to edit (the one in force, else one at the workspace
    root) and the file's path relative to it."""
    path = Path(uri_to_path(uri) or ".").resolve()
    found = ls.configs.config_file(path)
    if found is None or found.name != "gwlint.toml":
        root = ls.workspace.root_path
        found = Path(root) / "gwlint.toml" if root else path.parent / "gwlint.toml"
    try:
        rel = path.relative_to(found.parent).as_posix()
    except ValueError:
        rel = path.as_posix()
    return found, rel


@server.command(CMD_ALLOW)
def cmd_allow(ls: GwlintServer, uri: str, word: str):
    config, _ = _workspace_config(ls, uri)
    add_allowed_word(config, word)
    ls.relint_all()
    return str(config)


@server.command(CMD_IGNORE)
def cmd_ignore(ls: GwlintServer, uri: str, code: str):
    config, rel = _workspace_config(ls, uri)
    ignore_rule_for_file(config, rel, code)
    ls.relint_all()
    return str(config)


@server.command(CMD_BASELINE)
def cmd_baseline(ls: GwlintServer, uri: str, code: str, start: int, end: int):
    path = add_to_baseline(ls.document(uri), ls.config_for(uri), code, start, end, _workspace_config(ls, uri)[0])
    ls.relint_all()
    return path


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: GwlintServer, params: types.HoverParams):
    uri = params.text_document.uri
    if uri not in ls.texts:
        return None
    doc, found = ls.lint_uri(uri)
    offset = convert.position_to_offset(doc, params.position, ls.encoding)
    here = [d for d in found if d.span.start <= offset <= d.span.end]
    if not here:
        return None
    rules = ls.registry.rules
    parts = [f"**{d.message}**\n\n```\n{rules[d.code].explain()}\n```" for d in here]
    d0 = here[0]
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=convert.to_range(doc, d0.span.start, d0.span.end, ls.encoding))


@server.feature("gwlint/status")
def status(ls: GwlintServer, params=None):
    """How much work the server has done: lets a client (and the tests) see
    that hover and code actions reuse the last lint instead of linting again."""
    return {"lintCalls": ls.lint_calls, "documents": len(ls.texts)}


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: GwlintServer, params: types.DocumentSymbolParams):
    from gwlint.outline import parse_outline

    uri = params.text_document.uri
    if uri not in ls.texts:
        return []
    doc = ls.document(uri)
    enc = ls.encoding

    def symbol(node):
        line = doc.lines[node.line]
        return types.DocumentSymbol(
            name=f"{node.label} {node.title}".strip() or node.label, kind=types.SymbolKind.String,
            range=convert.to_range(doc, line.start, line.end, enc),
            selection_range=convert.to_range(doc, node.span.start, node.span.end, enc),
            children=[symbol(c) for c in node.children])

    return [symbol(n) for n in parse_outline(doc)]


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: GwlintServer, params: types.DidChangeConfigurationParams):
    ls.apply_settings(params.settings)
    ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: GwlintServer, params: types.DidChangeWatchedFilesParams):
    ls.relint_all()  # config files may have come, gone or changed: look for them again


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every gwlint error
        raise GwlintError(f"usage: gwlint lsp: {message} (see gwlint lsp --help)")


def argument_parser() -> argparse.ArgumentParser:
    p = _ArgumentParser(prog="gwlint lsp", allow_abbrev=False,
                        description="The gwlint language server (Language Server Protocol) on stdin/stdout. "
                                    "An editor starts it; it waits for the editor's messages.",
                        epilog="Settings (initializationOptions or workspace/didChangeConfiguration, under "
                               "\"gwlint\"): select, ignore, debounce. See README.md, section Editors.")
    p.add_argument("--debounce", type=float, metavar="MS",
                   help="wait this long after a change before linting (default 200 ms)")
    p.add_argument("--stdio", action="store_true",
                   help="talk over stdin/stdout: the only transport, accepted because clients pass it")
    return p


def main(args: list[str] | None = None) -> int:
    try:
        opts = argument_parser().parse_args(args or [])
    except SystemExit as exc:  # --help has been printed
        return int(exc.code or 0)
    if opts.debounce is not None:
        server.debounce = max(0.0, opts.debounce) / 1000
    logging.basicConfig(level=logging.WARNING)
    import gc

    gc.set_threshold(50_000, 20, 100)  # fewer collector pauses between keystrokes
    try:
        server.start_io()
    except SystemExit as exc:
        return int(exc.code or 0)
    # LSP: exit after shutdown is a clean stop (0); exit without it, or a lost client, is 1
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
