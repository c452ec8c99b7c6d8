// The API client against the emulator over real HTTP on 127.0.0.1: headers, typed errors, every
// injected fault ending in exactly one record, deadline and cancellation.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { until } from '../../testkit/waiting';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../emulator/src/index';
import { version } from '../../package.json';
import { DxApiClient, type ApiClientOptions } from '../../platform/src/apiClient';
import { DxApiError, DxCancelledError, DxDeadlineError, DxNetworkError } from '../../platform/src/errors';
import { isTokenRejected, whoami } from '../../platform/src/identity';
import { makeNonce } from '../../common/nonce';
import { startRecordingProxy } from './recordingProxy';

let emulator: RunningEmulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let owner: { userId: string; token: string };
const emulatorLog: string[] = [];
const clientLog: string[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, log: (line) => emulatorLog.push(line) });
  proxy = await startRecordingProxy(emulator.url);
  owner = emulator.admin.createUser('alice');
});
after(async () => {
  await proxy.close();
  await emulator.close();
});

function client(options: Partial<ApiClientOptions> = {}): DxApiClient {
  return new DxApiClient({ serverUrl: proxy.url, token: owner.token, log: (level, message) => clientLog.push(`${level} ${message}`), ...options });
}

let projects = 0;
function freshProject(): string {
  return emulator.admin.createProject(owner.userId, `client test ${(projects += 1)}`);
}

/** Requests the emulator saw for `route` since `mark` (its request log includes faulted ones). */
function attemptsSince(mark: number, route: string): number {
  return emulator.admin.requestLog().slice(mark).filter((entry) => entry.route === route).length;
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const result = await work();
    return { ms: Date.now() - started, result };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('requests', () => {
  test('POST with JSON, bearer token, API version and a User-Agent naming the extension', async () => {
    const mark = proxy.seen.length;
    assert.equal(await whoami(client()), owner.userId);
    const [sent] = proxy.seen.slice(mark);
    assert.equal(sent.route, '/system/whoami');
    assert.equal(sent.headers.authorization, `Bearer ${owner.token}`);
    assert.equal(sent.headers['dnanexus-api'], '1.0.0');
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers['user-agent'], `dxrecord-vscode/${version} (node ${process.versions.node})`);
    assert.equal(sent.body.toString(), '{}');
  });

  test('without a token no Authorization header is sent, and the platform says InvalidAuthentication', async () => {
    const mark = proxy.seen.length;
    const { error } = await elapsed(() => client({ token: undefined }).call('/system/whoami'));
    assert.equal(proxy.seen[mark].headers.authorization, undefined);
    assert.ok(error instanceof DxApiError);
    assert.equal(error.type, 'InvalidAuthentication');
    assert.ok(isTokenRejected(error));
  });

  test('newRecord adds a dxpy-format nonce and returns the new ID', async () => {
    const project = freshProject();
    const mark = proxy.seen.length;
    const { id } = await client().newRecord({ project, name: 'plain' });
    assert.match(id, /^record-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$/);
    const body = JSON.parse(proxy.seen[mark].body.toString()) as { nonce: string };
    assert.match(body.nonce, /^[0-9a-f]{64}\d+\.\d{6}$/);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
    assert.equal((emulator.admin.describe(id, project) as { name: string }).name, 'plain');
  });

  test('a plain call to /record/new gets a nonce too, and an explicit one is kept', async () => {
    const project = freshProject();
    const mark = proxy.seen.length;
    await client().call('/record/new', { project });
    await client().call('/record/new', { project, nonce: 'caller-chosen-nonce' });
    const [generated, explicit] = proxy.seen.slice(mark).map((r) => JSON.parse(r.body.toString()) as { nonce: string });
    assert.match(generated.nonce, /^[0-9a-f]{64}\d+\.\d{6}$/);
    assert.equal(explicit.nonce, 'caller-chosen-nonce');
  });
});

