// The lens's cache against the emulator over real HTTP: answers never wait, a burst of edits makes
// one computation, the same content is served from memory, and an invalidation refreshes it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StandingCache } from '../../client/src/recordsAsCode/standingCache';
import { initRoot } from '../../platform/src/recordsAsCode/root';
import { platformFixture, recordFile, type PlatformFixture } from './fixture';

describe('record file status cache', () => {
  let f: PlatformFixture;
  let root: string;
  before(async () => {
    f = await platformFixture('lens');
    root = mkdtempSync(join(tmpdir(), 'dxrecord-lens-'));
    initRoot(root, f.project);
  });
  after(() => {
    f.emulator.close();
    rmSync(root, { recursive: true, force: true });
  });

  const searches = () => f.emulator.admin.requestLog().filter((r) => r.route === '/system/findDataObjects').length;

  /** A cache whose change notifications can be awaited one at a time. */
  function cacheUnderTest() {
    let arrived: () => void = () => {};
    const cache = new StandingCache(() => f.client, () => arrived(), { debounceMs: 30 });
    const nextChange = () => new Promise<void>((resolve) => (arrived = resolve));
    return { cache, nextChange };
  }

  it('answers at once from memory and computes in the background, once for a burst of edits', async () => {
    const { cache, nextChange } = cacheUnderTest();
    const path = join(root, 'burst.dxrecord.json');
    const start = searches();
    const changed = nextChange();
    for (let i = 0; i < 5; i++) assert.equal(cache.peek(path, recordFile(f.project, { name: `typing ${i}` })), undefined, 'nothing known yet, nothing awaited');
    assert.equal(searches(), start, 'asking sends no request itself');
    await changed;
    const final = recordFile(f.project, { name: 'typing 4' });
    const answer = cache.peek(path, final);
    assert.equal(answer?.current, true);
    assert.equal(answer?.standing?.kind, 'not created');
    // One computation: the managed search plus the adoption candidates, for the last content only.
    assert.equal(searches() - start, 2);
    cache.peek(path, final);
    assert.equal(searches() - start, 2, 'the same content is served from memory');
    const older = cache.peek(path, recordFile(f.project, { name: 'edited' }));
    assert.deepEqual([older?.current, older?.standing?.kind], [false, 'not created'], 'an edit shows the last answer until the new one arrives');
    cache.dispose();
  });

  it('keeps its answer across an invalidation and refreshes it on the next ask', async () => {
    const { cache, nextChange } = cacheUnderTest();
    const path = join(root, 'kept.dxrecord.json');
    const text = recordFile(f.project, { name: 'kept' });
    let changed = nextChange();
    cache.peek(path, text);
    await changed;
    assert.equal(cache.peek(path, text)?.standing?.kind, 'not created');
    await f.client.newRecord({ project: f.project, name: 'kept', tags: ['a'], properties: { lab: 'north', 'dxrecord.key': 'kept' }, details: { reads: 12 } });
    changed = nextChange();
    cache.invalidate();
    await changed;
    const stale = cache.peek(path, text);
    assert.deepEqual([stale?.current, stale?.standing?.kind], [false, 'not created']);
    changed = nextChange();
    await changed;
    assert.deepEqual([cache.peek(path, text)?.current, cache.peek(path, text)?.standing?.kind], [true, 'in sync']);
    cache.dispose();
  });

  it('says nothing about a file outside a managed root', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dxrecord-plain-'));
    const path = join(outside, 'plain.dxrecord.json');
    let cache: StandingCache | undefined;
    await new Promise<void>((resolve) => {
      cache = new StandingCache(() => f.client, resolve, { debounceMs: 0 });
      cache.peek(path, '{}');
    });
    const answer = cache!.peek(path, '{}');
    assert.deepEqual([answer?.current, answer?.standing], [true, undefined]);
    rmSync(outside, { recursive: true, force: true });
  });

  it('gives up on a slow platform after its timeout and says so on the lens', async () => {
    f.emulator.admin.injectFault({ route: '/system/findDataObjects', kind: 'delay', delayMs: 3_000 });
    const path = join(root, 'slow.dxrecord.json');
    let cache: StandingCache | undefined;
    await new Promise<void>((resolve) => {
      cache = new StandingCache(() => f.client, resolve, { debounceMs: 0, timeoutMs: 100 });
      cache.peek(path, recordFile(f.project, { name: 'slow' }));
    });
    const answer = cache!.peek(path, recordFile(f.project, { name: 'slow' }));
    assert.equal(answer?.standing, undefined);
    assert.equal(answer?.error, 'no answer from the platform within 0.1 s');
  });
});
