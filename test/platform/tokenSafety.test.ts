// The API token must never show up in anything the client or the emulator logs, nor in any error
// (message, user message, stack, inspection, JSON) — whatever way a call fails.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { DxApiClient } from '../../platform/src/apiClient';

let emulator: RunningEmulator;
const emulatorLog: string[] = [];
const clientLog: string[] = [];
const errors: unknown[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, log: (line) => emulatorLog.push(line) });
});
after(() => emulator.close());

function client(token: string, deadlineMs = 2500): DxApiClient {
  return new DxApiClient({ serverUrl: emulator.url, token, deadlineMs, log: (level, message) => clientLog.push(`${level} ${message}`) });
}

async function failing(work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error) => {
    errors.push(error);
    return true;
  });
}

/** Every text a person or a log could ever see from these errors and clients. */
function everythingVisible(clients: DxApiClient[]): string[] {
  const fromErrors = errors.flatMap((error) => {
    const e = error as Error & { userMessage?: string };
    return [e.message, e.stack ?? '', e.userMessage ?? '', String(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e)];
  });
  const fromClients = clients.flatMap((c) => [inspect(c, { depth: 10, showHidden: true }), JSON.stringify(c)]);
  return [...clientLog, ...emulatorLog, JSON.stringify(emulator.admin.requestLog()), ...fromErrors, ...fromClients];
}

test('failing calls of every kind leak no token into logs or errors', async () => {
  const owner = emulator.admin.createUser('owner');
  const stranger = emulator.admin.createUser('stranger');
  const canary = `LEAKCANARY${randomBytes(12).toString('hex')}`;
  const project = emulator.admin.createProject(owner.userId, 'secrets');
  const asOwner = client(owner.token);
  const asStranger = client(stranger.token);
  const withCanary = client(canary);

  await failing(withCanary.call('/system/whoami'));
  await failing(withCanary.newRecord({ project }));
  await failing(asStranger.newRecord({ project }));
  await failing(asOwner.newRecord({ project: 'project-nope' }));
  await failing(asOwner.call('/record-BBBBBBBBBBBBBBBBBBBBBBBB/describe', {}));
  emulator.admin.injectFault({ route: '/system/whoami', kind: 'status', status: 503, retryAfter: 1, count: 10 });
  await failing(asOwner.call('/system/whoami'));
  emulator.admin.clearFaults();
  emulator.admin.injectFault({ route: '/project/new', kind: 'reset' });
  await failing(asOwner.call('/project/new', { name: 'x' }));
  emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 30 });
  await failing(asOwner.newRecord({ project }, { signal: AbortSignal.timeout(100) }));
  emulator.admin.clearFaults();
  emulator.admin.injectFault({ route: '/record/new', kind: 'lose-response' });
  assert.match((await asOwner.newRecord({ project, name: 'ok' })).id, /^record-/);
  const dead = await startEmulator({ port: 0 });
  const deadUrl = dead.url;
  await dead.close();
  await failing(new DxApiClient({ serverUrl: deadUrl, token: canary, deadlineMs: 500, log: (l, m) => clientLog.push(`${l} ${m}`) }).call('/system/whoami'));

  assert.ok(errors.length >= 9 && clientLog.length > 0 && emulatorLog.length > 0, 'the run produced errors and log lines to inspect');
  for (const text of everythingVisible([asOwner, asStranger, withCanary])) {
    for (const token of [owner.token, stranger.token, canary]) {
      const at = text.indexOf(token);
      // On failure, show where the token leaked without printing the token itself.
      assert.ok(at < 0, `token found in: …${text.slice(Math.max(0, at - 100), at)}[token]${text.slice(at + token.length, at + token.length + 100)}…`);
    }
  }
});

test('a server that echoes the token back still cannot put it into an error', async () => {
  const server = createServer((req, res) => {
    const text = JSON.stringify({ error: { type: 'InvalidInput', message: `header was ${req.headers.authorization}` } });
    res.writeHead(422, { 'Content-Type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const token = `ECHOCANARY${randomBytes(12).toString('hex')}`;
    const echoing = new DxApiClient({ serverUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token });
    await assert.rejects(echoing.call('/system/whoami'), (error: Error & { userMessage: string }) => {
      assert.match(error.message, /header was Bearer \[token\]/);
      for (const text of [error.message, error.userMessage, error.stack ?? '', inspect(error, { showHidden: true })]) {
        assert.ok(!text.includes(token));
      }
      return true;
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
