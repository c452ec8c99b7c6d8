// The container named in a /project-xxxx/ or /container-xxxx/ route, checked against the caller's level.
import { entityNotFound } from '../errors.js';
import { requireLevel, type Container, type Level } from '../state.js';
import type { CallContext } from './context.js';

/**
 * The container of the route with the caller's level; a container the caller cannot see at all
 * is reported as not found (as /project-xxxx/describe does), a too-low level as PermissionDenied.
 */
export function routeContainer(ctx: CallContext, need: Level): { container: Container; level: Level } {
  const container = ctx.state.containers.get(ctx.entity);
  const level = ctx.state.levelOf(ctx.user.id, ctx.entity);
  if (!container || level === 'NONE') throw entityNotFound(ctx.entity);
  requireLevel(level, need, container.id);
  return { container, level };
}
