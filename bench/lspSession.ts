// The bench's LSP client: spawns dist/server.js over stdio and speaks real JSON-RPC, as the
// editor does, with incremental edits. Every publishDiagnostics is kept with its arrival time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface Publication {
  params: PublishDiagnosticsParams;
  at: number;
}

export class LspSession {
  readonly published: Publication[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {}

  static async start(serverPath: string, settings: unknown): Promise<LspSession> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      session.published.push({ params, at: performance.now() });
      for (const listener of session.listeners) listener();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    return session;
  }

  open(uri: string, text: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'dxrecord', 1, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dxrecord', version: 1, text } });
  }

  /** Types `text` at `offset`, as one incremental change; returns the new version and when it was sent. */
  type(uri: string, offset: number, text: string): { version: number; sentAt: number } {
    const document = this.document(uri);
    const position = document.positionAt(offset);
    const change = { range: { start: position, end: position }, text };
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.update(document, [change], version));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return { version, sentAt: performance.now() };
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** Round-trip milliseconds of one request at `position`. */
  async timeRequest(method: string, uri: string, position: Position): Promise<number> {
    const start = performance.now();
    const answer = await this.connection.sendRequest(method, { textDocument: { uri }, position });
    if (answer === null) throw new Error(`${method} at ${JSON.stringify(position)} in ${uri} answered nothing`);
    return performance.now() - start;
  }

  /** The first publication for `uri` of `version` from index `from` on. */
  publication(uri: string, version: number, from = 0, timeoutMs = 600_000): Promise<Publication> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.published.slice(from).find((p) => p.params.uri === uri && p.params.version === version);
        if (!found) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await exited;
    this.connection.dispose();
  }
}
