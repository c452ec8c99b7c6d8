// `npm run demo` as a person runs it: it prints a workbench URL and a token that work, and it stops
// code-server and the emulator, leaving no process behind and no port in use, however it is stopped:
// Ctrl-C in a terminal (SIGINT to the whole process group), or SIGINT or SIGTERM to npm's own process,
// as a supervisor or a script would send it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { isAlive, processTree } from '../../scripts/processTree';

const repoRoot = resolve(__dirname, '../..');

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const stops: Record<string, (npmPid: number) => void> = {
  'Ctrl-C (SIGINT to the process group)': (pid) => process.kill(-pid, 'SIGINT'),
  "SIGINT to npm's process": (pid) => process.kill(pid, 'SIGINT'),
  "SIGTERM to npm's process": (pid) => process.kill(pid, 'SIGTERM'),
};

for (const [how, stop] of Object.entries(stops)) {
  test(`npm run demo serves the workbench and the emulator, and ${how} stops everything`, { timeout: 180_000 }, async () => {
    // Its own process group, as a terminal gives a command it runs.
    const npm = spawn('npm', ['run', 'demo'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    const npmPid = npm.pid ?? -1;
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
    try {
      while (!/Demo token:\s+\S+/.test(output)) {
        assert.equal(npm.exitCode, null, `the demo exited early:\n${output}`);
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

      const ports = [workbench, emulator].map((url) => Number(new URL(url).port));
      const tree = processTree(npmPid);
      assert.ok(tree.length >= 4, 'npm runs the demo, which runs code-server');
      stop(npmPid);
      // Bounded, so that a demo that ignores the signal fails here and the cleanup below still runs.
      const stillRunning = new Promise((r) => setTimeout(() => r('still running 60 s after the signal'), 60_000).unref());
      assert.equal(await Promise.race([exited, stillRunning]), 0);
      assert.deepEqual(tree.filter(isAlive), [], 'processes of the demo still running');
      for (const port of ports) assert.equal(await listening(port), false, `port ${port} is still in use`);
    } finally {
      // Whatever failed, nothing of the demo outlives the test: Ctrl-C, then SIGKILL for what ignores it.
      if (groupAlive(npmPid)) {
        process.kill(-npmPid, 'SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
        if (groupAlive(npmPid)) process.kill(-npmPid, 'SIGKILL');
      }
    }
  });
}
