// The client's answers to the server's platform lookups, from the emulator over real HTTP:
// every query kind, caching, invalidation, and quick degradation when signed out or offline.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DxApiClient } from '../../platform/src/apiClient';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { platformFixture, type PlatformFixture } from './fixture';

describe('platform cache against the emulator', () => {
  let f: PlatformFixture;
  let record: string;
  before(async () => {
    f = await platformFixture('cache');
    record = (await f.client.newRecord({ project: f.project, name: 'reads', folder: '/runs/a', parents: true })).id;
  });
  after(() => f.emulator.close());

  it('answers every kind of query', async () => {
    const cache = new PlatformCache(() => f.client);
    assert.deepEqual(await cache.answer({ kind: 'projects' }), { kind: 'projects', projects: [{ id: f.project, name: 'Editor tests', level: 'ADMINISTER' }] });
    assert.deepEqual(await cache.answer({ kind: 'project', id: f.project }), { kind: 'projects', projects: [{ id: f.project, name: 'Editor tests', level: 'ADMINISTER' }] });
    assert.deepEqual(await cache.answer({ kind: 'project', id: 'project-B0FJgXy4Zg231jgbQ9zQ0003' }), { kind: 'projects', projects: [] });
    const folders = await cache.answer({ kind: 'folders', project: f.project });
    assert.ok(folders.kind === 'folders' && folders.folders?.includes('/runs') && folders.folders.includes('/runs/a'));
    assert.deepEqual(await cache.answer({ kind: 'folders', project: 'project-B0FJgXy4Zg231jgbQ9zQ0003' }), { kind: 'folders', folders: null });
    const objects = await cache.answer({ kind: 'objects', project: f.project, classes: ['record', 'file'] });
    assert.deepEqual(objects, { kind: 'objects', objects: [{ id: record, project: f.project, class: 'record', name: 'reads', state: 'open', folder: '/runs/a' }] });
    const described = await cache.answer({ kind: 'describe', ids: [record, 'record-B0FJgXy4Zg231jgbQ9zQ0003'] });
    assert.ok(described.kind === 'objects');
    assert.deepEqual(described.objects.map((o) => o.id), [record], 'an unknown ID is left out');
  });

  it('serves repeats from the cache until invalidated or expired', async () => {
    let now = 1_000;
    const cache = new PlatformCache(() => f.client, { ttlMs: 500, now: () => now });
    const count = () => f.emulator.admin.requestLog().length;
    const start = count();
    await Promise.all([cache.answer({ kind: 'projects' }), cache.answer({ kind: 'projects' })]);
    assert.equal(count() - start, 1, 'concurrent asks share one request');
    await cache.answer({ kind: 'projects' });
    assert.equal(count() - start, 1);
    cache.invalidate();
    await cache.answer({ kind: 'projects' });
    assert.equal(count() - start, 2);
    now += 501;
    await cache.answer({ kind: 'projects' });
    assert.equal(count() - start, 3);
  });

  it('caches describe answers per ID and asks only about new ones, in batches of at most 1000', async () => {
    const cache = new PlatformCache(() => f.client);
    const count = () => f.emulator.admin.requestLog().filter((r) => r.route === '/system/describeDataObjects').length;
    const start = count();
    const unknown = Array.from({ length: 1200 }, (_, i) => `record-B0FJgXy4Zg231jgbQ9z${String(i).padStart(5, '0')}`);
    const first = await cache.answer({ kind: 'describe', ids: [record, ...unknown] });
    assert.ok(first.kind === 'objects');
    assert.deepEqual(first.objects.map((o) => o.name), ['reads']);
    assert.equal(count() - start, 2, '1201 IDs take two calls');
    const extra = (await f.client.newRecord({ project: f.project, name: 'second' })).id;
    const second = await cache.answer({ kind: 'describe', ids: [extra, record] });
    assert.ok(second.kind === 'objects');
    assert.deepEqual(second.objects.map((o) => o.name), ['second', 'reads']);
    assert.equal(count() - start, 3, 'only the new ID was asked about');
  });

  it('is unavailable at once when signed out, and quickly when the platform is down', async () => {
    assert.deepEqual(await new PlatformCache(() => undefined).answer({ kind: 'projects' }), { kind: 'unavailable', reason: 'signed out' });
    const down = new DxApiClient({ serverUrl: 'http://127.0.0.1:9', token: f.token });
    const cache = new PlatformCache(() => down, { timeoutMs: 800 });
    const started = Date.now();
    const answer = await cache.answer({ kind: 'folders', project: f.project });
    assert.equal(answer.kind, 'unavailable');
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    const again = Date.now();
    assert.equal((await cache.answer({ kind: 'folders', project: f.project })).kind, 'unavailable');
    assert.ok(Date.now() - again < 50, 'an unreachable platform is remembered for a while');
  });

  it('stops waiting when the caller cancels', async () => {
    f.emulator.admin.injectFault({ route: '/system/findProjects', kind: 'delay', delayMs: 1_500 });
    const cache = new PlatformCache(() => f.client);
    const controller = new AbortController();
    const mark = f.emulator.admin.requestCount();
    const answer = cache.answer({ kind: 'projects' }, controller.signal);
    controller.abort();
    assert.deepEqual(await answer, { kind: 'unavailable', reason: 'cancelled' });
    // The caller is answered while the platform still sits on the request.
    assert.equal(f.emulator.admin.requestCount(), mark, 'answered before the platform replied to anything');
  });
});
