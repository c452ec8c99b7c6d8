import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { call, expectError, world, type World } from './helpers.js';

describe('emulator protocol', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('binds to 127.0.0.1 only, on an ephemeral port', async (t) => {
    assert.match(w.emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(w.emu.port, 0);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (!external) {
      t.skip('no non-loopback IPv4 interface on this machine');
      return;
    }
    await assert.rejects(fetch(`http://${external.address}:${w.emu.port}/system/whoami`, { method: 'POST', body: '{}' }));
  });

  it('answers whoami with the caller and sends X-Request-ID and JSON', async () => {
    const reply = await w.api('/system/whoami', {});
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { id: w.alice.userId });
    assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok((reply.headers.get('x-request-id') ?? '').length > 0);
  });

  it('ignores query strings', async () => {
    const reply = await w.api('/system/whoami?x=1', {});
    assert.deepEqual(reply.body, { id: w.alice.userId });
  });

  it('rejects a missing or unknown token with 401 InvalidAuthentication', async () => {
    const missing = await call(w.emu, undefined, '/system/whoami', {});
    expectError(missing, 401, 'InvalidAuthentication');
    assert.match(missing.body.error.message, /You need to be logged in to use this method/);
    expectError(await call(w.emu, 'not-a-token', '/system/whoami', {}), 401, 'InvalidAuthentication');
  });

  it('rejects a bad Content-Type or unparsable body with 400 MalformedJSON', async () => {
    expectError(await call(w.emu, w.alice.token, '/system/whoami', '{}', { 'Content-Type': 'text/plain' }), 400, 'MalformedJSON');
    expectError(await call(w.emu, w.alice.token, '/system/whoami', '{not json'), 400, 'MalformedJSON');
    expectError(await call(w.emu, w.alice.token, '/system/whoami', ''), 400, 'MalformedJSON');
    const charset = await call(w.emu, w.alice.token, '/system/whoami', '{}', { 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(charset.status, 200);
  });

  it('only accepts POST', async () => {
    const response = await fetch(`${w.emu.url}/system/whoami`, { headers: { Authorization: `Bearer ${w.alice.token}` } });
    assert.equal(response.status, 405);
    assert.equal(((await response.json()) as { error: { type: string } }).error.type, 'MalformedJSON');
  });

  it('reports unknown routes as 404 ResourceNotFound', async () => {
    expectError(await w.api('/system/noSuchMethod', {}), 404, 'ResourceNotFound');
    expectError(await w.api(`/${w.project}/noSuchMethod`, {}), 404, 'ResourceNotFound');
  });

  it('answers findApps and findGlobalWorkflows with empty results', async () => {
    for (const route of ['/system/findApps', '/system/findGlobalWorkflows']) {
      const reply = await w.api(route, { name: 'rec2', describe: true, limit: 100 });
      assert.deepEqual(reply.body, { results: [], next: null });
    }
  });

  it('describes users', async () => {
    const reply = await w.api(`/${w.bob.userId}/describe`, {});
    assert.equal(reply.body.id, w.bob.userId);
    assert.equal(reply.body.class, 'user');
    expectError(await w.api('/user-nobody/describe', {}), 404, 'ResourceNotFound');
  });

  it('logs one line per request and never the token', async () => {
    const before = w.lines.length;
    await w.api('/system/whoami', {});
    await call(w.emu, 'secret-wrong-token', '/system/whoami', {});
    const fresh = w.lines.slice(before);
    assert.equal(fresh.length, 2);
    assert.match(fresh[0], /^POST \/system\/whoami 200 \d+ms$/);
    assert.match(fresh[1], /^POST \/system\/whoami 401 \d+ms$/);
    const all = w.lines.join('\n') + JSON.stringify(w.emu.admin.requestLog());
    assert.ok(!all.includes(w.alice.token) && !all.includes(w.bob.token) && !all.includes('secret-wrong-token'));
    assert.ok(!/authorization|bearer/i.test(all));
  });
});
