import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectError, newRecord, world, type World } from './helpers.js';

describe('project folders and objects', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  const list = (body: Record<string, unknown>) => w.api(`/${w.project}/listFolder`, body);

  it('newFolder needs the parent unless parents is true, and refuses an existing folder', async () => {
    expectError(await w.api(`/${w.project}/newFolder`, { folder: '/x/y' }), 404, 'ResourceNotFound');
    assert.deepEqual((await w.api(`/${w.project}/newFolder`, { folder: '/x/y', parents: true })).body, { id: w.project });
    expectError(await w.api(`/${w.project}/newFolder`, { folder: '/x' }), 422, 'InvalidState');
    assert.equal((await w.api(`/${w.project}/newFolder`, { folder: '/x', parents: true })).status, 200);
    expectError(await w.api(`/${w.project}/newFolder`, { folder: 'x' }), 422, 'InvalidInput');
    const missing = await w.api(`/${w.project}/newFolder`, {});
    expectError(missing, 422, 'InvalidInput');
    assert.equal(missing.body.error.message, 'Expected input to have property "folder"');
    expectError(await w.api(`/${w.project}/newFolder`, { folder: '/z', parents: 'yes' }), 422, 'InvalidInput');
  });

  it('listFolder returns immediate child folders as full paths, objects, hidden on request', async () => {
    const visible = await newRecord(w, { folder: '/x', name: 'vis' });
    const hidden = await newRecord(w, { folder: '/x', name: 'hid', hidden: true });
    const plain = (await list({ folder: '/x' })).body;
    assert.deepEqual(plain, { objects: [{ id: visible }], folders: ['/x/y'] });
    const all = (await list({ folder: '/x', includeHidden: true, describe: { fields: { id: true, class: true, name: true } } })).body;
    assert.deepEqual(all.objects, [
      { id: visible, describe: { id: visible, class: 'record', name: 'vis' } },
      { id: hidden, describe: { id: hidden, class: 'record', name: 'hid' } },
    ]);
    assert.deepEqual((await list({ folder: '/', only: 'folders', describe: false, includeHidden: false })).body, { objects: [], folders: ['/x'] });
    assert.deepEqual((await list({ folder: '/x/', only: 'objects' })).body.folders, []);
    const missing = await list({ folder: '/nope' });
    expectError(missing, 404, 'ResourceNotFound');
    assert.equal(missing.body.error.message, `The folder "/nope" could not be found in ${w.project}`);
  });

  it('move relocates objects and folder subtrees', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/m/src/deep', parents: true });
    await w.api(`/${w.project}/newFolder`, { folder: '/m/dst' });
    const inner = await newRecord(w, { folder: '/m/src/deep' });
    const loose = await newRecord(w, { folder: '/m' });
    assert.deepEqual((await w.api(`/${w.project}/move`, { objects: [loose], folders: ['/m/src'], destination: '/m/dst' })).body, { id: w.project });
    assert.equal((await w.api(`/${inner}/describe`, {})).body.folder, '/m/dst/src/deep');
    assert.equal((await w.api(`/${loose}/describe`, {})).body.folder, '/m/dst');
    assert.deepEqual((await list({ folder: '/m' })).body.folders, ['/m/dst']);
    expectError(await w.api(`/${w.project}/move`, { folders: ['/m/dst'], destination: '/m/dst/src' }), 422, 'InvalidInput');
    expectError(await w.api(`/${w.project}/move`, { objects: [loose], destination: '/absent' }), 404, 'ResourceNotFound');
  });

  it('renameFolder renames the last path segment', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/old' });
    const id = await newRecord(w, { folder: '/old' });
    await w.api(`/${w.project}/renameFolder`, { folder: '/old', name: 'new' });
    assert.equal((await w.api(`/${id}/describe`, {})).body.folder, '/new');
  });

  it('renameFolder takes the whole new path as `dx mv` sends it, under any existing parent', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/mv/from/inner', parents: true });
    await w.api(`/${w.project}/newFolder`, { folder: '/mv/elsewhere' });
    const id = await newRecord(w, { folder: '/mv/from/inner' });
    assert.deepEqual((await w.api(`/${w.project}/renameFolder`, { folder: '/mv/from', newpath: '/mv/elsewhere/to' })).body, { id: w.project });
    assert.equal((await w.api(`/${id}/describe`, {})).body.folder, '/mv/elsewhere/to/inner');
    assert.deepEqual((await list({ folder: '/mv' })).body.folders, ['/mv/elsewhere']);
    expectError(await w.api(`/${w.project}/renameFolder`, { folder: '/mv/elsewhere', newpath: '/mv/elsewhere/to/x' }), 422, 'InvalidInput');
    expectError(await w.api(`/${w.project}/renameFolder`, { folder: '/mv/elsewhere/to', newpath: '/no/parent' }), 404, 'ResourceNotFound');
    expectError(await w.api(`/${w.project}/renameFolder`, { folder: '/mv/elsewhere/to', newpath: '/mv' }), 422, 'InvalidState');
    expectError(await w.api(`/${w.project}/renameFolder`, { folder: '/mv/elsewhere/to' }), 422, 'InvalidInput');
    expectError(await w.api(`/${w.project}/renameFolder`, { folder: '/mv/elsewhere/to', name: 'x', newpath: '/x' }), 422, 'InvalidInput');
  });

  it('removeFolder needs recurse for a non-empty folder and never removes the root', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/gone/inner', parents: true });
    const id = await newRecord(w, { folder: '/gone/inner' });
    expectError(await w.api(`/${w.project}/removeFolder`, { folder: '/gone' }), 422, 'InvalidState');
    assert.equal((await w.api(`/${w.project}/removeFolder`, { folder: '/gone//', recurse: true })).status, 200);
    expectError(await w.api(`/${id}/describe`, {}), 404, 'ResourceNotFound');
    expectError(await w.api(`/${w.project}/listFolder`, { folder: '/gone' }), 404, 'ResourceNotFound');
    expectError(await w.api(`/${w.project}/removeFolder`, { folder: '/' }), 422, 'InvalidInput');
  });

  it('removeFolder as `dx rm -r` sends it: partial reports completed, force tolerates a missing folder', async () => {
    await w.api(`/${w.project}/newFolder`, { folder: '/rm-r/inner', parents: true });
    await newRecord(w, { folder: '/rm-r/inner' });
    const input = { folder: '/rm-r', recurse: true, force: true, partial: true };
    assert.deepEqual((await w.api(`/${w.project}/removeFolder`, input)).body, { id: w.project, completed: true });
    assert.deepEqual((await w.api(`/${w.project}/removeFolder`, input)).body, { id: w.project, completed: true });
    expectError(await w.api(`/${w.project}/removeFolder`, { folder: '/rm-r', recurse: true }), 404, 'ResourceNotFound');
  });

  it('removeObjects errors on unknown IDs unless force, and takes hidden orphans along', async () => {
    const hiddenChild = await newRecord(w, { hidden: true });
    const parent = await newRecord(w, { details: { child: { $dnanexus_link: hiddenChild } } });
    const keeper = await newRecord(w, { hidden: true });
    expectError(await w.api(`/${w.project}/removeObjects`, { objects: [parent, 'record-FFFFFFFFFFFFFFFFFFFFFFFF'] }), 404, 'ResourceNotFound');
    assert.equal((await w.api(`/${parent}/describe`, {})).status, 200, 'nothing removed on error');
    assert.equal((await w.api(`/${w.project}/removeObjects`, { objects: [parent, 'record-FFFFFFFFFFFFFFFFFFFFFFFF'], force: true })).status, 200);
    expectError(await w.api(`/${hiddenChild}/describe`, {}), 404, 'ResourceNotFound');
    assert.equal((await w.api(`/${keeper}/describe`, {})).status, 200, 'unrelated hidden objects stay');
  });

  it('project new, describe (fields, folders, permissions) and destroy', async () => {
    const id = (await w.api('/project/new', { name: 'Temp', summary: 's' })).body.id;
    assert.match(id, /^project-[0123456789BFGJKPQVXYZbfgjkpqvxyz]{24}$/);
    const d = (await w.api(`/${id}/describe`, {})).body;
    assert.deepEqual([d.id, d.class, d.name, d.summary, d.level], [id, 'project', 'Temp', 's', 'ADMINISTER']);
    assert.deepEqual((await w.api(`/${id}/describe`, { fields: { id: true } })).body, { id });
    assert.deepEqual((await w.api(`/${id}/describe`, { fields: { folders: true } })).body.folders, ['/']);
    // `dx tree` asks with the legacy flag.
    assert.deepEqual((await w.api(`/${id}/describe`, { folders: true })).body.folders, ['/']);
    assert.deepEqual((await w.api(`/${id}/describe`, { permissions: true })).body.permissions, { [w.alice.userId]: 'ADMINISTER' });
    await w.api('/record/new', { project: id });
    assert.deepEqual((await w.api(`/${id}/destroy`, {})).body, {});
    expectError(await w.api(`/${id}/describe`, {}), 404, 'ResourceNotFound');
    assert.equal(w.emu.admin.countObjects({ projectId: id }), 0);
    expectError(await w.api('/project/new', {}), 422, 'InvalidInput');
  });

  it('serves the same methods under /container-xxxx/', async () => {
    const container = w.emu.admin.createContainer(w.alice.userId, 'workspace');
    assert.match(container, /^container-/);
    const id = (await w.api('/record/new', { project: container, folder: '/out', parents: true })).body.id;
    assert.deepEqual((await w.api(`/${container}/listFolder`, { folder: '/out' })).body.objects, [{ id }]);
    assert.equal((await w.api(`/${container}/describe`, {})).body.class, 'container');
    assert.equal((await w.api(`/${id}/describe`, {})).body.project, container);
  });
});
