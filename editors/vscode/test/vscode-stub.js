'use strict';
/**
 * A small fake of the `vscode` API, enough for the gwlint extension and
 * vscode-languageclient's node client to activate and run outside VS Code.
 *
 * `install()` makes `require('vscode')` return it. The parts the extension
 * and the client use for real are implemented (URIs, ranges, documents, tabs,
 * events, configuration, commands, diagnostic collections, output channels);
 * any other member is a permissive no-op whose name is recorded in
 * `stub.unknown`, so a test can see what the fake did not model.
 */
const Module = require('module');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');

const unknown = new Set();

function permissive(name) {
  const target = function () {};
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === 'prototype') return t.prototype;
      if (prop === 'dispose') return () => {};
      return permissive(`${name}.${String(prop)}`);
    },
    apply() {
      unknown.add(name);
      return permissive(`${name}()`);
    },
    construct() {
      unknown.add(`new ${name}`);
      return permissive(`new ${name}`);
    },
  });
}

function withFallback(name, object) {
  return new Proxy(object, {
    get(t, prop) {
      if (prop in t || typeof prop === 'symbol' || prop === 'then' || prop === '__esModule') return t[prop];
      unknown.add(`${name}.${prop}`);
      return permissive(`${name}.${prop}`);
    },
  });
}

class Disposable {
  constructor(callOnDispose) { this._callOnDispose = callOnDispose; }
  static from(...disposables) {
    return new Disposable(() => { for (const d of disposables) if (d && typeof d.dispose === 'function') d.dispose(); });
  }
  dispose() { const f = this._callOnDispose; this._callOnDispose = undefined; if (typeof f === 'function') f(); }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(bound);
      const d = new Disposable(() => this._listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(data) { for (const l of [...this._listeners]) l(data); }
  dispose() { this._listeners.clear(); }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() { if (!this.token.isCancellationRequested) { this.token.isCancellationRequested = true; this._emitter.fire(); } }
  dispose() { this._emitter.dispose(); }
}

class CancellationError extends Error {}

class Uri {
  constructor(scheme, authority, upath, query, fragment) {
    this.scheme = scheme; this.authority = authority || ''; this.path = upath || '';
    this.query = query || ''; this.fragment = fragment || '';
  }
  static file(fsPath) { return new Uri('file', '', path.resolve(fsPath), '', ''); }
  static parse(value) {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`stub Uri.parse: not a URI: ${value}`);
    if (m[1] === 'file') return Uri.file(fileURLToPath(value));
    return new Uri(m[1], m[2], decodeURIComponent(m[3] || ''), m[4], m[5]);
  }
  static joinPath(base, ...parts) { return base.with({ path: path.posix.join(base.path, ...parts) }); }
  get fsPath() { return this.path; }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path,
      change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    return `${this.scheme}:${this.authority ? `//${this.authority}` : ''}${encodeURI(this.path)}` +
      `${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON() { return { scheme: this.scheme, path: this.path, external: this.toString() }; }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
  isBeforeOrEqual(o) { return !o.isBefore(this); }
  isAfter(o) { return o.isBefore(this); }
  isAfterOrEqual(o) { return !this.isBefore(o); }
  isEqual(o) { return this.line === o.line && this.character === o.character; }
  compareTo(o) { return this.isBefore(o) ? -1 : this.isEqual(o) ? 0 : 1; }
  translate(lineDelta = 0, characterDelta = 0) { return new Position(this.line + lineDelta, this.character + characterDelta); }
  with(line = this.line, character = this.character) { return new Position(line, character); }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); }
    else { this.start = a; this.end = b; }
    if (this.end.isBefore(this.start)) [this.start, this.end] = [this.end, this.start];
  }
  get isEmpty() { return this.start.isEqual(this.end); }
  get isSingleLine() { return this.start.line === this.end.line; }
  contains(p) {
    if (p instanceof Range) return this.contains(p.start) && this.contains(p.end);
    return p.isAfterOrEqual(this.start) && p.isBeforeOrEqual(this.end);
  }
  isEqual(o) { return this.start.isEqual(o.start) && this.end.isEqual(o.end); }
  with(start = this.start, end = this.end) { return new Range(start, end); }
}

class Selection extends Range {
  constructor(anchor, active) { super(anchor, active); this.anchor = anchor; this.active = active; }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) {
    this.range = range; this.message = message; this.severity = severity;
  }
}
class DiagnosticRelatedInformation { constructor(location, message) { this.location = location; this.message = message; } }
class Location { constructor(uri, rangeOrPosition) { this.uri = uri; this.range = rangeOrPosition; } }
class TextEdit {
  constructor(range, newText) { this.range = range; this.newText = newText; }
  static replace(range, newText) { return new TextEdit(range, newText); }
  static insert(position, newText) { return new TextEdit(new Range(position, position), newText); }
  static delete(range) { return new TextEdit(range, ''); }
}
class WorkspaceEdit {
  constructor() { this._edits = []; }
  replace(uri, range, newText) { this._edits.push({ uri, edit: new TextEdit(range, newText) }); }
  set(uri, edits) { for (const e of edits) this._edits.push({ uri, edit: e }); }
  entries() { return this._edits.map((e) => [e.uri, [e.edit]]); }
  get size() { return this._edits.length; }
}
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(`${this.value}.`); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Refactor = new CodeActionKind('refactor');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class MarkdownString {
  constructor(value = '', supportThemeIcons = false) { this.value = value; this.supportThemeIcons = supportThemeIcons; }
  appendText(v) { this.value += v; return this; }
  appendMarkdown(v) { this.value += v; return this; }
  appendCodeblock(v, lang = '') { this.value += `\n\`\`\`${lang}\n${v}\n\`\`\`\n`; return this; }
}
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }
class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) {
    Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
  }
}
class TabInputText { constructor(uri) { this.uri = uri; } }
class TabInputTextDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }
class TabInputCustom { constructor(uri, viewType) { this.uri = uri; this.viewType = viewType; } }
class RelativePattern { constructor(base, pattern) { this.baseUri = typeof base === 'string' ? Uri.file(base) : base.uri || base; this.pattern = pattern; } }

