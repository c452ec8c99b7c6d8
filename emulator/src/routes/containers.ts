// /project/new and the /project-xxxx/ and /container-xxxx/ methods (docs/platform-notes.md#folders, #permissions, #lifecycle).
import { CONTAINER_LEGACY_FLAGS, describeContainer, describeObject, OBJECT_LEGACY_FLAGS, parseDescribeOption, parseFieldSelection } from '../describe.js';
import { entityNotInContainer, invalidInput, invalidState } from '../errors.js';
import { cloneJson } from '../../../common/jsonText.js';
import { baseName, isWithin, joinFolder, parentFolder } from '../folders.js';
import { containerIdAt, expectInputObject, optBool, optEnum, optString, optStringArray, reqString, reqStringArray, requireKey, type JsonObject } from '../input.js';
import { checkFolder, checkName, checkProperties, checkTags } from '../metadata.js';
import { compare } from '../query.js';
import { folderNotFound, requireLevel, type Container, type Copy, type DataObject, type EmulatorState } from '../state.js';
import { read, write, type CallContext, type RouteDef } from './context.js';
import { applySettings, parseSettings, updateProject } from './projectSettings.js';
import { routeContainer } from './routeContainer.js';

function newProject(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const name = checkName(reqString(obj, 'name'));
  const summary = optString(obj, 'summary');
  const description = optString(obj, 'description');
  const tags = obj.tags === undefined ? [] : checkTags(obj.tags);
  const properties = obj.properties === undefined ? {} : (checkProperties(obj.properties, false) as Record<string, string>);
  const region = optString(obj, 'region');
  const settings = parseSettings(ctx.state, obj);
  const project = ctx.state.createContainer(ctx.user.id, name);
  Object.assign(project, { summary: summary ?? '', description: description ?? '', tags: [...new Set(tags)], properties });
  if (region !== undefined) project.region = region;
  applySettings(project, settings);
  return { id: project.id };
}

function describe(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const selection = parseFieldSelection(obj, CONTAINER_LEGACY_FLAGS);
  const { container, level } = routeContainer(ctx, 'VIEW');
  return describeContainer(ctx.state, container, level, selection);
}

function destroy(ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  const { container } = routeContainer(ctx, 'ADMINISTER');
  for (const [object] of [...ctx.state.copiesIn(container.id)]) ctx.state.removeCopy(object, container.id);
  ctx.state.containers.delete(container.id);
  return {};
}

function folderAt(obj: JsonObject, key: string, fallback?: string): string {
  if (obj[key] === undefined && fallback !== undefined) return fallback;
  return checkFolder(requireKey(obj, key), key);
}

function childFolders(container: Container, folder: string): string[] {
  return [...container.folders].filter((f) => f !== '/' && parentFolder(f) === folder).sort();
}

function listFolder(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const folder = folderAt(obj, 'folder', '/');
  const only = optEnum(obj, 'only', ['folders', 'objects', 'all'] as const) ?? 'all';
  const includeHidden = optBool(obj, 'includeHidden') ?? false;
  const flags = optBool(obj, 'hasSubfolderFlags') ?? false;
  const selection = parseDescribeOption(obj.describe, 'describe', OBJECT_LEGACY_FLAGS);
  const { container } = routeContainer(ctx, 'VIEW');
  ctx.state.requireFolder(container, folder);
  const children = childFolders(container, folder);
  const folders = only === 'objects' ? [] : flags ? children.map((f) => [f, childFolders(container, f).length > 0]) : children;
  const objects = only === 'folders' ? [] : [...ctx.state.copiesIn(container.id)]
    .filter(([object, copy]) => copy.folder === folder && (includeHidden || !object.hidden))
    .sort(([a], [b]) => a.created - b.created || compare(a.id, b.id))
    .map(([object, copy]) => (selection ? { id: object.id, describe: describeObject(object, container.id, copy, selection) } : { id: object.id }));
  return { objects, folders };
}

function newFolder(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const folder = folderAt(obj, 'folder');
  const parents = optBool(obj, 'parents') ?? false;
  const { container } = routeContainer(ctx, 'UPLOAD');
  if (container.folders.has(folder)) {
    if (parents) return { id: container.id };
    // The platform's error type here is undocumented; InvalidState is our pinned choice.
    throw invalidState(`The folder "${folder}" already exists in ${container.id}`);
  }
  const parent = parentFolder(folder);
  if (!parents && !container.folders.has(parent)) throw folderNotFound(parent, container.id);
  ctx.state.ensureFolder(container, folder, true);
  return { id: container.id };
}

