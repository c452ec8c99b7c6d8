// Where one record file stands (the editor's lens), Push, Pull and the changed-on-the-platform
// check, against the emulator over real HTTP.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { baselineOf, changedSince, changeLines, pushStanding, standingOf, type FileStanding } from '../../platform/src/recordsAsCode/fileStanding';
import { pulledText } from '../../platform/src/recordsAsCode/pull';
import { initRoot, KEY_PROPERTY } from '../../platform/src/recordsAsCode/root';
import { platformFixture, recordFile, type PlatformFixture } from './fixture';

describe('one record file against the platform', () => {
  let f: PlatformFixture;
  let root: string;
  before(async () => {
    f = await platformFixture('standing');
    root = mkdtempSync(join(tmpdir(), 'dxrecord-standing-'));
    initRoot(root, f.project);
    mkdirSync(join(root, 'samples'));
  });
  after(() => {
    f.emulator.close();
    rmSync(root, { recursive: true, force: true });
  });

  const standing = async (path: string, text: string): Promise<FileStanding> => {
    const s = await standingOf(f.client, path, text);
    assert.ok(s, `${path} is under the root`);
    return s;
  };

  it('is not about files outside a managed root or not named .dxrecord.json', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dxrecord-unmanaged-'));
    try {
      assert.equal(await standingOf(f.client, join(outside, 'x.dxrecord.json'), recordFile(f.project)), undefined);
      assert.equal(await standingOf(f.client, join(root, 'notes.json'), recordFile(f.project)), undefined);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('goes from not created to in sync by Push, to differs when the record changes, and back by Pull', async () => {
    const path = join(root, 'samples', 'S1.dxrecord.json');
    const text = recordFile(f.project, { name: 'S1', folder: '/samples', parents: true });
    const fresh = await standing(path, text);
    assert.equal(fresh.kind, 'not created');
    assert.equal(fresh.key, 'samples/S1');
    assert.equal(fresh.keyed, false);
    assert.ok(changeLines(fresh.action).includes('name: "S1"'));

    const pushed = await pushStanding(f.client, fresh);
    const stored = f.emulator.admin.describe(pushed.record, f.project) as { name: string; properties: Record<string, string>; modified: number };
    assert.equal(stored.properties[KEY_PROPERTY], 'samples/S1');
    assert.equal(pushed.baseline.modified, stored.modified);

    const synced = await standing(path, text);
    assert.deepEqual([synced.kind, synced.label, synced.keyed, synced.live?.id], ['in sync', 'in sync', true, pushed.record]);
    assert.equal(changedSince(pushed.baseline, synced.live), false);

    await f.client.call(`/${pushed.record}/rename`, { project: f.project, name: 'S1-renamed' });
    await f.client.call(`/${pushed.record}/addTags`, { project: f.project, tags: ['extra'] });
    const drifted = await standing(path, text);
    assert.deepEqual([drifted.kind, drifted.label], ['differs', 'differs (name, tags)']);
    assert.equal(changedSince(pushed.baseline, drifted.live), true, 'the record changed since the push');
    assert.deepEqual(changeLines(drifted.action), ['name: "S1-renamed" → "S1"', 'tags: ["a","extra"] → ["a"]']);

    // Pull: the file becomes the live record's pulled form, without the managed key.
    const pulled = pulledText(drifted.live!);
    assert.equal(JSON.parse(pulled).name, 'S1-renamed');
    assert.deepEqual(JSON.parse(pulled).properties, { lab: 'north' });
    writeFileSync(path, pulled);
    const afterPull = await standing(path, pulled);
    assert.equal(afterPull.kind, 'in sync');
    assert.equal(changedSince(baselineOf(drifted.live!), afterPull.live), false);
  });

  it('pushes an edited file back to in sync and closes nothing it was not asked to', async () => {
    const path = join(root, 'samples', 'S2.dxrecord.json');
    const first = recordFile(f.project, { name: 'S2', folder: '/samples', parents: true });
    const { baseline } = await pushStanding(f.client, await standing(path, first));
    const edited = recordFile(f.project, { name: 'S2', folder: '/samples', parents: true, tags: ['a', 'b'], details: { reads: 99 } });
    const before = await standing(path, edited);
    assert.deepEqual([before.kind, before.label], ['differs', 'differs (tags, details)']);
    assert.equal(changedSince(baseline, before.live), false, 'only the file changed');
    const { baseline: next } = await pushStanding(f.client, before);
    const now = await standing(path, edited);
    assert.equal(now.kind, 'in sync');
    assert.equal(now.live?.state, 'open');
    assert.equal(changedSince(next, now.live), false);
    assert.equal(changedSince(baseline, now.live), true, 'the old baseline is out of date after the push');
  });

  it('says replaced when a closed record\'s details differ, and conflict when two records carry the key', async () => {
    const path = join(root, 'samples', 'S3.dxrecord.json');
    const first = recordFile(f.project, { name: 'S3', folder: '/samples', parents: true });
    const { record } = await pushStanding(f.client, await standing(path, first));
    await f.client.call(`/${record}/close`, {});
    const changed = await standing(path, recordFile(f.project, { name: 'S3', folder: '/samples', parents: true, details: { reads: 1 } }));
    assert.equal(changed.kind, 'replaced');
    assert.match(changed.label, new RegExp(`${record} is closed and its details differ`));

    await f.client.newRecord({ project: f.project, name: 'twin', properties: { [KEY_PROPERTY]: 'samples/S3' } });
    const twice = await standing(path, first);
    assert.equal(twice.kind, 'conflict');
    assert.match(twice.label, /2 live records carry the key/);
    await assert.rejects(pushStanding(f.client, twice), /refused plan/);
  });
});
