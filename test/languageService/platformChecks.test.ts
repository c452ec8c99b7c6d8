// The language service's signed-in checks and completions in process, asking the emulator over
// real HTTP through the extension's own PlatformCache: project access levels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { platformFixture, type PlatformFixture } from '../client/fixture';
import { fileUri, Workspace } from './workspace';

describe('project access', () => {
  let f: PlatformFixture;
  let workspace: Workspace;
  let readOnly: string;
  before(async () => {
    f = await platformFixture('access');
    const other = f.emulator.admin.createUser('owner');
    readOnly = f.emulator.admin.createProject(other.userId, 'Shared references');
    f.emulator.admin.grant(readOnly, f.userId, 'VIEW');
    const cache = new PlatformCache(() => f.client);
    workspace = new Workspace({ lookup: (query, signal) => cache.answer(query, signal) });
  });
  after(() => f.emulator.close());

  const live = async (name: string, project: string) => {
    const document = workspace.open(fileUri(name), JSON.stringify({ project, name: 'n' }));
    return (await workspace.service.liveDiagnostics(document)) ?? [];
  };

  it('a project the user can only VIEW gets a warning naming the level it has and the level needed', async () => {
    const found = await live('view-only.dxrecord.json', readOnly);
    const access = found.filter((d) => d.code === 'project-access-too-low');
    assert.equal(access.length, 1);
    assert.equal(access[0].severity, 'warning');
    assert.match(access[0].message, /You have VIEW access to "Shared references".*needs UPLOAD or higher/);
  });

  it('a project the user administers gets no access warning', async () => {
    const found = await live('own.dxrecord.json', f.project);
    assert.deepEqual(found.filter((d) => d.code === 'project-access-too-low'), []);
  });

  it('project completion shows each project with its access level, read-only ones marked', async () => {
    const text = '{ "project": "" }';
    const document = workspace.open(fileUri('complete.dxrecord.json'), text);
    const list = await workspace.service.completions(document, document.positionAt(text.indexOf('""') + 1));
    const byName = new Map(list.items.map((item) => [item.label, item.labelDetails?.description]));
    assert.equal(byName.get('Shared references'), 'VIEW · read-only');
    assert.equal(byName.get('Editor tests'), 'ADMINISTER');
  });
});
