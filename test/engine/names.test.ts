import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, one, only, record, spanOf, validate } from './helpers';

test('name: any text without control characters; DEL and emoji are fine', () => {
  assert.deepEqual(codes(validate(record({ name: 'Sample 42 — Zoë 🧬 \u007f' }))), []);
});

test('name: empty or with a control character is name-invalid on the value', () => {
  for (const [name, message] of [['', /empty/], ['a\tb', /a tab at character 2/], ['line\nbreak', /line break/], ['x\u0001', /U\+0001/]] as const) {
    const text = record({ name });
    const d = one(validate(text), 'name-invalid');
    assert.match(d.message, message);
    assert.equal(spanOf(text, d), JSON.stringify(name));
  }
});

test('tags: each empty tag is an error on that element', () => {
  const text = record({ tags: ['ok', '', 'also', ''] });
  const found = only(validate(text), 'tag-empty', 2);
  assert.deepEqual(found.map((d) => spanOf(text, d)), ['""', '""']);
  assert.match(found[0].message, /Tag 2/);
});

test('tags: a non-string tag or a non-array is a type mismatch', () => {
  const text = record({ tags: ['a', 5] });
  assert.match(one(validate(text), 'type-mismatch').message, /"tags\[1\]" must be text/);
  one(validate(record({ tags: 'a' })), 'type-mismatch');
});

test('types: letters, digits, _ and / are fine', () => {
  assert.deepEqual(codes(validate(record({ types: ['SampleManifest', 'a/b_c9'] }))), []);
});

test('types: a hyphen alone is a warning, anything else an error, on the element', () => {
  const text = record({ types: ['history-record', 'has space', 'both-and space', ''] });
  const found = only(validate(text), 'type-name-invalid', 4);
  assert.deepEqual(found.map((d) => d.severity), ['warning', 'error', 'error', 'error']);
  assert.deepEqual(found.map((d) => spanOf(text, d)), ['"history-record"', '"has space"', '"both-and space"', '""']);
  assert.match(found[2].message, /"-", " "/);
});
