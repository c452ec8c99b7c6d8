import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NONCE_MAX_BYTES } from '../../server/src/engine';
import { codes, one, record, spanOf, validate } from './helpers';

test('folder "/" needs nothing; any other folder without parents: true is information', () => {
  assert.deepEqual(codes(validate(record({ folder: '/' }))), []);
  assert.deepEqual(codes(validate(record({ folder: '/a/b', parents: true }))), []);
  for (const parents of [undefined, false]) {
    const text = record({ folder: '/a/b', parents });
    const d = one(validate(text), 'folder-needs-parents');
    assert.equal(d.severity, 'information');
    assert.equal(spanOf(text, d), '"/a/b"');
  }
});

test('folder facts carry the folder and parents', () => {
  const result = validate(record({ folder: '/a', parents: true }));
  assert.equal(result.facts.folder?.value, '/a');
  assert.equal(result.facts.parents, true);
});

test('folder-invalid: relative, "." or ".." segments, control characters', () => {
  for (const folder of ['a/b', '', '/a/../b', '/./a', '/a/..', '/a\tb']) {
    const text = record({ folder, parents: true });
    const d = one(validate(text), 'folder-invalid');
    assert.equal(d.severity, 'error');
    assert.equal(spanOf(text, d), JSON.stringify(folder));
    assert.ok(!codes(validate(text)).includes('folder-not-normalized'));
  }
  // Dots inside a name are fine.
  assert.deepEqual(codes(validate(record({ folder: '/a.b/...', parents: true }))), []);
});

test('folder-not-normalized: "//" or a trailing "/" is information naming the stored form', () => {
  for (const [folder, stored] of [['/a//b', '/a/b'], ['/a/', '/a'], ['//', '/']]) {
    const d = one(validate(record({ folder, parents: true })), 'folder-not-normalized');
    assert.equal(d.severity, 'information');
    assert.ok(d.message.includes(JSON.stringify(stored)), d.message);
  }
  assert.deepEqual(codes(validate(record({ folder: '//' }))), ['folder-not-normalized'], '"//" is the root: no parents needed');
});

test('folder and parents of the wrong type are type mismatches', () => {
  assert.deepEqual(codes(validate(record({ folder: 5 }))), ['type-mismatch']);
  assert.deepEqual(codes(validate(record({ folder: '/', parents: 'yes' }))), ['type-mismatch']);
});

test('nonce: 128 bytes is fine, 129 is not, counted in UTF-8', () => {
  assert.equal(NONCE_MAX_BYTES, 128);
  assert.deepEqual(codes(validate(record({ nonce: 'n'.repeat(128) }))), []);
  assert.deepEqual(codes(validate(record({ nonce: '€'.repeat(42) + 'nn' }))), []);
  for (const nonce of ['n'.repeat(129), '€'.repeat(43)]) {
    const text = record({ nonce });
    const d = one(validate(text), 'nonce-invalid');
    assert.match(d.message, /129 bytes in UTF-8; the limit is 128/);
    assert.equal(spanOf(text, d), JSON.stringify(nonce));
  }
});

test('nonce: empty is invalid; a number is a type mismatch', () => {
  assert.match(one(validate(record({ nonce: '' })), 'nonce-invalid').message, /empty/);
  assert.deepEqual(codes(validate(record({ nonce: 7 }))), ['type-mismatch']);
});
