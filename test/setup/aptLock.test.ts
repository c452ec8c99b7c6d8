// scripts/wait-for-apt-lock.sh, which scripts/e2e-setup.sh runs before each apt-get: it waits while
// another process holds a lock file, says so, and gives up after its timeout. Pointed at a lock file
// of our own, held by a real process the way apt holds its locks (fcntl) and the way flock(1) does.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const script = resolve(__dirname, '../../scripts/wait-for-apt-lock.sh');

// perl-base is part of every Debian system; its fcntl takes the same kind of lock as apt (x86_64 struct flock).
const fcntlHolder = `use Fcntl; open(my $f, '>>', $ARGV[0]) or die $!;
my $lock = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0);
fcntl($f, F_SETLKW, $lock) or die $!; $| = 1; print "locked\\n"; <STDIN>;`;

const holders: Record<string, (file: string) => [string, string[]]> = {
  'an fcntl lock, as apt and dpkg take': (file) => ['perl', ['-e', fcntlHolder, file]],
  'a flock(1) lock': (file) => ['flock', [file, 'sh', '-c', 'echo locked; read line']],
};

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'dxrecord-apt-lock-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function run(command: string, args: string[]): Run {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

async function until(what: string, run: Run, pattern: RegExp): Promise<void> {
  while (!pattern.test(run.output())) {
    assert.equal(run.child.exitCode, null, `${what} exited before printing ${pattern}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function holdLock(kind: string, file: string): Promise<Run> {
  const [command, args] = holders[kind](file);
  const holder = run(command, args);
  await until('the lock holder', holder, /locked/);
  return holder;
}

test('a lock nobody holds, or a lock file that does not exist, is not waited for', async () => {
  const free = join(dir, 'free');
  writeFileSync(free, '');
  const waiter = run('bash', [script, '5', join(dir, 'absent'), free]);
  assert.equal(await waiter.exit, 0);
  assert.equal(waiter.output(), '');
});

for (const [index, kind] of Object.keys(holders).entries()) {
  test(`waits for ${kind} held by another process, says so, and goes on once it is released`, async () => {
    const file = join(dir, `held-${index}`);
    const holder = await holdLock(kind, file);
    const waiter = run('bash', [script, '600', join(dir, 'absent'), file]);
    let released = false;
    const waited = waiter.exit.then((code) => ({ code, afterRelease: released }));
    await until('the waiter', waiter, /waiting for/);
    assert.match(waiter.output(), new RegExp(`waiting for ${file}, held by \\S+ \\(pid ${holder.child.pid}\\).*up to 600 s`));

    released = true;
    holder.child.stdin?.end();
    await holder.exit;
    assert.deepEqual(await waited, { code: 0, afterRelease: true });
  });

  test(`gives up on ${kind} still held after the timeout, saying which lock and who holds it`, async () => {
    const file = join(dir, `stuck-${index}`);
    const holder = await holdLock(kind, file);
    try {
      const waiter = run('bash', [script, '1', file]);
      assert.equal(await waiter.exit, 1);
      assert.match(waiter.output(), new RegExp(`${file} is still held by \\S+ \\(pid ${holder.child.pid}\\) after 1 s; giving up`));
      assert.equal(holder.child.exitCode, null, 'the holder was still holding the lock');
    } finally {
      holder.child.stdin?.end();
      await holder.exit;
    }
  });
}
