// The records tree's first page for a project holding 10,000 records in one folder, against
// the emulator over real HTTP: the editor's tree data layer vs naive "list and describe all".
import { DxApiClient } from '../platform/src/apiClient';
import { RecordsTreeData, type ContainerNode, type TreeNode } from '../client/src/tree/recordsTreeData';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { summarize, type Summary } from './stats';

export const RECORD_COUNT = 10_000;
const SUBFOLDERS = ['/analysis', '/raw', '/reference'];
const CONCURRENCY = 16;

export interface TreeApproach {
  name: string;
  time: Summary;
  requests: number;
  /** Sequential waits on the network: requests that start only after the earlier ones ended. */
  roundTrips: number;
  /** Records described in the answer (what the user can see after it). */
  recordsShown: number;
  /** HTTP response body bytes the client received and parsed. */
  bytesReceived: number;
}

interface Fixture {
  emulator: RunningEmulator;
  client: DxApiClient;
  root: ContainerNode;
}

async function setUp(): Promise<Fixture> {
  const emulator = await startEmulator({ port: 0 });
  const { userId, token } = emulator.admin.createUser('bench');
  const projectId = emulator.admin.createProject(userId, 'Bench: 10,000 records');
  const client = new DxApiClient({ serverUrl: emulator.url, token });
  for (const folder of SUBFOLDERS) await client.call(`/${projectId}/newFolder`, { folder });
  // Set-up, not measured: plain fetch with small bodies is the cheapest real /record/new.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < RECORD_COUNT; i = next++) {
      const response = await fetch(`${emulator.url}/record/new`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ project: projectId, name: `sample-${String(i).padStart(5, '0')}`, tags: ['bench'] }),
      });
      if (!response.ok) throw new Error(`/record/new answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const project = { id: projectId, name: 'Bench: 10,000 records', level: 'ADMINISTER' };
  return { emulator, client, root: { kind: 'project', key: `${projectId}:/`, project, path: '/' } };
}

interface Traffic {
  bytes: number;
  calls: { start: number; end: number }[];
}

let traffic: Traffic = { bytes: 0, calls: [] };

/** Wraps the global fetch (which DxApiClient uses) to record response bytes and timing. */
function recordTraffic(): () => void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const start = performance.now();
    const response = await realFetch(input, init);
    const body = await response.arrayBuffer();
    traffic.bytes += body.byteLength;
    traffic.calls.push({ start, end: performance.now() });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

/** Waves of requests: a request that starts after every earlier one has ended begins a new wave. */
function countRoundTrips(calls: readonly { start: number; end: number }[]): number {
  let waves = 0;
  let waveEnd = -Infinity;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    if (call.start >= waveEnd) waves++;
    waveEnd = Math.max(waveEnd, call.end);
  }
  return waves;
}

/**
 * Times `load` (after an untimed `prepare` whose result it gets); the last run's requests come from
 * the emulator's log, round trips and bytes from fetch.
 */
async function measure<T>(
  fixture: Fixture,
  name: string,
  runs: number,
  prepare: () => Promise<T>,
  load: (prepared: T) => Promise<number>,
): Promise<TreeApproach> {
  await load(await prepare()); // warm-up: JIT and keep-alive connections
  const times: number[] = [];
  let recordsShown = 0;
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const prepared = await prepare();
    const before = fixture.emulator.admin.requestCount();
    traffic = { bytes: 0, calls: [] };
    const start = performance.now();
    recordsShown = await load(prepared);
    times.push(performance.now() - start);
    requests = fixture.emulator.admin.requestCount() - before;
  }
  return {
    name,
    time: summarize(times),
    requests,
    roundTrips: countRoundTrips(traffic.calls),
    recordsShown,
    bytesReceived: traffic.bytes,
  };
}

export async function benchTree(): Promise<TreeApproach[]> {
  const setUpStart = performance.now();
  const fixture = await setUp();
  console.log(`  set-up: ${RECORD_COUNT.toLocaleString('en')} records created through /record/new in ${((performance.now() - setUpStart) / 1000).toFixed(1)} s`);
  const { client, root } = fixture;
  const projectId = root.project.id;
  const restoreFetch = recordTraffic();
  try {
    const firstPage = async (tree: RecordsTreeData, node: TreeNode): Promise<number> => {
      const children = await tree.getChildren(node);
      if (!children.some((c) => c.kind === 'loadMore')) throw new Error('tree first page has no "Load more…"');
      return children.filter((c) => c.kind === 'record').length;
    };
    // As in the view: the project list (one findProjects that also brings folder paths) is already
    // shown when the user opens the project.
    const asInView = await measure(
      fixture,
      'tree data layer: open the project (project list already shown)',
      20,
      async () => {
        const tree = new RecordsTreeData(() => client);
        const project = (await tree.getChildren(undefined)).find((node) => node.kind === 'project');
        if (!project) throw new Error('the tree lists no project');
        return { tree, project };
      },
      ({ tree, project }) => firstPage(tree, project),
    );
    const cold = await measure(
      fixture,
      'tree data layer: a folder node with no folder list cached',
      20,
      async () => new RecordsTreeData(() => client),
      (tree) => firstPage(tree, root),
    );
    const none = async (): Promise<void> => undefined;
    const listAll = await measure(fixture, 'naive: listFolder with describe of every object', 3, none, async () => {
      const listing = await client.call<{ objects: unknown[] }>(`/${projectId}/listFolder`, { folder: '/', describe: true });
      return listing.objects.length;
    });
    const describeBatches = await measure(fixture, 'naive: listFolder IDs, then describeDataObjects ×1000', 3, none, async () => {
      const listing = await client.call<{ objects: { id: string }[] }>(`/${projectId}/listFolder`, { folder: '/' });
      let shown = 0;
      for (let i = 0; i < listing.objects.length; i += 1000) {
        const objects = listing.objects.slice(i, i + 1000).map((o) => o.id);
        const page = await client.call<{ results: unknown[] }>('/system/describeDataObjects', { objects });
        shown += page.results.length;
      }
      return shown;
    });
    return [asInView, cold, listAll, describeBatches];
  } finally {
    restoreFetch();
    await fixture.emulator.close();
  }
}