// Each case has its own emulator (faults are per route), so the cases' waits overlap.
describe('retries of /record/new end in exactly one record', { concurrency: true }, () => {
  const cases: { name: string; fault: Omit<FaultSpec, 'route'>; attempts: number; minMs: number }[] = [
    { name: '503 with Retry-After, twice', fault: { kind: 'status', status: 503, retryAfter: 1, count: 2 }, attempts: 3, minMs: 2000 },
    { name: '503 without Retry-After', fault: { kind: 'status', status: 503 }, attempts: 2, minMs: 1000 },
    { name: '500 InternalError', fault: { kind: 'status', status: 500 }, attempts: 2, minMs: 1000 },
    { name: '429 with Retry-After', fault: { kind: 'status', status: 429, retryAfter: 1 }, attempts: 2, minMs: 1000 },
    { name: 'connection reset before the server acts', fault: { kind: 'reset' }, attempts: 2, minMs: 1000 },
    { name: 'committed, then the response is lost', fault: { kind: 'lose-response' }, attempts: 2, minMs: 1000 },
    { name: 'committed, then answered 503', fault: { kind: 'status', status: 503, retryAfter: 1, after: true }, attempts: 2, minMs: 1000 },
  ];
  for (const { name, fault, attempts, minMs } of cases) {
    test(name, async () => {
      const own = await startEmulator({ port: 0 });
      const relay = await startRecordingProxy(own.url);
      try {
        const user = own.admin.createUser('carol');
        const project = own.admin.createProject(user.userId, name);
        own.admin.injectFault({ route: '/record/new', ...fault });
        const lines: string[] = [];
        const retrying = new DxApiClient({ serverUrl: relay.url, token: user.token, log: (level, message) => lines.push(`${level} ${message}`) });
        const { ms, result, error } = await elapsed(() => retrying.newRecord({ project, name, details: { fault: name, n: [1, 2.5, 'é'] } }));
        assert.equal(error, undefined);
        assert.ok(ms >= minMs - 50, `waited ${ms} ms, dxpy's schedule needs ${minMs}`);
        const sent = relay.seen.filter((r) => r.route === '/record/new');
        assert.equal(sent.length, attempts);
        for (const again of sent) assert.ok(again.body.equals(sent[0].body), 'every attempt sends the same bytes');
        assert.equal(own.admin.countObjects({ projectId: project }), 1);
        const described = own.admin.describe(result!.id, project) as { id: string; name: string };
        assert.equal(described.name, name, 'the ID returned is the record that was made');
        assert.ok(lines.some((line) => line.startsWith('warn /record/new') && line.includes('retry')));
      } finally {
        await relay.close();
        await own.close();
      }
    });
  }

  test('after a deadline passes mid-request, resending with the same nonce still gives one record', async () => {
    const project = freshProject();
    const input = { project, name: 'slow', nonce: makeNonce() };
    emulator.admin.injectFault({ route: '/record/new', kind: 'delay', delayMs: 2500 });
    const first = await elapsed(() => client({ deadlineMs: 600 }).newRecord(input));
    assert.ok(first.error instanceof DxDeadlineError, String(first.error));
    assert.ok(first.ms >= 550 && first.ms < 2000, `gave up after ${first.ms} ms, before the server answered`);
    for (let waited = 0; emulator.admin.countObjects({ projectId: project }) === 0 && waited < 5000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const { id } = await client().newRecord(input);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
    assert.equal((emulator.admin.describe(id, project) as { name: string }).name, 'slow');
  });
});

describe('never retried', () => {
  test('422 InvalidInput, injected: one attempt', async () => {
    const mark = emulator.admin.requestLog().length;
    emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 422, errorType: 'InvalidInput' });
    const { error } = await elapsed(() => client().newRecord({ project: freshProject() }));
    assert.ok(error instanceof DxApiError);
    assert.equal(error.type, 'InvalidInput');
    assert.equal(error.outcomeUnknown, false, 'a refusal says the server did nothing');
    assert.equal(attemptsSince(mark, '/record/new'), 1);
  });

  test('a real InvalidInput names the field, so the editor can place it', async () => {
    const mark = emulator.admin.requestLog().length;
    const { error } = await elapsed(() => client().newRecord({ project: 42 }));
    assert.ok(error instanceof DxApiError);
    assert.equal(error.type, 'InvalidInput');
    assert.equal(error.status, 422);
    assert.deepEqual(error.fieldPath, ['project']);
    assert.match(error.userMessage, /project/);
    assert.equal(attemptsSince(mark, '/record/new'), 1);
  });

  test('401 PermissionDenied is told from InvalidAuthentication by type, and says which level on which project', async () => {
    const project = freshProject();
    const bob = emulator.admin.createUser('bob');
    const asBob = client({ token: bob.token });
    const mark = emulator.admin.requestLog().length;
    const none = await elapsed(() => asBob.newRecord({ project }));
    assert.ok(none.error instanceof DxApiError);
    emulator.admin.grant(project, bob.userId, 'VIEW');
    const view = await elapsed(() => asBob.newRecord({ project }));
    for (const { error } of [none, view]) {
      assert.ok(error instanceof DxApiError);
      assert.equal(error.status, 401);
      assert.equal(error.type, 'PermissionDenied');
      assert.ok(!isTokenRejected(error));
      assert.match(error.userMessage, new RegExp(`creating a record needs UPLOAD access on ${project}`));
    }
    const bad = await elapsed(() => client({ token: 'not-a-real-token-0000' }).newRecord({ project }));
    assert.ok(bad.error instanceof DxApiError);
    assert.equal(bad.error.status, 401);
    assert.equal(bad.error.type, 'InvalidAuthentication');
    assert.match(bad.error.userMessage, /Sign in again/);
    assert.equal(attemptsSince(mark, '/record/new'), 3);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 0);
  });

  test('ResourceNotFound says what is missing', async () => {
    const missing = 'record-BBBBBBBBBBBBBBBBBBBBBBBB';
    const { error } = await elapsed(() => client().call(`/${missing}/describe`, {}));
    assert.ok(error instanceof DxApiError);
    assert.equal(error.type, 'ResourceNotFound');
    assert.match(error.userMessage, new RegExp(missing));
  });

  test('a connection reset on a route that is not safe to repeat is not resent', async () => {
    const mark = emulator.admin.requestLog().length;
    emulator.admin.injectFault({ route: '/project/new', kind: 'reset' });
    const { error } = await elapsed(() => client().call('/project/new', { name: 'never twice' }));
    assert.ok(error instanceof DxNetworkError, String(error));
    assert.equal(error.outcomeUnknown, true, 'the request was out when the connection went');
    assert.equal(attemptsSince(mark, '/project/new'), 1);
  });
});

