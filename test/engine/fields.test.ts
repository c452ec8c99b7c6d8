import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESCRIBE_FIELDS, RECORD_FIELDS, nearMiss } from '../../server/src/engine';
import { PROJECT, codes, one, only, record, spanOf, validate } from './helpers';

test('a complete valid record has no diagnostics', () => {
  const text = record({
    name: 'n', tags: ['t'], types: ['T'], hidden: false, properties: { k: 'v' }, details: {}, folder: '/',
    close: false, parents: false, initializeFrom: { project: PROJECT, id: 'record-GFy0Pz80Jx5Qpb1ZV7jK2X9G' }, nonce: 'abc',
  });
  assert.deepEqual(validate(text).diagnostics, []);
});

test('the schema lists exactly the /record/new inputs', () => {
  assert.deepEqual([...RECORD_FIELDS].sort(), ['close', 'details', 'folder', 'hidden', 'initializeFrom', 'name', 'nonce', 'parents', 'project', 'properties', 'tags', 'types']);
});

test('missing project is reported on the opening brace', () => {
  const text = '  {"name": "x"}';
  const d = one(validate(text), 'missing-project');
  assert.equal(d.offset, 2);
  assert.equal(d.length, 1);
  assert.deepEqual(d.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
});

test('unknown keys are errors on the key, with a suggestion only for near misses', () => {
  const cases: [string, string | undefined][] = [
    ['detials', 'details'], ['Name', 'name'], ['PROJECT_', 'project'], ['tag', 'tags'], ['projct', 'project'],
    ['foldr', 'folder'], ['initialiseFrom', 'initializeFrom'], ['colour', undefined], ['x', undefined],
  ];
  for (const [key, suggestion] of cases) {
    const text = record({ [key]: 1 });
    const d = one(validate(text), 'unknown-field');
    assert.equal(d.severity, 'error');
    assert.equal(spanOf(text, d), JSON.stringify(key));
    assert.deepEqual(d.data, suggestion ? { suggestion } : undefined, key);
    if (suggestion) assert.match(d.message, new RegExp(`Did you mean "${suggestion}"`));
  }
  assert.equal(nearMiss('hiden'), 'hidden');
});

test('describe-output keys are warnings that say so, each on its key', () => {
  assert.equal(DESCRIBE_FIELDS.length, 8);
  for (const key of DESCRIBE_FIELDS) {
    const text = record({ [key]: 'x' });
    const d = one(validate(text), 'describe-field');
    assert.equal(d.severity, 'warning');
    assert.equal(spanOf(text, d), JSON.stringify(key));
    assert.match(d.message, /describe output/);
    assert.ok(!codes(validate(text)).includes('unknown-field'));
  }
});

test('booleans of the wrong type are type mismatches on the value', () => {
  for (const key of ['hidden', 'close', 'parents']) {
    const text = record({ [key]: 'true' });
    const d = one(validate(text), 'type-mismatch');
    assert.equal(spanOf(text, d), '"true"');
    assert.match(d.message, new RegExp(`"${key}" must be true or false; found the text "true"`));
  }
  one(validate(record({ name: 3 })), 'type-mismatch');
  one(validate(record({ types: {} })), 'type-mismatch');
});

test('a top-level value that is not an object is not-an-object over the whole value', () => {
  for (const text of ['[1, 2]', '"project-x"', '42', 'null']) {
    const result = validate(text);
    const d = one(result, 'not-an-object');
    assert.equal(spanOf(text, d), text);
    assert.deepEqual(codes(result), ['not-an-object']);
  }
});

test('diagnostics come sorted by offset', () => {
  const text = record({ zzz: 1, name: '', tags: [''], properties: { '': 5 }, id: 'x', folder: 'rel' });
  const offsets = validate(text).diagnostics.map((d) => d.offset);
  assert.ok(offsets.length >= 6);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
});

test('the last of duplicated top-level fields is the one checked, as the platform would see it', () => {
  const text = `{"project": "${PROJECT}", "name": "", "name": "fine"}`;
  assert.deepEqual(codes(validate(text)), ['duplicate-key']);
  only(validate(`{"project": "${PROJECT}", "name": "fine", "name": ""}`), 'name-invalid', 1);
});

test('a repeated field is type-checked as its last occurrence only', () => {
  const text = `{"project": "${PROJECT}", "hidden": "yes", "hidden": true}`;
  assert.deepEqual(codes(validate(text)), ['duplicate-key']);
  const flipped = `{"project": "${PROJECT}", "hidden": true, "hidden": "yes"}`;
  const d = one(validate(flipped), 'type-mismatch');
  assert.equal(d.offset, flipped.lastIndexOf('"yes"'));
});

test('deep nesting inside a materialized field is handled without recursion', () => {
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  const result = validate(`{"project": "${PROJECT}", "tags": ${deep}, "properties": {"k": ${deep}}}`);
  assert.deepEqual(codes(result), ['type-mismatch', 'property-value-not-string']);
});
