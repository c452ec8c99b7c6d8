// `dxrecord init / plan / apply / pull` as real processes against the emulator over HTTP: every
// action and exit code, reruns that write nothing, identity that survives restarts and other
// working directories, a lost reply on create, Ctrl-C part-way through an apply, whole refusals,
// replacement, prune and pull.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { DxApiClient } from '../../platform/src/apiClient';

const CLI = resolve(__dirname, '../../dist/cli.js');
/** Routes that only read; everything else the CLI sends is a write. */
const READS = new Set(['/system/findDataObjects', '/system/whoami']);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Env {
  emulator: RunningEmulator;
  token: string;
  userId: string;
  project: string;
  client: DxApiClient;
  dataFile: string;
  confDir: string;
}

async function startEnv(dataFile = join(mkdtempSync(join(tmpdir(), 'dxrecord-rac-state-')), 'state.json'), log?: (line: string) => void): Promise<Env> {
  const emulator = await startEmulator({ port: 0, dataFile, log });
  const { userId, token } = emulator.admin.createUser('rac');
  const project = emulator.admin.createProject(userId, 'Records as code');
  return { emulator, token, userId, project, client: new DxApiClient({ serverUrl: emulator.url, token }), dataFile, confDir: mkdtempSync(join(tmpdir(), 'dxrecord-rac-conf-')) };
}

function dxEnv(env: Pick<Env, 'emulator' | 'token' | 'confDir'>, token = env.token): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: env.confDir,
    DX_USER_CONF_DIR: env.confDir,
    DX_APISERVER_PROTOCOL: 'http',
    DX_APISERVER_HOST: '127.0.0.1',
    DX_APISERVER_PORT: String(env.emulator.port),
    DX_SECURITY_CONTEXT: JSON.stringify({ auth_token_type: 'Bearer', auth_token: token }),
  };
}

/**
 * The CLI as a child process (async: the emulator answers from this process's event loop). The
 * limit leaves room for a run that retries a lost reply until the client's 120 s deadline.
 */
function dxrecord(env: Env, cwd: string, args: string[], token?: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: dxEnv(env, token), timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : error ? null : 0;
      done({ code, stdout, stderr });
    });
  });
}

const isRead = (route: string) => READS.has(route) || route.endsWith('/describe');

function writes(env: Env, from: number): string[] {
  return env.emulator.admin.requestLog().slice(from).map((r) => r.route).filter((route) => !isRead(route));
}

function reads(env: Env, from: number): string[] {
  return env.emulator.admin.requestLog().slice(from).map((r) => r.route).filter(isRead);
}

function makeRoot(project: string): string {
  const root = mkdtempSync(join(tmpdir(), 'dxrecord-rac-'));
  mkdirSync(join(root, '.dxrecord'));
  writeFileSync(join(root, '.dxrecord/config.json'), JSON.stringify({ project }));
  return root;
}

function writeRecord(root: string, key: string, fields: Record<string, unknown>): string {
  const path = join(root, `${key}.dxrecord.json`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(fields, null, 2) + '\n');
  return path;
}

interface JsonPlan {
  actions: { file: string | null; key: string; action: string; record: string | null; changes: { field: string; from?: unknown; to?: unknown }[]; problem: string | null; status?: string }[];
  summary: Record<string, number>;
  notes: string[];
}

async function planJson(env: Env, cwd: string, args: string[] = []): Promise<{ run: Run; plan: JsonPlan }> {
  const run = await dxrecord(env, cwd, ['plan', ...args, '--format', 'json']);
  assert.ok(run.stdout, `plan printed nothing; stderr: ${run.stderr}`);
  return { run, plan: JSON.parse(run.stdout) as JsonPlan };
}

async function recordsWithKey(env: Env, key: string) {
  const page = await env.client.call<{ results: { id: string; describe: { state: string; properties: Record<string, string>; name: string; details: unknown } }[] }>(
    '/system/findDataObjects',
    { class: 'record', scope: { project: env.project }, properties: { 'dxrecord.key': key }, visibility: 'either', describe: { fields: { state: true, properties: true, name: true, details: true } } },
  );
  return page.results;
}

