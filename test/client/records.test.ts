// Command logic (create, describe, pull, update, close) against the emulator over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jsonText } from '../../common/jsonText';
import { validateRecord } from '../../server/src/engine/index';
import { DxApiError } from '../../platform/src/errors';
import { closeRecord } from '../../platform/src/records/closeRecord';
import { createRecord, locateRejection, planCreate, refusalMessage } from '../../platform/src/records/createRecord';
import { describeRecord, findRecord, formatDescription } from '../../platform/src/records/describeRecord';
import { findProjects } from '../../platform/src/records/projects';
import { pullRecord } from '../../platform/src/records/pullRecord';
import { applyUpdate, describePlan, planUpdate } from '../../platform/src/records/updateRecord';
import { platformFixture, recordFile, type PlatformFixture } from './fixture';

function ready(text: string) {
  const plan = planCreate(text);
  assert.equal(plan.kind, 'ready', plan.kind === 'refused' ? refusalMessage(plan.errors) : '');
  return plan as Extract<typeof plan, { kind: 'ready' }>;
}

describe('record commands against the emulator', () => {
  let f: PlatformFixture;
  before(async () => {
    f = await platformFixture();
  });
  after(() => f.emulator.close());

  it('refuses to create while the file has errors, naming the first one', () => {
    const plan = planCreate(JSON.stringify({ project: f.project, name: 'x', properties: { k: 5 } }));
    assert.equal(plan.kind, 'refused');
    assert.ok(plan.kind === 'refused' && plan.errors.every((d) => d.severity === 'error'));
    assert.match(refusalMessage(plan.kind === 'refused' ? plan.errors : []), /Problems panel.*Line 1/);
    assert.equal(f.emulator.admin.countObjects({ projectId: f.project }), 0);
  });

  it('creates exactly one record with the file\'s fields and flags close: true for confirmation', async () => {
    const text = recordFile(f.project, { folder: '/runs', parents: true, types: ['Sample'] });
    const plan = ready(text);
    assert.equal(plan.closes, false);
    assert.equal(ready(recordFile(f.project, { close: true })).closes, true);
    const before = f.emulator.admin.countObjects({ projectId: f.project });
    const created = await createRecord(f.client, plan);
    assert.match(created.id, /^record-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$/);
    assert.equal(f.emulator.admin.countObjects({ projectId: f.project }), before + 1);
    const stored = f.emulator.admin.describe(created.id, f.project) as Record<string, unknown>;
    assert.deepEqual(
      { name: stored.name, folder: stored.folder, tags: stored.tags, types: stored.types, properties: stored.properties, details: stored.details, state: stored.state },
      { name: 'sample', folder: '/runs', tags: ['a'], types: ['Sample'], properties: { lab: 'north' }, details: { reads: 12 }, state: 'open' },
    );
  });

  it('places an InvalidInput from the platform on the field it names (reused nonce)', async () => {
    const first = recordFile(f.project, { nonce: 'editor-test-nonce-1' });
    await createRecord(f.client, ready(first));
    const changed = recordFile(f.project, { name: 'other', nonce: 'editor-test-nonce-1' });
    const error = await createRecord(f.client, ready(changed)).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DxApiError && error.type === 'InvalidInput', String(error));
    const span = locateRejection(changed, error);
    assert.ok(span);
    assert.equal(changed.slice(span.offset, span.offset + span.length), '"editor-test-nonce-1"');
  });

  it('describes a record with details and properties', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project, { name: 'described' })));
    const description = await describeRecord(f.client, id, f.project);
    assert.equal(description.name, 'described');
    assert.deepEqual(description.details, { reads: 12 });
    assert.deepEqual(description.properties, { lab: 'north' });
    const text = formatDescription(description);
    assert.deepEqual(JSON.parse(text).details, { reads: 12 });
    assert.match(text, /"modifiedAt": "\d{4}-\d\d-\d\dT/);
  });

  it('pulls a record into a create input that validates clean and recreates the same fields', async () => {
    const source = recordFile(f.project, {
      name: 'pulled ✓',
      folder: '/pull/deep',
      parents: true,
      hidden: true,
      types: ['A', 'B/c'],
      details: { link: { $dnanexus_link: 'file-B0FJgXy4Zg231jgbQ9zQ0003' }, nested: [[1, { x: null }]] },
    });
    const { id } = await createRecord(f.client, ready(source));
    const pulled = await pullRecord(f.client, id, f.project);
    assert.deepEqual(validateRecord(pulled.text).diagnostics, []);
    const input = JSON.parse(pulled.text);
    assert.deepEqual(input, {
      project: f.project,
      name: 'pulled ✓',
      folder: '/pull/deep',
      parents: true,
      tags: ['a'],
      types: ['A', 'B/c'],
      hidden: true,
      properties: { lab: 'north' },
      details: { link: { $dnanexus_link: 'file-B0FJgXy4Zg231jgbQ9zQ0003' }, nested: [[1, { x: null }]] },
    });
    const copy = await createRecord(f.client, ready(pulled.text));
    const again = await describeRecord(f.client, copy.id, f.project);
    assert.deepEqual([again.name, again.folder, again.hidden, again.details], ['pulled ✓', '/pull/deep', true, input.details]);
  });

  it('creates a record whose details nest 10,000 levels deep, as the validator allows, and pulls it back', async () => {
    const depth = 10_000;
    const text = `{"project": "${f.project}", "name": "deep", "details": {"d": ${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
    const plan = ready(text);
    const { id } = await createRecord(f.client, plan);
    const stored = await describeRecord(f.client, id, f.project);
    let level = (stored.details as { d: unknown }).d;
    let seen = 0;
    while (Array.isArray(level)) {
      level = level[0];
      seen += 1;
    }
    assert.deepEqual([seen, level], [depth, 1]);
    const pulled = await pullRecord(f.client, id, f.project);
    assert.deepEqual(validateRecord(pulled.text).diagnostics, []);
    assert.equal(pulled.text, `${jsonText(JSON.parse(pulled.text))}\n`, 'too deep to lay out: one line');
    assert.equal(jsonText(JSON.parse(pulled.text).details), jsonText(stored.details));
  });

  it('computes the update diff of an open record and applies it until nothing differs', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project, { tags: ['keep', 'drop'], types: ['Old'], properties: { lab: 'north', gone: 'x' } })));
    const file = ready(recordFile(f.project, {
      name: 'renamed',
      tags: ['keep', 'new'],
      types: ['New'],
      hidden: true,
      properties: { lab: 'south', added: 'y' },
      details: { reads: 13 },
      folder: '/elsewhere',
      parents: true,
    })).input;
    const plan = planUpdate(await describeRecord(f.client, id, f.project), file);
    assert.deepEqual(plan.blocked, []);
    assert.deepEqual(plan.steps.map((s) => [s.route.slice(s.route.lastIndexOf('/') + 1), s.input]), [
      ['rename', { project: f.project, name: 'renamed' }],
      ['newFolder', { folder: '/elsewhere', parents: true }],
      ['move', { objects: [id], destination: '/elsewhere' }],
      ['addTags', { project: f.project, tags: ['new'] }],
      ['removeTags', { project: f.project, tags: ['drop'] }],
      ['setProperties', { project: f.project, properties: { lab: 'south', added: 'y', gone: null } }],
      ['addTypes', { types: ['New'] }],
      ['removeTypes', { types: ['Old'] }],
      ['setDetails', { reads: 13 }],
      ['setVisibility', { hidden: true }],
    ]);
    assert.match(describePlan(plan), /move \/ → \/elsewhere/);
    assert.match(describePlan(plan), /rename "sample" → "renamed"/);
    const outcome = await applyUpdate(f.client, plan);
    assert.equal(outcome.error, undefined);
    const now = await describeRecord(f.client, id, f.project);
    assert.deepEqual(
      { name: now.name, folder: now.folder, tags: [...now.tags].sort(), types: now.types, hidden: now.hidden, properties: now.properties, details: now.details },
      { name: 'renamed', folder: '/elsewhere', tags: ['keep', 'new'], types: ['New'], hidden: true, properties: { lab: 'south', added: 'y' }, details: { reads: 13 } },
    );
    assert.deepEqual(planUpdate(now, file).steps, []);
  });

  it('leaves fields the file omits alone and treats key order in details as no change', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project, { details: { a: 1, b: { c: 2, d: 3 } } })));
    const current = await describeRecord(f.client, id, f.project);
    const plan = planUpdate(current, { project: f.project, details: { b: { d: 3, c: 2 }, a: 1 } });
    assert.deepEqual(plan.steps, []);
    assert.match(describePlan(plan), /already matches/);
  });

  it('refuses details/types/visibility on a closed record but still updates name, tags and properties', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project)));
    await closeRecord(f.client, id);
    const closed = await describeRecord(f.client, id, f.project);
    assert.equal(closed.state, 'closed');
    const plan = planUpdate(closed, ready(recordFile(f.project, { name: 'late', tags: ['b'], properties: { lab: 'east' }, details: { reads: 99 }, types: ['T'], hidden: true })).input);
    assert.deepEqual(plan.blocked.map((b) => b.field), ['types', 'details', 'hidden']);
    assert.ok(plan.blocked.every((b) => /closed/.test(b.reason)));
    assert.deepEqual(plan.steps.map((s) => s.field), ['name', 'tags', 'tags', 'properties']);
    // The platform agrees that details are frozen.
    const frozen = await f.client.call(`/${id}/setDetails`, { reads: 99 }).then(() => undefined, (e: unknown) => e);
    assert.ok(frozen instanceof DxApiError && frozen.type === 'InvalidState');
    assert.equal((await applyUpdate(f.client, plan)).error, undefined);
    const now = await describeRecord(f.client, id, f.project);
    assert.deepEqual([now.name, now.tags, now.properties, now.details], ['late', ['b'], { lab: 'east' }, { reads: 12 }]);
  });

  it('stops an update at the first failure and reports what was applied', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project)));
    f.emulator.admin.injectFault({ route: '/record-xxxx/addTags', kind: 'status', status: 404, errorType: 'ResourceNotFound' });
    const plan = planUpdate(await describeRecord(f.client, id, f.project), { name: 'first', tags: ['a', 'z'] });
    const outcome = await applyUpdate(f.client, plan);
    f.emulator.admin.clearFaults();
    assert.deepEqual(outcome.applied.map((s) => s.field), ['name']);
    assert.ok(outcome.error instanceof DxApiError);
  });

  it('lists projects with names and access levels', async () => {
    const other = f.emulator.admin.createUser('other');
    const shared = f.emulator.admin.createProject(other.userId, 'Shared with editor');
    f.emulator.admin.grant(shared, f.userId, 'VIEW');
    const projects = await findProjects(f.client);
    assert.deepEqual(projects.map((p) => [p.name, p.level]), [['Editor tests', 'ADMINISTER'], ['Shared with editor', 'VIEW']]);
  });

  it('finds a record with the project only as a hint, and says undefined (not an error) when no project has it', async () => {
    const { id } = await createRecord(f.client, ready(recordFile(f.project, { name: 'hinted' })));
    const stranger = f.emulator.admin.createUser('stranger');
    const unseen = f.emulator.admin.createProject(stranger.userId, 'Not shared');
    const mine = f.emulator.admin.createProject(f.userId, 'Empty of records');
    assert.equal((await findRecord(f.client, id, mine))?.project, f.project, 'another project of mine');
    assert.equal((await findRecord(f.client, id, unseen))?.name, 'hinted', 'a project I cannot see is asked again without it');
    assert.equal(await findRecord(f.client, 'record-BQ0000000000000000000009', f.project), undefined);
    f.emulator.admin.injectFault({ route: '/record-xxxx/describe', kind: 'status', status: 401, errorType: 'InvalidAuthentication' });
    const failed = await findRecord(f.client, id).then(() => undefined, (e: unknown) => e);
    assert.ok(failed instanceof DxApiError && failed.type === 'InvalidAuthentication', 'other failures are not "not found"');
  });
});
