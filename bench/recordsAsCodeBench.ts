// Records as code at scale: `dxrecord plan` and `apply` (dist/cli.js, whole processes) on a root of
// 1,000 record files against the emulator in this process over real HTTP on 127.0.0.1. Counts the
// requests each run sends (from the emulator's log) and its wall time: the first plan (1,000
// creates), the apply, a rerun plan and apply that must write nothing, and a plan with one new file.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import type { LiveRecord } from '../platform/src/recordsAsCode/live';
import { summarizePlan } from '../platform/src/recordsAsCode/plan';
import { planWith, type LocalTree } from '../platform/src/recordsAsCode/planTree';
import { fileOfKey, KEY_PROPERTY, RECORD_SUFFIX } from '../platform/src/recordsAsCode/root';
import { summarize } from './stats';
import { markdownTable, ms, verdict } from './table';

const CLI = resolve(__dirname, '../dist/cli.js');
const RAC_FILES = 1000;
const FILES_SHOWN = RAC_FILES.toLocaleString('en');
/** No-op plans timed (the median is judged). */
const NO_OP_RUNS = 5;
const NO_OP_MAX_READS = 2;
const NO_OP_MAX_MS = 2000;
/** The planner in process at two sizes: linear work grows 10×; a lookup per file would grow 100×. */
const PLAN_SIZES = [1_000, 10_000];
const PLAN_RUNS = 3;
const PLAN_GROWTH_TARGET = 15;
/** Routes that only read; every other route the CLI sends writes. */
const READ_ROUTES = new Set(['/system/findDataObjects', '/system/whoami']);

export interface RunCost {
  what: string;
  exitCode: number | null;
  reads: number;
  writes: number;
  wallMs: number;
}

interface Fixture {
  emulator: RunningEmulator;
  env: NodeJS.ProcessEnv;
  root: string;
  project: string;
}

/** The i-th record file of the tree: its key and its fields. */
function sampleRecord(i: number, project: string): { key: string; record: Record<string, unknown> } {
  const batch = `batch-${String(i % 20).padStart(2, '0')}`;
  const name = `S${String(i).padStart(5, '0')}`;
  const record = {
    project,
    name,
    folder: `/samples/${batch}`,
    parents: true,
    tags: i % 3 === 0 ? ['raw', 'qc'] : ['raw'],
    properties: { lab: i % 2 ? 'north' : 'south', run: String(i % 50) },
    details: { reads: i * 1000, lanes: [1 + (i % 4), 2 + (i % 4)], sample: { id: name, passed: i % 7 !== 0 } },
  };
  return { key: `samples/${batch}/${name}`, record };
}

async function setUp(dir: string): Promise<Fixture> {
  const emulator = await startEmulator({ port: 0, dataFile: join(dir, 'state.json') });
  const { userId, token } = emulator.admin.createUser('rac-bench');
  const project = emulator.admin.createProject(userId, 'Records as code bench');
  const root = join(dir, 'tree');
  mkdirSync(join(root, '.dxrecord'), { recursive: true });
  writeFileSync(join(root, '.dxrecord/config.json'), JSON.stringify({ project }));
  for (let i = 0; i < RAC_FILES; i++) {
    const { key, record } = sampleRecord(i, project);
    const path = fileOfKey(root, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
  }
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    DX_USER_CONF_DIR: dir,
    DX_APISERVER_PROTOCOL: 'http',
    DX_APISERVER_HOST: '127.0.0.1',
    DX_APISERVER_PORT: String(emulator.port),
    DX_SECURITY_CONTEXT: JSON.stringify({ auth_token_type: 'Bearer', auth_token: token }),
  };
  return { emulator, env, root, project };
}

/** One CLI run (async: this process's event loop serves its requests), with what it sent. */
function timeRun(f: Fixture, what: string, args: string[]): Promise<RunCost> {
  const before = f.emulator.admin.requestCount();
  const start = performance.now();
  return new Promise((done, fail) => {
    execFile(process.execPath, [CLI, ...args], { cwd: f.root, env: f.env, maxBuffer: 1 << 26 }, (error, _stdout, stderr) => {
      const wallMs = performance.now() - start;
      const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (exitCode === null || exitCode === 1 || exitCode === 2) {
        fail(new Error(`dxrecord ${args.join(' ')} exited ${exitCode}: ${stderr}`));
        return;
      }
      const sent = f.emulator.admin.requestCount() - before;
      const routes = f.emulator.admin.requestLog().slice(-sent).map((r) => r.route);
      const reads = routes.filter((route) => READ_ROUTES.has(route) || route.endsWith('/describe')).length;
      done({ what, exitCode, reads, writes: sent - reads, wallMs });
    });
  });
}

export interface RecordsAsCodeResult {
  runs: RunCost[];
  /** Every no-op plan: the reads of the costliest and the median wall time. */
  noOpPlan: { maxReads: number; writes: number; medianMs: number; runs: number };
  rerunApply: RunCost;
}