describe('deadline and cancellation', () => {
  test('a Retry-After that would pass the deadline fails at once instead of waiting', async () => {
    const project = freshProject();
    const mark = emulator.admin.requestLog().length;
    emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 30 });
    const { ms, error } = await elapsed(() => client({ deadlineMs: 5000 }).newRecord({ project }));
    assert.ok(error instanceof DxDeadlineError, String(error));
    assert.ok(ms < 2500, `took ${ms} ms`);
    assert.match(error.userMessage, /requestDeadlineSeconds/);
    assert.equal(attemptsSince(mark, '/record/new'), 1);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 0);
  });

  test('throttling forever is bounded by the deadline', async () => {
    const mark = emulator.admin.requestLog().length;
    emulator.admin.injectFault({ route: '/system/whoami', kind: 'status', status: 503, retryAfter: 1, count: 100 });
    const { ms, error } = await elapsed(() => client({ deadlineMs: 2500 }).call('/system/whoami'));
    emulator.admin.clearFaults();
    assert.ok(error instanceof DxDeadlineError, String(error));
    assert.ok(ms >= 1900 && ms < 3500, `took ${ms} ms`);
    assert.equal(attemptsSince(mark, '/system/whoami'), 3);
  });

  test('cancelling during a throttled wait stops at once', async () => {
    const project = freshProject();
    emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 20 });
    const controller = new AbortController();
    // Cancelled the moment the client says it is waiting for the throttled retry.
    const waiting = client({ log: (_level, message) => void (/retry 1 in/.test(message) && controller.abort()) });
    const { ms, error } = await elapsed(() => waiting.newRecord({ project }, { signal: controller.signal }));
    assert.ok(error instanceof DxCancelledError, String(error));
    assert.ok(ms < 3000, `took ${ms} ms`);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 0);
  });

  test('cancelling during a slow response aborts the request', async () => {
    emulator.admin.injectFault({ route: '/system/whoami', kind: 'delay', delayMs: 5000 });
    const controller = new AbortController();
    const mark = proxy.seen.length;
    // Cancelled once the request is out (the proxy has it), while the server sits on it.
    void until(() => proxy.seen.slice(mark).some((r) => r.route === '/system/whoami'), 'the request to go out').then(() => controller.abort());
    const { ms, error } = await elapsed(() => client().call('/system/whoami', {}, { signal: controller.signal }));
    assert.ok(error instanceof DxCancelledError, String(error));
    assert.equal(error.outcomeUnknown, true, 'cancelled while the request was out');
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  test('an already-cancelled signal sends nothing', async () => {
    const mark = proxy.seen.length;
    const { error } = await elapsed(() => client().call('/system/whoami', {}, { signal: AbortSignal.abort() }));
    assert.ok(error instanceof DxCancelledError);
    assert.equal(error.outcomeUnknown, false);
    assert.equal(proxy.seen.length, mark);
  });

  test('a refused connection never reached the server, so even a non-idempotent call is retried until the deadline', async () => {
    const dead = await startEmulator({ port: 0 });
    const url = dead.url;
    await dead.close();
    const lines: string[] = [];
    const refused = new DxApiClient({ serverUrl: url, token: owner.token, deadlineMs: 1500, log: (l, m) => lines.push(`${l} ${m}`) });
    const { error } = await elapsed(() => refused.call('/project/new', { name: 'x' }));
    assert.ok(error instanceof DxDeadlineError, String(error));
    assert.ok(lines.some((line) => /ECONNREFUSED; retry 1 in 1 s/.test(line)), lines.join('\n'));
  });
});

