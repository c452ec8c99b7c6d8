// The server's MessageReader under --stdio: the messages come parsed from the stdin reader thread
// (stdinWorker.ts), in the order they arrived.
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** What the reader thread posts: one message, or a framing or parse error. It exits when stdin ends. */
export type StdinEvent = { message: unknown } | { error: string };

export class StdinMessageReader extends AbstractMessageReader {
  private worker: Worker | undefined;

  /** `script`: the bundled reader thread (dist/stdinWorker.js). */
  constructor(private readonly script: string) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    // Started here, so that no message arrives before there is a callback for it.
    const worker = (this.worker = new Worker(this.script));
    worker.on('message', (event: StdinEvent) => {
      if ('message' in event) callback(event.message as Message);
      else this.fireError(new Error(event.error));
    });
    worker.on('error', (error) => this.fireError(error));
    // Node delivers every message the thread posted before it reports the exit.
    worker.on('exit', () => this.fireClose());
    return Disposable.create(() => this.dispose());
  }

  dispose(): void {
    super.dispose();
    this.worker?.removeAllListeners();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
