// TypeSchemaFinder answers with the same object while nothing changed — the language server keeps
// a document's model (its engine result, its object index) only while its schemas are identical.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TypeSchemaFinder } from '../../common/typeSchemaFiles';

describe('TypeSchemaFinder answers by identity while nothing changed', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dxrecord-type-finder-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('a record with no .dxrecord above it gets the same empty answer every time', () => {
    const finder = new TypeSchemaFinder();
    const record = join(folder, 'plain/a.dxrecord.json');
    const first = finder.forRecord(record);
    assert.deepEqual(first, {});
    assert.equal(finder.forRecord(record), first);
    assert.equal(finder.forRecord(join(folder, 'other/b.dxrecord.json')), first);
  });

  test('a record under .dxrecord/types gets the same answer until a schema file changes', () => {
    const finder = new TypeSchemaFinder();
    mkdirSync(join(folder, 'team/.dxrecord/types'), { recursive: true });
    const record = join(folder, 'team/a.dxrecord.json');
    writeFileSync(join(folder, 'team/.dxrecord/types/Sheet.schema.json'), '{"type": "object"}');
    const first = finder.forRecord(record);
    assert.deepEqual(Object.keys(first), ['Sheet']);
    assert.equal(finder.forRecord(record), first);
    writeFileSync(join(folder, 'team/.dxrecord/types/Other.schema.json'), '{"type": "object"}');
    assert.notEqual(finder.forRecord(record), first);
  });
});