before(() => assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)'));

describe('init', () => {
  let env: Env;
  before(async () => (env = await startEnv()));
  after(() => env.emulator.close());

  it('makes the current folder a root with its project, and a second init changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxrecord-init-'));
    const first = await dxrecord(env, dir, ['init', '--project', env.project]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, '.dxrecord/config.json'), 'utf8')), { project: env.project });
    const again = await dxrecord(env, dir, ['init', '--project', 'project-B0FJgXy4Zg231jgbQ9zQ0003']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already exists.*nothing changed/);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, '.dxrecord/config.json'), 'utf8')), { project: env.project });
  });

  it('plan and apply without a root are a usage error naming dxrecord init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxrecord-noroot-'));
    writeRecord(dir, 'a', { project: env.project, name: 'a' });
    for (const command of ['plan', 'apply']) {
      const run = await dxrecord(env, dir, [command]);
      assert.equal(run.code, 2, command);
      assert.match(run.stderr, /dxrecord init/);
    }
  });
});

describe('plan and apply', () => {
  let env: Env;
  let root: string;
  before(async () => {
    env = await startEnv();
    root = makeRoot(env.project);
    writeRecord(root, 'samples/S42', { project: env.project, name: 'S42', folder: '/samples', parents: true, tags: ['raw'], details: { reads: 42 } });
    writeRecord(root, 'samples/S43', { project: env.project, name: 'S43', folder: '/samples', parents: true, properties: { lab: 'north' } });
  });
  after(() => env.emulator.close());

  it('plan lists the creates with the fields they set, exits 3 and writes nothing', async () => {
    const from = env.emulator.admin.requestLog().length;
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 3, run.stderr);
    assert.deepEqual(plan.actions.map((a) => [a.key, a.action]), [['samples/S42', 'create'], ['samples/S43', 'create']]);
    assert.deepEqual(plan.actions[0].changes.map((c) => c.field).sort(), ['details', 'folder', 'name', 'tags']);
    assert.equal(plan.summary.create, 2);
    assert.deepEqual(writes(env, from), [], 'plan makes no writes');
    assert.deepEqual(reads(env, from), ['/system/findDataObjects', '/system/findDataObjects'], 'the managed records, then the unkeyed ones a new file could adopt');
    const text = await dxrecord(env, root, ['plan']);
    assert.equal(text.code, 3);
    assert.match(text.stdout, /create\s+samples\/S42/);
    assert.match(text.stdout, /Plan: 2 to create, 0 to update, 0 to replace, 0 to adopt, 0 to delete, 0 unchanged\./);
  });

  it('apply without a terminal needs --yes', async () => {
    const from = env.emulator.admin.requestLog().length;
    const run = await dxrecord(env, root, ['apply']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--yes/);
    assert.deepEqual(writes(env, from), []);
  });

  it('apply creates exactly what plan said, each record keyed by its file; a rerun makes zero writes', async () => {
    const applied = await dxrecord(env, root, ['apply', '--yes']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /Applied 2 of 2 changes; 0 failed, 0 not started\./);
    const [s42] = await recordsWithKey(env, 'samples/S42');
    assert.equal(s42.describe.name, 'S42');
    assert.deepEqual(s42.describe.details, { reads: 42 });
    const from = env.emulator.admin.requestLog().length;
    const rerun = await dxrecord(env, root, ['apply', '--yes']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(writes(env, from), [], 'a rerun writes nothing');
    const fromPlan = env.emulator.admin.requestLog().length;
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 0);
    assert.deepEqual(plan.actions.map((a) => a.action), ['no-op', 'no-op']);
    assert.deepEqual(reads(env, fromPlan), ['/system/findDataObjects'], 'every file has its keyed record: no adoption lookup of unkeyed records');
  });

  it('identity survives a restart of the platform and another working directory or PATH form', async () => {
    await env.emulator.close();
    const restarted = await startEmulator({ port: 0, dataFile: env.dataFile });
    env = { ...env, emulator: restarted, client: new DxApiClient({ serverUrl: restarted.url, token: env.token }) };
    const from = restarted.admin.requestLog().length;
    const fromSamples = await planJson(env, join(root, 'samples'), ['.']);
    assert.equal(fromSamples.run.code, 0, fromSamples.run.stderr);
    assert.deepEqual(fromSamples.plan.actions.map((a) => [a.key, a.action]), [['samples/S42', 'no-op'], ['samples/S43', 'no-op']]);
    const elsewhere = await planJson(env, tmpdir(), [join(root, 'samples/S42.dxrecord.json')]);
    assert.deepEqual(elsewhere.plan.actions.map((a) => [a.key, a.action]), [['samples/S42', 'no-op']]);
    assert.deepEqual(writes(env, from), []);
  });

  it('an edit is an update naming every changed field; apply then plan is a no-op', async () => {
    writeRecord(root, 'samples/S42', { project: env.project, name: 'S42 v2', folder: '/samples', parents: true, tags: ['raw', 'qc'], details: { reads: 42 } });
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 3);
    const update = plan.actions.find((a) => a.key === 'samples/S42')!;
    assert.equal(update.action, 'update');
    assert.deepEqual(update.changes, [
      { field: 'name', from: 'S42', to: 'S42 v2' },
      { field: 'tags', from: ['raw'], to: ['qc', 'raw'] },
    ]);
    assert.equal((await dxrecord(env, root, ['apply', '--yes'])).code, 0);
    assert.deepEqual((await planJson(env, root)).plan.actions.map((a) => a.action), ['no-op', 'no-op']);
  });

  it('an invalid file refuses the whole apply: exit 1, no writes, the problem named', async () => {
    writeRecord(root, 'samples/S44', { project: env.project, name: 'S44' });
    const bad = writeRecord(root, 'broken', { project: env.project, tags: [''] });
    const from = env.emulator.admin.requestLog().length;
    const run = await dxrecord(env, root, ['apply', '--yes', '--format', 'json']);
    assert.equal(run.code, 1);
    const plan = JSON.parse(run.stdout) as JsonPlan;
    assert.equal(plan.actions.find((a) => a.key === 'broken')!.action, 'invalid');
    assert.match(plan.actions.find((a) => a.key === 'broken')!.problem!, /tag/i);
    assert.deepEqual(writes(env, from), [], 'the valid new file was not created either');
    unlinkSync(bad);
    unlinkSync(join(root, 'samples/S44.dxrecord.json'));
  });

  it("a file breaking its root's team type schema is invalid, as validate and the editor say", async () => {
    mkdirSync(join(root, '.dxrecord/types'), { recursive: true });
    writeFileSync(join(root, '.dxrecord/types/SampleSheet.schema.json'), JSON.stringify({ type: 'object', required: ['lane'] }));
    const sheet = writeRecord(root, 'sheet', { project: env.project, name: 'sheet', types: ['SampleSheet'], details: {} });
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 1);
    const action = plan.actions.find((a) => a.key === 'sheet')!;
    assert.equal(action.action, 'invalid');
    assert.match(action.problem!, /SampleSheet/);
    unlinkSync(sheet);
    rmSync(join(root, '.dxrecord/types'), { recursive: true });
  });

  it('a file naming another project than the root is refused', async () => {
    const stray = writeRecord(root, 'stray', { project: 'project-B0FJgXy4Zg231jgbQ9zQ0003', name: 'x' });
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 1);
    assert.match(plan.actions.find((a) => a.key === 'stray')!.problem!, /this root manages/);
    unlinkSync(stray);
  });

  it('two live records with one key are a conflict that plan reports and apply refuses', async () => {
    await env.client.newRecord({ project: env.project, name: 'dup', properties: { 'dxrecord.key': 'samples/S43' } });
    const { run, plan } = await planJson(env, root);
    assert.equal(run.code, 1);
    const conflict = plan.actions.find((a) => a.key === 'samples/S43')!;
    assert.equal(conflict.action, 'conflict');
    assert.match(conflict.problem!, /2 live records carry the key/);
    const from = env.emulator.admin.requestLog().length;
    assert.equal((await dxrecord(env, root, ['apply', '--yes'])).code, 1);
    assert.deepEqual(writes(env, from), []);
  });
});

