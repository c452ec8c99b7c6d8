import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectError, newRecord, world, type World } from './helpers.js';

// Per-project copies (name, folder, tags, properties) versus global metadata (details, types,
// hidden, state): docs/platform-notes.md#lifecycle.
describe('per-project copies', () => {
  let w: World;
  let other: string;
  before(async () => {
    w = await world();
    other = (await w.api('/project/new', { name: 'Other project' })).body.id;
  });
  after(() => w.emu.close());

  it('clone needs a closed object', async () => {
    const id = await newRecord(w);
    expectError(await w.api(`/${w.project}/clone`, { objects: [id], project: other }), 422, 'InvalidState');
  });

  it('clone keeps the ID; rename in one project leaves the other copy alone', async () => {
    const id = await newRecord(w, { name: 'shared', tags: ['t'], properties: { k: 'v' }, details: { d: 1 }, close: true });
    await w.api(`/${other}/newFolder`, { folder: '/inbox' });
    const cloned = await w.api(`/${w.project}/clone`, { objects: [id], project: other, destination: '/inbox' });
    assert.deepEqual(cloned.body, { id: w.project, project: other, exists: [] });
    await w.api(`/${id}/rename`, { project: other, name: 'renamed-there' });
    await w.api(`/${id}/addTags`, { project: other, tags: ['only-there'] });
    await w.api(`/${id}/setProperties`, { project: other, properties: { k: 'there' } });
    const here = (await w.api(`/${id}/describe`, { project: w.project, properties: true, details: true })).body;
    const there = (await w.api(`/${id}/describe`, { project: other, properties: true, details: true })).body;
    assert.deepEqual([here.project, here.name, here.folder, here.tags, here.properties], [w.project, 'shared', '/', ['t'], { k: 'v' }]);
    assert.deepEqual([there.project, there.name, there.folder, there.tags, there.properties], [other, 'renamed-there', '/inbox', ['t', 'only-there'], { k: 'there' }]);
    assert.deepEqual([there.details, there.state, there.types, there.created], [here.details, here.state, here.types, here.created]);
    assert.deepEqual((await w.api(`/${id}/listProjects`, {})).body, { [w.project]: 'ADMINISTER', [other]: 'ADMINISTER' });
    const again = await w.api(`/${w.project}/clone`, { objects: [id], project: other });
    assert.deepEqual(again.body.exists, [id]);
  });

  it('find without scope lists the object once per project', async () => {
    const id = await newRecord(w, { close: true });
    await w.api(`/${w.project}/clone`, { objects: [id], project: other });
    const results = (await w.api('/system/findDataObjects', { id: [id] })).body.results;
    assert.deepEqual(results.map((r: { project: string }) => r.project).sort(), [w.project, other].sort());
  });

  it('describe with a hint for a project lacking the object falls back to a visible copy', async () => {
    const id = await newRecord(w);
    const d = (await w.api(`/${id}/describe`, { project: other })).body;
    assert.equal(d.project, w.project);
  });

  it('removing one copy keeps the other; removing the last deletes the object', async () => {
    const id = await newRecord(w, { close: true });
    await w.api(`/${w.project}/clone`, { objects: [id], project: other });
    await w.api(`/${w.project}/removeObjects`, { objects: [id] });
    assert.equal((await w.api(`/${id}/describe`, {})).body.project, other);
    expectError(await w.api(`/${id}/rename`, { project: w.project, name: 'x' }), 404, 'ResourceNotFound');
    await w.api(`/${other}/removeObjects`, { objects: [id] });
    expectError(await w.api(`/${id}/describe`, {}), 404, 'ResourceNotFound');
    assert.equal(w.emu.admin.countObjects({ projectId: other, class: 'record' }), w.emu.admin.countObjects({ projectId: other }));
  });

  it('clones whole folders, which must hold only closed objects', async () => {
    const a = await newRecord(w, { folder: '/batch/sub', parents: true, close: true, name: 'a' });
    const reply = await w.api(`/${w.project}/clone`, { folders: ['/batch'], project: other, destination: '/' });
    assert.equal(reply.status, 200);
    const there = (await w.api(`/${a}/describe`, { project: other })).body;
    assert.deepEqual([there.project, there.folder], [other, '/batch/sub']);
    await newRecord(w, { folder: '/batch', name: 'still-open' });
    expectError(await w.api(`/${w.project}/clone`, { folders: ['/batch'], project: other, destination: '/new/place', parents: true }), 422, 'InvalidState');
    expectError(await w.api(`/${other}/listFolder`, { folder: '/new' }), 404, 'ResourceNotFound');
  });

  it('refuses to clone a folder onto one of the same name instead of merging into it', async () => {
    const first = await newRecord(w, { folder: '/merge', parents: true, close: true, name: 'first' });
    assert.equal((await w.api(`/${w.project}/clone`, { folders: ['/merge'], project: other })).status, 200);
    const second = await newRecord(w, { folder: '/merge', close: true, name: 'second' });
    const again = await w.api(`/${w.project}/clone`, { folders: ['/merge'], project: other });
    expectError(again, 422, 'InvalidState');
    assert.match(again.body.error.message, /If cloned, a folder would conflict/);
    const listed = (await w.api(`/${other}/listFolder`, { folder: '/merge' })).body.objects.map((o: { id: string }) => o.id);
    assert.deepEqual(listed, [first]);
    assert.deepEqual(Object.keys((await w.api(`/${second}/listProjects`, {})).body), [w.project]);
  });

  it('refuses an empty folder onto an existing one too', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/bar' });
    await w.api(`/${other}/newFolder`, { folder: '/bar' });
    expectError(await w.api(`/${w.project}/clone`, { folders: ['/bar'], project: other }), 422, 'InvalidState');
  });
});
