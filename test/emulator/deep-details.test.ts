// Details nested as deep as the validator accepts (10,000 levels) and deeper (100,000): every walk of
// them in the emulator (links, size, copies, nonce comparison, answers, the state file) works
// without recursion, so such a record is created and read back instead of answering 500.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.js';
import { containerRoutes } from '../../emulator/src/routes/containers.js';
import type { RouteDef } from '../../emulator/src/routes/context.js';
import { dataObjectNewRoutes } from '../../emulator/src/routes/records.js';
import { EmulatorState } from '../../emulator/src/state.js';
import { world, type World } from './helpers.js';

const FILE = 'file-BBBBBBBBBBBBBBBBBBBBBBBB';
const OTHER = 'file-FFFFFFFFFFFFFFFFFFFFFFFF';

/** `depth` nested objects {"a": …} around a link. */
const deepObjects = (depth: number, link = FILE): string => `${'{"a":'.repeat(depth)}{"$dnanexus_link":"${link}"}${'}'.repeat(depth)}`;
/** `depth` nested arrays around a link, with a second link beside the outermost array's child. */
const deepArrays = (depth: number): string => `[${'['.repeat(depth - 1)}{"$dnanexus_link":"${OTHER}"}${']'.repeat(depth - 1)},{"$dnanexus_link":"${FILE}"}]`;

interface TextReply {
  status: number;
  text: string;
}

