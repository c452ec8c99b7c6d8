// Shared helpers for emulator conformance tests: real HTTP to an emulator on an ephemeral port.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/index.js';

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