describe('replace, prune, lost replies', () => {
  let env: Env;
  let root: string;
  before(async () => {
    env = await startEnv();
    root = makeRoot(env.project);
  });
  after(() => env.emulator.close());

  it('a closed record whose details changed is replaced: the old one stays, closed, and the key moves', async () => {
    writeRecord(root, 'ref', { project: env.project, name: 'ref', details: { v: 1 }, close: true });
    assert.equal((await dxrecord(env, root, ['apply', '--yes'])).code, 0);
    const [old] = await recordsWithKey(env, 'ref');
    assert.equal(old.describe.state, 'closed');
    writeRecord(root, 'ref', { project: env.project, name: 'ref', details: { v: 2 }, close: true });
    const { plan } = await planJson(env, root);
    assert.deepEqual(plan.actions.map((a) => [a.action, a.record]), [['replace', old.id]]);
    assert.deepEqual(plan.actions[0].changes, [{ field: 'details', from: { v: 1 }, to: { v: 2 } }]);
    assert.equal((await dxrecord(env, root, ['apply', '--yes'])).code, 0);
    const [current] = await recordsWithKey(env, 'ref');
    assert.notEqual(current.id, old.id);
    assert.deepEqual(current.describe.details, { v: 2 });
    assert.equal(current.describe.state, 'closed');
    const history = await env.client.call<{ state: string; properties: Record<string, string> }>(`/${old.id}/describe`, { project: env.project, fields: { state: true, properties: true } });
    assert.equal(history.state, 'closed');
    assert.deepEqual(history.properties, { 'dxrecord.replacedBy': current.id });
    assert.deepEqual((await planJson(env, root)).plan.actions.map((a) => a.action), ['no-op']);
  });

  it('prune deletes only the managed records it listed; without --prune they are a note', async () => {
    writeRecord(root, 'keep', { project: env.project, name: 'keep' });
    const gone = writeRecord(root, 'gone', { project: env.project, name: 'gone' });
    const unmanaged = await env.client.newRecord({ project: env.project, name: 'not ours' });
    assert.equal((await dxrecord(env, root, ['apply', '--yes'])).code, 0);
    const [goneRecord] = await recordsWithKey(env, 'gone');
    unlinkSync(gone);
    const quiet = await planJson(env, root);
    assert.equal(quiet.run.code, 0, 'orphans alone do not count as changes');
    assert.match(quiet.plan.notes.join('\n'), new RegExp(`${goneRecord.id} \\(key gone\\) has no file`));
    const pruning = await planJson(env, root, ['--prune']);
    assert.deepEqual(pruning.plan.actions.filter((a) => a.action === 'delete').map((a) => a.record), [goneRecord.id]);
    const from = env.emulator.admin.requestLog().length;
    assert.equal((await dxrecord(env, root, ['apply', '--yes', '--prune'])).code, 0);
    assert.deepEqual(writes(env, from), [`/${env.project}/removeObjects`]);
    assert.equal(env.emulator.admin.countObjects({ projectId: env.project, class: 'record' }), 4, 'ref, its history, keep, and the unmanaged record remain');
    assert.ok(env.emulator.admin.describe(unmanaged.id, env.project));
  });

  it('a create whose reply is lost, run again, leaves exactly one record', async () => {
    writeRecord(root, 'lost', { project: env.project, name: 'lost', details: { a: 1 } });
    env.emulator.admin.injectFault({ route: '/record/new', kind: 'lose-response', count: 50 });
    const failed = await dxrecord(env, root, ['apply', '--yes']);
    env.emulator.admin.clearFaults();
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /Not done: .*lost\.dxrecord\.json — run apply again/);
    assert.equal((await recordsWithKey(env, 'lost')).length, 1, 'the platform committed it despite the lost reply');
    const rerun = await dxrecord(env, root, ['apply', '--yes']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal((await recordsWithKey(env, 'lost')).length, 1, 'still one record');
  });
});