export async function benchRecordsAsCode(): Promise<RecordsAsCodeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dxrecord-rac-bench-'));
  const f = await setUp(dir);
  try {
    const firstPlan = await timeRun(f, `first plan (${FILES_SHOWN} creates)`, ['plan']);
    if (firstPlan.exitCode !== 3) throw new Error(`the first plan exited ${firstPlan.exitCode}, not 3 (changes)`);
    const apply = await timeRun(f, `apply --yes (${FILES_SHOWN} creates)`, ['apply', '--yes']);
    const created = f.emulator.admin.countObjects({ class: 'record' });
    if (created !== RAC_FILES) throw new Error(`apply left ${created} records, not ${RAC_FILES}`);
    const noOps: RunCost[] = [];
    for (let i = 0; i < NO_OP_RUNS; i++) noOps.push(await timeRun(f, 'rerun plan (no-op)', ['plan']));
    if (noOps.some((r) => r.exitCode !== 0)) throw new Error('a rerun plan found changes');
    const rerunApply = await timeRun(f, 'rerun apply --yes (no-op)', ['apply', '--yes']);
    // One file with no keyed record yet: the plan also lists the project's unkeyed records.
    writeFileSync(join(f.root, 'new.dxrecord.json'), JSON.stringify({ project: f.project, name: 'new' }));
    const oneNew = await timeRun(f, `plan with 1 new file among ${FILES_SHOWN}`, ['plan']);
    const median = summarize(noOps.map((r) => r.wallMs)).median;
    return {
      runs: [firstPlan, apply, { ...noOps[0], what: `rerun plan (no-op; median of ${NO_OP_RUNS})`, wallMs: median }, rerunApply, oneNew],
      noOpPlan: { maxReads: Math.max(...noOps.map((r) => r.reads)), writes: Math.max(...noOps.map((r) => r.writes)), medianMs: median, runs: NO_OP_RUNS },
      rerunApply,
    };
  } finally {
    await f.emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A tree of `count` files and, for each, its managed record as the lookup returns it unchanged. */
function noOpTree(count: number): { tree: LocalTree; managed: LiveRecord[] } {
  const project = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
  const files: LocalTree['files'] = [];
  const managed: LiveRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { key, record } = sampleRecord(i, project);
    files.push({ path: key + RECORD_SUFFIX, key, text: JSON.stringify(record, null, 2) });
    const { name, folder, tags, properties, details } = record as { name: string; folder: string; tags: string[]; properties: Record<string, string>; details: unknown };
    const id = `record-${String(i).padStart(24, '0')}`;
    managed.push({ id, project, name, folder, tags, types: [], hidden: false, state: 'open', modified: 0, properties: { ...properties, [KEY_PROPERTY]: key }, details });
  }
  return { tree: { root: '/', project, files, inScope: () => true }, managed };
}

/** The planner alone (in process, what the CLI runs once the records are looked up), median ms. */
function planScaling(): { files: number; medianMs: number }[] {
  const inputs = PLAN_SIZES.map(noOpTree);
  const samples = PLAN_SIZES.map((): number[] => []);
  // Interleaved, so a burst of load on the shared machine hits every size alike.
  for (let run = 0; run < PLAN_RUNS; run++) {
    inputs.forEach(({ tree, managed }, i) => {
      const start = performance.now();
      const plan = planWith(tree, { managed, unmanaged: [] }, false);
      samples[i].push(performance.now() - start);
      if (summarizePlan(plan)['no-op'] !== tree.files.length) throw new Error('the in-process plan is not all no-ops');
    });
  }
  return PLAN_SIZES.map((files, i) => ({ files, medianMs: summarize(samples[i]).median }));
}

export async function recordsAsCodeSection(): Promise<boolean> {
  console.log(`\n## Records as code: dxrecord plan / apply on ${FILES_SHOWN} record files (CLI processes, emulator over real HTTP)\n`);
  const result = await benchRecordsAsCode();
  console.log(markdownTable(
    ['run', 'exit', 'read requests', 'write requests', 'wall ms'],
    result.runs.map((r) => [r.what, String(r.exitCode), String(r.reads), String(r.writes), ms(r.wallMs)]),
  ));
  console.log('  Wall time is the whole process (Node start-up, reading and validating every file, the lookup, printing).');
  const plan = result.noOpPlan;
  const readsOk = plan.maxReads <= NO_OP_MAX_READS && plan.writes === 0;
  console.log(`  ${verdict(readsOk)}  no-op plan of ${FILES_SHOWN} files ≤ ${NO_OP_MAX_READS} read requests and no writes: ${plan.maxReads} reads, ${plan.writes} writes (worst of ${plan.runs})`);
  const timeOk = plan.medianMs < NO_OP_MAX_MS;
  console.log(`  ${verdict(timeOk)}  no-op plan of ${FILES_SHOWN} files < ${NO_OP_MAX_MS} ms: ${ms(plan.medianMs)} ms (median of ${plan.runs})`);
  const applyOk = result.rerunApply.writes === 0;
  console.log(`  ${verdict(applyOk)}  rerun apply makes 0 writes: ${result.rerunApply.writes}`);

  const scaling = planScaling();
  console.log(`\nThe planner alone, in process (no-op plan: validate each file, compare with its record; median of ${PLAN_RUNS})\n`);
  console.log(markdownTable(['files (and managed records)', 'plan ms', 'ms per file'], scaling.map((s) => [s.files.toLocaleString('en'), ms(s.medianMs), (s.medianMs / s.files).toFixed(3)])));
  const [small, large] = scaling;
  const growth = large.medianMs / small.medianMs;
  const growthOk = growth <= PLAN_GROWTH_TARGET;
  console.log(`  ${verdict(growthOk)}  plan time grows ≤ ${PLAN_GROWTH_TARGET}× from ${small.files.toLocaleString('en')} to ${large.files.toLocaleString('en')} files (linear is 10×): ${growth.toFixed(1)}×`);
  return readsOk && timeOk && applyOk && growthOk;
}
