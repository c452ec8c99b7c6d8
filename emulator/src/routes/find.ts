// /system/findDataObjects, findProjects, describeDataObjects and resolveDataObjects
// (docs/platform-notes.md#search): filters, describe, ordering and paging.
import { CONTAINER_LEGACY_FLAGS, describeContainer, describeObject, OBJECT_LEGACY_FLAGS, parseDescribeOption } from '../describe.js';
import { ApiError, invalidInput } from '../errors.js';
import { isWithin } from '../folders.js';
import { DATA_OBJECT_CLASSES } from '../../../common/dxIds.js';
import { containerIdAt, expectedKey, expectInputObject, isObject, optBool, optEnum, optObject, optString, optStringArray, reqString, requireKey, type JsonObject } from '../input.js';
import { checkFolder } from '../metadata.js';
import { hitsInOrder, type FindSort, type Hit } from '../findOrder.js';
import { compare, listMatcher, nameMatcher, page, pageLimit, propertiesMatcher, STARTING_MISMATCH, takePage, timeRange, type Predicate } from '../query.js';
import { LEVELS, levelRank, requireLevel, type Container, type Copy, type DataObject, type EmulatorState, type Level } from '../state.js';
import type { CallContext } from './context.js';

const ACCESS_LEVELS = LEVELS.filter((l) => l !== 'NONE');
const all = (): boolean => true;

function optional<T>(value: unknown, make: (v: unknown) => Predicate<T>): Predicate<T> {
  return value === undefined ? all : make(value);
}

/** Containers searched: the scope's project (which must be viewable) or every one at `level`. */
function searchedContainers(state: EmulatorState, userId: string, scope: JsonObject | undefined, level: Level): Container[] {
  if (scope) {
    const projectId = containerIdAt(scope, 'project', true, 'scope.project') as string;
    const container = state.requireContainer(projectId);
    requireLevel(state.levelOf(userId, projectId), 'VIEW', projectId);
    return levelRank(state.levelOf(userId, projectId)) >= levelRank(level) ? [container] : [];
  }
  return [...state.containers.values()]
    .filter((c) => levelRank(state.levelOf(userId, c.id)) >= levelRank(level))
    .sort((a, b) => compare(a.id, b.id));
}

function findSort(sortBy: JsonObject | undefined): FindSort | undefined {
  if (!sortBy) return undefined;
  const field = optEnum(sortBy, 'field', ['created', 'modified', 'name'] as const, 'sortBy.field') ?? 'modified';
  const ordering = optEnum(sortBy, 'ordering', ['ascending', 'descending'] as const, 'sortBy.ordering') ?? 'ascending';
  return { field, sign: ordering === 'ascending' ? 1 : -1 };
}

/** The hit a `starting` names: it must still be one, as it was when an earlier page returned it as `next`. */
function startingHit(state: EmulatorState, starting: unknown, containers: Container[], matches: (object: DataObject, copy: Copy) => boolean): Hit | undefined {
  if (starting === undefined || starting === null) return undefined;
  if (isObject(starting) && typeof starting.project === 'string' && typeof starting.id === 'string') {
    const project = starting.project;
    const object = state.objects.get(starting.id);
    const copy = object?.copies.get(project);
    if (object && copy && containers.some((c) => c.id === project) && matches(object, copy)) return { project, object, copy };
  }
  throw invalidInput(STARTING_MISMATCH);
}

function* matching(hits: Iterable<Hit>, matches: (object: DataObject, copy: Copy) => boolean): Generator<Hit> {
  for (const hit of hits) if (matches(hit.object, hit.copy)) yield hit;
}

function findDataObjects(ctx: CallContext, input: unknown): unknown {
  const { state, user } = ctx;
  const obj = expectInputObject(input);
  const cls = optEnum(obj, 'class', DATA_OBJECT_CLASSES);
  const wantState = optEnum(obj, 'state', ['open', 'closing', 'closed', 'any'] as const) ?? 'any';
  const visibility = optEnum(obj, 'visibility', ['visible', 'hidden', 'either'] as const) ?? 'visible';
  const name = optional(obj.name, nameMatcher);
  const ids = optStringArray(obj, 'id');
  const types = optional(obj.type, (s) => listMatcher(s, 'type'));
  const tags = optional(obj.tags, (s) => listMatcher(s, 'tags'));
  const properties = optional(obj.properties, (s) => propertiesMatcher(s));
  const link = optString(obj, 'link');
  const created = timeRange(obj, 'created');
  const modified = timeRange(obj, 'modified');
  const level = optEnum(obj, 'level', ACCESS_LEVELS) ?? 'VIEW';
  const scope = optObject(obj, 'scope');
  const folder = scope?.folder === undefined ? '/' : checkFolder(scope.folder, 'scope.folder');
  const recurse = scope ? optBool(scope, 'recurse', 'scope.recurse') ?? true : true;
  const sort = findSort(optObject(obj, 'sortBy'));
  const region = optString(obj, 'region');
  const selection = parseDescribeOption(obj.describe, 'describe', OBJECT_LEGACY_FLAGS);

  const containers = searchedContainers(state, user.id, scope, level).filter((c) => region === undefined || c.region === region);
  const matches = (object: DataObject, copy: Copy): boolean =>
    (visibility === 'either' || (visibility === 'hidden') === object.hidden) &&
    (recurse ? isWithin(copy.folder, folder) : copy.folder === folder) &&
    (cls === undefined || object.class === cls) &&
    (wantState === 'any' || object.state === wantState) &&
    (ids === undefined || ids.includes(object.id)) &&
    (link === undefined || object.links.includes(link)) &&
    name(copy.name) && types(object.types) && tags(copy.tags) && properties(copy.properties) &&
    created(object.created) && modified(copy.modified);
  const limit = pageLimit(obj);
  const start = startingHit(state, obj.starting, containers, matches);
  const { slice, following } = takePage(matching(hitsInOrder(state, containers, sort, start), matches), limit);
  const next = following === undefined ? null : { project: following.project, id: following.object.id };
  return {
    results: slice.map((h) => {
      const result: JsonObject = { project: h.project, id: h.object.id };
      if (selection) result.describe = describeObject(h.object, h.project, h.copy, selection);
      return result;
    }),
    next,
  };
}

