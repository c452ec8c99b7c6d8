// The emulator's findDataObjects page cost as the project grows: 1,000 vs 10,000 vs 50,000 records,
// over real HTTP. A page should cost what it returns and skips, not what the project holds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { snapshot } from '../emulator/src/persistence';
import { dataObjectNewRoutes } from '../emulator/src/routes/records';
import { EmulatorState } from '../emulator/src/state';
import { summarize, type Summary } from './stats';

export const PROJECT_SIZES = [1_000, 10_000, 50_000];
const PAGE = 50;
const RUNS = 30;

interface Fixture {
  emulator: RunningEmulator;
  token: string;
  project: string;
  /** Record IDs in creation order (so the newest is last). */
  ids: string[];
}

/** One project of `count` records: /samples, a tenth in /samples/sub, every tenth tagged "tenth". */
async function setUp(count: number, dir: string): Promise<Fixture> {
  // Set-up, not measured: the records are made in process by the route itself, then loaded from
  // a state file by a real emulator, which is much faster than `count` HTTP calls.
  const state = new EmulatorState();
  const user = state.createUser('bench');
  const project = state.createContainer(user.id, `Bench: ${count} records`).id;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = { project, name: `sample-${String(i).padStart(5, '0')}`, folder: i % 10 === 9 ? '/samples/sub' : '/samples', parents: true, tags: i % 10 === 0 ? ['tenth'] : [] };
    const reply = dataObjectNewRoutes.record.handler({ state, user, entity: 'record', route: '/record/new' }, input) as { id: string };
    ids.push(reply.id);
  }
  const dataFile = join(dir, `state-${count}.json`);
  writeFileSync(dataFile, JSON.stringify(snapshot(state)));
  const emulator = await startEmulator({ port: 0, dataFile });
  return { emulator, token: user.token, project, ids };
}

interface Query {
  name: string;
  input: (f: Fixture) => Record<string, unknown>;
}

const fields = { name: true, folder: true, tags: true, modified: true, state: true, hidden: true };

const QUERIES: Query[] = [
  {
    name: 'records tree first page (folder, recurse false, describe)',
    input: (f) => ({ class: 'record', scope: { project: f.project, folder: '/samples', recurse: false }, visibility: 'either', describe: { fields }, limit: PAGE }),
  },
  {
    name: 'newest first from a `starting` halfway down (recurse)',
    input: (f) => ({ class: 'record', scope: { project: f.project, folder: '/samples' }, starting: { project: f.project, id: f.ids[f.ids.length >> 1] }, describe: { fields }, limit: PAGE }),
  },
  {
    name: 'tag "tenth", sortBy created ascending, `starting` at the 21st tagged',
    input: (f) => ({ tags: 'tenth', sortBy: { field: 'created', ordering: 'ascending' }, scope: { project: f.project }, starting: { project: f.project, id: f.ids[200] }, limit: PAGE }),
  },
  {
    name: 'name glob, sortBy modified descending (no scope: every project)',
    input: () => ({ name: { glob: 'sample-*5' }, sortBy: { field: 'modified', ordering: 'descending' }, limit: PAGE }),
  },
];

async function timePage(f: Fixture, input: Record<string, unknown>): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${f.emulator.url}/system/findDataObjects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${f.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const page = (await response.json()) as { results: unknown[] };
  const elapsed = performance.now() - start;
  if (!response.ok || page.results.length !== PAGE) throw new Error(`findDataObjects answered ${response.status} with ${page.results?.length} results`);
  return elapsed;
}

export interface PageCost {
  query: string;
  /** Per project size, in PROJECT_SIZES order. */
  times: Summary[];
}

export async function benchFindPages(): Promise<PageCost[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dxemu-bench-'));
  const fixtures: Fixture[] = [];
  try {
    for (const size of PROJECT_SIZES) fixtures.push(await setUp(size, dir));
    const samples = QUERIES.map(() => PROJECT_SIZES.map((): number[] => []));
    for (const f of fixtures) for (const q of QUERIES) await timePage(f, q.input(f)); // warm-up
    // Interleaved, so a burst of load on the shared machine hits every size alike.
    for (let run = 0; run < RUNS; run++) {
      for (let qi = 0; qi < QUERIES.length; qi++) {
        for (let fi = 0; fi < fixtures.length; fi++) samples[qi][fi].push(await timePage(fixtures[fi], QUERIES[qi].input(fixtures[fi])));
      }
    }
    return QUERIES.map((q, qi) => ({ query: q.name, times: samples[qi].map(summarize) }));
  } finally {
    for (const f of fixtures) await f.emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
