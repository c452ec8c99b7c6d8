import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, expectError, world, type World } from './helpers.js';

// The test-only /system routes that dxpy's own HTTP tests call.
describe('system test routes', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('comeBackLater tells the server time, then answers 503 with Retry-After until waitUntil', async () => {
    const { currentTime } = (await w.api('/system/comeBackLater', {})).body;
    assert.equal(typeof currentTime, 'number');
    const later = await w.api('/system/comeBackLater', { waitUntil: currentTime + 8000 });
    expectError(later, 503, 'ServiceUnavailable');
    const seconds = Number(later.headers.get('retry-after'));
    assert.ok(seconds >= 7 && seconds <= 8, `Retry-After ${seconds}`);
    const bare = await w.api('/system/comeBackLater', { waitUntil: currentTime + 8000, setRetryAfter: false });
    expectError(bare, 503, 'ServiceUnavailable');
    assert.equal(bare.headers.get('retry-after'), null);
    assert.equal((await w.api('/system/comeBackLater', { waitUntil: currentTime - 1 })).status, 200);
    expectError(await w.api('/system/comeBackLater', { waitUntil: 'soon' }), 422, 'InvalidInput');
  });

  it('headers echoes the request headers in lower case, never the credentials', async () => {
    const reply = await call(w.emu, w.alice.token, '/system/headers', {}, { 'User-Agent': 'dxpy/0.413.0 (Linux)', Cookie: 'c=1' });
    assert.equal(reply.body['user-agent'], 'dxpy/0.413.0 (Linux)');
    assert.equal(reply.body['content-type'], 'application/json');
    assert.equal(reply.body.authorization, undefined);
    assert.equal(reply.body.cookie, undefined);
    assert.ok(!JSON.stringify(reply.body).includes(w.alice.token));
  });
});