/** A text document over a string; lines split on \r\n, \r or \n. */
class TextDocument {
  constructor(uri, languageId, text, version = 1) {
    this.uri = uri; this.languageId = languageId; this.version = version; this._text = text;
    this.isClosed = false; this.isDirty = false; this.isUntitled = uri.scheme === 'untitled'; this.eol = 1;
  }
  get fileName() { return this.uri.fsPath; }
  get _lineStarts() {
    const starts = [0];
    const re = /\r\n|\r|\n/g;
    let m;
    while ((m = re.exec(this._text))) starts.push(m.index + m[0].length);
    return starts;
  }
  get lineCount() { return this._lineStarts.length; }
  offsetAt(pos) {
    const starts = this._lineStarts;
    if (pos.line >= starts.length) return this._text.length;
    return Math.min(starts[pos.line] + pos.character, pos.line + 1 < starts.length ? starts[pos.line + 1] : this._text.length);
  }
  positionAt(offset) {
    const starts = this._lineStarts;
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line += 1;
    return new Position(line, offset - starts[line]);
  }
  getText(range) {
    if (!range) return this._text;
    return this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  lineAt(lineOrPos) {
    const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
    const starts = this._lineStarts;
    const end = line + 1 < starts.length ? starts[line + 1] : this._text.length;
    const text = this._text.slice(starts[line], end).replace(/(\r\n|\r|\n)$/, '');
    return { lineNumber: line, text, range: new Range(line, 0, line, text.length) };
  }
  getWordRangeAtPosition() { return undefined; }
  save() { return Promise.resolve(true); }
}

class DiagnosticCollection {
  constructor(name) { this.name = name; this._map = new Map(); }
  set(uriOrEntries, diagnostics) {
    if (Array.isArray(uriOrEntries)) { for (const [u, d] of uriOrEntries) this.set(u, d); return; }
    if (!diagnostics || diagnostics.length === 0) this._map.delete(uriOrEntries.toString());
    else this._map.set(uriOrEntries.toString(), { uri: uriOrEntries, diagnostics: [...diagnostics] });
  }
  get(uri) { return this._map.get(uri.toString())?.diagnostics ?? []; }
  has(uri) { return this._map.has(uri.toString()); }
  delete(uri) { this._map.delete(uri.toString()); }
  clear() { this._map.clear(); }
  forEach(cb) { for (const { uri, diagnostics } of this._map.values()) cb(uri, diagnostics, this); }
  entries() { return [...this._map.values()].map(({ uri, diagnostics }) => [uri, diagnostics]); }
  dispose() { this._map.clear(); collections.delete(this); }
}

class OutputChannel {
  constructor(name) { this.name = name; this.text = ''; }
  append(v) { this.text += v; }
  appendLine(v) { this.text += `${v}\n`; }
  replace(v) { this.text = v; }
  clear() { this.text = ''; }
  show() {}
  hide() {}
  dispose() {}
  // LogOutputChannel
  trace(v) { this.appendLine(v); } debug(v) { this.appendLine(v); } info(v) { this.appendLine(v); }
  warn(v) { this.appendLine(v); } error(v) { this.appendLine(String(v)); }
}

const collections = new Set();
const channels = [];
const events = {
  openText: new EventEmitter(), closeText: new EventEmitter(), changeText: new EventEmitter(),
  saveText: new EventEmitter(), willSaveText: new EventEmitter(), configuration: new EventEmitter(),
  folders: new EventEmitter(), activeEditor: new EventEmitter(), visibleEditors: new EventEmitter(),
  tabs: new EventEmitter(),
};
const state = {
  settings: {},            // "gwlint.path" → value, as a user's settings.json
  messages: [],            // [kind, text] of every information/warning/error message shown
  inputBoxAnswer: undefined, // what the user types into an input box (undefined: accept the proposed value)
  executed: [],            // commands executed that nobody registered (e.g. workbench views)
};
const commandRegistry = new Map();
const textDocuments = [];
const tabs = [];

function selectorMatches(selector, document) {
  const filters = Array.isArray(selector) ? selector : [selector];
  let best = 0;
  for (const f of filters) {
    if (typeof f === 'string') { if (f === document.languageId) best = Math.max(best, 10); continue; }
    if (f.language && f.language !== '*' && f.language !== document.languageId) continue;
    if (f.scheme && f.scheme !== '*' && f.scheme !== document.uri.scheme) continue;
    if (f.notebookType) continue;
    best = Math.max(best, f.language && f.language !== '*' ? 10 : 5);
  }
  return best;
}

function message(kind) {
  return (text, ...rest) => { state.messages.push([kind, text]); return Promise.resolve(undefined); };
}

const window = withFallback('window', {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  onDidChangeActiveTextEditor: events.activeEditor.event,
  onDidChangeVisibleTextEditors: events.visibleEditors.event,
  tabGroups: { get all() { return [{ tabs }]; }, onDidChangeTabs: events.tabs.event },
  createOutputChannel: (name) => { const c = new OutputChannel(name); channels.push(c); return c; },
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  showInputBox: (options = {}) => Promise.resolve(state.inputBoxAnswer !== undefined ? state.inputBoxAnswer : options.value),
  showTextDocument: (doc) => Promise.resolve({ document: doc }),
  withProgress: (options, task) => Promise.resolve(task({ report() {} }, new CancellationTokenSource().token)),
});

function configuration(section) {
  const prefix = section ? `${section}.` : '';
  const defaults = contributedDefaults();
  return {
    get(key, fallback) {
      const full = prefix + key;
      if (full in state.settings) return state.settings[full];
      if (full in defaults) return defaults[full];
      return fallback;
    },
    has(key) { return (prefix + key) in state.settings || (prefix + key) in defaults; },
    inspect(key) {
      const full = prefix + key;
      return { key: full, defaultValue: defaults[full], globalValue: state.settings[full] };
    },
    update(key, value) { state.settings[prefix + key] = value; return Promise.resolve(); },
  };
}

let manifest;
function contributedDefaults() {
  if (!manifest) manifest = require(path.join(__dirname, '..', 'package.json'));
  const out = {};
  for (const [k, v] of Object.entries(manifest.contributes.configuration.properties)) out[k] = v.default;
  return out;
}

const workspace = withFallback('workspace', {
  workspaceFolders: [],
  textDocuments,
  notebookDocuments: [],
  getConfiguration: configuration,
  getWorkspaceFolder(uri) { return workspace.workspaceFolders.find((f) => uri.fsPath.startsWith(f.uri.fsPath)); },
  onDidOpenTextDocument: events.openText.event,
  onDidCloseTextDocument: events.closeText.event,
  onDidChangeTextDocument: events.changeText.event,
  onDidSaveTextDocument: events.saveText.event,
  onWillSaveTextDocument: events.willSaveText.event,
  onDidChangeConfiguration: events.configuration.event,
  onDidChangeWorkspaceFolders: events.folders.event,
  onDidOpenNotebookDocument: new EventEmitter().event,
  onDidCloseNotebookDocument: new EventEmitter().event,
  onDidChangeNotebookDocument: new EventEmitter().event,
  onDidSaveNotebookDocument: new EventEmitter().event,
  onDidCreateFiles: new EventEmitter().event,
  onDidRenameFiles: new EventEmitter().event,
  onDidDeleteFiles: new EventEmitter().event,
  onWillCreateFiles: new EventEmitter().event,
  onWillRenameFiles: new EventEmitter().event,
  onWillDeleteFiles: new EventEmitter().event,
  createFileSystemWatcher(glob) {
    return { glob, onDidCreate: new EventEmitter().event, onDidChange: new EventEmitter().event,
      onDidDelete: new EventEmitter().event, dispose() {} };
  },
  applyEdit: () => Promise.resolve(true),
});

const languages = withFallback('languages', {
  createDiagnosticCollection(name) { const c = new DiagnosticCollection(name); collections.add(c); return c; },
  getDiagnostics(uri) {
    if (!uri) return [];
    return [...collections].flatMap((c) => c.get(uri));
  },
  match: selectorMatches,
});
for (const name of ['registerCodeActionsProvider', 'registerHoverProvider', 'registerDocumentSymbolProvider',
  'registerCompletionItemProvider', 'registerDefinitionProvider']) {
  languages[name] = () => new Disposable();
}

const commands = withFallback('commands', {
  registerCommand(id, callback, thisArg) {
    if (commandRegistry.has(id)) throw new Error(`command '${id}' already exists`);
    commandRegistry.set(id, thisArg ? callback.bind(thisArg) : callback);
    return new Disposable(() => commandRegistry.delete(id));
  },
  executeCommand(id, ...args) {
    const f = commandRegistry.get(id);
    if (!f) { state.executed.push(id); return Promise.resolve(undefined); }
    try { return Promise.resolve(f(...args)); } catch (e) { return Promise.reject(e); }
  },
  getCommands: () => Promise.resolve([...commandRegistry.keys()]),
});

const vscode = withFallback('vscode', {
  version: '1.82.0',
  Disposable, EventEmitter, CancellationTokenSource, CancellationError, Uri, Position, Range, Selection,
  Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation, DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  Location, TextEdit, WorkspaceEdit, CodeAction, CodeActionKind, MarkdownString, Hover, DocumentSymbol,
  SymbolKind: new Proxy({}, { get: (t, p) => (typeof p === 'string' ? 0 : undefined) }),
  SymbolTag: { Deprecated: 1 },
  TabInputText, TabInputTextDiff, TabInputCustom, RelativePattern,
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  NotebookCellKind: { Markup: 1, Code: 2 },
  EndOfLine: { LF: 1, CRLF: 2 },
  env: withFallback('env', { appName: 'Visual Studio Code (stub)', language: 'zh-cn', machineId: 'stub',
    openExternal: () => Promise.resolve(true), uiKind: 1 }),
  window, workspace, languages, commands,
  extensions: withFallback('extensions', { getExtension: () => undefined, all: [] }),
});

/** Opens a document: in workspace.textDocuments, in a tab, and announced. */
function openTextDocument(fsPath, languageId, text) {
  const doc = new TextDocument(Uri.file(fsPath), languageId, text);
  textDocuments.push(doc);
  tabs.push({ input: new TabInputText(doc.uri), label: path.basename(fsPath) });
  events.tabs.fire({ opened: [tabs[tabs.length - 1]], closed: [], changed: [] });
  events.openText.fire(doc);
  return doc;
}

/** Makes `doc` the active editor, with `selection` (a Range) selected. */
function showEditor(doc, selection) {
  const sel = new Selection(selection.start, selection.end);
  const editor = { document: doc, selection: sel, selections: [sel], visibleRanges: [] };
  window.activeTextEditor = editor;
  window.visibleTextEditors = [editor];
  events.activeEditor.fire(editor);
  return editor;
}

/** Changes settings as a user would in settings.json, and announces it. */
function updateSettings(changes) {
  Object.assign(state.settings, changes);
  const keys = Object.keys(changes);
  events.configuration.fire({
    affectsConfiguration: (section) => keys.some((k) => k === section || k.startsWith(`${section}.`)),
  });
}

function install() {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'vscode') return 'vscode';
    return resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
  return vscode;
}

module.exports = {
  install, vscode, state, unknown, collections, channels, commandRegistry, openTextDocument, showEditor, updateSettings,
  TextDocument,
};
