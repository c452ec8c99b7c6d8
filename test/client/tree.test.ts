// The records tree's data layer against the emulator: lazy levels, one round trip per level,
// "Load more…" paging over more than 250 records, filters searched on the platform across a
// project (folders without matches hidden, a "no match" row), and error nodes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DxApiClient } from '../../platform/src/apiClient';
import { parseFilter } from '../../client/src/tree/recordFilter';
import { RecordsTreeData, type ContainerNode, type TreeNode } from '../../client/src/tree/recordsTreeData';
import { platformFixture, type PlatformFixture } from './fixture';

const BIG = 260;

async function createMany(f: PlatformFixture, count: number, folder: string, extra: (i: number) => Record<string, unknown> = () => ({})) {
  for (let start = 0; start < count; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, (_, k) =>
        f.client.newRecord({ project: f.project, folder, parents: true, name: `r${String(start + k).padStart(3, '0')}`, ...extra(start + k) }),
      ),
    );
  }
}

const labels = (nodes: TreeNode[]) =>
  nodes.map((n) => (n.kind === 'record' ? n.record.name : n.kind === 'project' ? n.project.name : n.kind === 'folder' ? n.path : n.kind === 'noMatch' ? `no match: ${n.filter.text}` : n.kind));

function child(nodes: TreeNode[], path: string): ContainerNode {
  const node = nodes.find((n) => (n.kind === 'folder' || n.kind === 'project') && (n.kind === 'project' ? n.project.name === path : n.path === path));
  assert.ok(node, `no ${path} among ${labels(nodes).join(', ')}`);
  return node as ContainerNode;
}

