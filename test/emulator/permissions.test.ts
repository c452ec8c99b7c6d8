import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectError, newRecord, world, type World } from './helpers.js';

// Levels per method, docs/platform-notes.md#permissions; PermissionDenied is HTTP 401 (decision 6, #error-types).
describe('permissions', () => {
  let w: World;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  const grant = (level: 'NONE' | 'VIEW' | 'UPLOAD' | 'CONTRIBUTE' | 'ADMINISTER'): void => w.emu.admin.grant(w.project, w.bob.userId, level);

  it('without access, projects are invisible and records unreadable', async () => {
    grant('NONE');
    const id = await newRecord(w);
    expectError(await w.asBob(`/${w.project}/describe`, {}), 404, 'ResourceNotFound');
    expectError(await w.asBob(`/${id}/describe`, {}), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${id}/describe`, { project: w.project }), 401, 'PermissionDenied');
    expectError(await w.asBob('/record/new', { project: w.project }), 401, 'PermissionDenied');
    assert.deepEqual((await w.asBob('/system/findDataObjects', {})).body.results, []);
    assert.deepEqual((await w.asBob('/system/findProjects', {})).body.results, []);
    expectError(await w.asBob('/system/findDataObjects', { scope: { project: w.project } }), 401, 'PermissionDenied');
  });

  it('VIEW reads but cannot create or edit', async () => {
    grant('VIEW');
    const id = await newRecord(w);
    assert.equal((await w.asBob(`/${id}/describe`, { project: w.project })).status, 200);
    assert.equal((await w.asBob(`/${id}/getDetails`, {})).status, 200);
    assert.equal((await w.asBob(`/${w.project}/listFolder`, {})).status, 200);
    assert.equal((await w.asBob(`/${w.project}/describe`, {})).body.level, 'VIEW');
    const denied = await w.asBob('/record/new', { project: w.project });
    expectError(denied, 401, 'PermissionDenied');
    assert.match(denied.body.error.message, /UPLOAD/);
    expectError(await w.asBob(`/${id}/setDetails`, {}), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${id}/rename`, { project: w.project, name: 'x' }), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${w.project}/newFolder`, { folder: '/v' }), 401, 'PermissionDenied');
    assert.deepEqual((await w.asBob('/system/findProjects', { level: 'UPLOAD' })).body.results, []);
    assert.ok((await w.asBob('/system/findDataObjects', { id: [id], level: 'VIEW' })).body.results.length === 1);
    assert.deepEqual((await w.asBob('/system/findDataObjects', { id: [id], level: 'UPLOAD' })).body.results, []);
  });

  it('UPLOAD creates and edits open records but not closed ones, and cannot delete', async () => {
    grant('UPLOAD');
    const created = await w.asBob('/record/new', { project: w.project, name: 'bobs' });
    assert.equal(created.status, 200);
    const id = created.body.id as string;
    assert.equal((await w.asBob(`/${id}/setDetails`, { a: 1 })).status, 200);
    assert.equal((await w.asBob(`/${id}/addTypes`, { types: ['T'] })).status, 200);
    assert.equal((await w.asBob(`/${id}/addTags`, { project: w.project, tags: ['t'] })).status, 200);
    assert.equal((await w.asBob(`/${w.project}/newFolder`, { folder: '/u' })).status, 200);
    assert.equal((await w.asBob(`/${id}/close`, {})).status, 200);
    expectError(await w.asBob(`/${id}/rename`, { project: w.project, name: 'x' }), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${id}/addTags`, { project: w.project, tags: ['x'] }), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${id}/setProperties`, { project: w.project, properties: { a: 'b' } }), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${w.project}/removeObjects`, { objects: [id] }), 401, 'PermissionDenied');
  });

  it('CONTRIBUTE edits closed-record metadata and deletes, but cannot destroy the project', async () => {
    grant('CONTRIBUTE');
    const id = await newRecord(w, { close: true });
    assert.equal((await w.asBob(`/${id}/rename`, { project: w.project, name: 'x' })).status, 200);
    assert.equal((await w.asBob(`/${id}/removeTags`, { project: w.project, tags: ['x'] })).status, 200);
    assert.equal((await w.asBob(`/${w.project}/removeObjects`, { objects: [id] })).status, 200);
    expectError(await w.asBob(`/${w.project}/destroy`, {}), 401, 'PermissionDenied');
  });

  it('a protected project needs ADMINISTER to remove objects', async () => {
    grant('CONTRIBUTE');
    const created = await w.api('/project/new', { name: 'Locked', protected: true });
    const locked = created.body.id as string;
    w.emu.admin.grant(locked, w.bob.userId, 'CONTRIBUTE');
    const id = (await w.api('/record/new', { project: locked })).body.id as string;
    expectError(await w.asBob(`/${locked}/removeObjects`, { objects: [id] }), 401, 'PermissionDenied');
    assert.equal((await w.api(`/${locked}/removeObjects`, { objects: [id] })).status, 200);
  });

  it('findProjects reports each level and filters by minimum level', async () => {
    grant('UPLOAD');
    const results = (await w.asBob('/system/findProjects', {})).body.results;
    assert.deepEqual(results.find((r: { id: string }) => r.id === w.project), { id: w.project, level: 'UPLOAD' });
    assert.ok(!('describe' in results[0]));
    assert.deepEqual((await w.asBob('/system/findProjects', { level: 'CONTRIBUTE' })).body.results.map((r: { id: string }) => r.id).includes(w.project), false);
  });
});