/** POST a request body given as text; the answer as text, so the check does not re-serialize it. */
async function post(emu: RunningEmulator, token: string, route: string, body: string): Promise<TextReply> {
  const response = await fetch(emu.url + route, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function ok(reply: TextReply): string {
  assert.equal(reply.status, 200, reply.text.slice(0, 300));
  return reply.text;
}

const idOf = (reply: TextReply): string => (JSON.parse(ok(reply)) as { id: string }).id;

describe('deeply nested details', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  const newRecord = (details: string, extra = ''): Promise<TextReply> =>
    post(w.emu, w.alice.token, '/record/new', `{"project":"${w.project}","name":"deep"${extra},"details":${details}}`);

  it('creates a record with 10,000-deep details and describes it, links found at the bottom', async () => {
    const details = deepObjects(10_000);
    const id = idOf(await newRecord(details));
    const described = ok(await post(w.emu, w.alice.token, `/${id}/describe`, '{"details":true}'));
    assert.ok(described.includes(`"details":${details}`), 'the details come back intact');
    assert.ok(described.includes(`"links":["${FILE}"]`));
    assert.equal(ok(await post(w.emu, w.alice.token, `/${id}/getDetails`, '{}')), details);
  });

  it('sets 100,000-deep details and reads them back, links in document order', async () => {
    const id = idOf(await newRecord('{}'));
    const details = deepArrays(100_000);
    ok(await post(w.emu, w.alice.token, `/${id}/setDetails`, details));
    assert.equal(ok(await post(w.emu, w.alice.token, `/${id}/getDetails`, '{}')), details);
    const described = JSON.parse(ok(await post(w.emu, w.alice.token, `/${id}/describe`, '{}'))) as { links: string[] };
    assert.deepEqual(described.links, [OTHER, FILE]);
  });

  it('rejects a malformed link 10,000 levels down with 422, not 500', async () => {
    const reply = await newRecord(`${'{"a":'.repeat(10_000)}{"$dnanexus_link":3}${'}'.repeat(10_000)}`);
    assert.equal(reply.status, 422);
    assert.match(reply.text, /has a value other than a string/);
  });

  it('finds it with details described, copies it with initializeFrom, and describes its project', async () => {
    const details = deepObjects(10_000, OTHER);
    const id = idOf(await newRecord(details, ',"tags":["deep-find"]'));
    const found = ok(await post(w.emu, w.alice.token, '/system/findDataObjects', '{"tags":"deep-find","describe":{"details":true}}'));
    assert.ok(found.includes(`"details":${details}`));
    const copy = idOf(await post(w.emu, w.alice.token, '/record/new', `{"project":"${w.project}","initializeFrom":{"project":"${w.project}","id":"${id}"}}`));
    assert.equal(ok(await post(w.emu, w.alice.token, `/${copy}/getDetails`, '{}')), details);
    const project = JSON.parse(ok(await post(w.emu, w.alice.token, `/${w.project}/describe`, '{}'))) as { dataUsage: number };
    assert.ok(project.dataUsage > 0);
  });

  it('replays a nonce whose input holds 10,000-deep details', async () => {
    const details = deepObjects(10_000);
    const first = idOf(await newRecord(details, ',"nonce":"n-deep"'));
    const before = w.emu.admin.countObjects();
    assert.equal(idOf(await newRecord(details, ',"nonce":"n-deep"')), first);
    assert.equal(w.emu.admin.countObjects(), before);
  });

  it('accepts tag and property queries nested 100 levels and refuses deeper ones with 422, not 500', async () => {
    ok(await newRecord('{}', ',"tags":["nested-q"],"properties":{"k":"v"}'));
    const nested = (depth: number, leaf: string) => `${'{"$and":['.repeat(depth)}${leaf}${']}'.repeat(depth)}`;
    const find = (query: string) => post(w.emu, w.alice.token, '/system/findDataObjects', query);
    const found = JSON.parse(ok(await find(`{"tags":${nested(100, '"nested-q"')},"properties":${nested(100, '{"k":"v"}')}}`))) as { results: unknown[] };
    assert.equal(found.results.length, 1);
    for (const query of [`{"tags":${nested(101, '"nested-q"')}}`, `{"properties":${nested(10_000, '{"k":"v"}')}}`]) {
      const reply = await find(query);
      assert.equal(reply.status, 422);
      assert.match((JSON.parse(reply.text) as { error: { message: string } }).error.message, /nests "\$and"\/"\$or" more than 100 levels deep/);
    }
  });

  it('measures the size of deep details against the details limit', async () => {
    const limited = await startEmulator({ detailsLimitBytes: 50_000 });
    try {
      const user = limited.admin.createUser('limited');
      const project = limited.admin.createProject(user.userId, 'Limited');
      const create = (details: string) => post(limited, user.token, '/record/new', `{"project":"${project}","details":${details}}`);
      ok(await create(deepArrays(10_000)));
      const tooLarge = await create(deepArrays(100_000));
      assert.equal(tooLarge.status, 422);
      assert.match(tooLarge.text, /exceed the maximum size of 50000 bytes/);
    } finally {
      await limited.close();
    }
  });

  it('saves deep details to the state file and loads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxemu-deep-'));
    try {
      const file = join(dir, 'state.json');
      const first = await startEmulator({ dataFile: file });
      const user = first.admin.createUser('keeper');
      const project = first.admin.createProject(user.userId, 'Kept');
      const details = deepObjects(10_000);
      const id = idOf(await post(first, user.token, '/record/new', `{"project":"${project}","details":${details}}`));
      await first.close();
      const second = await startEmulator({ dataFile: file });
      try {
        assert.equal(ok(await post(second, user.token, `/${id}/getDetails`, '{}')), details);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes a chain of 20,000 hidden records linked one to the next with the visible one that heads it', () => {
    // In process: the same route handlers, without 20,000 sequential HTTP round trips.
    const state = new EmulatorState();
    const user = state.createUser('chain');
    const project = state.createContainer(user.id, 'Chain').id;
    const call = (route: RouteDef, entity: string, method: string, input: unknown) =>
      route.handler({ state, user, entity, route: `/${entity}/${method}` }, input) as { id: string };
    let previous: string | undefined;
    for (let i = 0; i < 20_000; i++) {
      const details = previous === undefined ? {} : { next: { $dnanexus_link: previous } };
      previous = call(dataObjectNewRoutes.record, 'record', 'new', { project, hidden: true, details }).id;
    }
    const head = call(dataObjectNewRoutes.record, 'record', 'new', { project, details: { first: { $dnanexus_link: previous } } }).id;
    const keeper = call(dataObjectNewRoutes.record, 'record', 'new', { project, hidden: true }).id;
    call(containerRoutes.removeObjects, project, 'removeObjects', { objects: [head] });
    assert.deepEqual([...state.objects.keys()], [keeper]);
  });
});
