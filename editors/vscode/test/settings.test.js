'use strict';
/** The pure parts: settings → server launch and options, JSON findings → problems. */
const { test } = require('node:test');
const assert = require('node:assert/strict');

const { readSettings, serverSettings, serverExecutable, lintArguments } = require('../out/settings.js');
const { problemsByFile, utf16Character, splitLines } = require('../out/findings.js');

function config(values, chosen = Object.keys(values)) {
  return {
    get: (key) => values[key],
    inspect: (key) => (chosen.includes(key) ? { globalValue: values[key] } : { defaultValue: values[key] }),
  };
}

test('defaults: gwlint on PATH, nothing sent, so gwlint.toml decides', () => {
  const s = readSettings(config({ path: 'gwlint', typoSensitivity: 'default', select: [], ignore: [] }, []));
  assert.deepEqual(serverExecutable(s), { command: 'gwlint', args: ['lsp'] });
  assert.deepEqual(serverSettings(s), { gwlint: {} });
  assert.deepEqual(lintArguments(s, '/w'), ['--format', 'json', '--no-progress', '/w']);
});

test('chosen settings are sent under "gwlint", with the tier as typo-sensitivity', () => {
  const s = readSettings(config({ path: ' /opt/gw/bin/gwlint ', typoSensitivity: 'review', select: ['ty', ' pu0 '],
    ignore: ['LY004', ''] }));
  assert.deepEqual(serverExecutable(s), { command: '/opt/gw/bin/gwlint', args: ['lsp'] });
  assert.deepEqual(serverSettings(s), { gwlint: { select: ['TY', 'PU0'], ignore: ['LY004'], 'typo-sensitivity': 'review' } });
  assert.deepEqual(lintArguments(s, '/w'),
    ['--format', 'json', '--no-progress', '--select', 'TY,PU0', '--ignore', 'LY004', '/w']);
});

test('a tier that is not default or review is not sent; an empty path means gwlint', () => {
  const s = readSettings(config({ path: '', typoSensitivity: 'paranoid', select: 'TY', ignore: null }));
  assert.equal(s.path, 'gwlint');
  assert.deepEqual(serverSettings(s), { gwlint: {} });
});

test('code-point columns become UTF-16 units (astral characters take two)', () => {
  assert.equal(utf16Character('𠀀请XX', 3), 3);
  assert.equal(utf16Character('请XX', 2), 1);
  assert.equal(utf16Character(undefined, 5), 4);
  assert.equal(utf16Character('ab', 6), 5); // past the end: as given
  assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
});

test('findings are grouped by absolute file, 0-based lines, severities as the server maps them', () => {
  const finding = (p, code, severity, line, start, end) =>
    ({ path: p, code, severity, message: code, start: { line, column: start }, end: { line, column: end } });
  const byFile = problemsByFile([
    finding('a.txt', 'TY001', 'error', 2, 4, 11),
    finding('/abs/b.md', 'LY004', 'hint', 1, 3, 5),
    finding('a.txt', 'PH001', 'warning', 2, 13, 15),
  ], '/work', (file) => (file === '/abs/b.md' ? ['𠀀x  '] : undefined));
  assert.deepEqual([...byFile.keys()], ['/work/a.txt', '/abs/b.md']);
  assert.deepEqual(byFile.get('/work/a.txt').map((p) => [p.code, p.severity, p.startLine, p.startCharacter]),
    [['TY001', 0, 1, 3], ['PH001', 1, 1, 12]]);
  assert.deepEqual(byFile.get('/abs/b.md').map((p) => [p.severity, p.startCharacter, p.endCharacter]), [[3, 3, 5]]);
});
