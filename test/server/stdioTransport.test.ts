// The bundled server under --stdio, written to byte by byte where it matters: its messages are
// read and parsed on the stdin reader thread, so this proves the whole path (framing, UTF-8 split
// across chunks, a 5 MB body, order, a malformed header skipped) and that the server still ends
// as the library's own stdio connection does: when stdin ends, with 0 only after a shutdown.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import { StreamMessageReader, type Message, type NotificationMessage, type ResponseMessage } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_PATH } from '../../testkit/lspClient';
import { largeRecord, PROJECT } from './records';

const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

class RawServer {
  readonly received: Message[] = [];
  private readonly waiters = new Set<() => void>();
  readonly process: ChildProcess;
  readonly exit: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.exit = new Promise((resolve) => this.process.once('exit', resolve));
    new StreamMessageReader(this.process.stdout!).listen((message) => {
      this.received.push(message);
      for (const waiter of this.waiters) waiter();
    });
  }

  /** Writes `bytes` in pieces of `size`, each its own write. */
  write(bytes: Buffer, size = bytes.length): void {
    for (let at = 0; at < bytes.length; at += size) this.process.stdin!.write(bytes.subarray(at, at + size));
  }

  until<T extends Message>(accept: (message: Message) => boolean, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.find(accept);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found as T);
      };
      const timer = setTimeout(() => reject(new Error('no such message in time')), timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  response(id: number): Promise<ResponseMessage> {
    return this.until((message) => (message as ResponseMessage).id === id && !('method' in message));
  }
}

const initialize = (id: number) => frame({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

test('messages split anywhere, a malformed header and a 5 MB didOpen with a request behind it are read in order and whole', async () => {
  const server = new RawServer();
  try {
    server.write(initialize(1), 1);
    assert.ok((await server.response(1)).result);
    server.write(Buffer.concat([frame({ method: 'initialized', params: {} }), Buffer.from('Content-Length: many\r\n\r\n')]), 3);

    const small = 'file:///stdio/small.dxrecord.json';
    const smallText = JSON.stringify({ project: PROJECT, name: 'small' }, null, 2);
    const big = 'file:///stdio/big.dxrecord.json';
    // Multi-byte characters throughout, and one error at the very end: its position proves the text arrived whole.
    const bigText = largeRecord(5_000_000).replace(/\}\s*$/, ', "tags": [tru]}');
    const open = (uri: string, text: string) => frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dxrecord', version: 1, text } } });
    const hover = frame({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: small }, position: { line: 1, character: 4 } } });
    // 65,537-byte pieces split the text's two-byte characters, and the hover shares the last piece.
    server.write(Buffer.concat([open(small, smallText), open(big, bigText), hover]), 65_537);

    assert.ok((await server.response(2)).result, 'the hover behind the 5 MB didOpen is answered');
    const published = await server.until<NotificationMessage>(
      (message) => (message as NotificationMessage).method === 'textDocument/publishDiagnostics' && ((message as NotificationMessage).params as PublishDiagnosticsParams).uri === big,
      60_000,
    );
    const at = TextDocument.create(big, 'dxrecord', 1, bigText).positionAt(bigText.lastIndexOf('tru'));
    const starts = (published.params as PublishDiagnosticsParams).diagnostics.map((d) => d.range.start);
    assert.deepEqual(starts.at(-1), at, 'the last problem is the one at the end, where the client sees it');

    server.write(frame({ id: 3, method: 'shutdown' }));
    await server.response(3);
    server.process.stdin!.end();
    assert.equal(await server.exit, 0, 'stdin ended after a shutdown request: exit code 0');
  } finally {
    server.process.kill();
  }
});

test('stdin ending without a shutdown request ends the server with exit code 1', async () => {
  const server = new RawServer();
  try {
    server.write(initialize(1));
    await server.response(1);
    server.process.stdin!.end();
    assert.equal(await server.exit, 1);
  } finally {
    server.process.kill();
  }
});
