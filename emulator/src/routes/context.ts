import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorState, User } from '../state.js';

/** What a route handler sees: the state, the authenticated caller, and the entity in the path. */
export interface CallContext {
  state: EmulatorState;
  user: User;
  /** The `<entity-id>` of `/<entity-id>/<method>` routes, or the class of `/<class>/new`. */
  entity: string;
  /** The route as called (e.g. "/record/new"), for nonce bookkeeping. */
  route: string;
  /** The request's headers (for /system/headers); absent when a route is called in-process. */
  headers?: IncomingHttpHeaders;
  /** The emulator's own base URL, for the transfer URLs file routes hand out; absent in-process. */
  origin?: string;
}

export type Handler = (ctx: CallContext, input: unknown) => unknown;

export interface RouteDef {
  handler: Handler;
  /** Whether a successful call changes state (and so must be persisted). */
  mutates: boolean;
}

/** Every call first lets due file closings finish, so each route sees current states. */
const settled = (handler: Handler): Handler => (ctx, input) => {
  ctx.state.settleClosing();
  return handler(ctx, input);
};

export const read = (handler: Handler): RouteDef => ({ handler: settled(handler), mutates: false });
export const write = (handler: Handler): RouteDef => ({ handler: settled(handler), mutates: true });