function removeFolder(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const folder = folderAt(obj, 'folder');
  const recurse = optBool(obj, 'recurse') ?? false;
  // `dx rm -r` sends force (idempotent retries) and partial (loops until `completed`); removal here is
  // never split, so a partial call always completes.
  const force = optBool(obj, 'force') ?? false;
  const partial = optBool(obj, 'partial') ?? false;
  if (folder === '/') throw invalidInput('The root folder cannot be removed');
  const { container } = routeContainer(ctx, 'CONTRIBUTE');
  const done = partial ? { id: container.id, completed: true } : { id: container.id };
  if (force && !container.folders.has(folder)) return done;
  ctx.state.requireFolder(container, folder);
  const inside = [...ctx.state.copiesIn(container.id)].filter(([, copy]) => isWithin(copy.folder, folder));
  if (!recurse && (inside.length > 0 || childFolders(container, folder).length > 0)) {
    throw invalidState(`The folder "${folder}" is not empty; use "recurse": true to remove it with its contents`);
  }
  for (const [object] of inside) ctx.state.removeCopy(object, container.id);
  for (const f of [...container.folders]) if (isWithin(f, folder)) container.folders.delete(f);
  return done;
}

function removeObjects(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const ids = reqStringArray(obj, 'objects');
  const force = optBool(obj, 'force') ?? false;
  const { container } = routeContainer(ctx, 'CONTRIBUTE');
  if (container.protected) requireLevel(ctx.state.levelOf(ctx.user.id, container.id), 'ADMINISTER', container.id);
  const removed: DataObject[] = [];
  for (const id of ids) {
    const object = ctx.state.objects.get(id);
    if (object?.copies.has(container.id)) removed.push(object);
    else if (!force) throw entityNotInContainer(id, container.id);
  }
  for (const object of removed) ctx.state.removeCopy(object, container.id);
  removeOrphanedHidden(ctx.state, container.id, removed);
  return { id: container.id };
}

/** Hidden objects the removed ones linked to go too, unless a visible object still reaches them. */
function removeOrphanedHidden(state: EmulatorState, containerId: string, removed: DataObject[]): void {
  const inContainer = new Map([...state.copiesIn(containerId)].map(([o]) => [o.id, o]));
  const visible = [...inContainer.values()].filter((o) => !o.hidden).map((o) => o.id);
  const reachable = linkedFrom(visible, inContainer, () => true);
  const candidates = linkedFrom(removed.flatMap((o) => o.links), inContainer, (o) => o.hidden);
  for (const id of candidates) if (!reachable.has(id)) state.removeCopy(inContainer.get(id) as DataObject, containerId);
}

/**
 * The objects of `inContainer` that `include` accepts reached from `starts` through links, walked
 * with an explicit stack since chains of linked records can be longer than the call stack allows.
 */
function linkedFrom(starts: string[], inContainer: Map<string, DataObject>, include: (object: DataObject) => boolean): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    const object = inContainer.get(id);
    if (!object || seen.has(id) || !include(object)) continue;
    seen.add(id);
    for (const link of object.links) pending.push(link);
  }
  return seen;
}

/** Renames a folder subtree `from` to `to`, carrying its objects along. */
function relocateFolder(state: EmulatorState, container: Container, from: string, to: string): void {
  const rebase = (path: string): string => to + path.slice(from.length);
  for (const f of [...container.folders]) {
    if (isWithin(f, from)) {
      container.folders.delete(f);
      container.folders.add(rebase(f));
    }
  }
  const now = state.now();
  for (const [object, copy] of state.copiesIn(container.id)) {
    if (isWithin(copy.folder, from)) {
      copy.folder = rebase(copy.folder);
      state.stamp(object, container.id, now);
    }
  }
}

function requireMovableFolder(container: Container, folder: string, destination: string): string {
  if (folder === '/') throw invalidInput('The root folder cannot be moved');
  if (!container.folders.has(folder)) throw folderNotFound(folder, container.id);
  if (isWithin(destination, folder)) throw invalidInput(`The folder "${folder}" cannot be moved into itself`);
  const target = joinFolder(destination, baseName(folder));
  if (container.folders.has(target) && target !== folder) throw invalidState(`The folder "${target}" already exists in ${container.id}`);
  return target;
}

function move(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const ids = optStringArray(obj, 'objects') ?? [];
  const folders = (optStringArray(obj, 'folders') ?? []).map((f) => checkFolder(f, 'folders'));
  const destination = folderAt(obj, 'destination');
  const { container } = routeContainer(ctx, 'CONTRIBUTE');
  ctx.state.requireFolder(container, destination);
  const moved = ids.map((id) => {
    const object = ctx.state.objects.get(id);
    const copy = object?.copies.get(container.id);
    if (!object || !copy) throw entityNotInContainer(id, container.id);
    return { object, copy };
  });
  const targets = folders.map((f) => requireMovableFolder(container, f, destination));
  const now = ctx.state.now();
  for (const { object, copy } of moved) {
    copy.folder = destination;
    ctx.state.stamp(object, container.id, now);
  }
  folders.forEach((f, i) => relocateFolder(ctx.state, container, f, targets[i]));
  return { id: container.id };
}

