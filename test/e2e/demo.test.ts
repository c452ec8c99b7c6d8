// `npm run demo` as a person runs it: it prints a workbench URL and a token that work, and Ctrl-C
// (SIGINT) stops code-server and the emulator, leaving no process behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { isAlive, processTree } from '../../scripts/processTree';

const repoRoot = resolve(__dirname, '../..');

test('npm run demo serves the workbench and the emulator, and Ctrl-C stops everything', { timeout: 180_000 }, async () => {
  const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.mjs'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => demo.once('exit', (code) => done(code)));
  try {
    while (!/Demo token:\s+\S+/.test(output)) {
      assert.equal(demo.exitCode, null, `the demo exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const workbench = /VS Code \(code-server\):\s+(\S+)/.exec(output)?.[1] ?? '';
    const emulator = /DNAnexus emulator:\s+(\S+)/.exec(output)?.[1] ?? '';
    const token = /Demo token:\s+(\S+)/.exec(output)?.[1] ?? '';
    assert.match(workbench, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=.*examples$/);
    assert.match(emulator, /^http:\/\/127\.0\.0\.1:\d+$/);

    const page = await fetch(workbench);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /workbench/);
    const whoami = await fetch(`${emulator}/system/whoami`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(whoami.status, 200);
    assert.equal(((await whoami.json()) as { id: string }).id, 'user-demo');

    const tree = processTree(demo.pid ?? -1);
    assert.ok(tree.length >= 3, 'the demo runs code-server under it');
    demo.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.deepEqual(tree.filter(isAlive), []);
    await assert.rejects(fetch(emulator), 'the emulator no longer answers');
  } finally {
    // On a failed assertion, still stop the demo the way a person would, so nothing outlives the test.
    if (demo.exitCode === null) {
      demo.kill('SIGINT');
      await exited;
    }
  }
});
