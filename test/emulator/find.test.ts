import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectError, newRecord, world, type World } from './helpers.js';

describe('/system/findDataObjects', () => {
  let w: World;
  let ids: Record<string, string>;
  before(async () => {
    w = await world();
    ids = {
      alpha: await newRecord(w, { name: 'alpha', tags: ['t1', 't2'], types: ['Sample'], properties: { tissue: 'blood', site: 'A' }, folder: '/f', parents: true }),
      beta: await newRecord(w, { name: 'beta', tags: ['t1'], types: ['Sample', 'Extra'], properties: { tissue: 'tumor' }, folder: '/f/sub', parents: true, close: true }),
      gamma: await newRecord(w, { name: 'ba*', tags: ['t3'], properties: { site: 'B' }, hidden: true }),
      delta: await newRecord(w, { name: 'Delta', details: { x: { $dnanexus_link: 'record-FFFFFFFFFFFFFFFFFFFFFFFF' } } }),
    };
  });
  after(() => w.emu.close());

  const names = async (query: Record<string, unknown>): Promise<string[]> => {
    const reply = await w.api('/system/findDataObjects', { scope: { project: w.project }, describe: { fields: { name: true } }, ...query });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.results.map((r: { describe: { name: string } }) => r.describe.name).sort();
  };

  it('returns {project, id} only unless describe is requested', async () => {
    const reply = await w.api('/system/findDataObjects', { id: [ids.alpha] });
    assert.deepEqual(reply.body, { results: [{ project: w.project, id: ids.alpha }], next: null });
    const described = await w.api('/system/findDataObjects', { id: [ids.alpha], describe: true });
    assert.equal(described.body.results[0].describe.name, 'alpha');
    assert.ok(!('details' in described.body.results[0].describe));
  });

  it('filters visibility (default visible), state and class', async () => {
    assert.deepEqual(await names({}), ['Delta', 'alpha', 'beta']);
    assert.deepEqual(await names({ visibility: 'hidden' }), ['ba*']);
    assert.deepEqual(await names({ visibility: 'either' }), ['Delta', 'alpha', 'ba*', 'beta']);
    assert.deepEqual(await names({ state: 'closed' }), ['beta']);
    assert.deepEqual(await names({ class: 'file' }), []);
    expectError(await w.api('/system/findDataObjects', { class: 'banana' }), 422, 'InvalidInput');
  });

  it('matches names exactly, by glob, and by regexp with flags', async () => {
    assert.deepEqual(await names({ name: 'ba*', visibility: 'either' }), ['ba*']);
    assert.deepEqual(await names({ name: { glob: 'b*' }, visibility: 'either' }), ['ba*', 'beta']);
    assert.deepEqual(await names({ name: { glob: 'ba\\*' }, visibility: 'either' }), ['ba*']);
    assert.deepEqual(await names({ name: { glob: '?lpha' } }), ['alpha']);
    assert.deepEqual(await names({ name: { regexp: '^d' } }), []);
    assert.deepEqual(await names({ name: { regexp: '^d', flags: 'i' } }), ['Delta']);
    expectError(await w.api('/system/findDataObjects', { name: { regexp: '(' } }), 422, 'InvalidInput');
  });

  it('filters tags, types and properties with $and/$or', async () => {
    assert.deepEqual(await names({ tags: { $and: ['t1', 't2'] } }), ['alpha']);
    assert.deepEqual(await names({ tags: 't1' }), ['alpha', 'beta']);
    assert.deepEqual(await names({ tags: { $or: ['t2', 't3'] }, visibility: 'either' }), ['alpha', 'ba*']);
    assert.deepEqual(await names({ type: { $and: ['Sample', 'Extra'] } }), ['beta']);
    assert.deepEqual(await names({ properties: { tissue: 'blood' } }), ['alpha']);
    assert.deepEqual(await names({ properties: { tissue: true } }), ['alpha', 'beta']);
    assert.deepEqual(await names({ properties: { tissue: false } }), ['Delta']);
    assert.deepEqual(await names({ properties: { $or: [{ site: 'A' }, { tissue: 'tumor' }] } }), ['alpha', 'beta']);
  });

  it('filters by incoming link, ID list, scope folder and recursion', async () => {
    assert.deepEqual(await names({ link: 'record-FFFFFFFFFFFFFFFFFFFFFFFF' }), ['Delta']);
    assert.deepEqual(await names({ id: [ids.alpha, ids.beta] }), ['alpha', 'beta']);
    assert.deepEqual(await names({ scope: { project: w.project, folder: '/f' } }), ['alpha', 'beta']);
    assert.deepEqual(await names({ scope: { project: w.project, folder: '/f', recurse: false } }), ['alpha']);
    expectError(await w.api('/system/findDataObjects', { scope: { project: 'project-FFFFFFFFFFFFFFFFFFFFFFFF' } }), 404, 'ResourceNotFound');
    expectError(await w.api('/system/findDataObjects', { scope: { folder: '/' } }), 422, 'InvalidInput');
  });

  it('filters by created and modified time (ms)', async () => {
    const described = (await w.api(`/${ids.beta}/describe`, {})).body;
    assert.deepEqual(await names({ created: { after: described.created } }), ['Delta', 'beta']);
    assert.deepEqual(await names({ created: { before: described.created - 1 } }), ['alpha']);
    assert.deepEqual(await names({ modified: { after: described.modified, before: described.modified } }), ['beta']);
  });
});

