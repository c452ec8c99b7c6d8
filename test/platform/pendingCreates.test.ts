// "The user runs Create again after a failure they were shown" never makes a second record: over
// real HTTP against the emulator, each failure that may have reached the platform leaves its
// nonce for the next Create of the same file and input; clean refusals, changed files and
// expired nonces get a new one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../emulator/src/index';
import { DxApiClient } from '../../platform/src/apiClient';
import { DxApiError, DxCancelledError, DxDeadlineError, mayHaveActed } from '../../platform/src/errors';
import { NONCE_LIFETIME_MS } from '../../platform/src/nonce';
import { createFailureNote, createRecord, findPossiblyCreated, MAY_HAVE_CREATED, planCreate, type ReadyPlan } from '../../platform/src/records/createRecord';
import { PendingCreates, type StateStore } from '../../platform/src/records/pendingCreates';
import { startRecordingProxy } from './recordingProxy';

let emulator: RunningEmulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let owner: { userId: string; token: string };

before(async () => {
  emulator = await startEmulator({ port: 0 });
  proxy = await startRecordingProxy(emulator.url);
  owner = emulator.admin.createUser('repeater');
});
after(async () => {
  await proxy.close();
  await emulator.close();
});

/** Workspace state as VS Code keeps it: JSON values that outlive one PendingCreates. */
function workspaceState(): StateStore & { keys(): number } {
  let data: Record<string, string> = {};
  return {
    get: <T>(key: string, fallback: T): T => (key in data ? (JSON.parse(data[key]) as T) : fallback),
    update: async (key, value) => {
      data = { ...data, [key]: JSON.stringify(value) };
    },
    keys: () => Object.keys(JSON.parse(data['dxrecord.pendingCreates'] ?? '{}') as object).length,
  };
}

let projects = 0;
function fileFor(fields: Record<string, unknown> = {}): { project: string; text: string } {
  const project = emulator.admin.createProject(owner.userId, `repeat ${(projects += 1)}`);
  return { project, text: recordText(project, fields) };
}

function recordText(project: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ project, name: 'sample', folder: '/', details: { reads: 12 }, ...fields }, null, 2);
}

function client(options: { deadlineMs?: number; token?: string } = {}): DxApiClient {
  return new DxApiClient({ serverUrl: proxy.url, token: options.token ?? owner.token, deadlineMs: options.deadlineMs ?? 10_000 });
}

/** One run of Create Record from File on `text`, as the command does it. */
async function create(text: string, store: StateStore, options: { deadlineMs?: number; token?: string; signal?: AbortSignal; now?: () => number; file?: string } = {}) {
  const plan = planCreate(text);
  assert.equal(plan.kind, 'ready');
  const creates = new PendingCreates(store, options.now);
  const pending = { creates, file: options.file ?? 'file:///work/sample.dxrecord.json' };
  try {
    return { created: await createRecord(client(options), plan as ReadyPlan, { signal: options.signal, pending }) };
  } catch (error) {
    return { error };
  }
}

/** The nonces of the /record/new requests that reached the proxy since `mark`. */
function noncesSince(mark: number): string[] {
  return proxy.seen.slice(mark).filter((r) => r.route === '/record/new').map((r) => (JSON.parse(r.body.toString()) as { nonce: string }).nonce);
}

async function committed(project: string, count = 1): Promise<void> {
  for (let waited = 0; emulator.admin.countObjects({ projectId: project }) < count && waited < 5000; waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(emulator.admin.countObjects({ projectId: project }), count, 'the delayed create was carried out');
}

function fault(spec: Omit<FaultSpec, 'route'>): void {
  emulator.admin.clearFaults();
  emulator.admin.injectFault({ route: '/record/new', ...spec });
}

describe('a Create repeated after a failure that may have reached the platform makes no second record', () => {
  test('deadline passed, then the platform committed: the second Create gets the same record', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    const mark = proxy.seen.length;
    fault({ kind: 'delay', delayMs: 1500 });
    const first = await create(text, store, { deadlineMs: 400 });
    assert.ok(first.error instanceof DxDeadlineError, String(first.error));
    assert.ok(mayHaveActed(first.error));
    assert.equal(createFailureNote(first.error), MAY_HAVE_CREATED);
    await committed(project);
    const since = new PendingCreates(store).startedAt('file:///work/sample.dxrecord.json', JSON.parse(text) as Record<string, unknown>);
    assert.ok(since !== undefined && since <= Date.now());
    const [made] = await findPossiblyCreated(client(), planCreate(text) as ReadyPlan, since);
    assert.match(made, /^record-/, 'Look for It finds the record the failed attempt made');

    const second = await create(text, store);
    assert.equal(second.error, undefined, String(second.error));
    assert.equal(second.created?.id, made);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
    const [nonce, again] = noncesSince(mark);
    assert.equal(again, nonce, 'the second Create resent the first one\'s nonce');
    assert.equal(store.keys(), 0, 'a success forgets the nonce');
  });

  test('connection reset after every commit until the deadline: the second Create gets the same record', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    fault({ kind: 'lose-response', count: 10 });
    const first = await create(text, store, { deadlineMs: 1500 });
    emulator.admin.clearFaults();
    assert.ok(first.error instanceof DxDeadlineError, String(first.error));
    assert.match(first.error.message, /ECONNRESET|connection failed|cut off/);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
    const second = await create(text, store);
    assert.ok(second.created, String(second.error));
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
  });

  test('a 5xx after the commit on every retry: the second Create gets the same record', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    fault({ kind: 'status', status: 500, after: true, count: 10 });
    const first = await create(text, store, { deadlineMs: 1500 });
    emulator.admin.clearFaults();
    assert.ok(first.error instanceof DxDeadlineError, String(first.error));
    assert.ok(mayHaveActed(first.error));
    const second = await create(text, store);
    assert.ok(second.created, String(second.error));
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
  });

  test('cancelled after sending, committed later: the second Create gets the same record', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    fault({ kind: 'delay', delayMs: 1000 });
    const first = await create(text, store, { signal: AbortSignal.timeout(200) });
    assert.ok(first.error instanceof DxCancelledError, String(first.error));
    assert.ok(mayHaveActed(first.error));
    await committed(project);
    const second = await create(text, store);
    assert.ok(second.created, String(second.error));
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
  });

  test('a refusal of the repeat (token rejected) keeps the open nonce for the Create after signing in again', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    fault({ kind: 'delay', delayMs: 1000 });
    assert.ok((await create(text, store, { deadlineMs: 300 })).error instanceof DxDeadlineError);
    await committed(project);
    const refused = await create(text, store, { token: 'expired-token-0000' });
    assert.ok(refused.error instanceof DxApiError && refused.error.type === 'InvalidAuthentication', String(refused.error));
    const third = await create(text, store);
    assert.ok(third.created, String(third.error));
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
  });
});