describe('responses that are not the platform\'s JSON', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/system/whoami') res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad gateway</html>');
      else if (req.url === '/system/findProjects') res.writeHead(307, { Location: `${emulator.url}/system/findProjects` }).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id": "record-');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));

  test('an HTML 502 from a proxy is retried as a 5xx and reported by status', async () => {
    const { error } = await elapsed(() => new DxApiClient({ serverUrl: url, deadlineMs: 1500 }).call('/system/whoami'));
    assert.ok(error instanceof DxDeadlineError, String(error));
    assert.match(error.message, /HTTP502/);
  });

  test('a redirect is not followed, so the token cannot be carried to another server', async () => {
    const mark = emulator.admin.requestLog().length;
    const { error } = await elapsed(() => new DxApiClient({ serverUrl: url, token: owner.token }).call('/system/findProjects', {}));
    assert.ok(error instanceof DxApiError, String(error));
    assert.equal(error.status, 307);
    assert.equal(emulator.admin.requestLog().length, mark);
  });

  test('a garbled 200 on a route that is not safe to repeat is reported, not resent', async () => {
    const { error } = await elapsed(() => new DxApiClient({ serverUrl: url }).call('/project/new', {}));
    assert.ok(error instanceof DxNetworkError, String(error));
    assert.match(error.message, /not valid JSON/);
    assert.equal(hits.filter((route) => route === '/project/new').length, 1);
  });
});
