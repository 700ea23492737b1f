'use strict';
/**
 * Without gwlint (a wrong gwlint.path) the extension still activates, says
 * once what to set, and Lint Workspace reports the same instead of failing.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');

const stub = require('./vscode-stub');
const vscode = stub.install();
const extension = require('../dist/extension.js');

test('a missing gwlint is a message naming gwlint.path, not a failed activation', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gwlint-vscode-missing-'));
  try {
    fs.writeFileSync(path.join(work, 'draft.txt'), '请XX同志发言。\n');
    stub.state.settings['gwlint.path'] = path.join(work, 'no-such-gwlint');
    vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(work), name: 'drafts', index: 0 }];
    stub.openTextDocument(path.join(work, 'draft.txt'), 'plaintext', '请XX同志发言。\n');
    const api = await extension.activate({ subscriptions: [] });
    assert.equal(api.languageClient(), undefined);
    const errors = stub.state.messages.filter(([kind]) => kind === 'error').map(([, text]) => text);
    assert.ok(errors.some((t) => t.includes('gwlint.path')), errors.join('\n'));

    stub.state.messages.length = 0;
    assert.equal(await vscode.commands.executeCommand('gwlint.lintWorkspace'), 0);
    const again = stub.state.messages.filter(([kind]) => kind === 'error').map(([, text]) => text);
    assert.ok(again.some((t) => t.includes('not found: set gwlint.path')), again.join('\n'));
    await extension.deactivate();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
