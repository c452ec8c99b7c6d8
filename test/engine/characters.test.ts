// Ranges and quoted text never split a character: an emoji is two UTF-16 units (a surrogate
// pair), and a range or message that holds only one of them shows a broken glyph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidationResult } from '../../server/src/engine';
import { PROJECT, one, record, spanOf, validate } from './helpers';

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function isInsidePair(text: string, offset: number): boolean {
  return /[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? '');
}

function assertWholeCharacters(text: string, result: ValidationResult): void {
  assert.ok(result.diagnostics.length > 0);
  for (const d of result.diagnostics) {
    assert.ok(!isInsidePair(text, d.offset) && !isInsidePair(text, d.offset + d.length), `${d.code} range ${d.offset}+${d.length} splits a pair`);
    assert.doesNotMatch(d.message, LONE_SURROGATE, d.message);
  }
}

test('an invalid escape before an emoji covers the whole emoji, in its range and its message', () => {
  const text = `{"project": "${PROJECT}", "name": "\\😀"}`;
  const result = validate(text);
  assertWholeCharacters(text, result);
  const d = one(result, 'json-syntax');
  assert.equal(spanOf(text, d), '\\😀');
  assert.match(d.message, /"\\😀" is not a JSON escape/);
});

test('a long value is shortened for its message before an emoji, never between its halves', () => {
  const value = `${'a'.repeat(59)}😀${'b'.repeat(20)}`;
  const text = record({ project: value });
  const result = validate(text);
  assertWholeCharacters(text, result);
  assert.match(one(result, 'invalid-id').message, new RegExp(`"a{59}…"`));
});

test('an emoji where an ID or a type allows only letters is named whole', () => {
  const text = record({ initializeFrom: { project: PROJECT, id: `record-😀${'x'.repeat(22)}` }, types: ['Run😀'] });
  const result = validate(text);
  assertWholeCharacters(text, result);
  assert.match(one(result, 'invalid-id').message, /contains "😀"/);
  assert.match(one(result, 'type-name-invalid').message, /contains "😀"/);
});

test('a byte-order mark after the object is one error, saying what the invisible character is', () => {
  const text = `${record()}\uFEFF`;
  const d = one(validate(text), 'json-syntax');
  assert.equal(d.offset, text.length - 1);
  assert.match(d.message, /byte-order mark \(U\+FEFF\)/);
});

test('any text after the object is one error at that spot', () => {
  const text = `${record()} extra`;
  const d = one(validate(text), 'json-syntax');
  assert.equal(spanOf(text, d), 'extra');
  assert.match(d.message, /after the end of the JSON value/);
});
