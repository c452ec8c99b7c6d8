import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectError, newRecord, world, type World } from './helpers.js';

const ALPHABET_ID = /^record-[0123456789BFGJKPQVXYZbfgjkpqvxyz]{24}$/;

describe('/record/new', () => {
  let w: World;
  before(async () => {
    w = await world({ detailsLimitBytes: 4096 });
  });
  after(() => w.emu.close());

  it('creates a record with documented defaults (name = ID, folder "/", open, empty metadata)', async () => {
    const id = await newRecord(w);
    assert.match(id, ALPHABET_ID);
    const d = (await w.api(`/${id}/describe`, { properties: true, details: true })).body;
    assert.equal(d.name, id);
    assert.equal(d.folder, '/');
    assert.equal(d.state, 'open');
    assert.equal(d.hidden, false);
    assert.equal(d.class, 'record');
    assert.equal(d.project, w.project);
    assert.equal(d.sponsored, false);
    assert.deepEqual([d.tags, d.types, d.links, d.properties, d.details], [[], [], [], {}, {}]);
    assert.deepEqual(d.createdBy, { user: w.alice.userId });
    assert.ok(Number.isInteger(d.created) && Math.abs(d.created - Date.now()) < 60_000, 'created is in ms');
  });

  it('stores every documented field as the real dx client sends them', async () => {
    const id = await newRecord(w, {
      details: { a: 1, b: [1, 2] }, name: 'myrec', tags: ['t'], types: ['T'], hidden: false,
      properties: { k: 'v', k2: 'v2' }, folder: '/a/b', parents: true, close: true, nonce: 'x'.repeat(81),
    });
    const d = (await w.api(`/${id}/describe`, { properties: true, details: true, project: w.project })).body;
    assert.equal(d.name, 'myrec');
    assert.equal(d.folder, '/a/b');
    assert.equal(d.state, 'closed');
    assert.deepEqual([d.tags, d.types, d.properties, d.details], [['t'], ['T'], { k: 'v', k2: 'v2' }, { a: 1, b: [1, 2] }]);
  });

  it('normalises the folder path', async () => {
    const id = await newRecord(w, { folder: '//a//b///', parents: true });
    assert.equal((await w.api(`/${id}/describe`, {})).body.folder, '/a/b');
  });

  it('computes links from details: unique, in first-occurrence order', async () => {
    const f = 'file-BBBBBBBBBBBBBBBBBBBBBBBB';
    const r = 'record-FFFFFFFFFFFFFFFFFFFFFFFF';
    const id = await newRecord(w, { details: [{ $dnanexus_link: r }, { x: { $dnanexus_link: f } }, { $dnanexus_link: r }, 'hello world'] });
    assert.deepEqual((await w.api(`/${id}/describe`, {})).body.links, [r, f]);
  });

  it('accepts a dangling or malformed string link target (decision 2, docs/platform-notes.md#links)', async () => {
    const id = await newRecord(w, { details: { x: { $dnanexus_link: 'hello world' } } });
    assert.deepEqual((await w.api(`/${id}/describe`, {})).body.links, ['hello world']);
  });

  it('accepts the project form of a link and lists its id (decision 1, revised)', async () => {
    const target = 'file-FFFFFFFFFFFFFFFFFFFFFFFF';
    const details = { reads: [{ $dnanexus_link: { project: w.project, id: target } }], other: { $dnanexus_link: 'record-BBBBBBBBBBBBBBBBBBBBBBBB' } };
    const id = await newRecord(w, { details });
    assert.deepEqual((await w.api(`/${id}/describe`, {})).body.links, [target, 'record-BBBBBBBBBBBBBBBBBBBBBBBB']);
    assert.deepEqual((await w.api(`/${id}/getDetails`, {})).body, details);
  });

  it('rejects $dnanexus_link with extra keys or any other non-string value (decision 1)', async () => {
    const record = 'record-FFFFFFFFFFFFFFFFFFFFFFFF';
    const bad = [
      { x: { $dnanexus_link: record, y: 1 } },
      { x: { $dnanexus_link: 12122 } },
      { x: { $dnanexus_link: [record] } },
      { x: { $dnanexus_link: { id: record } } },
      { x: { $dnanexus_link: { project: w.project, id: record, extra: 1 } } },
      { x: { $dnanexus_link: { project: w.project, id: 7 } } },
      { x: { $dnanexus_link: { project: null, id: record } } },
      { x: { $dnanexus_link: null } },
    ];
    for (const details of bad) expectError(await w.api('/record/new', { project: w.project, details }), 422, 'InvalidInput');
  });

  it('checks project: required, ID-shaped (InvalidInput), a container (InvalidType), existing (404)', async () => {
    const missing = await w.api('/record/new', {});
    expectError(missing, 422, 'InvalidInput');
    assert.equal(missing.body.error.message, 'Expected input to have property "project"');
    const malformed = await w.api('/record/new', { project: 'foo' });
    expectError(malformed, 422, 'InvalidInput');
    assert.equal(malformed.body.error.message, 'Expected key "project" of input to be a valid DNAnexus container ID');
    expectError(await w.api('/record/new', { project: 42 }), 422, 'InvalidInput');
    expectError(await w.api('/record/new', { project: 'record-FFFFFFFFFFFFFFFFFFFFFFFF' }), 422, 'InvalidType');
    expectError(await w.api('/record/new', { project: 'project-FFFFFFFFFFFFFFFFFFFFFFFF' }), 404, 'ResourceNotFound');
    expectError(await w.api('/record/new', []), 422, 'InvalidInput');
  });

  it('validates name, tags, types, booleans, properties, details and folder', async () => {
    const cases: Record<string, unknown>[] = [
      { name: '' }, { name: 'tab\there' }, { name: 7 },
      { tags: [''] }, { tags: 'x' },
      { types: ['history-record'] }, { types: ['a b'] },
      { hidden: 'yes' }, { close: 1 }, { parents: 'true' },
      { properties: { k: null } }, { properties: { k: 1 } }, { properties: { ['k'.repeat(101)]: 'v' } }, { properties: { k: 'é'.repeat(351) } },
      { details: 'text' }, { details: 5 }, { details: { big: 'x'.repeat(5000) } },
      { folder: 'relative' }, { folder: '/a/../b' }, { folder: '' },
      { initializeFrom: { project: w.project, id: 'file-FFFFFFFFFFFFFFFFFFFFFFFF' } },
    ];
    for (const input of cases) {
      const reply = await w.api('/record/new', { project: w.project, ...input });
      expectError(reply, 422, 'InvalidInput');
    }
  });

  it('accepts the byte limits exactly: key 100 bytes, value 700 bytes (UTF-8)', async () => {
    const id = await newRecord(w, { properties: { ['k'.repeat(100)]: 'é'.repeat(350) } });
    assert.match(id, ALPHABET_ID);
  });

  it('pins the type character set: "/", "_", digits and letters pass; "-" is rejected', async () => {
    const id = await newRecord(w, { types: ['a/b_C9'] });
    assert.deepEqual((await w.api(`/${id}/describe`, {})).body.types, ['a/b_C9']);
    const hyphen = await w.api('/record/new', { project: w.project, types: ['history-record'] });
    expectError(hyphen, 422, 'InvalidInput');
    assert.match(hyphen.body.error.message, /history-record/);
  });

  it('needs the folder to exist unless parents is true', async () => {
    const reply = await w.api('/record/new', { project: w.project, folder: '/no/such/folder', parents: false });
    expectError(reply, 404, 'ResourceNotFound');
    assert.equal(reply.body.error.message, `The folder "/no/such/folder" could not be found in ${w.project}`);
  });

  it('initializes from another record, letting given fields win', async () => {
    const source = await newRecord(w, { name: 'src', tags: ['t1'], types: ['T1'], details: { d: 1 }, properties: { p: '1' } });
    const id = await newRecord(w, { initializeFrom: { project: w.project, id: source }, types: ['T9'] });
    const d = (await w.api(`/${id}/describe`, { properties: true, details: true })).body;
    assert.deepEqual([d.name, d.tags, d.types, d.details, d.properties], ['src', ['t1'], ['T9'], { d: 1 }, { p: '1' }]);
    expectError(await w.api('/record/new', { project: w.project, initializeFrom: { project: w.project, id: 'record-FFFFFFFFFFFFFFFFFFFFFFFF' } }), 404, 'ResourceNotFound');
  });
});

