// Who can reach the emulator: the admin API needs the run's secret, browsers get no CORS, Host
// names other than loopback ones are refused (DNS rebinding), and nothing is content-sniffed.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ADMIN_SECRET_HEADER, startEmulator } from '../../emulator/src/index.js';
import { adminCall, call, expectError, rawRequest, world, type World } from './helpers.js';

describe('emulator access', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  describe('admin API', () => {
    it('refuses a request without the secret, and does nothing', async () => {
      const reply = await call(w.emu, undefined, '/_emulator/users', { handle: 'mallory' });
      expectError(reply, 401, 'InvalidAuthentication');
      assert.match(reply.body.error.message, /X-Emulator-Admin/);
      assert.equal((await adminCall(w.emu, '/_emulator/users', { handle: 'mallory' })).status, 200, 'the handle was still free');
    });

    it('refuses a wrong secret, whatever its length, and a user token in its place', async () => {
      const secret = w.emu.adminSecret;
      const wrong = [secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0'), secret.slice(1), `${secret}0`, '', w.alice.token];
      for (const given of wrong) {
        expectError(await call(w.emu, undefined, '/_emulator/faults', { route: '*', kind: 'reset' }, { [ADMIN_SECRET_HEADER]: given }), 401, 'InvalidAuthentication');
      }
      expectError(await call(w.emu, w.alice.token, '/_emulator/requests', {}), 401, 'InvalidAuthentication');
      assert.equal((await w.api('/system/whoami', {})).status, 200, 'no fault was injected');
    });

    it('serves a request with the secret', async () => {
      const reply = await adminCall(w.emu, '/_emulator/count', { projectId: w.project });
      assert.equal(reply.status, 200);
      assert.equal(typeof reply.body.count, 'number');
    });

    it('has a fresh random secret each run, never in the log or in error messages', async () => {
      const other = await startEmulator({ port: 0 });
      try {
        assert.match(w.emu.adminSecret, /^[0-9a-f]{64}$/);
        assert.notEqual(other.adminSecret, w.emu.adminSecret);
      } finally {
        await other.close();
      }
      const refused = await call(w.emu, undefined, '/_emulator/count', {}, { [ADMIN_SECRET_HEADER]: 'wrong' });
      await adminCall(w.emu, '/_emulator/count', {});
      const seen = [...w.lines, JSON.stringify(refused.body), JSON.stringify(w.emu.admin.requestLog())].join('\n');
      assert.ok(!seen.includes(w.emu.adminSecret));
    });
  });

  describe('CORS', () => {
    // The extension host, the CLI and dx call with Node's fetch or plain HTTP, not from a browser
    // page, so no origin at all is allowed: a page the user visits cannot read any answer.
    const origins = ['http://localhost:3000', 'http://127.0.0.1:8080', 'https://evil.example', 'null'];

    it('allows no origin on API or admin answers', async () => {
      for (const Origin of origins) {
        const api = await call(w.emu, w.alice.token, '/system/whoami', {}, { Origin });
        assert.equal(api.status, 200);
        const admin = await call(w.emu, undefined, '/_emulator/count', {}, { Origin, [ADMIN_SECRET_HEADER]: w.emu.adminSecret });
        for (const reply of [api, admin]) {
          for (const name of reply.headers.keys()) assert.ok(!name.startsWith('access-control-'), `${name} sent for ${Origin}`);
        }
      }
    });

    it('answers a preflight with 405 and no Access-Control headers', async () => {
      for (const route of ['/system/whoami', '/_emulator/users']) {
        const preflight = await fetch(w.emu.url + route, {
          method: 'OPTIONS',
          headers: { Origin: origins[0], 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': `authorization,content-type,${ADMIN_SECRET_HEADER}` },
        });
        assert.equal(preflight.status, 405);
        assert.equal(preflight.headers.get('allow'), 'POST');
        for (const name of preflight.headers.keys()) assert.ok(!name.startsWith('access-control-'), `${name} sent on ${route}`);
        await preflight.arrayBuffer();
      }
    });
  });

  describe('Host header', () => {
    const whoami = (host: string | null) =>
      rawRequest(w.emu, 'POST', '/system/whoami', { Authorization: `Bearer ${w.alice.token}`, 'Content-Type': 'application/json' }, host, '{}');

    it('accepts loopback names with or without a port', async () => {
      const port = w.emu.port;
      for (const host of [`127.0.0.1:${port}`, '127.0.0.1', `localhost:${port}`, 'localhost', 'LocalHost:1', `[::1]:${port}`, '[::1]']) {
        const reply = await whoami(host);
        assert.equal(reply.status, 200, host);
        assert.deepEqual(reply.body, { id: w.alice.userId });
      }
    });

    it('refuses other names with 403 and a clear message (DNS rebinding)', async () => {
      const port = w.emu.port;
      for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `10.0.0.1:${port}`, '[::2]', `127.0.0.1:${port}@evil.example`]) {
        const reply = await whoami(host);
        assert.equal(reply.status, 403, host);
        assert.equal(reply.body.error.type, 'PermissionDenied');
        assert.match(reply.body.error.message, /Host header .* must name the loopback interface: 127\.0\.0\.1, localhost or \[::1\]/);
      }
      // HTTP/1.1 without Host is answered 400 by Node's server itself; HTTP/1.0 reaches our check.
      assert.equal((await whoami(null)).status, 400);
      const http10 = await new Promise<string>((resolve, reject) => {
        const socket = connect(w.emu.port, '127.0.0.1', () => socket.end(`POST /system/whoami HTTP/1.0\r\nAuthorization: Bearer ${w.alice.token}\r\nContent-Length: 2\r\n\r\n{}`));
        let text = '';
        socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      assert.match(http10, /^HTTP\/1\.1 403 /);
      assert.match(http10, /The Host header \(absent\) must name the loopback interface/);
    });

    it('refuses other names on the admin API too, even with the secret', async () => {
      const reply = await rawRequest(w.emu, 'POST', '/_emulator/users', { [ADMIN_SECRET_HEADER]: w.emu.adminSecret }, 'rebound.example', '{"handle":"rebound"}');
      assert.equal(reply.status, 403);
      assert.equal((await adminCall(w.emu, '/_emulator/users', { handle: 'rebound' })).status, 200, 'no user was created');
    });
  });

  it('sends X-Content-Type-Options: nosniff on every answer', async () => {
    const replies = [
      await w.api('/system/whoami', {}),
      await call(w.emu, undefined, '/system/whoami', {}),
      await w.api('/system/noSuchMethod', {}),
      await call(w.emu, w.alice.token, '/system/whoami', '{not json'),
      await adminCall(w.emu, '/_emulator/count', {}),
      await call(w.emu, undefined, '/_emulator/count', {}),
    ];
    for (const reply of replies) assert.equal(reply.headers.get('x-content-type-options'), 'nosniff', String(reply.status));
    const get = await fetch(`${w.emu.url}/system/whoami`);
    assert.equal(get.headers.get('x-content-type-options'), 'nosniff');
    await get.arrayBuffer();
    assert.equal((await rawRequest(w.emu, 'POST', '/system/whoami', {}, 'evil.example')).headers['x-content-type-options'], 'nosniff');
  });
});
