// Named hostile inputs through the engine: each finishes with the right diagnostics, no throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MANY_ERROR_KINDS, MANY_ERRORS } from '../../bench/manyErrors';
import { NESTING, namedTexts } from './namedCases';
import { assertRangeMatchesOffsets, codes, one, only, spanOf, validate } from './helpers';

test('an empty text is one json-syntax error', () => {
  assert.match(one(validate(namedTexts.empty()), 'json-syntax').message, /empty/);
});

test('binary data decoded as text (zero bytes, U+FFFD) gives syntax errors and nothing else', () => {
  const result = validate('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\uFFFD\uFFFD');
  assert.ok(result.diagnostics.length > 0);
  assert.deepEqual([...new Set(codes(result))], ['json-syntax']);
});

test('CRLF: lines and characters are LSP positions of the text', () => {
  const text = namedTexts.crlf();
  const result = validate(text);
  for (const d of result.diagnostics) assertRangeMatchesOffsets(text, d);
  assert.deepEqual(codes(result), ['name-invalid', 'tag-empty']);
  assert.equal(one(result, 'tag-empty').range.start.line, 5);
});

test('10 MB of valid details: only the details-large warning', () => {
  const text = namedTexts.tenMegabytes();
  assert.ok(text.length > 10_000_000);
  assert.deepEqual(codes(validate(text)), ['details-large']);
});

test(`${NESTING.toLocaleString('en')} nesting levels, closed or not, are parsed without recursion`, () => {
  assert.deepEqual(codes(validate(namedTexts.deepDetails())), []);
  const unclosed = validate(namedTexts.deepUnclosed());
  assert.match(one(unclosed, 'json-syntax').message, /ends too early/);
});

test('a 5 MB string is measured in UTF-8 bytes', () => {
  const d = one(validate(namedTexts.fiveMegabyteString()), 'property-value-too-long');
  assert.match(d.message, / 5242880 bytes in UTF-8; the limit is 700/);
});

test('100,000 valid properties are clean', () => {
  assert.deepEqual(codes(validate(namedTexts.manyProperties())), []);
});

for (const [code, make] of Object.entries(MANY_ERROR_KINDS)) {
  test(`${MANY_ERRORS.toLocaleString('en')} × ${code}: every one reported, on its own span`, () => {
    const text = make(MANY_ERRORS);
    const found = only(validate(text), code, MANY_ERRORS);
    assert.equal(new Set(found.map((d) => d.offset)).size, MANY_ERRORS);
    for (const d of [found[0], found[MANY_ERRORS >> 1], found[MANY_ERRORS - 1]]) {
      assert.ok(spanOf(text, d).length > 0 || d.length === 0);
      assertRangeMatchesOffsets(text, d);
    }
  });
}
