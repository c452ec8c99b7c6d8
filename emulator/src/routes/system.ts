// /system/* and /user-xxxx/describe.
import { ApiError, entityNotFound } from '../errors.js';
import { expectedKey, expectInputObject, optBool } from '../input.js';
import { read, type CallContext, type RouteDef } from './context.js';
import { findRoutes } from './find.js';

function whoami(ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  return optBool(obj, 'preferences') ? { id: ctx.user.id, preferences: {} } : { id: ctx.user.id };
}

/** Apps and global workflows do not exist in the emulator; `dx describe <name>` still asks. */
function emptySearch(_ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  return { results: [], next: null };
}

/**
 * The platform's test route for throttling, as dxpy's own HTTP tests use it: before `waitUntil`
 * (milliseconds, server clock) it answers 503 with Retry-After unless `setRetryAfter` is false;
 * afterwards, or without `waitUntil`, it returns the server's `currentTime`.
 */
function comeBackLater(_ctx: CallContext, input: unknown): unknown {
  const obj = expectInputObject(input);
  const waitUntil = obj.waitUntil;
  if (waitUntil !== undefined && typeof waitUntil !== 'number') throw expectedKey('waitUntil', 'a number');
  const setRetryAfter = optBool(obj, 'setRetryAfter') ?? true;
  const now = Date.now();
  if (waitUntil !== undefined && now < waitUntil) {
    const headers: Record<string, string> = setRetryAfter ? { 'Retry-After': String(Math.max(1, Math.ceil((waitUntil - now) / 1000))) } : {};
    throw new ApiError('ServiceUnavailable', 'Come back later', undefined, headers);
  }
  return { currentTime: now };
}

// Echoing credentials would put the token in a response body; they are left out.
const UNECHOED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** The request headers as the server received them, names in lower case (dxpy tests read user-agent). */
function headers(ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers ?? {})) {
    if (value !== undefined && !UNECHOED_HEADERS.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeUser(ctx: CallContext, input: unknown): unknown {
  expectInputObject(input);
  const user = ctx.state.users.get(ctx.entity);
  if (!user) throw entityNotFound(ctx.entity);
  return {
    id: user.id,
    class: 'user',
    handle: user.handle,
    first: user.first,
    middle: '',
    last: user.last,
    email: user.email,
    createdAt: user.created,
    billTo: user.id,
    defaultRegion: 'aws:us-east-1',
    permittedRegions: ['aws:us-east-1'],
  };
}

export const systemRoutes: Record<string, RouteDef> = {
  whoami: read(whoami),
  findDataObjects: read(findRoutes.findDataObjects),
  findProjects: read(findRoutes.findProjects),
  describeDataObjects: read(findRoutes.describeDataObjects),
  resolveDataObjects: read(findRoutes.resolveDataObjects),
  findApps: read(emptySearch),
  findGlobalWorkflows: read(emptySearch),
  comeBackLater: read(comeBackLater),
  headers: read(headers),
};

export const userRoutes: Record<string, RouteDef> = {
  describe: read(describeUser),
};
