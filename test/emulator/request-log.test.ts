// The request log is a ring of the most recent requests, so a long-running emulator stays small.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { DEFAULT_REQUEST_LOG_LIMIT } from '../../emulator/src/index.js';
import { adminCall, call, world } from './helpers.js';

describe('request log', () => {
  it('keeps only the most recent N requests, oldest first, and counts them all', async () => {
    const w = await world({ requestLogLimit: 3 });
    try {
      const routes = ['/system/whoami', '/system/findProjects', '/system/noSuchMethod', `/${w.project}/describe`, '/system/whoami'];
      for (const route of routes) await w.api(route, {});
      await call(w.emu, undefined, '/system/whoami', {});
      const expected = [
        { route: '/system/noSuchMethod', status: 404 },
        { route: `/${w.project}/describe`, status: 200 },
        { route: '/system/whoami', status: 200 },
        { route: '/system/whoami', status: 401 },
      ].slice(1);
      assert.deepEqual(w.emu.admin.requestLog(), expected);
      assert.equal(w.emu.admin.requestCount(), 6);
      assert.deepEqual((await adminCall(w.emu, '/_emulator/requests', {})).body, { requests: expected, total: 6 });
    } finally {
      await w.emu.close();
    }
  });

  it('keeps nothing with a limit of 0, and refuses a limit that is not a count', async () => {
    const w = await world({ requestLogLimit: 0 });
    try {
      await w.api('/system/whoami', {});
      assert.deepEqual(w.emu.admin.requestLog(), []);
      assert.equal(w.emu.admin.requestCount(), 1);
    } finally {
      await w.emu.close();
    }
    await assert.rejects(world({ requestLogLimit: -1 }), /request log limit must be a non-negative integer/);
    await assert.rejects(world({ requestLogLimit: 1.5 }), /request log limit must be a non-negative integer/);
  });

  it('is bounded by default', async () => {
    const w = await world();
    try {
      await w.api(`/${w.project}/describe`, {});
      // One connection with every request pipelined: the cheapest way to send this many.
      const request = (close: boolean) =>
        `POST /system/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${w.alice.token}\r\nContent-Length: 2\r\n${close ? 'Connection: close\r\n' : ''}\r\n{}`;
      const answers = await new Promise<string>((resolve, reject) => {
        const socket = connect(w.emu.port, '127.0.0.1', () => {
          socket.write(request(false).repeat(DEFAULT_REQUEST_LOG_LIMIT - 1) + request(true));
        });
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      assert.equal(answers.split('HTTP/1.1 200 OK').length - 1, DEFAULT_REQUEST_LOG_LIMIT);
      const log = w.emu.admin.requestLog();
      assert.equal(log.length, DEFAULT_REQUEST_LOG_LIMIT);
      assert.ok(log.every((r) => r.route === '/system/whoami'), 'the oldest request was dropped');
      assert.equal(w.emu.admin.requestCount(), DEFAULT_REQUEST_LOG_LIMIT + 1);
    } finally {
      await w.emu.close();
    }
  });
});