describe('Ctrl-C during apply', () => {
  const FILES = 40;
  /** Creates answered at once before the interrupt; those after it are held long enough that none completes before the CLI sees it. */
  const DONE_BEFORE_INTERRUPT = 5;
  const HELD_MS = 3000;
  /** applyPlan's default concurrency: the calls that may be in flight at the interrupt. */
  const IN_FLIGHT = 4;
  let env: Env;
  let onRequestLine: ((line: string) => void) | undefined;
  before(async () => (env = await startEnv(undefined, (line) => onRequestLine?.(line))));
  after(() => env.emulator.close());

  it('stops after the calls in flight, lists done and not-started files truthfully, and a rerun finishes the rest', { timeout: 60_000 }, async () => {
    const root = makeRoot(env.project);
    const keys = Array.from({ length: FILES }, (_, i) => `batch/f${String(i).padStart(2, '0')}`);
    for (const key of keys) writeRecord(root, key, { project: env.project, name: key.slice(6), folder: '/batch', parents: true, details: { key } });
    env.emulator.admin.injectFault({ route: '/record/new', kind: 'delay', delayMs: 0, count: DONE_BEFORE_INTERRUPT });
    env.emulator.admin.injectFault({ route: '/record/new', kind: 'delay', delayMs: HELD_MS, count: 1000 });
    const from = env.emulator.admin.requestLog().length;
    const child = spawn(process.execPath, [CLI, 'apply', '--yes'], { cwd: root, env: dxEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let created = 0;
    onRequestLine = (line) => {
      if (/^POST \/record\/new 200 /.test(line) && ++created === DONE_BEFORE_INTERRUPT) child.kill('SIGINT');
    };
    const code = await exited;
    onRequestLine = undefined;
    env.emulator.admin.clearFaults();
    assert.equal(code, 1, stdout + stderr);
    assert.match(stderr, /stopping after the calls in flight/);
    const rows = [...stdout.matchAll(/^ {2}(done|failed|not started) +create +(\S+)/gm)].map((m) => ({ status: m[1], key: m[2] }));
    assert.deepEqual(rows.map((r) => r.key).sort(), keys, 'every file has a result row');
    const done = rows.filter((r) => r.status === 'done').map((r) => r.key);
    const notStarted = rows.filter((r) => r.status === 'not started').map((r) => r.key);
    assert.equal(done.length + notStarted.length, FILES, 'no call failed');
    const sent = env.emulator.admin.requestLog().slice(from).filter((r) => r.route === '/record/new');
    assert.deepEqual(sent.map((r) => r.status), done.map(() => 200), 'every create sent was answered and reported done: the calls in flight finished');
    assert.ok(done.length >= DONE_BEFORE_INTERRUPT && done.length <= DONE_BEFORE_INTERRUPT + IN_FLIGHT, `done: ${done.length} (the ${DONE_BEFORE_INTERRUPT} answered and at most ${IN_FLIGHT} in flight)`);
    assert.match(stdout, new RegExp(`Applied ${done.length} of ${FILES} changes; 0 failed, ${notStarted.length} not started\\.`));
    const notDoneLine = /Not done: (.*) — run apply again/.exec(stdout);
    assert.ok(notDoneLine, stdout);
    assert.deepEqual(notDoneLine[1].split(', ').sort(), notStarted.map((key) => `${key}.dxrecord.json`).sort());
    for (const key of done) assert.equal((await recordsWithKey(env, key)).length, 1, `${key} was reported done`);
    for (const key of notStarted) assert.equal((await recordsWithKey(env, key)).length, 0, `${key} was reported not started`);
    assert.equal(env.emulator.admin.countObjects({ projectId: env.project, class: 'record' }), done.length);

    const rerun = await dxrecord(env, root, ['apply', '--yes']);
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`Applied ${notStarted.length} of ${notStarted.length} changes; 0 failed, 0 not started\\.`));
    for (const key of keys) assert.equal((await recordsWithKey(env, key)).length, 1, `${key} has exactly one record`);
    assert.equal(env.emulator.admin.countObjects({ projectId: env.project, class: 'record' }), FILES);
  });
});

