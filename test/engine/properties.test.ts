import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8Length } from '../../server/src/engine';
import { codes, one, only, record, spanOf, validate } from './helpers';

// One character of each UTF-8 width: 1, 2, 3 and 4 bytes (the last is 2 UTF-16 units).
const CHARS = [
  { ch: 'a', bytes: 1 },
  { ch: 'é', bytes: 2 },
  { ch: '€', bytes: 3 },
  { ch: '🧬', bytes: 4 },
];

function ofBytes(ch: string, bytes: number, total: number): string {
  const n = Math.floor(total / bytes);
  const s = ch.repeat(n) + 'a'.repeat(total - n * bytes);
  assert.equal(utf8Length(s), total);
  return s;
}

for (const { ch, bytes } of CHARS) {
  test(`property value of 700 bytes from ${bytes}-byte characters is fine, 701 is not`, () => {
    assert.deepEqual(codes(validate(record({ properties: { k: ofBytes(ch, bytes, 700) } }))), []);
    const text = record({ properties: { k: ofBytes(ch, bytes, 701) } });
    const d = one(validate(text), 'property-value-too-long');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /701 bytes in UTF-8; the limit is 700/);
    assert.equal(JSON.parse(spanOf(text, d)), ofBytes(ch, bytes, 701));
  });

  test(`property key of 100 bytes from ${bytes}-byte characters is fine, 101 is not`, () => {
    assert.deepEqual(codes(validate(record({ properties: { [ofBytes(ch, bytes, 100)]: 'v' } }))), []);
    const key = ofBytes(ch, bytes, 101);
    const text = record({ properties: { [key]: 'v' } });
    const d = one(validate(text), 'property-key-too-long');
    assert.match(d.message, /101 bytes in UTF-8; the limit is 100/);
    assert.equal(spanOf(text, d), JSON.stringify(key));
  });
}

test('a value counted in bytes, not characters: 350 two-byte characters is 700 bytes, 351 is over', () => {
  assert.deepEqual(codes(validate(record({ properties: { k: 'é'.repeat(350) } }))), []);
  one(validate(record({ properties: { k: 'é'.repeat(351) } })), 'property-value-too-long');
});

test('escaped characters are measured decoded: \\u00e9 counts as the 2 bytes of é', () => {
  const text = record({ properties: { k: 'x' } }).replace('"x"', `"${'\\u00e9'.repeat(351)}"`);
  assert.match(one(validate(text), 'property-value-too-long').message, /702 bytes/);
});

test('non-string property values, null included, are errors on the value', () => {
  const text = record({ properties: { a: 1, b: null, c: true, d: ['x'], e: 'fine' } });
  const found = only(validate(text), 'property-value-not-string', 4);
  assert.deepEqual(found.map((d) => spanOf(text, d).replace(/\s/g, '')), ['1', 'null', 'true', '["x"]']);
  assert.match(found[1].message, /null/);
  assert.ok(!codes(validate(text)).includes('type-mismatch'), 'no second diagnostic for the same value');
});

test('an empty property key is an error on the key', () => {
  const text = record({ properties: { '': 'v' } });
  const d = one(validate(text), 'property-key-empty');
  assert.equal(spanOf(text, d), '""');
});

test('properties that is not an object is a type mismatch', () => {
  const text = record({ properties: ['a'] });
  const d = one(validate(text), 'type-mismatch');
  assert.match(d.message, /"properties" must be an object/);
});

test('utf8Length counts surrogate pairs as 4 bytes and ASCII as 1', () => {
  assert.equal(utf8Length(''), 0);
  assert.equal(utf8Length('abc'), 3);
  assert.equal(utf8Length('é€🧬'), 2 + 3 + 4);
  assert.equal(utf8Length('🧬'), Buffer.byteLength('🧬'));
});