function findProjects(ctx: CallContext, input: unknown): unknown {
  const { state, user } = ctx;
  const obj = expectInputObject(input);
  const name = optional(obj.name, nameMatcher);
  const tags = optional(obj.tags, (s) => listMatcher(s, 'tags'));
  const properties = optional(obj.properties, (s) => propertiesMatcher(s));
  const level = optEnum(obj, 'level', ACCESS_LEVELS) ?? 'VIEW';
  const created = timeRange(obj, 'created');
  const region = optString(obj, 'region');
  const billTo = optString(obj, 'billTo');
  optBool(obj, 'explicitPermission');
  const isPublic = optBool(obj, 'public');
  const selection = parseDescribeOption(obj.describe, 'describe', CONTAINER_LEGACY_FLAGS);
  // Every grant in the emulator is explicit and no project is public.
  const matches = isPublic
    ? []
    : [...state.containers.values()]
        .filter((c) => c.class === 'project' && levelRank(state.levelOf(user.id, c.id)) >= levelRank(level))
        .filter((c) => name(c.name) && tags(c.tags) && properties(c.properties) && created(c.created))
        .filter((c) => (region === undefined || c.region === region) && (billTo === undefined || c.createdBy === billTo))
        .sort((a, b) => compare(a.id, b.id));
  const { slice, next } = page(matches, obj, (c) => ({ id: c.id }), (k, s) => isObject(s) && s.id === k.id);
  return {
    results: slice.map((c) => {
      const level = state.levelOf(user.id, c.id);
      const result: JsonObject = { id: c.id, level };
      if (selection) result.describe = describeContainer(state, c, level, selection);
      return result;
    }),
    next,
  };
}

const MAX_BATCH = 1000;

function batch(obj: JsonObject): unknown[] {
  const items = requireKey(obj, 'objects');
  if (!Array.isArray(items)) throw expectedKey('objects', 'an array');
  if (items.length > MAX_BATCH) throw invalidInput(`At most ${MAX_BATCH} objects may be given in one call`);
  return items;
}

function describeDataObjects(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const items = batch(obj);
  const classOptions = optObject(obj, 'classDescribeOptions') ?? {};
  const results = items.map((item, i) => {
    const path = `objects.${i}`;
    const spec = typeof item === 'string' ? { id: item } : item;
    if (!isObject(spec)) throw expectedKey(path, 'a string or a JSON object');
    const id = reqString(spec, 'id', `${path}.id`);
    const cls = id.split('-')[0];
    const options = spec.describe ?? classOptions[cls] ?? classOptions['*'] ?? {};
    const selection = parseDescribeOption(options === true ? {} : options, `${path}.describe`, OBJECT_LEGACY_FLAGS);
    const hint = containerIdAt(spec, 'project', false, `${path}.project`) ?? (isObject(options) ? containerIdAt(options, 'project', false, `${path}.describe.project`) : undefined);
    const object = ctx.state.objects.get(id);
    if (!object || !selection) return {};
    try {
      const [projectId, copy] = ctx.state.visibleCopy(ctx.user.id, object, hint);
      return { describe: describeObject(object, projectId, copy, selection) };
    } catch (error) {
      // Missing or inaccessible objects yield an entry without "describe", keeping positions aligned.
      if (error instanceof ApiError) return {};
      throw error;
    }
  });
  return { results };
}

function resolveDataObjects(ctx: CallContext, input: unknown): unknown {
  const { state, user } = ctx;
  const obj = expectInputObject(input);
  const items = batch(obj);
  const defaultProject = containerIdAt(obj, 'project', false);
  const defaultFolder = obj.folder === undefined ? '/' : checkFolder(obj.folder);
  const results = items.map((item, i) => {
    const path = `objects.${i}`;
    if (!isObject(item)) throw expectedKey(path, 'a JSON object');
    const name = reqString(item, 'name', `${path}.name`);
    const projectId = containerIdAt(item, 'project', false, `${path}.project`) ?? defaultProject;
    if (projectId === undefined) throw invalidInput(`Expected input to have property "project" or "${path}.project"`);
    const folder = item.folder === undefined ? defaultFolder : checkFolder(item.folder, `${path}.folder`);
    state.requireContainer(projectId);
    requireLevel(state.levelOf(user.id, projectId), 'VIEW', projectId);
    return [...state.copiesIn(projectId)]
      .filter(([, copy]) => copy.folder === folder && copy.name === name)
      .sort(([a], [b]) => compare(a.id, b.id))
      .map(([object]) => ({ project: projectId, id: object.id }));
  });
  return { results };
}

export const findRoutes = { findDataObjects, findProjects, describeDataObjects, resolveDataObjects };
