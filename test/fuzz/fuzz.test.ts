// The deterministic slice of `npm run fuzz`: the same harness, a fixed seed, small counts. Every
// invariant of the three stages (engine, CLI, live server) must hold (known-failing ones are
// listed in fuzz/failures.ts and reported without failing), and a seed replays its run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const SEED = 20261201;
const ROOT = resolve(__dirname, '../..');

interface Summary {
  seed: number;
  engine: { documents: number; diagnostics: number };
  cli: { processes: number; files: number; diagnostics: number };
  live: { edits: number; requests: Record<string, number>; maxMs: number; p99Ms: number; finalLength: number; finalDiagnostics: number };
  timings: Record<string, number>;
  failures: { stage: string; invariant: string; known: boolean; minimized?: string }[];
}

function fuzz(counts: { engine: number; cliProcesses: number; cliFiles: number; liveEdits: number }): { status: number | null; stdout: string; summary: Summary } {
  const args = ['--import', 'tsx', 'fuzz/run.ts', '--seed', String(SEED), '--json'];
  args.push('--engine', String(counts.engine), '--cli-processes', String(counts.cliProcesses), '--cli-files', String(counts.cliFiles), '--live-edits', String(counts.liveEdits));
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines[0], `fuzz seed ${SEED} (replay: npm run fuzz -- --seed ${SEED})`);
  return { status: run.status, stdout: run.stdout, summary: JSON.parse(lines.at(-1)!) as Summary };
}

test('a fixed-seed fuzz run: 2,000 engine documents, 20 CLI files, 200 live edits, every invariant holds', () => {
  const { status, stdout, summary } = fuzz({ engine: 2000, cliProcesses: 2, cliFiles: 10, liveEdits: 200 });
  assert.deepEqual(summary.failures.filter((f) => !f.known), [], stdout);
  assert.equal(status, 0);
  assert.equal(summary.engine.documents, 2000);
  assert.ok(summary.engine.diagnostics > 2000, 'the documents are mostly broken, so the range checks have work');
  assert.deepEqual([summary.cli.processes, summary.cli.files], [2, 20]);
  assert.equal(summary.live.edits, 200);
  for (const method of ['completion', 'hover', 'codeAction', 'formatting']) assert.ok(summary.live.requests[`textDocument/${method}`] > 0, `${method} was asked`);
});

test('the seed replays the run: the same documents, edits, answers and minimized failures', () => {
  const counts = { engine: 300, cliProcesses: 1, cliFiles: 5, liveEdits: 100 };
  const withoutTimes = ({ summary }: ReturnType<typeof fuzz>) => ({ ...summary, timings: undefined, live: { ...summary.live, maxMs: undefined, p99Ms: undefined } });
  assert.deepEqual(withoutTimes(fuzz(counts)), withoutTimes(fuzz(counts)));
});
