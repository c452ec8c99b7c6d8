// The HTTP face of the emulator: POST-only JSON protocol, bearer auth, loopback Host names only,
// a secret for the admin routes, error bodies, X-Request-ID, request logging without secrets, and
// injected faults. No CORS: its only clients (the extension host, the CLI, dx, tests) are not
// browsers, and a browser page must not be able to call it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_SECRET_HEADER, adminSecretMatches } from './adminSecret.js';
import { ApiError, typeForStatus } from './errors.js';
import type { FaultQueue, FaultSpec } from './faults.js';
import { isLoopbackAddress, isLoopbackHost } from './loopback.js';
import { send, sendError } from './reply.js';
import type { RequestLog } from './requestLog.js';
import { resolveRoute } from './router.js';
import type { EmulatorState } from './state.js';
import { isTransferPath, LOGGED_TRANSFER_PATH, serveTransfer } from './transfers.js';

export interface HttpContext {
  state: EmulatorState;
  faults: FaultQueue;
  log?: (line: string) => void;
  requests: RequestLog;
  /** Admin requests must carry it in the X-Emulator-Admin header. */
  adminSecret: string;
  /** Called after every successful state-changing call. */
  onMutation: () => void;
  /** Handles /_emulator/* (admin) requests; returns the JSON reply. */
  admin: (path: string, input: unknown) => unknown;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError('InvalidInput', 'The request body is too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonBody(req: IncomingMessage, body: Buffer): unknown {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && contentType.split(';')[0].trim().toLowerCase() !== 'application/json') {
    throw new ApiError('MalformedJSON', 'The Content-Type header must be absent or "application/json"');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('MalformedJSON', 'The request body could not be parsed as JSON');
  }
}

function authenticate(state: EmulatorState, req: IncomingMessage) {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const user = match ? state.userForToken(match[1]) : undefined;
  if (!user) throw new ApiError('InvalidAuthentication', 'You need to be logged in to use this method');
  return user;
}

function injectedError(fault: FaultSpec): ApiError {
  const status = fault.status ?? 503;
  const type = fault.errorType ?? typeForStatus(status);
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  return new StatusError(type, `${type} (injected by the emulator)`, status, headers);
}

/** An error sent with an HTTP status other than its type's usual one (injected faults, refused hosts). */
class StatusError extends ApiError {
  constructor(type: string, message: string, private readonly forcedStatus: number, headers?: Record<string, string>) {
    super(type, message, undefined, headers);
  }

  override get status(): number {
    return this.forcedStatus;
  }
}

export function createRequestHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = serve(ctx);
  // An unexpected failure answers 500 (or drops the connection) instead of crashing the server.
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      ctx.log?.(`internal error: ${(error as Error).message}`);
      if (res.headersSent) res.destroy();
      else sendError(res, new ApiError('InternalError', 'Internal error in the emulator'));
    });
  };
}

type Finish = (status: number, note?: string) => void;

function serve(ctx: HttpContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('X-Request-ID', randomUUID());
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const admin = path.startsWith('/_emulator/');
    const transfer = isTransferPath(path);
    const shown = transfer ? LOGGED_TRANSFER_PATH : path;
    const finish: Finish = (status, note = '') => {
      if (admin) return;
      ctx.requests.add({ route: shown, status });
      // Only method, path, status and time: never headers or bodies, which carry secrets.
      ctx.log?.(`${req.method} ${shown} ${status} ${Math.round(performance.now() - started)}ms${note}`);
    };

    if (!isLoopbackHost(req.headers.host)) {
      const host = req.headers.host === undefined ? 'absent' : JSON.stringify(req.headers.host);
      const message = `The Host header (${host}) must name the loopback interface: 127.0.0.1, localhost or [::1], with any port`;
      finish(sendError(res, new StatusError('PermissionDenied', message, 403)));
      return;
    }
    if (transfer) {
      const body = await readBody(req).catch((error: unknown) => error as Error);
      if (body instanceof Error) finish(sendError(res, body instanceof ApiError ? body : new ApiError('MalformedJSON', 'The request body could not be read')));
      else finish(serveTransfer(ctx.state, req, res, path, body, ctx.onMutation));
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, new ApiError('MalformedJSON', 'Every API method must be called with POST').toBody(), { Allow: 'POST' });
      finish(405);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      finish(sendError(res, error instanceof ApiError ? error : new ApiError('MalformedJSON', 'The request body could not be read')));
      return;
    }
    if (admin) serveAdmin(ctx, req, res, path, body);
    else await serveApi(ctx, req, res, path, body, finish);
  };
}

function serveAdmin(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    sendError(res, new ApiError('PermissionDenied', 'The admin API is only available from 127.0.0.1'));
    return;
  }
  if (!adminSecretMatches(ctx.adminSecret, req.headers[ADMIN_SECRET_HEADER.toLowerCase()])) {
    const message = `The admin API needs the ${ADMIN_SECRET_HEADER} header with this run's admin secret (adminSecret of startEmulator())`;
    sendError(res, new ApiError('InvalidAuthentication', message));
    return;
  }
  try {
    send(res, 200, ctx.admin(path, parseJsonBody(req, body)));
  } catch (error) {
    sendError(res, error instanceof ApiError ? error : new ApiError('InvalidInput', (error as Error).message));
  }
}

/** Runs the API call; returns its status and reply as the platform would send them. */
function perform(ctx: HttpContext, req: IncomingMessage, path: string, body: Buffer): { status: number; reply: unknown; headers?: Record<string, string> } {
  try {
    const route = resolveRoute(path);
    const user = authenticate(ctx.state, req);
    const input = parseJsonBody(req, body);
    const origin = `http://127.0.0.1:${req.socket.localPort}`;
    const reply = route.handler({ state: ctx.state, user, entity: route.entity, route: path, headers: req.headers, origin }, input);
    if (route.mutates) ctx.onMutation();
    return { status: 200, reply };
  } catch (error) {
    if (!(error instanceof ApiError)) ctx.log?.(`internal error on ${path}: ${(error as Error).stack ?? String(error)}`);
    const apiError = error instanceof ApiError ? error : new ApiError('InternalError', 'Internal error in the emulator');
    return { status: apiError.status, reply: apiError.toBody(), headers: apiError.headers };
  }
}

async function serveApi(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, path: string, body: Buffer, finish: Finish): Promise<void> {
  const fault = ctx.faults.take(path);
  if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 0));
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    finish(0, ' (connection reset by injected fault)');
    return;
  }
  const injected = fault?.kind === 'status' ? injectedError(fault) : undefined;
  if (injected && !fault?.after) {
    finish(sendError(res, injected), ' (injected)');
    return;
  }
  const { status, reply, headers } = perform(ctx, req, path, body);
  if (fault?.kind === 'lose-response') {
    req.socket.destroy();
    finish(0, ` (performed with status ${status}, response lost by injected fault)`);
    return;
  }
  if (injected) {
    finish(sendError(res, injected), ' (injected after performing the call)');
    return;
  }
  send(res, status, reply, headers);
  finish(status, fault ? ' (delayed by injected fault)' : '');
}
