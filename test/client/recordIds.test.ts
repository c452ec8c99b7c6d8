// Record IDs from the input box and the cursor, the recent-ID list, and how platform findings
// merge into the pure diagnostics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idAtOffset } from '../../common/dxIds';
import { recordIdAt, recordIdProblem, rememberId } from '../../platform/src/records/recordIds';
import { validateRecord } from '../../server/src/engine/index';
import { supersede } from '../../server/src/languageService/platform/checks';

const ID = 'record-B0FJgXy4Zg231jgbQ9zQ0003';

test('the input box accepts record IDs only, and says what is wrong otherwise', () => {
  assert.equal(recordIdProblem(ID), undefined);
  assert.equal(recordIdProblem(`  ${ID} `), undefined);
  assert.match(recordIdProblem('record-123') ?? '', /24 letters and digits/);
  assert.match(recordIdProblem('file-B0FJgXy4Zg231jgbQ9zQ0003') ?? '', /Enter a record ID/);
});

test('the ID under the cursor is found anywhere in it, or just after it', () => {
  const text = `{"details": {"x": {"$dnanexus_link": "${ID}"}}}`;
  const start = text.indexOf(ID);
  for (const offset of [start, start + 10, start + ID.length]) assert.equal(recordIdAt(text, offset), ID);
  assert.equal(recordIdAt(text, start - 2), undefined);
  assert.deepEqual(idAtOffset(`"project-B0FJgXy4Zg231jgbQ9zQ0003"`, 5), { id: 'project-B0FJgXy4Zg231jgbQ9zQ0003', offset: 1, length: 32 });
  assert.equal(recordIdAt(`"project-B0FJgXy4Zg231jgbQ9zQ0003"`, 5), undefined, 'a project ID is not a record ID');
});

test('recent IDs: newest first, no duplicates, bounded', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `record-${String(i).padStart(24, '0')}`);
  let recent: string[] = [];
  for (const id of ids) recent = rememberId(recent, id);
  assert.equal(recent.length, 10);
  assert.equal(recent[0], ids[11]);
  assert.deepEqual(rememberId(recent, ids[5]).slice(0, 2), [ids[5], ids[11]]);
  assert.equal(new Set(rememberId(recent, ids[5])).size, 10);
});

test('a platform finding replaces the pure one on the same span and code; others are added in order', () => {
  const text = `{"project": "project-B0FJgXy4Zg231jgbQ9zQ0003", "folder": "/a", "details": {"l": {"$dnanexus_link": "${ID}"}}}`;
  const { diagnostics, facts } = validateRecord(text);
  const hint = diagnostics.find((d) => d.code === 'folder-needs-parents');
  assert.equal(hint?.severity, 'information');
  const folder = facts.folder!;
  const link = facts.links[0];
  const found = [
    { code: 'link-target-not-found' as const, severity: 'warning' as const, message: 'gone', range: link.range, offset: link.offset, length: link.length },
    { code: 'folder-needs-parents' as const, severity: 'warning' as const, message: 'missing', range: folder.range, offset: folder.offset, length: folder.length },
  ];
  const merged = supersede(diagnostics, found);
  assert.deepEqual(merged.map((d) => `${d.code}:${d.severity}`), ['folder-needs-parents:warning', 'link-target-not-found:warning']);
  assert.deepEqual(merged.map((d) => d.offset), [...merged.map((d) => d.offset)].sort((a, b) => a - b));
});
