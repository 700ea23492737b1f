'use strict';
/**
 * The compiled extension, activated against the `vscode` stub: it registers
 * its commands, its vscode-languageclient really spawns `gwlint lsp` and gets
 * diagnostics for an open document, the settings reach the server, "Add Word
 * to Allow List" goes through the server's gwlint.addToAllowList, "Lint
 * Workspace" lists the other files' findings, and deactivation stops the
 * server. GWLINT_PATH names the gwlint executable (default: gwlint on PATH).
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');

const stub = require('./vscode-stub');
const vscode = stub.install();
const extension = require('../dist/extension.js');
const manifest = require('../package.json');

const GWLINT = process.env.GWLINT_PATH || 'gwlint';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gwlint-vscode-'));
const DRAFT = '同志们：\n我们要市帜鲜明讲政治，请XX同志发言。  \n';
let api;
let draft;

async function until(what, predicate, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function collection(name) {
  return [...stub.collections].find((c) => c.name === name);
}

function codes(diagnostics) {
  return diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort();
}

before(async () => {
  fs.writeFileSync(path.join(work, 'draft.txt'), DRAFT);
  fs.writeFileSync(path.join(work, 'other.txt'), '同志们：\n请**同志发言。\n');
  fs.mkdirSync(path.join(work, 'sub'));
  fs.writeFileSync(path.join(work, 'sub', 'astral.md'), '𠀀请XX同志发言。\n');
  Object.assign(stub.state.settings, {
    'gwlint.path': GWLINT,
    'gwlint.ignore': ['LY004'],
    'gwlint.typoSensitivity': 'review',
    'gwlint.trace.server': 'verbose',
  });
  vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(work), name: 'drafts', index: 0 }];
  // an editor restored from the last session: open before activation
  draft = stub.openTextDocument(path.join(work, 'draft.txt'), 'plaintext', DRAFT);
  api = await extension.activate({ subscriptions: [], extensionPath: path.join(__dirname, '..') });
});

after(async () => {
  await extension.deactivate();
  fs.rmSync(work, { recursive: true, force: true });
});

test('activation registers the contributed commands and the server\'s own', async () => {
  const contributed = manifest.contributes.commands.map((c) => c.command);
  for (const id of contributed) assert.ok(stub.commandRegistry.has(id), id);
  // vscode-languageclient registers the server's executeCommand commands
  assert.ok(stub.commandRegistry.has('gwlint.addToAllowList'));
  assert.ok(stub.commandRegistry.has('gwlint.ignoreRuleInFile'));
  const client = api.languageClient();
  assert.ok(client && client.isRunning(), 'the language client runs');
  assert.equal(client.initializeResult.serverInfo.name, 'gwlint');
  assert.deepEqual(stub.state.messages.filter(([kind]) => kind === 'error'), []);
});

test('the client spawns gwlint lsp and gets diagnostics for the open document', async () => {
  const diagnostics = await until('diagnostics', () => {
    const found = collection('gwlint')?.get(draft.uri) ?? [];
    return found.length ? found : undefined;
  });
  assert.deepEqual(codes(diagnostics), ['PH001', 'TY001']); // LY004 ignored by the setting
  const typo = diagnostics.find((d) => codes([d])[0] === 'TY001');
  assert.equal(draft.getText(typo.range), '市帜鲜明讲政治');
  assert.match(typo.message, /旗帜鲜明讲政治/);
  assert.equal(typo.source, 'gwlint');
  assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
});

test('the settings reach the server as initializationOptions', () => {
  const trace = stub.channels.map((c) => c.text).join('\n');
  const init = trace.slice(trace.indexOf("Sending request 'initialize"));
  assert.match(init, /"initializationOptions": \{\s*"gwlint": \{\s*"ignore": \[\s*"LY004"\s*\],\s*"typo-sensitivity": "review"/);
});

test('Lint Workspace lists the findings of the files not open, in UTF-16 columns', async () => {
  const total = await vscode.commands.executeCommand('gwlint.lintWorkspace');
  assert.equal(total, 4); // draft.txt 2 (LY004 ignored), other.txt 1, sub/astral.md 1
  const problems = collection('gwlint-workspace');
  const files = problems.entries().map(([uri]) => path.relative(work, uri.fsPath)).sort();
  assert.deepEqual(files, ['other.txt', path.join('sub', 'astral.md')]); // draft.txt: the server's live findings
  const [astral] = problems.get(vscode.Uri.file(path.join(work, 'sub', 'astral.md')));
  assert.equal(astral.code, 'PH001');
  assert.deepEqual([astral.range.start.line, astral.range.start.character, astral.range.end.character], [0, 3, 5]);
  assert.ok(stub.state.executed.includes('workbench.actions.view.problems'));
});

test('Add Word to Allow List proposes the finding at the cursor and writes gwlint.toml through the server', async () => {
  const typo = collection('gwlint').get(draft.uri).find((d) => codes([d])[0] === 'TY001');
  const inside = typo.range.start.translate(0, 2);
  stub.showEditor(draft, new vscode.Range(inside, inside)); // a cursor, no selection
  const written = await vscode.commands.executeCommand('gwlint.addWordToAllowList');
  assert.equal(written, path.join(work, 'gwlint.toml'));
  assert.match(fs.readFileSync(written, 'utf8'), /allow = \[\s*"市帜鲜明讲政治"/);
  // the server re-lints: the allowed word is no longer flagged
  await until('the allowed word to go', () => {
    const now = collection('gwlint').get(draft.uri);
    return now.length && !codes(now).includes('TY001');
  });
});

test('a settings change is sent to the server and re-lints', async () => {
  stub.updateSettings({ 'gwlint.ignore': ['LY004', 'PH'] });
  await until('PH001 to go', () => codes(collection('gwlint').get(draft.uri)).length === 0 || undefined);
  stub.updateSettings({ 'gwlint.ignore': ['LY'] });
  await until('PH001 to come back', () => codes(collection('gwlint').get(draft.uri)).includes('PH001'));
});

test('deactivation stops the server', async () => {
  const client = api.languageClient();
  await extension.deactivate();
  assert.equal(client.isRunning(), false);
  assert.equal(api.languageClient(), undefined);
});
