// Shared helpers for emulator conformance tests: real HTTP to an emulator on an ephemeral port.
import { request } from 'node:http';
import { ADMIN_SECRET_HEADER, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/index.js';

export interface Reply {
  status: number;
  /** Parsed JSON; `any` because each test reads the shape of the route it called. */
  body: any;
  headers: Headers;
}

/** POST a JSON body (or raw text) to the emulator, as any DNAnexus client would. */
export async function call(emu: RunningEmulator, token: string | undefined, route: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(emu.url + route, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** POST to the admin API with the run's secret, as the e2e harness or a tool would. */
export function adminCall(emu: RunningEmulator, route: string, body: unknown = {}): Promise<Reply> {
  return call(emu, undefined, route, body, { [ADMIN_SECRET_HEADER]: emu.adminSecret });
}

export interface RawReply {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request with full control of the headers, including Host (which fetch does not let a caller
 * set): `host: null` sends none.
 */
export function rawRequest(emu: RunningEmulator, method: string, route: string, headers: Record<string, string>, host?: string | null, body = ''): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emu.port, method, path: route, setHost: false, headers: { ...headers, ...(host === null ? {} : { Host: host ?? `127.0.0.1:${emu.port}` }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface World {
  emu: RunningEmulator;
  alice: { userId: string; token: string };
  bob: { userId: string; token: string };
  project: string;
  /** Calls as alice (owner of `project`). */
  api: (route: string, body?: unknown) => Promise<Reply>;
  /** Calls as bob (no access until granted). */
  asBob: (route: string, body?: unknown) => Promise<Reply>;
  lines: string[];
}

export async function world(options: EmulatorOptions = {}): Promise<World> {
  const lines: string[] = [];
  const emu = await startEmulator({ port: 0, log: (line) => lines.push(line), ...options });
  const alice = emu.admin.createUser('alice');
  const bob = emu.admin.createUser('bob');
  const project = emu.admin.createProject(alice.userId, 'Alice project');
  return {
    emu,
    alice,
    bob,
    project,
    api: (route, body) => call(emu, alice.token, route, body),
    asBob: (route, body) => call(emu, bob.token, route, body),
    lines,
  };
}

export async function newRecord(w: World, input: Record<string, unknown> = {}): Promise<string> {
  const reply = await w.api('/record/new', { project: w.project, ...input });
  if (reply.status !== 200) throw new Error(`record/new failed: ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

export function expectError(reply: Reply, status: number, type: string): void {
  if (reply.status !== status || reply.body?.error?.type !== type) {
    throw new Error(`expected ${status} ${type}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  if (typeof reply.body.error.message !== 'string' || reply.body.error.message.length === 0) {
    throw new Error('error without a message');
  }
}
