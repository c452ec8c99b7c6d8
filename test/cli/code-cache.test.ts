// dist/cli.js runs the CLI bundle from V8's code cache (cli/src/launch.ts): written next to the
// bundle by a run that had none, used as is by the next, and never a reason for a different answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, CLI_BUNDLE, runCli, writeIn, type CliRun } from './helpers';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';

let dir: string;
let dist: string;
let expected: CliRun;

/** The launcher and the bundle as built, in a folder of their own that starts without a cache; the answer is the bundle's own. */
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-cache-'));
  dist = join(dir, 'dist');
  mkdirSync(dist);
  copyFileSync(CLI, join(dist, 'cli.js'));
  copyFileSync(CLI_BUNDLE, join(dist, 'cliMain.js'));
  writeIn(dir, 'good.dxrecord.json', JSON.stringify({ project: PROJECT, name: 'ok' }));
  writeIn(dir, 'bad.dxrecord.json', JSON.stringify({ project: 'project-1', tags: [''] }));
  expected = runCli(dir, ['validate', '.'], undefined, CLI_BUNDLE);
  assert.equal(expected.code, 1, expected.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const validate = () => runCli(dir, ['validate', '.'], undefined, join(dist, 'cli.js'));
const cacheFiles = () => readdirSync(dist).filter((name) => name.endsWith('.cache'));
const bundleHash = () => createHash('sha256').update(readFileSync(CLI_BUNDLE)).digest('hex').slice(0, 16);
/** The cache's name for this bundle, Node version and architecture. */
const cacheName = () => `cliMain.${bundleHash()}.${process.version}-${process.arch}.cache`;

function assertSameAnswer(run: CliRun): void {
  assert.deepEqual({ code: run.code, stdout: run.stdout, stderr: run.stderr }, { code: expected.code, stdout: expected.stdout, stderr: expected.stderr });
}

test('the cache is named for the bundle it was built with, the Node version and the architecture', () => {
  assert.ok(readFileSync(CLI, 'utf8').includes(JSON.stringify(bundleHash())), 'dist/cli.js names the cache for the bundle beside it');
  assertSameAnswer(validate());
  assert.deepEqual(cacheFiles(), [cacheName()]);
});

test('a run with a cache uses it as it is; a broken one is replaced, with the same answer', () => {
  const [name] = cacheFiles();
  const path = join(dist, name);
  const made = statSync(path).ino;
  assertSameAnswer(validate());
  assert.equal(statSync(path).ino, made, 'V8 accepted the cache, so nothing rewrote it');
  writeFileSync(path, 'not a code cache');
  assertSameAnswer(validate());
  assert.notEqual(readFileSync(path, 'utf8'), 'not a code cache', 'the rejected cache was written again');
});

test('a cache that cannot be read or written changes nothing and leaves nothing behind', () => {
  for (const name of cacheFiles()) rmSync(join(dist, name));
  // A folder where the cache file would go: reading it fails, and so does renaming the new cache onto it.
  mkdirSync(join(dist, cacheName()));
  assertSameAnswer(validate());
  assertSameAnswer(validate());
  assert.deepEqual(readdirSync(dist).sort(), ['cli.js', 'cliMain.js', cacheName()].sort());
});
