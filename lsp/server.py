"""`gwlint lsp`: a language server on stdio, thin handlers over linter.lint().

Diagnostics are pushed on open, change (debounced) and save, or pulled with
textDocument/diagnostic by clients that support it (then never pushed, so a
client never sees them twice). Line-scoped rules are cached per line, so a
keystroke in a long speech re-runs little. Everything derived from one lint
(LSP diagnostics, unit tables, the fix-all edits) is made once per version
of the document and reused: editors ask for hover and code actions at every
cursor move.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from gwlint import __version__
from gwlint.config import DEFAULT_CONFIG, Config, ConfigResolver
from gwlint.engine import LineCache, lint
from gwlint.errors import GwlintError
from gwlint.fixes import choose_edits
from gwlint.model import Diagnostic, Document
from gwlint.rules import bundled_registry

from . import convert
from .allowlist import EditError, add_allowed_word, ignore_rule_for_file
from .settings import DEFAULT_DEBOUNCE_MS, SettingError, debounce_ms, rule_codes
from .suppress_actions import CMD_BASELINE, add_to_baseline, suppress_actions

log = logging.getLogger("gwlint.lsp")
CMD_ALLOW = "gwlint.addToAllowList"
CMD_IGNORE = "gwlint.ignoreRuleInFile"
MAX_ALLOWED_WORD = 50  # characters: a word or a phrase, not a paragraph


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


class Linted:
    """One lint of one version of a document, and what is derived from it,
    each made the first time it is asked for."""

    def __init__(self, doc: Document, config: Config, found: list[Diagnostic], encoding: str, uri: str,
                 on_fix_all=lambda: None):
        self.doc, self.config, self.found, self.uri = doc, config, found, uri
        self.on_fix_all = on_fix_all  # counts the (once per lint) choice of the fix-all edits
        self.positions = convert.Positions(doc, encoding)
        self._diagnostics: list[types.Diagnostic] | None = None
        self._fix_all = None
        self._fix_all_edits: list[types.TextEdit] | None = None

    def lsp_diagnostics(self) -> list[types.Diagnostic]:
        if self._diagnostics is None:
            self._diagnostics = [self.positions.diagnostic(d, self.uri) for d in self.found]
        return self._diagnostics

    def lsp_diagnostic(self, index: int) -> types.Diagnostic:
        return self.lsp_diagnostics()[index]

    def fix_all(self) -> list:
        """The safe edits of the whole document (gwlint edits)."""
        if self._fix_all is None:
            self.on_fix_all()
            self._fix_all = choose_edits(self.found)
        return self._fix_all

    def fix_all_edits(self) -> list[types.TextEdit]:
        if self._fix_all_edits is None:
            self._fix_all_edits = self.positions.text_edits(self.fix_all())
        return self._fix_all_edits


class GwlintServer(LanguageServer):
    def __init__(self):
        super().__init__("gwlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=GwlintProtocol)
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int | None] = {}
        self.results: dict[str, Linted] = {}  # uri → the last lint
        self.pending: dict[str, asyncio.Task] = {}
        self.cache = LineCache()
        self.registry = bundled_registry()
        self.configs = ConfigResolver(self.registry)  # the editor's select/ignore on top of gwlint.toml
        self.debounce = self.default_debounce = DEFAULT_DEBOUNCE_MS / 1000  # seconds; --debounce sets both
        self.pull = False
        self.resolve_edits = False  # the client resolves a code action's edit lazily (codeAction/resolve)
        self.lint_calls = 0  # how many times lint() ran (the tests check that answers reuse results)
        self.fix_all_calls = 0  # how many times the fix-all edits were chosen

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
            return DEFAULT_CONFIG.with_overrides(self.configs.select, self.configs.ignore, self.configs.options)

    def log(self, kind, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def tell(self, kind, message: str) -> None:
        """A message the user sees (window/showMessage), also logged."""
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"gwlint: {message}"))
        self.log(kind, message)

    def lint_uri(self, uri: str) -> Linted:
        """The last lint of the document while neither its text nor its
        configuration has changed (hover and code actions ask often)."""
        text = self.texts.get(uri, "")
        cfg = self.config_for(uri)
        cached = self.results.get(uri)
        if cached and cached.doc.text == text and cached.config == cfg:
            return cached

        def on_error(checker, exc):
            self.log(types.MessageType.Error, f"gwlint rule {checker.key} failed: {type(exc).__name__}: {exc}")

        self.lint_calls += 1
        doc = Document(text, path=uri_to_path(uri) or uri)
        found = lint(doc, cfg, self.registry, cache=self.cache, on_error=on_error)
        linted = self.results[uri] = Linted(doc, cfg, found, self.encoding, uri, self._count_fix_all)
        return linted

    def _count_fix_all(self) -> None:
        self.fix_all_calls += 1

    def lsp_diagnostics(self, uri: str) -> list[types.Diagnostic]:
        return self.lint_uri(uri).lsp_diagnostics()

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
        """Take the settings. Under "gwlint" they are the whole section: a key
        left out there goes back to its default (the configuration file
        decides ``select``/``ignore``); loose settings (no "gwlint" key) change
        only the keys they name, and ``{}``, which some clients send after
        initialising, changes nothing. A bad value is refused with a message
        to the user and the previous value stays."""
        if not isinstance(settings, dict):
            return
        whole = isinstance(settings.get("gwlint"), dict)
        settings = settings["gwlint"] if whole else settings
        for key in ("select", "ignore"):
            if settings.get(key) is None:
                if whole:
                    setattr(self.configs, key, None)
                continue
            try:
                codes = rule_codes(key, settings[key], self.registry)
            except SettingError as exc:
                self.tell(types.MessageType.Error, f"{exc}；该设置未生效。")
                continue
            setattr(self.configs, key, codes or None)  # empty: the configuration file decides
        self._apply_pack_options(settings, whole)
        if "debounce" not in settings:
            if whole:
                self.debounce = self.default_debounce
            return
        try:
            ms, note = debounce_ms(settings["debounce"])
        except SettingError as exc:
            self.tell(types.MessageType.Error, f"{exc}；仍为 {self.debounce * 1000:g} 毫秒。")
        else:
            if note:
                self.tell(types.MessageType.Warning, note)
            self.debounce = ms / 1000

    def _apply_pack_options(self, settings: dict, whole: bool) -> None:
        """Settings named like a pack option of gwlint.toml (typo-sensitivity)
        override the configuration file, parsed and checked by their pack."""
        from gwlint.errors import ConfigError

        for key, option in self.registry.options.items():
            if settings.get(key) is None:
                if whole:
                    self.configs.options.pop(key, None)
                continue
            try:
                roots = self.workspace_roots()
                self.configs.options[key] = option.parse(settings[key], roots[0] if roots else Path.cwd())
            except ConfigError as exc:
                self.tell(types.MessageType.Error, f"{exc}；该设置未生效。")

    def workspace_roots(self) -> list[Path]:
        """The folders the editor opened: the only places the server writes to."""
        uris = [f.uri for f in self.workspace.folders.values()] or [self.workspace.root_uri or ""]
        roots = []
        for uri in uris:
            path = uri_to_path(uri) if uri else None
            if path:
                roots.append(Path(os.path.realpath(path)))
        return roots


server = GwlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: GwlintServer, params: types.InitializeParams):
    caps = params.capabilities
    ls.pull = bool(caps.text_document and caps.text_document.diagnostic)
    action_caps = caps.text_document and caps.text_document.code_action
    resolve = action_caps and action_caps.resolve_support
    ls.resolve_edits = bool(resolve and "edit" in resolve.properties and action_caps.data_support)
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


def findings_at(found: list[Diagnostic], start: int, end: int) -> list[int]:
    """The indexes of the findings a cursor (start == end) or a selection
    touches, with spans as half-open ranges: a finding that ends where the
    cursor is is not under it; a zero-length finding at the cursor is."""
    out = []
    for i, d in enumerate(found):
        s, e = d.span.start, d.span.end
        if s == e:
            hit = start <= s <= end
        elif start == end:
            hit = s <= start < e
        else:
            hit = s < end and start < e
        if hit:
            out.append(i)
    return out


# ------------------------------------------------------------ code actions
#
# Quick fixes for one finding come from the providers in FINDING_ACTIONS, in
# order: each is called as provider(ls, linted, index) for the finding
# linted.found[index] (its LSP diagnostic: linted.lsp_diagnostic(index)) and
# returns a list of CodeActions. A new kind of action is one more provider
# appended to the list.

def rule_fix_action(ls: GwlintServer, linted: Linted, i: int) -> list[types.CodeAction]:
    d = linted.found[i]
    if not d.fix:
        return []
    return [types.CodeAction(
        title=f"{d.fix.title}（{d.code}）", kind=types.CodeActionKind.QuickFix,
        diagnostics=[linted.lsp_diagnostic(i)], is_preferred=d.fix.safe,
        edit=types.WorkspaceEdit(changes={linted.uri: linted.positions.text_edits(list(d.fix.edits))}))]


def allowable_word(linted: Linted, i: int) -> str | None:
    """The text of a finding, if it can be offered for the allow list."""
    d = linted.found[i]
    word = linted.doc.text[d.span.start:d.span.end].strip()
    return word if word and "\n" not in word and "\r" not in word and len(word) <= 20 else None


def allow_word_action(ls: GwlintServer, linted: Linted, i: int) -> list[types.CodeAction]:
    word = allowable_word(linted, i)
    target = config_target(ls, linted.uri) if word else None
    if target is None:
        return []
    return [types.CodeAction(
        title=f"把“{word}”加入允许词表（{target[0].name}）",
        kind=types.CodeActionKind.QuickFix, diagnostics=[linted.lsp_diagnostic(i)],
        command=types.Command(title="allow", command=CMD_ALLOW, arguments=[linted.uri, word]))]


def ignore_in_file_action(ls: GwlintServer, linted: Linted, i: int) -> list[types.CodeAction]:
    d = linted.found[i]
    if config_target(ls, linted.uri) is None:
        return []
    return [types.CodeAction(
        title=f"在本文件中忽略 {d.code}", kind=types.CodeActionKind.QuickFix,
        diagnostics=[linted.lsp_diagnostic(i)],
        command=types.Command(title="ignore", command=CMD_IGNORE, arguments=[linted.uri, d.code]))]


def ignore_here_action(ls: GwlintServer, linted: Linted, i: int) -> list[types.CodeAction]:
    """A directive where the format has comments (an edit of the document
    only), else "add to baseline", a command that writes a file: offered
    only where the config commands may write."""
    from gwlint.suppress import COMMENT_KINDS

    if linted.doc.kind not in COMMENT_KINDS and config_target(ls, linted.uri) is None:
        return []
    return suppress_actions(linted.doc, linted.found[i], linted.uri, ls.encoding, linted.lsp_diagnostic(i))


FINDING_ACTIONS = [rule_fix_action, allow_word_action, ignore_in_file_action, ignore_here_action]


def _wants(only, kind: str) -> bool:
    """Whether a code action request's ``only`` filter admits ``kind``."""
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix,
                                                           types.CodeActionKind.SourceFixAll],
                                        resolve_provider=True))
