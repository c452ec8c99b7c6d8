// The deterministic slice of `npm run fuzz`: the same harness, a fixed seed, small counts. Every
// invariant of the three stages (engine, CLI, live server) must hold; known-failing ones are
// listed in fuzz/failures.ts and reported without failing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const SEED = 20261201;
const ROOT = resolve(__dirname, '../..');

test('a fixed-seed fuzz run: 2,000 engine documents, 20 CLI files, 200 live edits, every invariant holds', () => {
  const args = ['--import', 'tsx', 'fuzz/run.ts', '--seed', String(SEED), '--engine', '2000', '--cli-processes', '2', '--cli-files', '10', '--live-edits', '200', '--json'];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines[0], `fuzz seed ${SEED} (replay: npm run fuzz -- --seed ${SEED})`);
  const summary = JSON.parse(lines.at(-1)!);
  const broken = summary.failures.filter((f: { known: boolean }) => !f.known);
  assert.deepEqual(broken, [], run.stdout);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(summary.engine.documents, 2000);
  assert.ok(summary.engine.diagnostics > 2000, 'the documents are mostly broken, so the range checks have work');
  assert.deepEqual([summary.cli.processes, summary.cli.files], [2, 20]);
  assert.equal(summary.live.edits, 200);
  const requests = summary.live.requests as Record<string, number>;
  for (const method of ['completion', 'hover', 'codeAction', 'formatting']) assert.ok(requests[`textDocument/${method}`] > 0, `${method} was asked`);
});