describe('when a new nonce (and so a new record) is right', () => {
  test('after a clean refusal the next Create mints a new nonce, and the refusal says nothing was created', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    const mark = proxy.seen.length;
    fault({ kind: 'status', status: 422, errorType: 'InvalidInput' });
    const first = await create(text, store);
    assert.ok(first.error instanceof DxApiError && first.error.type === 'InvalidInput', String(first.error));
    assert.equal(mayHaveActed(first.error), false);
    assert.equal(createFailureNote(first.error), 'No record was created.');
    assert.equal(store.keys(), 0);
    assert.ok((await create(text, store)).created);
    const [refusedNonce, newNonce] = noncesSince(mark);
    assert.notEqual(newNonce, refusedNonce);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 1);
  });

  test('a refused connection never reached the platform, so it leaves no nonce open', async () => {
    const dead = await startEmulator({ port: 0 });
    await dead.close();
    const store = workspaceState();
    const plan = planCreate(fileFor().text) as ReadyPlan;
    const refused = new DxApiClient({ serverUrl: dead.url, token: owner.token, deadlineMs: 300 });
    const error = await createRecord(refused, plan, { pending: { creates: new PendingCreates(store), file: 'f' } }).catch((e: unknown) => e);
    assert.ok(error instanceof DxDeadlineError, String(error));
    assert.equal(mayHaveActed(error), false);
    assert.equal(store.keys(), 0);
  });

  test('a changed file after a failure of unknown outcome makes a new record', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    const mark = proxy.seen.length;
    fault({ kind: 'delay', delayMs: 1000 });
    assert.ok((await create(text, store, { deadlineMs: 300 })).error instanceof DxDeadlineError);
    await committed(project);
    const changed = await create(recordText(project, { name: 'renamed' }), store);
    assert.ok(changed.created, String(changed.error));
    assert.equal(emulator.admin.countObjects({ projectId: project }), 2);
    const [first, second] = noncesSince(mark);
    assert.notEqual(second, first);
  });

  test('the same input from another file gets its own nonce; key order and layout of the same file do not', async () => {
    const store = workspaceState();
    const input = { project: 'project-B0FJgXy4Zg231jgbQ9zQ0003', name: 'n', details: { a: 1, b: 2 } };
    const creates = new PendingCreates(store);
    const open = await creates.begin('file:///a.dxrecord.json', input);
    assert.ok(open);
    const reordered = { details: { b: 2, a: 1 }, name: 'n', project: input.project };
    assert.equal((await creates.begin('file:///a.dxrecord.json', reordered))?.nonce, open.nonce);
    assert.notEqual((await creates.begin('file:///b.dxrecord.json', input))?.nonce, open.nonce);
    assert.equal(await creates.begin('file:///a.dxrecord.json', { ...input, nonce: 'in-the-file' }), undefined, 'a nonce in the file is used as it is');
  });

  test('after the nonce lifetime the repeat gets a new nonce (injected clock)', async () => {
    const { project, text } = fileFor();
    const store = workspaceState();
    let now = Date.now();
    const mark = proxy.seen.length;
    fault({ kind: 'delay', delayMs: 1000 });
    assert.ok((await create(text, store, { deadlineMs: 300, now: () => now })).error instanceof DxDeadlineError);
    await committed(project);
    now += NONCE_LIFETIME_MS - 1;
    const input = JSON.parse(text) as Record<string, unknown>;
    assert.ok(new PendingCreates(store, () => now).startedAt('file:///work/sample.dxrecord.json', input), 'still open just before the lifetime ends');
    now += 1;
    const late = await create(text, store, { now: () => now });
    assert.ok(late.created, String(late.error));
    const [first, second] = noncesSince(mark);
    assert.notEqual(second, first);
    assert.equal(emulator.admin.countObjects({ projectId: project }), 2);
    assert.equal(store.keys(), 0, 'the expired entry was dropped');
  });
});
