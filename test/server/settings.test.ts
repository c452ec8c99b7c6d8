// Settings parsing and the exclude globs, as pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globToRegExp, isExcluded, normalizeSettings } from '../../server/src/lsp/settings';

test('settings of the wrong type fall back to the defaults; the debounce is clamped', () => {
  assert.deepEqual(normalizeSettings({ validation: { enable: 'no', exclude: ['a', 3, ''], debounceMs: -5 } }), {
    validation: { enable: true, exclude: ['a'], debounceMs: 0 },
  });
  assert.equal(normalizeSettings({ validation: { debounceMs: 1e9 } }).validation.debounceMs, 10_000);
  assert.equal(normalizeSettings({ validation: { enable: false } }).validation.enable, false);
});

test('glob syntax: **, *, ?, braces and classes', () => {
  const cases: [string, string, boolean][] = [
    ['**/drafts/**', 'a/drafts/b/c.dxrecord.json', true],
    ['**/drafts/**', 'drafts/c.dxrecord.json', true],
    ['drafts/*', 'drafts/sub/c.json', false],
    ['*.tmp.dxrecord.json', 'x.tmp.dxrecord.json', true],
    ['?.json', 'ab.json', false],
    ['{a,b}/*.json', 'b/x.json', true],
    ['[ab]*.json', 'c.json', false],
    ['[!ab]*.json', 'c.json', true],
    ['a.b', 'axb', false],
  ];
  for (const [glob, path, expected] of cases) assert.equal(globToRegExp(glob).test(path), expected, `${glob} vs ${path}`);
});

test('exclusion matches relative to each workspace folder, by file name, or by absolute path', () => {
  const folders = ['/ws/one', '/ws/two/'];
  assert.equal(isExcluded('/ws/two/drafts/a.dxrecord.json', folders, ['drafts/**']), true);
  assert.equal(isExcluded('/elsewhere/drafts/a.dxrecord.json', folders, ['drafts/**']), false);
  assert.equal(isExcluded('/elsewhere/x.tmp.dxrecord.json', folders, ['*.tmp.dxrecord.json']), true);
  assert.equal(isExcluded('/elsewhere/a.dxrecord.json', folders, ['/elsewhere/**']), true);
  assert.equal(isExcluded('C:\\ws\\one\\drafts\\a.dxrecord.json', ['C:\\ws\\one'], ['drafts/**']), true);
  assert.equal(isExcluded('/ws/one/a.dxrecord.json', folders, []), false);
});