describe('records tree data layer against the emulator', () => {
  let f: PlatformFixture;
  before(async () => {
    f = await platformFixture('tree');
    await createMany(f, BIG, '/big');
    await createMany(f, 3, '/small/inner', (i) => ({ tags: i === 0 ? ['gold'] : [], types: i === 1 ? ['Sample'] : [], hidden: i === 2, properties: i === 1 ? { lab: 'north' } : {} }));
    await f.client.newRecord({ project: f.project, name: 'at root', close: true });
  });
  after(() => f.emulator.close());

  it('loads project → folders → records lazily, one request per level', async () => {
    const tree = new RecordsTreeData(() => f.client);
    const mark = () => f.emulator.admin.requestLog().length;
    let seen = mark();
    const roots = await tree.getChildren();
    assert.deepEqual(f.emulator.admin.requestLog().slice(seen).map((r) => r.route), ['/system/findProjects']);
    const project = child(roots, 'Editor tests');

    seen = mark();
    const top = await tree.getChildren(project);
    assert.deepEqual(f.emulator.admin.requestLog().slice(seen).map((r) => r.route), ['/system/findDataObjects']);
    assert.deepEqual(labels(top), ['/big', '/small', 'at root']);
    const atRoot = top[2];
    assert.ok(atRoot.kind === 'record' && atRoot.record.state === 'closed' && atRoot.record.hidden === false && atRoot.record.modified > 0);

    const small = child(top, '/small');
    const inner = child(await tree.getChildren(small), '/small/inner');
    seen = mark();
    const records = await tree.getChildren(inner);
    assert.equal(f.emulator.admin.requestLog().length - seen, 1);
    assert.deepEqual(labels(records).sort(), ['r000', 'r001', 'r002']);
    assert.ok(records.some((r) => r.kind === 'record' && r.record.hidden), 'hidden records are listed too');
    assert.equal(tree.parentOf(records[0]), inner);
    assert.equal(tree.parentOf(inner), small);

    // A second expansion is served from what was loaded.
    seen = mark();
    await tree.getChildren(inner);
    assert.equal(mark(), seen);
  });

  it(`pages ${BIG} records with "Load more…" (100 per page) until every record is listed once`, async () => {
    const tree = new RecordsTreeData(() => f.client);
    const big = child(await tree.getChildren(child(await tree.getChildren(), 'Editor tests')), '/big');
    let children = await tree.getChildren(big);
    const pages = [children.filter((n) => n.kind === 'record').length];
    while (children.at(-1)?.kind === 'loadMore') {
      const before = f.emulator.admin.requestLog().length;
      await tree.loadMore(big);
      assert.equal(f.emulator.admin.requestLog().length - before, 1, 'one findDataObjects per page');
      children = await tree.getChildren(big);
      pages.push(children.filter((n) => n.kind === 'record').length);
    }
    assert.deepEqual(pages, [100, 200, BIG]);
    const names = children.flatMap((n) => (n.kind === 'record' ? [n.record.name] : []));
    assert.equal(new Set(names).size, BIG);
    assert.equal(names.length, BIG);
  });

  it('filters records by name (part, glob, regexp), tag, type and property, on the platform', async () => {
    const tree = new RecordsTreeData(() => f.client);
    const open = async () => {
      const top = await tree.getChildren(child(await tree.getChildren(), 'Editor tests'));
      return tree.getChildren(child(await tree.getChildren(child(top, '/small')), '/small/inner'));
    };
    const shown = async (text: string) => {
      tree.setFilter(parseFilter(text));
      return labels(await open()).sort();
    };
    assert.deepEqual(await shown('R00'), ['r000', 'r001', 'r002'], 'a part of the name, any case');
    assert.deepEqual(await shown('tag:gold'), ['r000']);
    assert.deepEqual(await shown('type:Sample'), ['r001']);
    assert.deepEqual(await shown('prop:lab=north'), ['r001']);
    assert.deepEqual(await shown('prop:lab'), ['r001']);
    assert.deepEqual(await shown('r00?'), ['r000', 'r001', 'r002'], 'a glob');
    assert.deepEqual(await shown('/^r00[02]$/'), ['r000', 'r002'], 'a regular expression');
    assert.deepEqual(await shown('r0 tag:gold'), ['r000'], 'terms combine');
  });

  it('under a filter lists only the folders leading to matches, searching each project once', async () => {
    const tree = new RecordsTreeData(() => f.client);
    tree.setFilter(parseFilter('tag:gold'));
    const project = child(await tree.getChildren(), 'Editor tests');
    const mark = () => f.emulator.admin.requestLog().length;
    let seen = mark();
    const top = await tree.getChildren(project);
    assert.deepEqual(labels(top), ['/small'], '/big has no match and "at root" is not tagged');
    assert.equal(mark() - seen, 2, 'the project search and the first page of its root');
    seen = mark();
    const small = await tree.getChildren(child(top, '/small'));
    assert.deepEqual(labels(small), ['/small/inner']);
    assert.equal(mark() - seen, 1, 'the project search is not repeated below');
    assert.deepEqual(labels(await tree.getChildren(child(small, '/small/inner'))), ['r000']);

    const paged = new RecordsTreeData(() => f.client, 100, 50);
    paged.setFilter(parseFilter('r2')); // r200…r259, all in /big: two pages of the project search
    const pagedProject = child(await paged.getChildren(), 'Editor tests');
    seen = mark();
    assert.deepEqual(labels(await paged.getChildren(pagedProject)), ['/big']);
    assert.equal(mark() - seen, 3, 'two search pages and the first page of the root');

    tree.setFilter(parseFilter('no-such-record'));
    assert.deepEqual(labels(await tree.getChildren(child(await tree.getChildren(), 'Editor tests'))), ['no match: no-such-record']);
    tree.setFilter(undefined);
    assert.deepEqual(labels(await tree.getChildren(child(await tree.getChildren(), 'Editor tests'))), ['/big', '/small', 'at root']);
  });

  it('finds a record for "Reveal in Tree" by loading the levels above it', async () => {
    const tree = new RecordsTreeData(() => f.client);
    const { id } = await f.client.newRecord({ project: f.project, folder: '/small/inner', name: 'to reveal' });
    const node = await tree.findRecord(f.project, '/small/inner', id);
    assert.ok(node?.kind === 'record' && node.record.name === 'to reveal');
    const folder = tree.parentOf(node);
    assert.ok(folder?.kind === 'folder' && folder.path === '/small/inner');
  });

  it('shows an error node when a load fails, and recovers on the next expansion', async () => {
    const tree = new RecordsTreeData(() => f.client);
    const project = child(await tree.getChildren(), 'Editor tests');
    f.emulator.admin.injectFault({ route: '/system/findDataObjects', kind: 'status', status: 401, errorType: 'InvalidAuthentication' });
    const failed = await tree.getChildren(project);
    assert.equal(failed.length, 1);
    assert.ok(failed[0].kind === 'error' && /sign in again/i.test(failed[0].message), JSON.stringify(failed[0]));
    assert.deepEqual(labels(await tree.getChildren(project)).slice(0, 2), ['/big', '/small']);
  });

  it('has no roots when signed out (the welcome view shows) and an error root when the platform is down', async () => {
    assert.deepEqual(await new RecordsTreeData(() => undefined).getChildren(), []);
    const down = new DxApiClient({ serverUrl: 'http://127.0.0.1:9', token: f.token, deadlineMs: 1500 });
    const roots = await new RecordsTreeData(() => down).getChildren();
    assert.equal(roots.length, 1);
    assert.ok(roots[0].kind === 'error' && /did not answer|could not reach/i.test(roots[0].message), JSON.stringify(roots[0]));
  });
});
