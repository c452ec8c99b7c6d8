// findDataObjects walks per-container indexes instead of sorting every copy: after a random mix of
// creates, edits, moves, clones and removals in three projects (with ties in modified and created),
// every order and filter, paged with `starting`, returns exactly what sorting all copies gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandomInt } from '../../emulator/src/ids.js';
import { restore, snapshot } from '../../emulator/src/persistence.js';
import { containerRoutes } from '../../emulator/src/routes/containers.js';
import type { RouteDef } from '../../emulator/src/routes/context.js';
import { dataObjectNewRoutes, dataObjectRoutes } from '../../emulator/src/routes/records.js';
import { systemRoutes } from '../../emulator/src/routes/system.js';
import { EmulatorState, type Copy, type DataObject } from '../../emulator/src/state.js';

interface Ref {
  project: string;
  id: string;
}

/** Calls a route handler in process as user-owner: thousands of operations stay quick. */
function caller(state: EmulatorState) {
  const user = state.users.get('user-owner') ?? state.createUser('owner');
  return (route: RouteDef, entity: string, method: string, input: unknown): any => route.handler({ state, user, entity, route: `/${entity}/${method}` }, input);
}

const FOLDERS = ['/', '/a', '/a/b', '/c'];
const TAGS = ['red', 'green', 'blue'];

function populate(state: EmulatorState, seed: number): string[] {
  const random = seededRandomInt(seed);
  state.random = seededRandomInt(seed + 1);
  const call = caller(state);
  const projects = ['P1', 'P2', 'P3'].map((name) => state.createContainer('user-owner', name).id);
  const pick = <T>(items: T[]): T => items[random(items.length)];
  const inProject = (project: string): string[] => [...state.copiesIn(project)].map(([o]) => o.id);
  for (let i = 0; i < 1500; i++) {
    const project = pick(projects);
    const existing = inProject(project);
    const op = existing.length < 20 ? 0 : random(9);
    const id = existing.length > 0 ? pick(existing) : '';
    if (op <= 2) {
      call(dataObjectNewRoutes.record, 'record', 'new', { project, name: `r${random(50)}`, folder: pick(FOLDERS), parents: true, tags: [pick(TAGS)], close: random(2) === 0 });
    } else if (op === 3) {
      call(dataObjectRoutes.rename, id, 'rename', { project, name: `r${random(50)}` });
    } else if (op === 4) {
      call(dataObjectRoutes.addTags, id, 'addTags', { project, tags: [pick(TAGS)] });
    } else if (op === 5 && state.objects.get(id)?.state === 'open') {
      call(dataObjectRoutes.setDetails, id, 'setDetails', { n: i }); // every copy gets the same new modified
    } else if (op === 6) {
      const closed = existing.filter((o) => state.objects.get(o)?.state === 'closed').slice(0, 1 + random(5));
      const dest = pick(projects.filter((p) => p !== project));
      call(containerRoutes.clone, project, 'clone', { objects: closed, project: dest, destination: pick(FOLDERS), parents: true });
    } else if (op === 7) {
      state.ensureFolder(state.requireContainer(project), '/c', true);
      call(containerRoutes.move, project, 'move', { objects: existing.slice(0, 1 + random(4)), destination: '/c' });
    } else if (op === 8) {
      call(containerRoutes.removeObjects, project, 'removeObjects', { objects: [id] });
    }
  }
  return projects;
}

type Sort = { field: 'created' | 'modified' | 'name'; ordering: 'ascending' | 'descending' } | undefined;

/** What the find order is defined as: every matching copy, sorted. */
function expected(state: EmulatorState, projects: string[], sort: Sort, keep: (object: DataObject, copy: Copy) => boolean): Ref[] {
  const hits: { project: string; object: DataObject; copy: Copy }[] = [];
  for (const project of [...projects].sort()) {
    for (const object of state.objects.values()) {
      const copy = object.copies.get(project);
      if (copy && !object.hidden && keep(object, copy)) hits.push({ project, object, copy });
    }
  }
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  hits.sort((a, b) => {
    if (!sort) return cmp(a.project, b.project) || b.copy.modified - a.copy.modified || cmp(a.object.id, b.object.id);
    const value = (h: typeof a) => (sort.field === 'created' ? h.object.created : sort.field === 'modified' ? h.copy.modified : h.copy.name);
    return (sort.ordering === 'ascending' ? 1 : -1) * cmp(value(a), value(b)) || cmp(a.project, b.project) || cmp(a.object.id, b.object.id);
  });
  return hits.map((h) => ({ project: h.project, id: h.object.id }));
}

