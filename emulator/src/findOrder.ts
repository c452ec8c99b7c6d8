// The order findDataObjects returns hits in, walked lazily from an optional starting hit, so a page
// reads only what it returns and the non-matching copies it skips. Without sortBy: by project, then
// newest modified first; by created or modified: merged across projects from each container's
// index; by name (which no index keeps) every copy is sorted.
import type { OrderedCopy as AnyOrderedCopy, WalkStart } from './copyOrder.js';
import { compare } from './query.js';
import type { Container, Copy, DataObject, EmulatorState } from './state.js';

type OrderedCopy = AnyOrderedCopy<DataObject, Copy>;

export interface Hit {
  project: string;
  object: DataObject;
  copy: Copy;
}

/** sortBy: a field and a direction (1 ascending); ties go by project, then ID, both ascending. */
export interface FindSort {
  field: 'created' | 'modified' | 'name';
  sign: 1 | -1;
}

/** Every copy in `containers` (ascending by ID) in find order, from `start` on. */
export function hitsInOrder(state: EmulatorState, containers: Container[], sort: FindSort | undefined, start?: Hit): Iterable<Hit> {
  if (sort === undefined) return byProjectNewestFirst(state, containers, start);
  if (sort.field === 'name') return byName(state, containers, sort.sign, start);
  return merged(state, containers, sort.field, sort.sign, start);
}

function* byProjectNewestFirst(state: EmulatorState, containers: Container[], start: Hit | undefined): Generator<Hit> {
  for (const container of containers) {
    if (start && container.id < start.project) continue;
    const from = start && container.id === start.project ? { key: start.copy.modified, id: start.object.id } : undefined;
    for (const entry of state.ordersIn(container.id).modified.walk(-1, from)) yield hitOf(container.id, entry);
  }
}

interface Head {
  project: string;
  walk: Iterator<OrderedCopy>;
  entry: OrderedCopy;
}

function advance(walk: Iterator<OrderedCopy>): OrderedCopy | undefined {
  const next = walk.next();
  return next.done ? undefined : next.value;
}

function* merged(state: EmulatorState, containers: Container[], field: 'created' | 'modified', sign: 1 | -1, start: Hit | undefined): Generator<Hit> {
  const startKey = start && (field === 'created' ? start.object.created : start.copy.modified);
  const heads: Head[] = [];
  for (const container of containers) {
    const from = start && walkStart(container.id, startKey as number, start);
    const walk = state.ordersIn(container.id)[field].walk(sign, from);
    const entry = advance(walk);
    if (entry) heads.push({ project: container.id, walk, entry });
  }
  const precedes = (a: Head, b: Head): boolean =>
    sign * (a.entry.key - b.entry.key) < 0 || (a.entry.key === b.entry.key && a.project < b.project);
  while (heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++) if (precedes(heads[i], heads[best])) best = i;
    const head = heads[best];
    yield hitOf(head.project, head.entry);
    const entry = advance(head.walk);
    if (entry) head.entry = entry;
    else heads.splice(best, 1);
  }
}

/**
 * Where a container's walk resumes for a start in `start.project`: at the same key, containers
 * before the start's project have already given all their copies, those after give them all.
 */
function walkStart(containerId: string, key: number, start: Hit): WalkStart {
  if (containerId === start.project) return { key, id: start.object.id };
  return { key, id: containerId < start.project ? '\uffff' : '' };
}

function byName(state: EmulatorState, containers: Container[], sign: 1 | -1, start: Hit | undefined): Hit[] {
  const hits: Hit[] = [];
  for (const container of containers) for (const [object, copy] of state.copiesIn(container.id)) hits.push({ project: container.id, object, copy });
  hits.sort((a, b) => sign * compare(a.copy.name, b.copy.name) || compare(a.project, b.project) || compare(a.object.id, b.object.id));
  return start ? hits.slice(hits.findIndex((h) => h.project === start.project && h.object.id === start.object.id)) : hits;
}

const hitOf = (project: string, entry: OrderedCopy): Hit => ({ project, object: entry.object, copy: entry.copy });
