// The repository stands alone: nothing cites a file outside it, and every citation of
// docs/platform-notes.md names a section that exists there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const tracked = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.sh', '*.md', '*.json'], { encoding: 'utf8' })
  .split('\n')
  .filter((path) => path && path !== 'package-lock.json' && !path.startsWith('test/e2e/code-server/'));
const texts = tracked.map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
function anchors(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));
}

test('no file cites the specification folder outside the repository', () => {
  // Spelled in pieces so that this file does not cite what it looks for.
  const citation = new RegExp(['\\.\\./shared/', 'shared' + '/spec', 'platform-api' + '\\.md', 'spec' + ' README', 'spec' + ' §'].join('|'));
  const outside = texts.filter(({ text }) => citation.test(text)).map(({ path }) => path);
  assert.deepEqual(outside, []);
});

test('every section of docs/platform-notes.md that is cited exists', () => {
  const known = anchors(readFileSync('docs/platform-notes.md', 'utf8'));
  assert.ok(known.size > 10, 'the notes have their sections');
  const cited = texts.flatMap(({ path, text }) => [...text.matchAll(/platform-notes\.md#([\w-]+)/g)].map((m) => ({ path, anchor: m[1] })));
  assert.ok(cited.length > 10, 'the code cites the notes');
  assert.deepEqual(cited.filter(({ anchor }) => !known.has(anchor)), []);
});
