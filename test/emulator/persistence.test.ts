import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { after, describe, it } from 'node:test';
import { until } from '../../testkit/waiting';
import { startEmulator } from '../../emulator/src/index.js';
import { call } from './helpers.js';

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dxemu-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('offline work survives a restart, including nonces and permissions', async () => {
    const file = join(dir, 'state.json');
    const first = await startEmulator({ dataFile: file });
    const user = first.admin.createUser('keeper');
    const project = first.admin.createProject(user.userId, 'Kept');
    const input = { project, name: 'kept', folder: '/deep/er', parents: true, details: { a: 1 }, nonce: 'n-persist' };
    const created = await call(first, user.token, '/record/new', input);
    await call(first, user.token, `/${created.body.id}/addTags`, { project, tags: ['t'] });
    await first.close();
    assert.ok(existsSync(file));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'atomic write leaves no temp file');

    const second = await startEmulator({ dataFile: file });
    try {
      const d = await call(second, user.token, `/${created.body.id}/describe`, { details: true });
      assert.deepEqual([d.body.name, d.body.folder, d.body.tags, d.body.details], ['kept', '/deep/er', ['t'], { a: 1 }]);
      const replay = await call(second, user.token, '/record/new', input);
      assert.deepEqual(replay.body, created.body, 'a retry after a restart still replays');
      assert.equal(second.admin.countObjects({ projectId: project }), 1);
    } finally {
      await second.close();
    }
  });

  it('saves soon after a change, before shutdown (debounced)', async () => {
    const file = join(dir, 'debounce.json');
    const emu = await startEmulator({ dataFile: file });
    try {
      emu.admin.createUser('early');
      // Before shutdown: the file gains the user while the emulator runs.
      await until(() => existsSync(file) && /user-early/.test(readFileSync(file, 'utf8')), 'the debounced save');
    } finally {
      await emu.close();
    }
  });

  it('keeps serving and reports it when a background save fails', async () => {
    const lines: string[] = [];
    const emu = await startEmulator({ dataFile: join(dir, 'missing-dir', 'state.json'), log: (line) => lines.push(line) });
    emu.admin.createUser('unsaved');
    await until(() => lines.some((l) => l.startsWith('could not save emulator state')), 'the failed save to be reported');
    const reply = await call(emu, undefined, '/system/whoami', {});
    assert.equal(reply.status, 401);
    await assert.rejects(emu.close());
  });

  it('refuses a file that is not emulator state', async () => {
    const file = join(dir, 'junk.json');
    writeFileSync(file, '{"hello": 1}');
    await assert.rejects(startEmulator({ dataFile: file }), /Cannot load emulator state/);
  });
});

describe('--seed-demo', () => {
  it('is deterministic and holds the documented users, projects and folders', async () => {
    const a = await startEmulator({ seedDemo: true });
    const b = await startEmulator({ seedDemo: true });
    try {
      assert.deepEqual(a.demo, b.demo);
      const demo = a.demo;
      assert.ok(demo);
      assert.equal(demo.userId, 'user-demo');
      assert.deepEqual(demo.projects.map((p) => [p.name, p.level]), [['Demo project', 'ADMINISTER'], ['Reference data', 'VIEW']]);
      const [main, reference] = demo.projects.map((p) => p.id);
      const total = a.admin.countObjects();
      assert.ok(total >= 300 && total <= 600, `a few hundred records (${total})`);
      const samples = await call(a, demo.token, '/system/findDataObjects', { scope: { project: main, folder: '/samples', recurse: false } });
      assert.ok(samples.body.results.length > 250);
      const folders = await call(a, demo.token, `/${main}/listFolder`, { folder: '/', only: 'folders' });
      assert.ok(folders.body.folders.includes('/samples') && folders.body.folders.includes('/reference'));
      const withLinks = await call(a, demo.token, '/system/findDataObjects', { scope: { project: main }, describe: { fields: { links: true } }, limit: 50 });
      assert.ok(withLinks.body.results.some((r: { describe: { links: string[] } }) => r.describe.links.length > 0));
      const denied = await call(a, demo.token, '/record/new', { project: reference });
      assert.equal(denied.body.error.type, 'PermissionDenied');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('CLI', () => {
  it('prints the URL, demo token and projects, serves requests, logs without the token and exits on SIGTERM', async (t) => {
    // Bundle the CLI as the build does: under tsx, signals would not reach our handler.
    const dir = mkdtempSync(join(tmpdir(), 'dxemu-cli-'));
    const bundle = join(dir, 'emulator.js');
    await build({ entryPoints: ['emulator/src/main.ts'], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const child = spawn(process.execPath, [bundle, '--port', '0', '--seed-demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    t.after(() => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const waitFor = async (re: RegExp): Promise<RegExpMatchArray> => {
      for (let i = 0; i < 200; i++) {
        const m = out.match(re);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${re}; output: ${out}`);
    };
    const [, url] = await waitFor(/DNAnexus emulator listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const [, token] = await waitFor(/Demo token: (\S+)/);
    await waitFor(/Demo project: project-\S+ "Reference data" \(VIEW\)/);
    const reply = await fetch(`${url}/system/whoami`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    assert.deepEqual(await reply.json(), { id: 'user-demo' });
    await waitFor(/POST \/system\/whoami 200/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const afterBanner = out.slice(out.indexOf('POST'));
    assert.ok(!afterBanner.includes(token), 'request log lines never contain the token');
  });
});
