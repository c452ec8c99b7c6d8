// /record/new, /file/new and the data-object methods under /record-xxxx/ and /file-xxxx/.
import { describeObject, OBJECT_LEGACY_FLAGS, parseFieldSelection } from '../describe.js';
import { ApiError, entityNotFound, entityNotInContainer, invalidInput, invalidState } from '../errors.js';
import { isContainerId } from '../../../common/dxIds.js';
import { cloneJson } from '../../../common/jsonText.js';
import { hashIdClass } from '../ids.js';
import { containerIdAt, expectedKey, expectInputObject, isObject, optBool, optString, reqStringArray, requireKey, type JsonObject } from '../input.js';
import { checkDetails, checkFolder, checkName, checkNonce, checkProperties, checkTags, checkTypes, mergeProperties } from '../metadata.js';
import { rememberNonce, replayNonce } from '../nonces.js';
import { levelRank, requireLevel, type Copy, type DataObject, type EmulatorState, type Level } from '../state.js';
import { read, write, type CallContext, type RouteDef } from './context.js';
import { finishClosing, startClosing } from './files.js';

/** /record/new and /file/new: the same creation rules, plus initializeFrom/close for records and media for files. */
function newObject(cls: 'record' | 'file') {
  return (ctx: CallContext, input: unknown): unknown => {
    const { state, user } = ctx;
    const obj = expectInputObject(input);
    const projectId = projectForNew(obj);
    const name = obj.name === undefined ? undefined : checkName(obj.name);
    const tags = obj.tags === undefined ? undefined : checkTags(obj.tags);
    const types = obj.types === undefined ? undefined : checkTypes(obj.types);
    const hidden = optBool(obj, 'hidden');
    const close = cls === 'record' ? optBool(obj, 'close') ?? false : false;
    const media = cls === 'file' ? optString(obj, 'media') : undefined;
    const parents = optBool(obj, 'parents') ?? false;
    const properties = obj.properties === undefined ? undefined : (checkProperties(obj.properties, false) as Record<string, string>);
    const links = obj.details === undefined ? undefined : checkDetails(obj.details, state.detailsLimitBytes, 'details');
    const folder = obj.folder === undefined ? undefined : checkFolder(obj.folder);
    const init = cls === 'record' ? initializeFromInput(obj) : undefined;
    const nonce = obj.nonce === undefined ? undefined : checkNonce(obj.nonce);

    const nonceState = nonce === undefined ? undefined : replayNonce(state, user.id, ctx.route, nonce, obj);
    if (nonceState?.replay !== undefined) return nonceState.replay;

    const container = state.requireContainer(projectId);
    requireLevel(state.levelOf(user.id, projectId), 'UPLOAD', projectId);
    const source = init ? initialSource(state, user.id, init) : undefined;
    const targetFolder = folder ?? source?.copy.folder ?? '/';
    state.ensureFolder(container, targetFolder, parents);

    const now = state.now();
    const id = state.mint(cls);
    const details = obj.details !== undefined ? cloneJson(obj.details) : cloneJson(source?.object.details ?? {});
    const object: DataObject = {
      id,
      class: cls,
      created: now,
      createdBy: user.id,
      state: close ? 'closed' : 'open',
      hidden: hidden ?? source?.object.hidden ?? false,
      types: [...(types ?? source?.object.types ?? [])],
      details,
      links: links ?? [...(source?.object.links ?? [])],
      copies: new Map(),
      ...(cls === 'file' ? { file: { media: media ?? '', parts: {} } } : {}),
    };
    state.putCopy(object, projectId, {
      name: name ?? source?.copy.name ?? id,
      folder: targetFolder,
      tags: unique(tags ?? source?.copy.tags ?? []),
      properties: { ...(properties ?? source?.copy.properties ?? {}) },
      created: now,
      modified: now,
    });
    const response = { id };
    if (nonceState) rememberNonce(state, nonceState.claim, response);
    return response;
  };
}

/** `project` of /record/new: not ID-shaped is InvalidInput, another class is InvalidType. */
function projectForNew(obj: JsonObject): string {
  const projectId = containerIdAt(obj, 'project', true) as string;
  if (!isContainerId(projectId)) throw new ApiError('InvalidType', `The entity "${projectId}" is not a project or container`);
  return projectId;
}

function initializeFromInput(obj: JsonObject): { project: string; id: string } | undefined {
  const init = obj.initializeFrom;
  if (init === undefined) return undefined;
  if (!isObject(init)) throw expectedKey('initializeFrom', 'a JSON object');
  const project = containerIdAt(init, 'project', true, 'initializeFrom.project') as string;
  const id = requireKey(init, 'id', 'initializeFrom.id');
  if (hashIdClass(id) !== 'record') throw invalidInput('The id given under initializeFrom is not a valid record ID');
  return { project, id: id as string };
}