/** Every page of a query, following `next`. */
function allPages(state: EmulatorState, query: Record<string, unknown>, limit: number): Ref[] {
  const call = caller(state);
  const found: Ref[] = [];
  const copies = [...state.objects.values()].reduce((n, o) => n + o.copies.size, 0);
  let starting: unknown;
  do {
    assert.ok(found.length <= copies, 'paging does not end');
    const page = call(systemRoutes.findDataObjects, 'system', 'findDataObjects', { ...query, limit, ...(starting ? { starting } : {}) });
    found.push(...page.results);
    starting = page.next;
  } while (starting);
  return found;
}

const SORTS: Sort[] = [
  undefined,
  ...(['created', 'modified', 'name'] as const).flatMap((field) => (['ascending', 'descending'] as const).map((ordering) => ({ field, ordering }))),
];

function checkAllOrders(state: EmulatorState, projects: string[]): number {
  let checked = 0;
  const filters: { query: Record<string, unknown>; keep: (o: DataObject, c: Copy) => boolean; in: string[] }[] = [
    { query: {}, keep: () => true, in: projects },
    { query: { tags: 'red' }, keep: (_o, c) => c.tags.includes('red'), in: projects },
    { query: { scope: { project: projects[1], folder: '/a' } }, keep: (_o, c) => c.folder === '/a' || c.folder.startsWith('/a/'), in: [projects[1]] },
    { query: { scope: { project: projects[0], folder: '/c', recurse: false }, state: 'closed' }, keep: (o, c) => c.folder === '/c' && o.state === 'closed', in: [projects[0]] },
  ];
  for (const sort of SORTS) {
    for (const filter of filters) {
      const want = expected(state, filter.in, sort, filter.keep);
      for (const limit of [1, 7, 1000]) {
        const got = allPages(state, { ...filter.query, ...(sort ? { sortBy: sort } : {}) }, limit);
        assert.deepEqual(got, want, `sortBy ${JSON.stringify(sort)}, ${JSON.stringify(filter.query)}, limit ${limit}`);
        checked++;
      }
    }
  }
  return checked;
}

describe('findDataObjects order from the indexes', () => {
  it('matches sorting every copy, for every order, filter and page size, with ties', () => {
    const state = new EmulatorState();
    const projects = populate(state, 7);
    const modified = [...state.objects.values()].flatMap((o) => [...o.copies.values()].map((c) => c.modified));
    assert.ok(new Set(modified).size < modified.length, 'the mix produced equal modified times');
    assert.ok(checkAllOrders(state, projects) > 0);
  });

  it('still matches after a restart (indexes rebuilt from the state file, in any order)', () => {
    const state = new EmulatorState();
    const projects = populate(state, 11);
    const restored = new EmulatorState();
    const snap = snapshot(state);
    snap.objects.reverse();
    restore(restored, JSON.parse(JSON.stringify(snap)));
    checkAllOrders(restored, projects);
    for (const sort of SORTS) {
      const query = sort ? { sortBy: sort } : {};
      assert.deepEqual(allPages(restored, query, 13), allPages(state, query, 13));
    }
  });

  it('refuses a `starting` that no longer names a hit, as before', () => {
    const state = new EmulatorState();
    const projects = populate(state, 3);
    const call = caller(state);
    const first = call(systemRoutes.findDataObjects, 'system', 'findDataObjects', { limit: 2 });
    const starting = first.next as Ref;
    call(containerRoutes.removeObjects, starting.project, 'removeObjects', { objects: [starting.id] });
    assert.throws(() => call(systemRoutes.findDataObjects, 'system', 'findDataObjects', { limit: 2, starting }), /Expected key "starting" of input to be a value of "next"/);
    assert.throws(() => call(systemRoutes.findDataObjects, 'system', 'findDataObjects', { starting: { project: projects[0], id: 'record-x' } }), /"starting"/);
  });
});