describe('record methods', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('describe honours fields, defaultFields and the legacy flags', async () => {
    const id = await newRecord(w, { name: 'n', properties: { a: 'b' }, details: { x: 1 } });
    assert.deepEqual(Object.keys((await w.api(`/${id}/describe`, { fields: { name: true, tags: true } })).body).sort(), ['id', 'name', 'tags']);
    const withDefaults = (await w.api(`/${id}/describe`, { fields: { details: true, name: false }, defaultFields: true })).body;
    assert.deepEqual(withDefaults.details, { x: 1 });
    assert.ok(!('name' in withDefaults) && 'folder' in withDefaults && !('properties' in withDefaults));
    const plain = (await w.api(`/${id}/describe`, {})).body;
    assert.ok(!('properties' in plain) && !('details' in plain));
    assert.deepEqual((await w.api(`/${id}/describe`, { properties: true })).body.properties, { a: 'b' });
    expectError(await w.api(`/${id}/describe`, { properties: 'yes' }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/describe`, { project: 5 }), 422, 'InvalidInput');
  });

  it('describe with a project hint that does not exist is 404', async () => {
    const id = await newRecord(w);
    expectError(await w.api(`/${id}/describe`, { project: 'project-FFFFFFFFFFFFFFFFFFFFFFFF' }), 404, 'ResourceNotFound');
  });

  it('describe of a missing record is 404 with the platform message', async () => {
    const reply = await w.api('/record-BBBBBBBBBBBBBBBBBBBBBBBB/describe', { project: w.project });
    expectError(reply, 404, 'ResourceNotFound');
    assert.equal(reply.body.error.message, 'The entity "record-BBBBBBBBBBBBBBBBBBBBBBBB" could not be found');
  });

  it('getDetails returns the raw details; setDetails takes the raw body and recomputes links', async () => {
    const id = await newRecord(w, { details: { a: 1 } });
    assert.deepEqual((await w.api(`/${id}/getDetails`, { project: w.project })).body, { a: 1 });
    const target = 'record-FFFFFFFFFFFFFFFFFFFFFFFF';
    assert.deepEqual((await w.api(`/${id}/setDetails`, { y: [1, 2, 3], z: { n: null }, l: { $dnanexus_link: target } })).body, { id });
    assert.deepEqual((await w.api(`/${id}/getDetails`, {})).body, { y: [1, 2, 3], z: { n: null }, l: { $dnanexus_link: target } });
    assert.deepEqual((await w.api(`/${id}/describe`, {})).body.links, [target]);
    assert.equal((await w.api(`/${id}/setDetails`, [1, 2])).status, 200);
    expectError(await w.api(`/${id}/setDetails`, { bad: { $dnanexus_link: 1 } }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/getDetails`, { project: null }), 422, 'InvalidInput');
  });

  it('setProperties merges and deletes with null; tags and types add/remove idempotently', async () => {
    const id = await newRecord(w, { properties: { a: '1', b: '2' } });
    await w.api(`/${id}/setProperties`, { project: w.project, properties: { b: null, c: '3' } });
    await w.api(`/${id}/addTags`, { project: w.project, tags: ['t2', 't3', 't2'] });
    await w.api(`/${id}/addTags`, { project: w.project, tags: ['t2'] });
    await w.api(`/${id}/removeTags`, { project: w.project, tags: ['t3', 'absent'] });
    await w.api(`/${id}/addTypes`, { types: ['T2', 'T3'] });
    await w.api(`/${id}/removeTypes`, { types: ['T3', 'absent'] });
    const d = (await w.api(`/${id}/describe`, { properties: true })).body;
    assert.deepEqual([d.properties, d.tags, d.types], [{ a: '1', c: '3' }, ['t2'], ['T2']]);
    expectError(await w.api(`/${id}/setProperties`, { properties: { a: 'b' } }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/setProperties`, { project: w.project, properties: { a: 1 } }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/addTags`, { project: w.project, tags: [''] }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/addTypes`, { types: ['bad-type'] }), 422, 'InvalidInput');
  });

  it('rename validates the name; setVisibility hides from find and listFolder', async () => {
    const id = await newRecord(w, { name: 'before' });
    assert.deepEqual((await w.api(`/${id}/rename`, { project: w.project, name: 'after' })).body, { id });
    assert.equal((await w.api(`/${id}/describe`, {})).body.name, 'after');
    expectError(await w.api(`/${id}/rename`, { project: w.project, name: '' }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/rename`, { project: w.project, name: 'a\nb' }), 422, 'InvalidInput');
    await w.api(`/${id}/setVisibility`, { hidden: true });
    const find = (await w.api('/system/findDataObjects', { id: [id] })).body.results;
    assert.deepEqual(find, []);
    const either = (await w.api('/system/findDataObjects', { id: [id], visibility: 'either' })).body.results;
    assert.deepEqual(either, [{ project: w.project, id }]);
    expectError(await w.api(`/${id}/setVisibility`, {}), 422, 'InvalidInput');
  });

  it('closing freezes details, types and visibility but not name, tags or properties', async () => {
    const id = await newRecord(w, { details: { a: 1 } });
    assert.deepEqual((await w.api(`/${id}/close`, {})).body, { id });
    assert.equal((await w.api(`/${id}/describe`, { fields: { state: true } })).body.state, 'closed');
    const frozen = await w.api(`/${id}/setDetails`, { q: 1 });
    expectError(frozen, 422, 'InvalidState');
    assert.equal(frozen.body.error.message, `The object "${id}" is not in the "open" state`);
    expectError(await w.api(`/${id}/addTypes`, { types: ['T'] }), 422, 'InvalidState');
    expectError(await w.api(`/${id}/removeTypes`, { types: ['T'] }), 422, 'InvalidState');
    expectError(await w.api(`/${id}/setVisibility`, { hidden: true }), 422, 'InvalidState');
    assert.equal((await w.api(`/${id}/rename`, { project: w.project, name: 'renamed' })).status, 200);
    assert.equal((await w.api(`/${id}/addTags`, { project: w.project, tags: ['late'] })).status, 200);
    assert.equal((await w.api(`/${id}/setProperties`, { project: w.project, properties: { late: 'yes' } })).status, 200);
    assert.equal((await w.api(`/${id}/close`, {})).status, 200, 'closing a closed record is a no-op');
    assert.deepEqual((await w.api(`/${id}/getDetails`, {})).body, { a: 1 });
  });

  it('listProjects maps visible projects to the caller level', async () => {
    const id = await newRecord(w);
    assert.deepEqual((await w.api(`/${id}/listProjects`, {})).body, { [w.project]: 'ADMINISTER' });
  });
});
