// The API token must never show up in anything the client or the emulator logs, nor in any error
// (message, user message, stack, inspection, JSON), nor in a document or the workspace state —
// whatever way a call fails, and in no encoding even when a server echoes it back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { DxApiClient } from '../../platform/src/apiClient';
import { apiErrorFromResponse, userMessageOf } from '../../platform/src/errors';
import { whoami } from '../../platform/src/identity';
import { createFailureNote, createRecord, planCreate, type ReadyPlan } from '../../platform/src/records/createRecord';
import { describeRecord, formatDescription } from '../../platform/src/records/describeRecord';
import { PendingCreates, type StateStore } from '../../platform/src/records/pendingCreates';
import { describeState } from '../../platform/src/sessionState';
import { ECHO_FORMS, leakReport, tokenFormIn } from './tokenForms';

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

/** Everything a person or a log could see of an error: its texts, and what the Create command adds. */
function errorTexts(error: unknown): string[] {
  const e = error as Error & { userMessage?: string };
  return [e.message, e.stack ?? '', e.userMessage ?? '', String(e), inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e),
    `${userMessageOf(e)} ${createFailureNote(e)}`];
}

/** A server that answers every call with an error echoing the request's headers and body, in the form the route's first segment names. */
async function startEchoingServer(): Promise<{ url: string; replies: { form: string; text: string }[]; close(): Promise<void> }> {
  const replies: { form: string; text: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = `${Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n')}\n\n${Buffer.concat(chunks).toString()}`;
      const named = (req.url ?? '').split('/')[1];
      const form = named in ECHO_FORMS ? named : 'jsonSomeMixedCase';
      const encoded = ECHO_FORMS[form](seen);
      const literal = form.startsWith('json') ? `"${encoded}"` : JSON.stringify(encoded);
      let text: string;
      if (named === 'html') {
        text = `<html><pre>${seen}</pre></html>`;
        res.writeHead(400, { 'Content-Type': 'text/html' });
      } else {
        text = `{"error":{"type":"InvalidInput","message":${literal},"details":{"echo":${literal},"form":"${form}"}}}`;
        res.writeHead(422, { 'Content-Type': 'application/json' });
      }
      replies.push({ form: named === 'html' ? 'html' : form, text });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

test('a whole session (sign-in, create, describe, a 401, a lost create, an echoing server) shows the token in no encoding', async () => {
  const user = emulator.admin.createUser('session');
  const other = emulator.admin.createUser('other');
  const canary = `SESSIONCANARY${randomBytes(12).toString('hex')}`;
  const project = emulator.admin.createProject(user.userId, 'session');
  const foreign = emulator.admin.createProject(other.userId, 'not yours');
  const echo = await startEchoingServer();
  const lines: string[] = [];
  const visible: string[] = [];
  const failures: unknown[] = [];
  const log = (level: string, message: string) => lines.push(`${level} ${message}`);
  const fails = (work: Promise<unknown>) => work.then(() => assert.fail('expected a failure'), (error: unknown) => failures.push(error));
  let state: Record<string, unknown> = {};
  const store: StateStore = { get: <T>(key: string, fallback: T) => (state[key] as T) ?? fallback, update: async (key, value) => { state = { ...state, [key]: value }; } };
  const pending = { creates: new PendingCreates(store), file: 'file:///work/session.dxrecord.json' };
  const plan = (target: string) => planCreate(JSON.stringify({ project: target, name: 'session', details: { n: 1 } })) as ReadyPlan;
  try {
    const session = new DxApiClient({ serverUrl: emulator.url, token: user.token, deadlineMs: 1500, log });
    const config = { serverUrl: emulator.url, token: user.token, source: { server: 'setting', token: 'secret' } as const, problems: [] };
    const status = describeState({ kind: 'signedIn', config, userId: await whoami(session) });
    visible.push(status.text, status.tooltip);

    const created = await createRecord(session, plan(project), { pending });
    visible.push(formatDescription(await describeRecord(session, created.id, project)));
    await fails(createRecord(session, plan(foreign), { pending }));
    await fails(whoami(new DxApiClient({ serverUrl: emulator.url, token: canary, log })));
    emulator.admin.injectFault({ route: '/record/new', kind: 'lose-response', count: 10 });
    await fails(createRecord(session, plan(project), { pending: { ...pending, file: 'file:///work/lost.dxrecord.json' } }));
    emulator.admin.clearFaults();

    for (const token of [user.token, canary]) {
      const echoing = new DxApiClient({ serverUrl: echo.url, token, deadlineMs: 1500, log });
      await fails(whoami(echoing));
      await fails(createRecord(echoing, plan(project), { pending }));
      await fails(describeRecord(echoing, created.id, project));
      for (const form of [...Object.keys(ECHO_FORMS), 'html']) await fails(echoing.call(`/${form}/describe`, { project }));
    }
  } finally {
    await echo.close();
  }

  // Controls: the echoing server really sent each token back in every form, and without the
  // redaction it would reach the user's message.
  for (const token of [user.token, canary]) {
    for (const form of [...Object.keys(ECHO_FORMS), 'html']) {
      const reply = echo.replies.find((r) => r.form === form && tokenFormIn(r.text, token));
      assert.ok(reply, `the echoing server sent the token back in the ${form} form`);
      if (form !== 'html') assert.ok(tokenFormIn(apiErrorFromResponse('/x', {}, 422, reply.text, (text) => text).userMessage, token), `control: unredacted, the ${form} echo reaches the message`);
    }
  }
  assert.ok(failures.length >= 2 * (Object.keys(ECHO_FORMS).length + 4) + 3 && lines.length > 0 && visible.length === 3);
  const everything = [...visible, ...lines, ...emulatorLog, JSON.stringify(emulator.admin.requestLog()), JSON.stringify(state), ...failures.flatMap(errorTexts)];
  for (const text of everything) {
    for (const token of [user.token, canary]) {
      const form = tokenFormIn(text, token);
      assert.equal(form, undefined, form && leakReport(text, token, form));
    }
  }
});
