import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DETAILS_LARGE_BYTES } from '../../server/src/engine';
import { FILE, RECORD, codes, naivePosition, one, only, record, spanOf, validate } from './helpers';

test('well-formed string links anywhere in details are fine and become facts', () => {
  const text = record({ details: { a: { $dnanexus_link: FILE }, b: [[[{ $dnanexus_link: RECORD }]]] } });
  const result = validate(text);
  assert.deepEqual(codes(result), []);
  assert.deepEqual(result.facts.links.map((l) => l.value), [FILE, RECORD]);
  for (const link of result.facts.links) {
    assert.equal(spanOf(text, link), JSON.stringify(link.value));
    assert.deepEqual(link.range.start, naivePosition(text, link.offset));
    assert.deepEqual(JSON.parse(JSON.stringify(link)), { value: link.value, offset: link.offset, length: link.length, range: link.range });
  }
});

test('details may itself be a link, or an array of links', () => {
  assert.deepEqual(codes(validate(record({ details: { $dnanexus_link: FILE } }))), []);
  assert.deepEqual(codes(validate(record({ details: [{ $dnanexus_link: FILE }] }))), []);
});

test('the project form {project, id} is a warning on the whole value (decision 1 revised), its id a link fact', () => {
  const value = { project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', id: FILE };
  const text = record({ details: { deep: [[{ x: { $dnanexus_link: value } }]] } });
  const result = validate(text);
  const d = one(result, 'link-project-form');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(codes(result), ['link-project-form']);
  assert.deepEqual(JSON.parse(spanOf(text, d)), value);
  assert.deepEqual(d.data, { id: FILE });
  assert.match(d.message, /project hint/);
  assert.deepEqual(result.facts.links.map((l) => [l.value, spanOf(text, l)]), [[FILE, JSON.stringify(FILE)]]);
});

test('a project-form id that is not a data-object ID is also link-target-malformed, and no fact', () => {
  const text = record({ details: { $dnanexus_link: { id: 'hello', project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq' } } });
  const result = validate(text);
  assert.deepEqual(codes(result), ['link-project-form', 'link-target-malformed']);
  assert.deepEqual(result.facts.links, []);
});

test('an object link value that is not exactly the {project, id} pair stays an error, with the id for the fix', () => {
  for (const value of [{ id: FILE }, { project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', id: FILE, extra: 1 }, { project: 7, id: FILE }]) {
    const text = record({ details: { a: { $dnanexus_link: value } } });
    const d = one(validate(text), 'link-value-not-string');
    assert.equal(d.severity, 'error');
    assert.deepEqual(JSON.parse(spanOf(text, d)), value);
    assert.deepEqual(d.data, { id: FILE });
  }
});

test('a link hash with other keys is an error on the "$dnanexus_link" key, pointing at its object', () => {
  const text = record({ details: { list: [[{ note: 1, $dnanexus_link: FILE, more: 2 }]] } });
  const d = one(validate(text), 'link-extra-keys');
  assert.equal(spanOf(text, d), '"$dnanexus_link"');
  const objectOffset = (d.data as { objectOffset: number }).objectOffset;
  assert.equal(text[objectOffset], '{');
  assert.deepEqual(JSON.parse(text.slice(objectOffset, text.indexOf('}', objectOffset) + 1)), { note: 1, $dnanexus_link: FILE, more: 2 });
  assert.match(d.message, /2 other keys/);
});

test('a link string that is not a data-object ID is a warning; a project ID is not a data object', () => {
  for (const target of ['hello world', 'file-123', 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', 'job-GFxBq2j0Jx5QZ8gk4Yp9VbKq']) {
    const text = record({ details: { a: [{ $dnanexus_link: target }] } });
    const result = validate(text);
    const d = one(result, 'link-target-malformed');
    assert.equal(d.severity, 'warning');
    assert.equal(spanOf(text, d), JSON.stringify(target));
    assert.deepEqual(result.facts.links, []);
  }
});

test('a link target outside the ID alphabet gets id-alphabet, and stays a fact', () => {
  const target = 'file-aaaaaaaaaaaaaaaaaaaaaaaa';
  const text = record({ details: { a: { $dnanexus_link: target } } });
  const result = validate(text);
  const d = one(result, 'id-alphabet');
  assert.equal(d.severity, 'warning');
  assert.equal(spanOf(text, d), JSON.stringify(target));
  assert.equal(result.facts.links[0].value, target);
});

test('"$dnanexus_link" outside details is not a link rule', () => {
  assert.deepEqual(codes(validate(record({ properties: { $dnanexus_link: 'x' } }))), []);
});

test('escaped spelling of "$dnanexus_link" is still the reserved key', () => {
  const text = record({ details: { a: { k: 1 } } }).replace('"k": 1', '"\\u0024dnanexus_link": 5');
  one(validate(text), 'link-value-not-string');
});

test('details that is not an object or array is details-not-container on the value', () => {
  for (const value of ['text', 5, null, true]) {
    const text = record({ details: value });
    const d = one(validate(text), 'details-not-container');
    assert.equal(spanOf(text, d), JSON.stringify(value));
    assert.ok(!codes(validate(text)).includes('type-mismatch'));
  }
});

test('details-large: compact UTF-8 size at the limit is fine, one byte over warns on the "details" key', () => {
  const details = { text: 'é€🧬'.repeat(50), list: [1.5, 100, -0.25, true, null, { k: 'v' }] };
  const size = Buffer.byteLength(JSON.stringify(details));
  const text = record({ details });
  assert.deepEqual(codes(validate(text, { detailsLargeBytes: size })), []);
  const d = one(validate(text, { detailsLargeBytes: size - 1 }), 'details-large');
  assert.equal(d.severity, 'warning');
  assert.equal(spanOf(text, d), '"details"');
  assert.match(d.message, new RegExp(`${size.toLocaleString('en-US')} bytes`));
});

test('details-large default is 1 MiB', () => {
  assert.equal(DEFAULT_DETAILS_LARGE_BYTES, 1048576);
  const filler = 'x'.repeat(DEFAULT_DETAILS_LARGE_BYTES - 10);
  assert.deepEqual(codes(validate(record({ details: [filler] }))), []); // 1 MiB - 6 bytes
  one(validate(record({ details: [filler + 'x'.repeat(7)] })), 'details-large'); // 1 MiB + 1
});

test('size is of the compact serialisation, so indentation and number spelling do not count', () => {
  const details = { a: [1.0, 1e2, 0.5, 'x'] };
  const compact = JSON.stringify(JSON.parse(JSON.stringify(details)));
  const text = `{"project": "project-GFxBq2j0Jx5QZ8gk4Yp9VbKq",\n  "details": {\n    "a": [ 1.0, 1e2, 0.5, "x" ]\n  }\n}`;
  assert.deepEqual(codes(validate(text, { detailsLargeBytes: Buffer.byteLength(compact) })), []);
  one(validate(text, { detailsLargeBytes: Buffer.byteLength(compact) - 1 }), 'details-large');
});

test('every broken link in a large nested details is found', () => {
  const details = Array.from({ length: 200 }, (_, i) => (i % 50 === 0 ? [[{ $dnanexus_link: 7 }]] : [[{ $dnanexus_link: FILE }]]));
  only(validate(record({ details })), 'link-value-not-string', 4);
});

test('size counts escapes as JSON.stringify writes them back', () => {
  const raw = String.raw`["a\"b\\c\/d\n\t\u00e9\u20ac\ud83e\udde0\u0001\u0041"]`;
  const size = Buffer.byteLength(JSON.stringify(JSON.parse(raw)));
  const text = `{"project": "project-GFxBq2j0Jx5QZ8gk4Yp9VbKq", "details": ${raw}}`;
  assert.deepEqual(codes(validate(text, { detailsLargeBytes: size })), []);
  one(validate(text, { detailsLargeBytes: size - 1 }), 'details-large');
  const keyed = `{"project": "project-GFxBq2j0Jx5QZ8gk4Yp9VbKq", "details": {"k\\u00e9\\/": 1}}`;
  const keySize = Buffer.byteLength(JSON.stringify(JSON.parse(keyed).details));
  assert.deepEqual(codes(validate(keyed, { detailsLargeBytes: keySize })), []);
  one(validate(keyed, { detailsLargeBytes: keySize - 1 }), 'details-large');
});
