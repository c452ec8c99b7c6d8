import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeNonce } from '../../common/nonce';
import { withNonce } from '../../platform/src/nonce';

test('nonces have dxpy format: 64 hex characters then the time as %f, within 128 bytes', () => {
  const nonce = makeNonce(1_764_190_000_123);
  assert.match(nonce, /^[0-9a-f]{64}1764190000\.123000$/);
  assert.equal(nonce.length, 81);
  assert.ok(Buffer.byteLength(nonce, 'utf8') <= 128);
  assert.notEqual(makeNonce(), makeNonce());
});

test('withNonce adds a nonce when missing or empty, keeps an existing one, and does not mutate', () => {
  const input = { project: 'project-B0FJgXy4Zg231jgbQ9zQ0003' };
  const added = withNonce(input);
  assert.match(String(added.nonce), /^[0-9a-f]{64}\d+\.\d{6}$/);
  assert.equal('nonce' in input, false);
  assert.match(String(withNonce({ ...input, nonce: '' }).nonce), /^[0-9a-f]{64}/);
  assert.equal(withNonce({ ...input, nonce: 'mine' }).nonce, 'mine');
});