function initialSource(state: EmulatorState, userId: string, init: { project: string; id: string }) {
  state.requireContainer(init.project);
  requireLevel(state.levelOf(userId, init.project), 'VIEW', init.project);
  const object = state.requireObject(init.id);
  const copy = object.copies.get(init.project);
  if (!copy) throw entityNotInContainer(init.id, init.project);
  return { object, copy };
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** Finds the object of a /record-xxxx/ or /file-xxxx/ route; other classes of data object never exist here. */
function routeObject(ctx: CallContext): DataObject {
  const object = ctx.state.objects.get(ctx.entity);
  if (!object) throw entityNotFound(ctx.entity);
  return object;
}

function describeRecord(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const hint = containerIdAt(obj, 'project', false);
  const selection = parseFieldSelection(obj, OBJECT_LEGACY_FLAGS);
  const object = routeObject(ctx);
  const [projectId, copy] = ctx.state.visibleCopy(ctx.user.id, object, hint);
  const description = describeObject(object, projectId, copy, selection);
  finishClosing(ctx.state, object);
  return description;
}

function getDetails(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const hint = containerIdAt(obj, 'project', false);
  const object = routeObject(ctx);
  ctx.state.visibleCopy(ctx.user.id, object, hint);
  return cloneJson(object.details);
}

/** Level for changing copy metadata: UPLOAD while open, CONTRIBUTE once closed. */
function editLevel(object: DataObject): Level {
  return object.state === 'open' ? 'UPLOAD' : 'CONTRIBUTE';
}

/** The copy named by the required `project` of rename/setProperties/addTags/removeTags. */
function copyForEdit(ctx: CallContext, obj: JsonObject): { object: DataObject; copy: Copy; projectId: string } {
  const projectId = containerIdAt(obj, 'project', true) as string;
  const object = routeObject(ctx);
  ctx.state.requireContainer(projectId);
  const level = ctx.state.levelOf(ctx.user.id, projectId);
  requireLevel(level, 'VIEW', projectId);
  const copy = object.copies.get(projectId);
  if (!copy) throw entityNotInContainer(object.id, projectId);
  requireLevel(level, editLevel(object), projectId);
  return { object, copy, projectId };
}

function editCopy(change: (copy: Copy, obj: JsonObject) => void) {
  return (ctx: CallContext, input: unknown): unknown => {
    const obj = expectInputObject(input);
    const { object, copy, projectId } = copyForEdit(ctx, obj);
    change(copy, obj);
    ctx.state.stamp(object, projectId, ctx.state.now());
    return { id: object.id };
  };
}

/** For global metadata (details, types, visibility, state): UPLOAD on a project holding the object. */
function objectForGlobalEdit(ctx: CallContext, mustBeOpen: boolean): DataObject {
  const object = routeObject(ctx);
  const [firstProject] = [...object.copies.keys()].sort();
  requireLevel(ctx.state.bestLevelOn(ctx.user.id, object), 'UPLOAD', firstProject);
  if (mustBeOpen && object.state !== 'open') throw invalidState(`The object "${object.id}" is not in the "open" state`);
  return object;
}

function editGlobal(change: (object: DataObject, obj: JsonObject) => void) {
  return (ctx: CallContext, input: unknown): unknown => {
    const obj = expectInputObject(input);
    const object = objectForGlobalEdit(ctx, true);
    change(object, obj);
    ctx.state.touchObject(object);
    return { id: object.id };
  };
}

function setDetails(ctx: CallContext, input: unknown): unknown {
  // The body is the details themselves, not {"details": ...}.
  const links = checkDetails(input, ctx.state.detailsLimitBytes);
  const object = objectForGlobalEdit(ctx, true);
  object.details = cloneJson(input);
  object.links = links;
  ctx.state.touchObject(object);
  return { id: object.id };
}

function close(ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  const object = objectForGlobalEdit(ctx, false);
  if (object.state === 'open') {
    object.state = object.file ? startClosing(ctx.state, object) : 'closed';
    ctx.state.touchObject(object);
  }
  return { id: object.id };
}

function listProjects(ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  const object = routeObject(ctx);
  const visible: Record<string, Level> = {};
  for (const projectId of [...object.copies.keys()].sort()) {
    const level = ctx.state.levelOf(ctx.user.id, projectId);
    if (levelRank(level) >= levelRank('VIEW')) visible[projectId] = level;
  }
  if (Object.keys(visible).length === 0) ctx.state.visibleCopy(ctx.user.id, object, undefined);
  return visible;
}

export const dataObjectNewRoutes: Record<string, RouteDef> = {
  record: write(newObject('record')),
  file: write(newObject('file')),
};

export const dataObjectRoutes: Record<string, RouteDef> = {
  describe: read(describeRecord),
  getDetails: read(getDetails),
  listProjects: read(listProjects),
  setDetails: write(setDetails),
  close: write(close),
  rename: write(editCopy((copy, obj) => {
    copy.name = checkName(requireKey(obj, 'name'));
  })),
  setProperties: write(editCopy((copy, obj) => {
    mergeProperties(copy.properties, checkProperties(requireKey(obj, 'properties'), true));
  })),
  addTags: write(editCopy((copy, obj) => {
    copy.tags = unique([...copy.tags, ...checkTags(reqStringArray(obj, 'tags'))]);
  })),
  removeTags: write(editCopy((copy, obj) => {
    const drop = new Set(checkTags(reqStringArray(obj, 'tags')));
    copy.tags = copy.tags.filter((t) => !drop.has(t));
  })),
  addTypes: write(editGlobal((object, obj) => {
    object.types = unique([...object.types, ...checkTypes(reqStringArray(obj, 'types'))]);
  })),
  removeTypes: write(editGlobal((object, obj) => {
    const drop = new Set(checkTypes(reqStringArray(obj, 'types')));
    object.types = object.types.filter((t) => !drop.has(t));
  })),
  setVisibility: write(editGlobal((object, obj) => {
    requireKey(obj, 'hidden');
    object.hidden = optBool(obj, 'hidden') as boolean;
  })),
};
