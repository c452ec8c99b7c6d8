// A small LSP client for tests: spawns the bundled server (dist/server.js --stdio) and speaks real
// JSON-RPC to it. It answers workspace/configuration from `settings` and records every
// publishDiagnostics so tests can assert on what was (and was not) published.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
export { applyEdits, fileUri } from '../languageService/workspace';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** The `dxrecord` section returned for workspace/configuration. */
  settings?: unknown;
  workspaceFolder?: string;
}

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  settings: unknown;
  private readonly listeners = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    client.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
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
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dxrecord', version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
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
