import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../../emulator/src/index.js';
import { call, expectError, world, type World } from './helpers.js';

// /project-xxxx/update as `dx update project` and dxpy's DXProject.update send it.
describe('project update', () => {
  let w: World;
  const describeProject = async (id: string) => (await w.api(`/${id}/describe`, {})).body;
  before(async () => {
    w = await world();
  });
  after(() => w.emu.close());

  it('describes a new project with every flag dxpy reads, database restrictions included', async () => {
    const d = await describeProject(w.project);
    assert.deepEqual(
      [d.databaseUIViewOnly, d.databaseResultsRestricted, d.allowedExecutables, d.restricted, d.downloadRestricted, d.containsPHI, d.billTo],
      [false, null, null, false, false, false, w.alice.userId],
    );
  });

  it('updates names and flags, answers the project ID and bumps the version', async () => {
    const before = await describeProject(w.project);
    const reply = await w.api(`/${w.project}/update`, {
      name: 'Renamed', summary: 's', description: 'd', protected: true, restricted: true, downloadRestricted: true,
      externalUploadRestricted: false, databaseUIViewOnly: true, databaseResultsRestricted: 10, allowedExecutables: ['applet-abcdefghijklmnopqrstuzwx'],
    });
    assert.deepEqual(reply.body, { id: w.project });
    const d = await describeProject(w.project);
    assert.deepEqual(
      [d.name, d.summary, d.description, d.protected, d.restricted, d.downloadRestricted, d.previewViewerRestricted, d.databaseUIViewOnly, d.databaseResultsRestricted, d.allowedExecutables],
      ['Renamed', 's', 'd', true, true, true, true, true, 10, ['applet-abcdefghijklmnopqrstuzwx']],
    );
    assert.equal(d.version, before.version + 1);
    assert.ok(d.modified > before.modified);
  });

  it('keeps previews restricted until they are lifted before downloads, and unsets with null', async () => {
    expectError(await w.api(`/${w.project}/update`, { downloadRestricted: false }), 422, 'InvalidInput');
    await w.api(`/${w.project}/update`, { previewViewerRestricted: false });
    await w.api(`/${w.project}/update`, { restricted: false, downloadRestricted: false, allowedExecutables: null, databaseResultsRestricted: null });
    const d = await describeProject(w.project);
    assert.deepEqual([d.restricted, d.downloadRestricted, d.previewViewerRestricted, d.allowedExecutables, d.databaseResultsRestricted], [false, false, false, null, null]);
  });

  it('validates its input', async () => {
    const bad: unknown[] = [
      { name: '' }, { name: 3 }, { summary: 1 }, { protected: 'yes' }, { databaseResultsRestricted: 0 },
      { databaseResultsRestricted: 'x' }, { allowedExecutables: 'applet-x' }, { billTo: 'user-nobody' }, { version: 'one' },
    ];
    for (const input of bad) expectError(await w.api(`/${w.project}/update`, input), 422, 'InvalidInput');
    await w.api(`/${w.project}/update`, { containsPHI: true });
    expectError(await w.api(`/${w.project}/update`, { containsPHI: false }), 422, 'InvalidInput');
  });

  it('applies only at the version given, when one is given', async () => {
    const { version } = await describeProject(w.project);
    expectError(await w.api(`/${w.project}/update`, { name: 'stale', version: version - 1 }), 422, 'InvalidState');
    assert.equal((await w.api(`/${w.project}/update`, { name: 'fresh', version })).status, 200);
    assert.equal((await describeProject(w.project)).name, 'fresh');
  });

  it('lets CONTRIBUTE edit names but needs ADMINISTER for access flags and billing', async () => {
    const project = w.emu.admin.createProject(w.alice.userId, 'Shared');
    w.emu.admin.grant(project, w.bob.userId, 'UPLOAD');
    expectError(await w.asBob(`/${project}/update`, { name: 'by bob' }), 401, 'PermissionDenied');
    w.emu.admin.grant(project, w.bob.userId, 'CONTRIBUTE');
    assert.equal((await w.asBob(`/${project}/update`, { name: 'by bob' })).status, 200);
    expectError(await w.asBob(`/${project}/update`, { protected: true }), 401, 'PermissionDenied');
    expectError(await w.asBob(`/${project}/update`, { billTo: w.bob.userId }), 401, 'PermissionDenied');
    w.emu.admin.grant(project, w.bob.userId, 'ADMINISTER');
    assert.equal((await w.asBob(`/${project}/update`, { billTo: w.bob.userId, databaseUIViewOnly: true })).status, 200);
    assert.equal((await w.api(`/${project}/describe`, {})).body.billTo, w.bob.userId);
    expectError(await w.asBob(`/${w.project}/update`, { name: 'x' }), 404, 'ResourceNotFound');
  });

  it('exists for projects only, not generic containers', async () => {
    const container = w.emu.admin.createContainer(w.alice.userId, 'Workspace');
    expectError(await w.api(`/${container}/update`, { name: 'x' }), 404, 'ResourceNotFound');
  });

  it('/project/new takes the same flags', async () => {
    const id = (await w.api('/project/new', { name: 'flagged', restricted: true, downloadRestricted: true, databaseUIViewOnly: true })).body.id;
    const d = await describeProject(id);
    assert.deepEqual([d.restricted, d.downloadRestricted, d.previewViewerRestricted, d.databaseUIViewOnly], [true, true, true, true]);
  });
});

describe('project settings persist', () => {
  it('survive a restart, and state saved before projects had them loads with the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxemu-settings-'));
    try {
      const dataFile = join(dir, 'state.json');
      const first = await startEmulator({ dataFile });
      const user = first.admin.createUser('keeper');
      const kept = first.admin.createProject(user.userId, 'Kept');
      const old = first.admin.createProject(user.userId, 'Older');
      await call(first, user.token, `/${kept}/update`, { databaseUIViewOnly: true, databaseResultsRestricted: 3 });
      await first.close();
      const saved = JSON.parse(readFileSync(dataFile, 'utf8'));
      const older = saved.containers.find((c: { id: string }) => c.id === old);
      for (const key of ['billTo', 'restricted', 'databaseUIViewOnly', 'databaseResultsRestricted', 'allowedExecutables', 'version']) delete older[key];
      writeFileSync(dataFile, JSON.stringify(saved));
      const second = await startEmulator({ dataFile });
      try {
        const k = (await call(second, user.token, `/${kept}/describe`, {})).body;
        assert.deepEqual([k.databaseUIViewOnly, k.databaseResultsRestricted], [true, 3]);
        const o = (await call(second, user.token, `/${old}/describe`, {})).body;
        assert.deepEqual([o.billTo, o.restricted, o.databaseUIViewOnly, o.databaseResultsRestricted, o.version], [user.userId, false, false, null, 1]);
        assert.equal((await call(second, user.token, `/${old}/update`, { version: 1, name: 'Updated' })).status, 200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
