import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminCall, call, expectError, world, type World } from './helpers.js';

describe('nonces', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('replays an identical request with the identical response and no new record', async () => {
    const input = { project: w.project, name: 'once', details: { a: [1, 2] }, nonce: 'n-replay' };
    const first = await w.api('/record/new', input);
    const count = w.emu.admin.countObjects({ projectId: w.project });
    const second = await w.api('/record/new', { nonce: 'n-replay', details: { a: [1, 2] }, name: 'once', project: w.project });
    assert.deepEqual(second.body, first.body, 'key order does not make a different input');
    assert.equal(w.emu.admin.countObjects({ projectId: w.project }), count);
  });

  it('rejects reuse with a different input', async () => {
    await w.api('/record/new', { project: w.project, name: 'a', nonce: 'n-reuse' });
    const reply = await w.api('/record/new', { project: w.project, name: 'b', nonce: 'n-reuse' });
    expectError(reply, 422, 'InvalidInput');
    assert.equal(reply.body.error.message, 'Nonce was reused for an earlier API request that had a different input');
  });

  it('keeps nonces per caller', async () => {
    w.emu.admin.grant(w.project, w.bob.userId, 'UPLOAD');
    const mine = await w.api('/record/new', { project: w.project, nonce: 'n-user' });
    const bobs = await w.asBob('/record/new', { project: w.project, nonce: 'n-user' });
    assert.notEqual(mine.body.id, bobs.body.id);
  });

  it('limits nonces to 128 bytes of UTF-8', async () => {
    assert.equal((await w.api('/record/new', { project: w.project, nonce: 'n'.repeat(128) })).status, 200);
    expectError(await w.api('/record/new', { project: w.project, nonce: 'n'.repeat(129) }), 422, 'InvalidInput');
    expectError(await w.api('/record/new', { project: w.project, nonce: 'é'.repeat(65) }), 422, 'InvalidInput');
    expectError(await w.api('/record/new', { project: w.project, nonce: '' }), 422, 'InvalidInput');
  });

  it('a failed create does not consume the nonce', async () => {
    const input = { project: w.project, folder: '/later', nonce: 'n-after-failure' };
    expectError(await w.api('/record/new', input), 404, 'ResourceNotFound');
    await w.api(`/${w.project}/newFolder`, { folder: '/later' });
    assert.equal((await w.api('/record/new', input)).status, 200);
  });
});

describe('fault injection', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('fails the next N calls of a route with a status, error type and Retry-After', async () => {
    w.emu.admin.injectFault({ route: '/system/whoami', kind: 'status', status: 503, retryAfter: 2, count: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await w.api('/system/whoami', {});
      expectError(reply, 503, 'ServiceUnavailable');
      assert.equal(reply.headers.get('retry-after'), '2');
    }
    assert.equal((await w.api('/system/whoami', {})).status, 200);
    w.emu.admin.injectFault({ route: '*', kind: 'status', status: 429, errorType: 'RateLimitConditional' });
    expectError(await w.api('/system/findProjects', {}), 429, 'RateLimitConditional');
    w.emu.admin.injectFault({ route: '/system/whoami', kind: 'status', status: 429, errorType: 'TooManyRequests', retryAfter: 1 });
    expectError(await w.api('/system/whoami', {}), 429, 'TooManyRequests');
  });

  it('matches a route template such as /record-xxxx/describe', async () => {
    const id = (await w.api('/record/new', { project: w.project })).body.id;
    w.emu.admin.injectFault({ route: '/record-xxxx/describe', kind: 'status', status: 500 });
    expectError(await w.api(`/${id}/describe`, {}), 500, 'InternalError');
    assert.equal((await w.api(`/${id}/describe`, {})).status, 200);
  });

  it('resets the connection without performing the call', async () => {
    const before = w.emu.admin.countObjects();
    w.emu.admin.injectFault({ route: '/record/new', kind: 'reset' });
    await assert.rejects(w.api('/record/new', { project: w.project }));
    assert.equal(w.emu.admin.countObjects(), before);
  });

  it('delays a call', async () => {
    w.emu.admin.injectFault({ route: '/system/whoami', kind: 'delay', delayMs: 300 });
    const started = Date.now();
    assert.equal((await w.api('/system/whoami', {})).status, 200);
    assert.ok(Date.now() - started >= 280);
  });

  it('commits then loses the response; a replay with the same nonce returns the same ID', async () => {
    const input = { project: w.project, name: 'lostresp', nonce: 'n-lost' };
    const before = w.emu.admin.countObjects();
    w.emu.admin.injectFault({ route: '/record/new', kind: 'lose-response' });
    await assert.rejects(w.api('/record/new', input));
    assert.equal(w.emu.admin.countObjects(), before + 1, 'the record was created');
    const replay = await w.api('/record/new', input);
    assert.equal(replay.status, 200);
    assert.equal(w.emu.admin.countObjects(), before + 1, 'and only once');
    const found = (await w.api('/system/findDataObjects', { name: 'lostresp' })).body.results;
    assert.deepEqual(found, [{ project: w.project, id: replay.body.id }]);
  });

  it('can answer with an error after performing the call (503 after execution)', async () => {
    w.emu.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 1, after: true });
    const input = { project: w.project, name: 'after', nonce: 'n-after' };
    expectError(await w.api('/record/new', input), 503, 'ServiceUnavailable');
    const replay = await w.api('/record/new', input);
    assert.deepEqual((await w.api('/system/findDataObjects', { name: 'after' })).body.results, [{ project: w.project, id: replay.body.id }]);
  });

  it('is reachable over the HTTP admin API', async () => {
    const post = (path: string, body: unknown) => adminCall(w.emu, path, body);
    const user = (await post('/_emulator/users', { handle: 'carol' })).body;
    assert.equal(user.userId, 'user-carol');
    const project = (await post('/_emulator/projects', { ownerUserId: user.userId, name: 'Carol' })).body.id;
    assert.match(project, /^project-/);
    assert.equal((await post('/_emulator/grant', { projectId: project, userId: w.alice.userId, level: 'VIEW' })).status, 200);
    assert.equal((await call(w.emu, user.token, '/record/new', { project })).status, 200);
    assert.deepEqual((await post('/_emulator/count', { projectId: project })).body, { count: 1 });
    assert.equal((await post('/_emulator/faults', { route: '/system/whoami', kind: 'status', status: 503 })).status, 200);
    expectError(await call(w.emu, user.token, '/system/whoami', {}), 503, 'ServiceUnavailable');
    expectError(await post('/_emulator/faults', { route: '/x', kind: 'explode' }), 422, 'InvalidInput');
    const log = w.emu.admin.requestLog();
    assert.ok(log.every((r) => !r.route.startsWith('/_emulator/')));
    assert.ok(log.some((r) => r.route === '/system/whoami' && r.status === 503));
  });
});
