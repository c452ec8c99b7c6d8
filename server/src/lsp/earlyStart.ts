// Starts a document's check early by half again as long as its last check took (checks vary
// with the machine's load), so the result is ready when the debounce ends rather than that much
// later; it is published only then. At most half the debounce early: a keystroke within the
// first half still costs no check at all.
const MARGIN = 1.5;

export class EarlyStart {
  private readonly tookMs = new Map<string, number>();
  private readonly dueAt = new Map<string, number>();

  /** After a change: how long to wait before starting the check. Its result is due when the debounce ends. */
  delayAfterChange(uri: string, debounceMs: number): number {
    this.dueAt.set(uri, performance.now() + debounceMs);
    return debounceMs - Math.min((this.tookMs.get(uri) ?? 0) * MARGIN, debounceMs / 2);
  }

  /** A check that is due at once (on open, after a settings change). */
  dueNow(uri: string): void {
    this.dueAt.delete(uri);
  }

  took(uri: string, ms: number): void {
    this.tookMs.set(uri, ms);
  }

  /** Resolves when the result may be published (false if `signal` aborted first). */
  untilDue(uri: string, signal: AbortSignal): Promise<boolean> {
    const wait = (this.dueAt.get(uri) ?? 0) - performance.now();
    if (wait <= 0 || signal.aborted) return Promise.resolve(!signal.aborted);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, wait);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  forget(uri: string): void {
    this.tookMs.delete(uri);
    this.dueAt.delete(uri);
  }
}