/**
 * Renames a folder: `name` replaces its last segment (as dxjava sends it), `newpath` gives its
 * whole new path, possibly under another existing parent (as `dx mv /a /b/c` sends it).
 */
function renameFolder(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const folder = folderAt(obj, 'folder');
  if ((obj.name === undefined) === (obj.newpath === undefined)) throw invalidInput('Exactly one of "name" and "newpath" must be given');
  const newpath = obj.newpath === undefined ? undefined : folderAt(obj, 'newpath');
  const name = obj.name === undefined ? undefined : checkName(reqString(obj, 'name'));
  if (name !== undefined && (name.includes('/') || name === '.' || name === '..')) throw invalidInput(`The folder name "${name}" is invalid`);
  const { container } = routeContainer(ctx, 'CONTRIBUTE');
  if (folder === '/') throw invalidInput('The root folder cannot be renamed');
  if (!container.folders.has(folder)) throw folderNotFound(folder, container.id);
  const target = newpath ?? joinFolder(parentFolder(folder), name as string);
  if (target === '/') throw invalidInput('A folder cannot be renamed to the root folder');
  if (target !== folder && isWithin(target, folder)) throw invalidInput(`The folder "${folder}" cannot be moved into itself`);
  ctx.state.requireFolder(container, parentFolder(target));
  if (container.folders.has(target)) throw invalidState(`The folder "${target}" already exists in ${container.id}`);
  relocateFolder(ctx.state, container, folder, target);
  return { id: container.id };
}

function clone(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const ids = optStringArray(obj, 'objects') ?? [];
  const folders = (optStringArray(obj, 'folders') ?? []).map((f) => checkFolder(f, 'folders'));
  const destProjectId = containerIdAt(obj, 'project', true) as string;
  const destination = folderAt(obj, 'destination', '/');
  const parents = optBool(obj, 'parents') ?? false;
  const { state, user } = ctx;
  const { container: source } = routeContainer(ctx, 'VIEW');
  if (destProjectId === source.id) throw invalidInput('The destination project must differ from the source project');
  const dest = state.requireContainer(destProjectId);
  requireLevel(state.levelOf(user.id, dest.id), 'UPLOAD', dest.id);
  if (!parents) state.requireFolder(dest, destination);

  // [object, folder in destination] for every object to clone, checked before anything changes.
  const plan: [DataObject, string][] = ids.map((id) => {
    const object = state.objects.get(id);
    if (!object?.copies.has(source.id)) throw entityNotInContainer(id, source.id);
    return [object, destination];
  });
  const folderPlan = folders.map((f) => {
    if (f === '/') throw invalidInput('The root folder cannot be cloned');
    if (!source.folders.has(f)) throw folderNotFound(f, source.id);
    const to = joinFolder(destination, baseName(f));
    // The platform refuses rather than merging into a folder that is already there.
    if (dest.folders.has(to)) throw invalidState(`If cloned, a folder would conflict with the route of an existing folder: "${to}" in ${dest.id}`);
    return { from: f, to };
  });
  for (const { from, to } of folderPlan) {
    for (const [object, copy] of state.copiesIn(source.id)) {
      if (isWithin(copy.folder, from)) plan.push([object, to + copy.folder.slice(from.length)]);
    }
  }
  const open = plan.find(([object]) => object.state !== 'closed');
  if (open) throw invalidState(`The object "${open[0].id}" is not in the "closed" state`);

  // Nothing changes until every check above has passed.
  state.ensureFolder(dest, destination, true);
  for (const { from, to } of folderPlan) {
    for (const f of source.folders) if (isWithin(f, from)) state.ensureFolder(dest, to + f.slice(from.length), true);
  }
  const exists: string[] = [];
  const now = state.now();
  for (const [object, folder] of plan) {
    if (object.copies.has(dest.id)) {
      exists.push(object.id);
      continue;
    }
    const original = object.copies.get(source.id) as Copy;
    state.putCopy(object, dest.id, { ...cloneJson(original), folder, modified: now });
  }
  return { id: source.id, project: dest.id, exists };
}

export const projectNewRoutes: Record<string, RouteDef> = {
  project: write(newProject),
};

export const containerRoutes: Record<string, RouteDef> = {
  describe: read(describe),
  listFolder: read(listFolder),
  destroy: write(destroy),
  newFolder: write(newFolder),
  removeFolder: write(removeFolder),
  removeObjects: write(removeObjects),
  renameFolder: write(renameFolder),
  move: write(move),
  clone: write(clone),
  update: write(updateProject),
};
