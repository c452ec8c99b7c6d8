// Runs validations in worker threads, so the server's main thread keeps answering requests while
// a large or pathological document is checked. A run has a worker to itself: documents are
// checked in parallel, and aborting a run terminates its worker (nothing else interrupts the
// engine, and a superseded run would hold a core for nothing). One finished worker stays warm
// for the next run; at most MAX_RUNNING run at once, later ones wait their turn.
import { Worker } from 'node:worker_threads';
import type { TypeSchemas } from '../../../common/typeSchemaSource';
import { UnpackedResult, type PackedResult } from './resultTransfer';

/** What a worker is sent: the text and the team type schemas that apply to it. */
export interface ValidationJob {
  text: string;
  types: TypeSchemas | undefined;
}

const MAX_RUNNING = 4;

/**
 * How much nicer than the main thread a worker runs, on Linux (where a nice value is per thread).
 * Two large documents keep two workers busy, so on two cores the main thread would wait its turn
 * behind them for a core; this way it wins. More would starve validation when other processes
 * load the machine.
 */
export const NICER_BY = 5;

export class ValidationWorkers {
  private warm: Worker | undefined;
  private readonly running = new Set<Worker>();
  private readonly queue: (() => void)[] = [];

  /** `script`: the bundled worker entry (dist/validationWorker.js). */
  constructor(private readonly script: string) {
    this.keepWarm(new Worker(script));
  }

  /** The engine's result for `text`, or undefined when `signal` aborted the run first. */
  validate(text: string, signal: AbortSignal, types?: TypeSchemas): Promise<UnpackedResult | undefined> {
    return new Promise((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', leaveQueue);
        if (signal.aborted) return resolve(undefined);
        const worker = this.take();
        const settle = () => {
          signal.removeEventListener('abort', onAbort);
          worker.removeAllListeners();
          this.running.delete(worker);
          this.queue.shift()?.();
        };
        const onAbort = () => {
          settle();
          void worker.terminate();
          resolve(undefined);
        };
        worker.once('message', (packed: PackedResult) => {
          settle();
          this.release(worker);
          resolve(new UnpackedResult(packed));
        });
        worker.once('error', (error) => {
          settle();
          void worker.terminate();
          reject(error);
        });
        worker.once('exit', (code) => {
          settle();
          reject(new Error(`the validation worker exited with code ${code}`));
        });
        signal.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ text, types } satisfies ValidationJob);
      };
      const leaveQueue = () => {
        const index = this.queue.indexOf(start);
        if (index >= 0) this.queue.splice(index, 1);
        resolve(undefined);
      };
      if (this.running.size < MAX_RUNNING) return start();
      this.queue.push(start);
      signal.addEventListener('abort', leaveQueue, { once: true });
    });
  }

  /** How many worker threads exist now (running and warm). */
  get threads(): number {
    return this.running.size + (this.warm ? 1 : 0);
  }

  dispose(): void {
    for (const worker of [...this.running, ...(this.warm ? [this.warm] : [])]) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.running.clear();
    this.warm = undefined;
    this.queue.length = 0;
  }

  private take(): Worker {
    const worker = this.warm ?? new Worker(this.script);
    this.warm = undefined;
    worker.removeAllListeners();
    worker.ref();
    this.running.add(worker);
    return worker;
  }

  private release(worker: Worker): void {
    if (this.warm) void worker.terminate();
    else this.keepWarm(worker);
  }

  private keepWarm(worker: Worker): void {
    // A warm worker must not keep the process alive on its own, nor take it down if it dies.
    worker.unref();
    const drop = () => {
      if (this.warm === worker) this.warm = undefined;
    };
    worker.once('error', drop).once('exit', drop);
    this.warm = worker;
  }
}
