// A small LSP client for the tests, the bench and the fuzzer: spawns the bundled server
// (dist/server.js --stdio) and speaks real JSON-RPC to it, as the editor does. It answers
// workspace/configuration from `settings` and records every publishDiagnostics with its arrival
// time, so callers can assert on (or time) what was published.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
export { applyEdits, fileUri } from './documents';

export const SERVER_PATH = resolve(__dirname, '../dist/server.js');
/** Node flags for the spawned server, space-separated, e.g. `--cpu-prof` to profile it under the bench (NODE_OPTIONS refuses that flag). */
const SERVER_NODE_FLAGS = process.env.DXRECORD_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];

export interface ClientOptions {
  /** The `dxrecord` section returned for workspace/configuration. */
  settings?: unknown;
  workspaceFolder?: string;
}

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** `performance.now()` when each entry of `published` arrived. */
  readonly arrivals: number[] = [];
  settings: unknown;
  private readonly listeners = new Set<() => void>();
  private readonly documents = new Map<string, TextDocument>();

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    client.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.arrivals.push(performance.now());
      for (const listener of client.listeners) listener();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'dxrecord' ? client.settings : null)),
    );
    connection.listen();
    const folder = options.workspaceFolder;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, foldingRange: { rangeLimit: 5000 } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1): void {
    this.documents.set(uri, TextDocument.create(uri, 'dxrecord', version, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dxrecord', version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    return this.#send(uri, { text });
  }

  /** Types `text` at `offset` as one incremental change; returns the new version and when it was sent. */
  type(uri: string, offset: number, text: string): { version: number; sentAt: number } {
    const at = this.document(uri).positionAt(offset);
    return { version: this.#send(uri, { range: { start: at, end: at }, text }), sentAt: performance.now() };
  }

  #send(uri: string, change: { range?: { start: Position; end: Position }; text: string }): number {
    const current = this.documents.get(uri) ?? TextDocument.create(uri, 'dxrecord', 0, '');
    const version = current.version + 1;
    this.documents.set(uri, TextDocument.update(current, [change], version));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  /** The client's copy of an open document. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, like the language client's configuration sync. */
  configure(settings: unknown): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { dxrecord: settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** The first publication for `uri` (counting from `after`) that satisfies `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    { after = 0, timeoutMs = 10_000 } = {},
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = this.published.slice(after).find((params) => params.uri === uri && accept(params));
        if (!found) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolvePromise(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  /** Round-trip milliseconds of one request at `position`; a null answer is an error. */
  async timeRequest(method: string, uri: string, position: Position): Promise<number> {
    const start = performance.now();
    const answer = await this.connection.sendRequest(method, { textDocument: { uri }, position });
    if (answer === null) throw new Error(`${method} at ${JSON.stringify(position)} in ${uri} answered nothing`);
    return performance.now() - start;
  }

  /** The publication of exactly `version` of `uri` (from index `after` on), with its arrival time. */
  async publication(uri: string, version: number, after = 0, timeoutMs = 600_000): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    const params = await this.waitForDiagnostics(uri, (p) => p.version === version, { after, timeoutMs });
    return { params, at: this.arrivals[this.published.indexOf(params)] };
  }

  /** Shuts the server down politely; kills it if it does not exit within 5 s. */
  async stop(): Promise<void> {
    const exited = new Promise((done) => (this.process.exitCode === null ? this.process.once('exit', done) : done(undefined)));
    const killer = setTimeout(() => this.process.kill(), 5_000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), exited]);
      await exited;
    } finally {
      clearTimeout(killer);
      this.connection.dispose();
    }
  }
}

/** Opens `text`, waits for its first diagnostics and returns them. */
export async function openAndWait(client: LspTestClient, uri: string, text: string, timeoutMs?: number): Promise<Diagnostic[]> {
  const after = client.published.length;
  client.open(uri, text);
  return (await client.waitForDiagnostics(uri, (params) => params.version === 1, { after, timeoutMs })).diagnostics;
}

/** Replaces the text of an open document and waits for the diagnostics of exactly that version. */
export async function changeAndWait(client: LspTestClient, uri: string, text: string): Promise<Diagnostic[]> {
  const after = client.published.length;
  const version = client.change(uri, text);
  return (await client.waitForDiagnostics(uri, (params) => params.version === version, { after })).diagnostics;
}
