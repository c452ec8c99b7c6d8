// /system/* and /user-xxxx/describe.
import { entityNotFound } from '../errors.js';
import { expectInputObject, optBool } from '../input.js';
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
};

export const userRoutes: Record<string, RouteDef> = {
  describe: read(describeUser),
};
