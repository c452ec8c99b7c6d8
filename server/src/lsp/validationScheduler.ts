// Debounces validation per document. A newer request for the same document cancels both the pending
// timer and any run still in flight (its AbortSignal fires), so only the latest version is published.
export type ValidationRun = (uri: string, signal: AbortSignal) => Promise<void>;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly run: ValidationRun,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const controller = new AbortController();
      this.running.set(uri, controller);
      this.run(uri, controller.signal)
        .catch((error: unknown) => this.onError(uri, error))
        .finally(() => {
          if (this.running.get(uri) === controller) this.running.delete(uri);
        });
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.running.get(uri)?.abort();
    this.running.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys(), ...this.running.keys()]) this.cancel(uri);
  }
}