describe('paging and ordering', () => {
  let w: World;
  let created: string[];
  before(async () => {
    w = await world();
    created = [];
    for (let i = 0; i < 25; i++) created.push(await newRecord(w, { name: `r${i}`, folder: '/many', parents: true }));
  });
  after(() => w.emu.close());

  it('orders newest modified first and pages with limit/starting/next without gaps or repeats', async () => {
    const seen: string[] = [];
    let starting: unknown = undefined;
    let pages = 0;
    do {
      const reply = await w.api('/system/findDataObjects', { scope: { project: w.project }, limit: 10, ...(starting ? { starting } : {}) });
      assert.ok(reply.body.results.length <= 10);
      seen.push(...reply.body.results.map((r: { id: string }) => r.id));
      starting = reply.body.next;
      pages++;
    } while (starting !== null);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...created].reverse());
  });

  it('moves an edited record to the front (modified changed)', async () => {
    await w.api(`/${created[3]}/addTags`, { project: w.project, tags: ['touched'] });
    const first = (await w.api('/system/findDataObjects', { limit: 1 })).body;
    assert.equal(first.results[0].id, created[3]);
    assert.deepEqual(first.next.project, w.project);
  });

  it('sorts by sortBy when given', async () => {
    const asc = (await w.api('/system/findDataObjects', { sortBy: { field: 'created', ordering: 'ascending' }, limit: 3 })).body.results.map((r: { id: string }) => r.id);
    assert.deepEqual(asc, created.slice(0, 3));
  });

  it('defaults limit to 1000, caps it at 1000 and rejects non-positive limits', async () => {
    assert.equal((await w.api('/system/findDataObjects', {})).body.results.length, 25);
    assert.equal((await w.api('/system/findDataObjects', { limit: 5000 })).status, 200);
    expectError(await w.api('/system/findDataObjects', { limit: 0 }), 422, 'InvalidInput');
  });

  it('groups results by project', async () => {
    const other = (await w.api('/project/new', { name: 'Second' })).body.id;
    await w.api('/record/new', { project: other, name: 'elsewhere' });
    const projects = (await w.api('/system/findDataObjects', {})).body.results.map((r: { project: string }) => r.project);
    const firstOther = projects.indexOf(other);
    const lastOther = projects.lastIndexOf(other);
    assert.ok(projects.slice(firstOther, lastOther + 1).every((p: string) => p === other));
  });
});

describe('other system methods', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('findProjects filters by name and describes on request', async () => {
    const reply = await w.api('/system/findProjects', { name: 'Alice project', level: 'VIEW', describe: true, limit: 100 });
    assert.equal(reply.body.results.length, 1);
    assert.equal(reply.body.results[0].describe.name, 'Alice project');
    assert.equal(reply.body.results[0].level, 'ADMINISTER');
    assert.deepEqual((await w.api('/system/findProjects', { name: { glob: 'Nope*' } })).body.results, []);
  });

  it('describeDataObjects keeps input order and applies per-class options', async () => {
    const a = await newRecord(w, { name: 'a', details: { x: 1 } });
    const b = await newRecord(w, { name: 'b' });
    const reply = await w.api('/system/describeDataObjects', {
      objects: [b, { id: a, describe: { fields: { details: true } } }, 'record-FFFFFFFFFFFFFFFFFFFFFFFF'],
      classDescribeOptions: { record: { fields: { name: true } } },
    });
    assert.deepEqual(reply.body.results, [{ describe: { id: b, name: 'b' } }, { describe: { id: a, details: { x: 1 } } }, {}]);
  });

  it('resolveDataObjects resolves names in folders', async () => {
    const id = await newRecord(w, { name: 'findme', folder: '/r', parents: true });
    const reply = await w.api('/system/resolveDataObjects', { project: w.project, objects: [{ name: 'findme', folder: '/r' }, { name: 'findme' }] });
    assert.deepEqual(reply.body.results, [[{ project: w.project, id }], []]);
  });
});
