import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryableStatus, isSafeToResend, isThrottled, neverReachedServer, retryDelaySeconds } from '../../platform/src/retry';

test('5xx and 429 are retryable; 422 and other 4xx are not', () => {
  for (const status of [500, 502, 503, 504, 429]) assert.equal(isRetryableStatus(status), true, String(status));
  for (const status of [400, 401, 403, 404, 409, 422]) assert.equal(isRetryableStatus(status), false, String(status));
  assert.equal(isThrottled(503), true);
  assert.equal(isThrottled(429), true);
  assert.equal(isThrottled(500), false);
});

test('Retry-After follows dxpy: s + floor(0.25 * min(n-1, 20) * s), and s itself from 60 s up', () => {
  const throttled = (retryAfter: string) => ({ status: 503, retryAfter });
  assert.equal(retryDelaySeconds(1, throttled('1')), 1);
  assert.equal(retryDelaySeconds(2, throttled('1')), 1); // 1 + floor(0.25)
  assert.equal(retryDelaySeconds(5, throttled('1')), 2); // 1 + floor(1.0)
  assert.equal(retryDelaySeconds(3, throttled('10')), 15); // 10 + floor(5)
  assert.equal(retryDelaySeconds(100, throttled('10')), 60); // capped at 6x
  assert.equal(retryDelaySeconds(9, throttled('60')), 60);
  assert.equal(retryDelaySeconds(1, { status: 429, retryAfter: '3' }), 3);
  assert.equal(retryDelaySeconds(1, throttled('0')), 0);
});

test('without a usable Retry-After: 1 s, then a whole number in [2^(n-2), 2^(n-1)], n capped at 8', () => {
  assert.equal(retryDelaySeconds(1), 1);
  assert.equal(retryDelaySeconds(1, { status: 500, retryAfter: '7' }), 1, 'Retry-After only counts on 503/429');
  assert.equal(retryDelaySeconds(1, { status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }), 1);
  for (const [n, low, high] of [[2, 1, 2], [3, 2, 4], [4, 4, 8], [8, 64, 128], [12, 64, 128]]) {
    assert.equal(retryDelaySeconds(n, undefined, () => 0), low, `n=${n} low`);
    assert.equal(retryDelaySeconds(n, undefined, () => 0.999999), high, `n=${n} high`);
    const seen = retryDelaySeconds(n);
    assert.ok(Number.isInteger(seen) && seen >= low && seen <= high, `n=${n}: ${seen}`);
  }
});

test('routes safe to resend after an unknown outcome: idempotent ones and nonce-carrying creates', () => {
  for (const route of [
    '/record/new', '/record-B0FJgXy4Zg231jgbQ9zQ0003/describe', '/record-B0FJgXy4Zg231jgbQ9zQ0003/setDetails',
    '/system/whoami', '/system/findDataObjects', '/project-B0FJgXy4Zg231jgbQ9zQ0003/listFolder',
    '/container-B0FJgXy4Zg231jgbQ9zQ0003/newFolder', '/user-demo/describe',
  ]) assert.equal(isSafeToResend(route), true, route);
  for (const route of [
    '/project/new', '/project-B0FJgXy4Zg231jgbQ9zQ0003/removeObjects', '/project-B0FJgXy4Zg231jgbQ9zQ0003/move',
    '/project-B0FJgXy4Zg231jgbQ9zQ0003/clone', '/project-B0FJgXy4Zg231jgbQ9zQ0003/destroy', '/system/unknownThing',
  ]) assert.equal(isSafeToResend(route), false, route);
});

test('only errors that prove the request was never sent count as never reached', () => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ENETUNREACH']) assert.equal(neverReachedServer(code), true, code);
  for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', undefined]) assert.equal(neverReachedServer(code), false, String(code));
});
