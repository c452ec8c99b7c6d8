// Replays, in order, the requests the real `dx` client sends (docs/platform-notes.md#what-dx-sends,
// dxpy 0.413.0) and checks the emulator serves each with the status the platform gives.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, world, type Reply, type World } from './helpers.js';

const NONCE = (): string => 'f'.repeat(64) + (Date.now() / 1000).toFixed(6) + Math.random().toString(16).slice(2, 6);
const LS_L_FIELDS = { id: true, class: true, folder: true, length: true, modified: true, name: true, project: true, size: true, state: true };

describe('requests sent by the real dx client', () => {
  let w: World;
  let P: string;
  const ids: Record<string, string> = {};
  before(async () => {
    w = await world();
    P = w.project;
  });
  after(() => w.emu.close());

  const ok = async (route: string, body: unknown): Promise<Reply> => {
    const reply = await w.api(route, body);
    assert.equal(reply.status, 200, `${route} ${JSON.stringify(body)} -> ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply;
  };
  const describeLegacy = (id: string) => ok(`/${id}/describe`, { properties: true, details: true, project: P });
  const byName = (name: string, folder: string, describe: unknown) =>
    ok('/system/findDataObjects', { visibility: 'either', name: { glob: name }, scope: { project: P, folder, recurse: false }, describe, limit: 100 });

  it('dx whoami', async () => {
    const me = (await ok('/system/whoami', {})).body.id;
    assert.equal((await ok(`/${me}/describe`, {})).body.id, me);
  });

  it('dx new record (bare, full, hidden, -o, brief, details, --init)', async () => {
    ids.bare = (await ok('/record/new', { project: P, hidden: false, folder: '/', parents: false, nonce: NONCE() })).body.id;
    await describeLegacy(ids.bare);
    ids.myrec = (await ok('/record/new', { details: { a: 1, b: [1, 2] }, project: P, name: 'myrec', tags: ['t'], types: ['T'], hidden: false, properties: { k: 'v', k2: 'v2' }, folder: '/a/b', parents: true, close: true, nonce: NONCE() })).body.id;
    assert.equal((await describeLegacy(ids.myrec)).body.state, 'closed');
    ids.hidden = (await ok('/record/new', { details: { x: true }, project: P, name: 'hiddenrec', hidden: true, folder: '/a/b', parents: false, nonce: NONCE() })).body.id;
    await ok('/record/new', { project: P, name: 'viaoutput', hidden: false, folder: '/a/b', parents: false, nonce: NONCE() });
    const missing = await w.api('/record/new', { project: P, name: 'rec', hidden: false, folder: '/no/such/folder', parents: false, nonce: NONCE() });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: { type: 'ResourceNotFound', message: `The folder "/no/such/folder" could not be found in ${P}` } });
    ids.rec2 = (await ok('/record/new', { project: P, name: 'rec2', types: ['T'], hidden: false, folder: '/', parents: false, nonce: NONCE() })).body.id;
    ids.rec3 = (await ok('/record/new', { details: { x: 1 }, project: P, name: 'rec3', hidden: false, folder: '/', parents: false, nonce: NONCE() })).body.id;
    await ok(`/${ids.myrec}/describe`, { project: P });
    const init = await ok('/record/new', { project: P, name: 'initrec', types: ['T9'], hidden: false, folder: '/', parents: false, initializeFrom: { id: ids.myrec, project: P }, nonce: NONCE() });
    assert.deepEqual((await describeLegacy(init.body.id)).body.details, { a: 1, b: [1, 2] });
  });

  it('dx get_details / describe (by ID, by name, by path)', async () => {
    await ok(`/${ids.myrec}/describe`, { project: P });
    assert.deepEqual((await ok(`/${ids.myrec}/getDetails`, { project: P })).body, { a: 1, b: [1, 2] });
    assert.deepEqual((await ok(`/${P}/describe`, { fields: { id: true } })).body, { id: P });
    await describeLegacy(ids.myrec);
    assert.ok('details' in (await byName('rec2', '/', { properties: true, details: true })).body.results[0].describe);
    await ok('/system/findApps', { name: 'rec2', describe: true, limit: 100 });
    await ok('/system/findGlobalWorkflows', { name: 'rec2', describe: true, limit: 100 });
    assert.equal((await byName('myrec', '/a/b', { properties: true, details: true })).body.results[0].id, ids.myrec);
    assert.equal((await byName('rec3', '/', true)).body.results[0].id, ids.rec3);
    await ok(`/${ids.rec3}/getDetails`, { project: P });
  });

  it('dx set_details, set/unset_properties, tag, untag, add/remove_types, rename, close', async () => {
    const y = ids.rec2;
    await ok(`/${y}/setDetails`, { y: [1, 2, 3], z: { n: null } });
    await ok(`/${y}/setProperties`, { project: P, properties: { k3: 'v3', k4: 'v4' } });
    await ok(`/${y}/setProperties`, { project: P, properties: { k3: null } });
    await ok(`/${y}/addTags`, { project: P, tags: ['t2', 't3'] });
    await ok(`/${y}/removeTags`, { project: P, tags: ['t3'] });
    await ok(`/${y}/addTypes`, { types: ['T2'] });
    await ok(`/${y}/removeTypes`, { types: ['T2'] });
    await ok(`/${y}/rename`, { project: P, name: 'rec2-renamed' });
    await ok(`/${y}/close`, {});
    await byName('rec3', '/', true);
    await ok(`/${ids.rec3}/close`, {});
    assert.equal((await ok(`/${ids.rec3}/describe`, { fields: { state: true }, project: P })).body.state, 'closed');
    const closed = await w.api(`/${y}/setDetails`, { q: 1 });
    assert.deepEqual(closed.body, { error: { type: 'InvalidState', message: `The object "${y}" is not in the "open" state` } });
    const d = (await describeLegacy(y)).body;
    assert.deepEqual([d.name, d.tags, d.types, d.properties, d.details], ['rec2-renamed', ['t2'], ['T'], { k4: 'v4' }, { y: [1, 2, 3], z: { n: null } }]);
  });

  it('dx find data --class record (default, --brief, tag/property/folder, --all-projects)', async () => {
    const full = await ok('/system/findDataObjects', { class: 'record', visibility: 'visible', scope: { project: P }, describe: { fields: LS_L_FIELDS }, limit: 100 });
    assert.ok(full.body.results.every((r: { describe: Record<string, unknown> }) => !('length' in r.describe) && r.describe.class === 'record'));
    assert.ok(!full.body.results.some((r: { id: string }) => r.id === ids.hidden));
    await ok('/system/findDataObjects', { class: 'record', visibility: 'visible', scope: { project: P }, describe: { fields: { project: true, id: true } }, limit: 100 });
    const tagged = await ok('/system/findDataObjects', { class: 'record', visibility: 'visible', properties: { k: 'v' }, tags: { $and: ['t'] }, scope: { project: P, folder: '/a' }, describe: { fields: { project: true, id: true } }, limit: 100 });
    assert.deepEqual(tagged.body.results.map((r: { id: string }) => r.id), [ids.myrec]);
    await ok('/system/findDataObjects', { class: 'record', visibility: 'visible', describe: { fields: { project: true, id: true } }, limit: 100 });
  });

  it('dx ls, ls -l, ls /a/b, ls /nope, mkdir -p, pwd, select', async () => {
    const ls = await ok(`/${P}/listFolder`, { folder: '/', describe: { fields: { id: true, class: true, name: true } }, only: 'all', includeHidden: false });
    assert.ok(ls.body.folders.includes('/a'));
    await ok(`/${P}/listFolder`, { folder: '/', describe: { fields: LS_L_FIELDS }, only: 'all', includeHidden: false });
    await ok(`/${P}/describe`, {});
    assert.deepEqual((await byName('b', '/a', true)).body.results, []);
    assert.deepEqual((await ok(`/${P}/listFolder`, { folder: '/a', only: 'folders' })).body.folders, ['/a/b']);
    const ab = await ok(`/${P}/listFolder`, { folder: '/a/b', describe: { fields: { id: true, class: true, name: true } }, only: 'all', includeHidden: false });
    assert.deepEqual(ab.body.objects.map((o: { describe: { name: string } }) => o.describe.name).sort(), ['myrec', 'viaoutput']);
    await byName('nope', '/', true);
    await ok(`/${P}/newFolder`, { folder: '/x/y', parents: true });
    await ok(`/${P}/listFolder`, { folder: '/', describe: false, only: 'folders', includeHidden: false });
    const named = await ok('/system/findProjects', { name: 'Alice project', level: 'VIEW', describe: true, limit: 100 });
    assert.equal(named.body.results[0].id, P);
    const pick = await ok('/system/findProjects', { level: 'CONTRIBUTE', describe: true, explicitPermission: true, limit: 10 });
    assert.equal(pick.body.results[0].describe.name, 'Alice project');
  });

  it('error responses dx relies on: 401 bad token, 404 missing record (with and without project)', async () => {
    const bad = await call(w.emu, 'wrong', '/system/whoami', {});
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error.type, 'InvalidAuthentication');
    for (const body of [{ properties: true, details: true, project: P }, { properties: true, details: true }]) {
      const missing = await w.api('/record-BBBBBBBBBBBBBBBBBBBBBBBB/describe', body);
      assert.deepEqual(missing.body, { error: { type: 'ResourceNotFound', message: 'The entity "record-BBBBBBBBBBBBBBBBBBBBBBBB" could not be found' } });
      assert.equal(missing.status, 404);
    }
  });
});