describe('pull', () => {
  let env: Env;
  before(async () => (env = await startEnv()));
  after(() => env.emulator.close());

  it('writes one file per record, adopt for unkeyed records and no-op for keyed ones; after one apply all are no-ops', async () => {
    await env.client.call(`/${env.project}/newFolder`, { folder: '/runs/2024', parents: true });
    const unkeyed = await env.client.newRecord({ project: env.project, name: 'run 7/α', folder: '/runs/2024', tags: ['t'], details: { n: 7 } });
    const keyed = await env.client.newRecord({ project: env.project, name: 'kept', properties: { 'dxrecord.key': 'refs/kept', lab: 'x' } });
    const out = join(mkdtempSync(join(tmpdir(), 'dxrecord-pull-')), 'tree');
    const pulled = await dxrecord(env, tmpdir(), ['pull', env.project, '--out', out]);
    assert.equal(pulled.code, 0, pulled.stderr);
    const unkeyedFile = join(out, 'runs/2024/run_7__.dxrecord.json');
    assert.ok(existsSync(unkeyedFile), pulled.stdout);
    const keyedText = readFileSync(join(out, 'refs/kept.dxrecord.json'), 'utf8');
    assert.deepEqual(JSON.parse(keyedText).properties, { lab: 'x' }, 'the key property is not written');
    assert.deepEqual(JSON.parse(readFileSync(join(out, '.dxrecord/config.json'), 'utf8')), { project: env.project });
    const { plan } = await planJson(env, out);
    assert.deepEqual(plan.actions.map((a) => [a.key, a.action, a.record]).sort(), [
      ['refs/kept', 'no-op', keyed.id],
      ['runs/2024/run_7__', 'adopt', unkeyed.id],
    ]);
    assert.equal((await dxrecord(env, out, ['apply', '--yes'])).code, 0);
    assert.deepEqual((await planJson(env, out)).plan.actions.map((a) => a.action), ['no-op', 'no-op']);
    const again = await dxrecord(env, tmpdir(), ['pull', env.project, '--out', out]);
    assert.match(again.stdout, /Pulled 0 record files .*; 2 existing files kept/);
    rmSync(out, { recursive: true, force: true });
  });
});