def code_actions(ls: GwlintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    if uri not in ls.texts:
        return []
    linted = ls.lint_uri(uri)
    only = params.context.only if params.context else None
    actions = []
    if _wants(only, types.CodeActionKind.QuickFix):
        start = linted.positions.offset(params.range.start)
        end = linted.positions.offset(params.range.end)
        start, end = min(start, end), max(start, end)
        for i in findings_at(linted.found, start, end):
            for provider in FINDING_ACTIONS:
                actions.extend(provider(ls, linted, i))
    if _wants(only, types.CodeActionKind.SourceFixAll) and linted.fix_all():
        action = types.CodeAction(
            title=f"修复本文件中全部可安全修复的问题（{len(linted.fix_all())}处）",
            kind=types.CodeActionKind.SourceFixAll)
        if ls.resolve_edits:  # the edits (thousands, perhaps) only if the user picks it
            action.data = {"fixAll": uri, "version": ls.versions.get(uri)}
        else:
            action.edit = types.WorkspaceEdit(changes={uri: linted.fix_all_edits()})
        actions.append(action)
    return actions


@server.feature(types.CODE_ACTION_RESOLVE)
def resolve_code_action(ls: GwlintServer, action: types.CodeAction):
    data = action.data if isinstance(action.data, dict) else {}
    uri = data.get("fixAll")
    if isinstance(uri, str) and uri in ls.texts:
        action.edit = types.WorkspaceEdit(changes={uri: ls.lint_uri(uri).fix_all_edits()})
    return action


@server.feature("gwlint/status")
def status(ls: GwlintServer, params=None):
    """How much work the server has done and the settings in force: lets a
    client (and the tests) see that hover and code actions reuse the last
    lint and the fix-all edits instead of making them again."""
    return {"lintCalls": ls.lint_calls, "fixAllCalls": ls.fix_all_calls, "documents": len(ls.texts),
            "debounceMs": ls.debounce * 1000, "select": ls.configs.select, "ignore": ls.configs.ignore}


# ---------------------------------------------------------------- commands

def config_target(ls: GwlintServer, uri: str) -> tuple[Path, Path] | None:
    """The configuration file the commands edit for ``uri`` and the
    document's path: the configuration in force (gwlint.toml, or
    pyproject.toml with [tool.gwlint]), else a new gwlint.toml at the root
    of the workspace folder holding the document. None when that would be
    outside every workspace folder (an untitled document, a file opened
    from elsewhere, a configuration in force above the workspace)."""
    path = uri_to_path(uri)
    if path is None:
        return None
    doc = Path(os.path.realpath(path))
    roots = ls.workspace_roots()
    inside = [r for r in roots if doc.is_relative_to(r)]
    if not inside:
        return None
    config = ls.configs.config_file(doc)
    if config is None:
        config = max(inside, key=lambda r: len(r.parts)) / "gwlint.toml"
    # the file's own place (a symlinked config: where the link is) must be in the workspace
    where = Path(os.path.realpath(config.parent)) / config.name
    if not any(where.is_relative_to(r) for r in roots):
        return None
    return where, doc


def _refuse(message: str):
    raise JsonRpcInvalidParams(message=f"gwlint: {message}")


def _command_target(ls: GwlintServer, args: tuple, what: str) -> tuple[Linted, str, Path, Path]:
    """Check a command's arguments, ``[uri, value]``, as the server offered
    them: an open document that the commands may configure, and a string."""
    if len(args) != 2 or not isinstance(args[0], str) or not isinstance(args[1], str):
        _refuse(f"{what} expects [document URI, string], got {list(args)!r}")
    uri, value = args
    if uri not in ls.texts:
        _refuse(f"{uri} is not an open document")
    ls.configs.forget()  # a config file may have come or gone without the client telling
    target = config_target(ls, uri)
    if target is None:
        _refuse(f"{uri}: no configuration inside the workspace to edit (the document is not a file "
                "in a workspace folder, or the configuration in force is outside it)")
    return ls.lint_uri(uri), value, *target


@server.command(CMD_ALLOW)
def cmd_allow(ls: GwlintServer, *args):
    """Add a word to ``allow``. The word must be text of the document, on one
    line (what the code action offers, or a selection the client sends)."""
    linted, word, config, _ = _command_target(ls, args, CMD_ALLOW)
    word = word.strip()
    if not word or len(word) > MAX_ALLOWED_WORD or any(ord(c) < 32 or ord(c) == 127 for c in word):
        _refuse(f"not a word to allow: {word[:80]!r}")
    if word not in linted.doc.text:
        _refuse(f"“{word}” does not occur in {linted.uri}")
    return _edit_config(ls, lambda: add_allowed_word(config, word, ls.registry), config)


@server.command(CMD_IGNORE)
def cmd_ignore(ls: GwlintServer, *args):
    """Ignore a rule in one file: a rule the server reports in it."""
    linted, code, config, doc = _command_target(ls, args, CMD_IGNORE)
    if code not in {d.code for d in linted.found}:
        _refuse(f"{code!r} is not a rule gwlint reports in {linted.uri}")
    rel = os.path.relpath(doc, Path(os.path.realpath(config.parent))).replace(os.sep, "/")
    return _edit_config(ls, lambda: ignore_rule_for_file(config, rel, code, ls.registry), config)


def _edit_config(ls: GwlintServer, edit, config: Path) -> str:
    try:
        edit()
    except (EditError, OSError) as exc:
        _refuse(str(exc))
    ls.relint_all()
    return str(config)


@server.command(CMD_BASELINE)
def cmd_baseline(ls: GwlintServer, *args):
    """Record one finding in the baseline: ``[uri, code, start, end]`` as
    the code action offered it, i.e. a finding of the current lint."""
    if len(args) != 4 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args[2:]):
        _refuse(f"{CMD_BASELINE} expects [document URI, code, start, end], got {list(args)!r}")
    linted, code, config, _ = _command_target(ls, args[:2], CMD_BASELINE)
    start, end = args[2:]
    if not any(d.code == code and (d.span.start, d.span.end) == (start, end) for d in linted.found):
        _refuse(f"no {code!r} finding at {start}–{end} in {linted.uri}")
    try:
        path = add_to_baseline(linted.doc, linted.config, code, start, end, config)
    except (GwlintError, OSError) as exc:
        _refuse(str(exc))
    ls.relint_all()
    return path


# ------------------------------------------------------------ other features

@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: GwlintServer, params: types.HoverParams):
    uri = params.text_document.uri
    if uri not in ls.texts:
        return None
    linted = ls.lint_uri(uri)
    offset = linted.positions.offset(params.position)
    here = [linted.found[i] for i in findings_at(linted.found, offset, offset)]
    if not here:
        return None
    rules = ls.registry.rules
    parts = [f"**{d.message}**\n\n```\n{rules[d.code].explain()}\n```" for d in here]
    d0 = here[0]
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=linted.positions.range(d0.span.start, d0.span.end))


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: GwlintServer, params: types.DocumentSymbolParams):
    from gwlint.outline import parse_outline

    uri = params.text_document.uri
    if uri not in ls.texts:
        return []
    linted = ls.lint_uri(uri)
    doc, positions = linted.doc, linted.positions

    def symbol(node):
        line = doc.lines[node.line]
        return types.DocumentSymbol(
            name=f"{node.label} {node.title}".strip() or node.label, kind=types.SymbolKind.String,
            range=positions.range(line.start, line.end),
            selection_range=positions.range(node.span.start, node.span.end),
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


def _debounce_option(value: str) -> float:
    try:
        return debounce_ms(float(value))[0]
    except (ValueError, SettingError) as exc:
        raise argparse.ArgumentTypeError(f"not a number of milliseconds from 0 to 5000: {value!r}") from exc


def argument_parser() -> argparse.ArgumentParser:
    p = _ArgumentParser(prog="gwlint lsp", allow_abbrev=False,
                        description="The gwlint language server (Language Server Protocol) on stdin/stdout. "
                                    "An editor starts it; it waits for the editor's messages.",
                        epilog="Settings (initializationOptions or workspace/didChangeConfiguration, under "
                               "\"gwlint\"): select, ignore (rule codes or prefixes; unknown ones are refused), "
                               "debounce (milliseconds, 0-5000). See README.md, section Editors.")
    p.add_argument("--debounce", type=_debounce_option, metavar="MS",
                   help=f"wait this many milliseconds after a change before linting "
                        f"(default {DEFAULT_DEBOUNCE_MS}; 0 to 5000, larger values are clamped)")
    p.add_argument("--stdio", action="store_true",
                   help="talk over stdin/stdout: the only transport, accepted because clients pass it")
    return p


def main(args: list[str] | None = None) -> int:
    try:
        opts = argument_parser().parse_args(args or [])
    except SystemExit as exc:  # --help has been printed
        return int(exc.code or 0)
    if opts.debounce is not None:
        server.debounce = server.default_debounce = opts.debounce / 1000
    logging.basicConfig(level=logging.WARNING)
    import gc

    gc.set_threshold(50_000, 20, 100)  # fewer collector pauses between keystrokes
    try:
        server.start_io()
    except SystemExit as exc:
        return int(exc.code or 0)
    # LSP: exit after shutdown is a clean stop (0); exit without it, or a lost client, is 1
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