describe('the token', () => {
  let env: Env;
  before(async () => (env = await startEnv()));
  after(() => env.emulator.close());

  it('never appears in any byte of output, in any encoding, including a rejected token', async () => {
    const root = makeRoot(env.project);
    writeRecord(root, 'a', { project: env.project, name: 'a' });
    const outputs: Run[] = [];
    outputs.push(await dxrecord(env, root, ['plan']));
    outputs.push(await dxrecord(env, root, ['apply', '--yes', '--format', 'json']));
    outputs.push(await dxrecord(env, tmpdir(), ['pull', env.project, '--out', join(root, 'pulled')]));
    const rejected = 'Zr9bVq0k' + env.token.slice(8);
    const refused = await dxrecord(env, root, ['plan'], rejected);
    assert.equal(refused.code, 1, 'a bad token is a failure');
    outputs.push(refused);
    const forms = (token: string) => [
      token,
      JSON.stringify(token).slice(1, -1),
      encodeURIComponent(token),
      Buffer.from(token).toString('base64'),
      Buffer.from(token).toString('hex'),
      [...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    ];
    const everything = outputs.map((o) => o.stdout + o.stderr).join('\n');
    assert.ok(everything.length > 200, 'the runs printed something to search');
    for (const token of [env.token, rejected]) {
      for (const form of forms(token)) assert.ok(!everything.toLowerCase().includes(form.toLowerCase()), 'a token form appears in the output');
    }
  });
});
