// The lens's answers: where each record file stands, cached per file and content and computed in
// the background after a debounce, so providing lenses never waits for the platform and typing
// never multiplies requests. No VS Code here: the provider asks, this answers from memory.
import { createHash } from 'node:crypto';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { userMessageOf } from '../../../platform/src/errors';
import { standingOf, type FileStanding } from '../../../platform/src/recordsAsCode/fileStanding';

export interface CachedStanding {
  /** Whether it was computed for the content asked about (false: an older answer, being refreshed). */
  current: boolean;
  /** Undefined for a file that is not a record file under a managed root. */
  standing?: FileStanding;
  /** Why it could not be computed (platform unreachable, unreadable root config). */
  error?: string;
}

interface Entry {
  /** The content (and cache generation) the answer is for; undefined once invalidated. */
  digest?: string;
  standing?: FileStanding;
  error?: string;
}

export interface StandingCacheOptions {
  debounceMs?: number;
  /** A lookup slower than this gives up (an unreachable platform must not pile up lookups). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export class StandingCache {
  readonly #entries = new Map<string, Entry>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** path → the digest being computed, so repeated asks for one content start one computation. */
  readonly #running = new Map<string, string>();
  #generation = 0;

  constructor(
    private readonly getClient: () => DxApiClient | undefined,
    /** Called when an answer arrives (the lenses should be asked again). */
    private readonly onChanged: () => void,
    private readonly options: StandingCacheOptions = {},
  ) {}

  /** The answer to show now, never waiting; schedules a refresh when it is not for this content. */
  peek(path: string, text: string): CachedStanding | undefined {
    const digest = this.#digest(text);
    const entry = this.#entries.get(path);
    if (entry?.digest === digest) return { current: true, standing: entry.standing, ...(entry.error ? { error: entry.error } : {}) };
    this.#schedule(path, text, digest);
    return entry ? { current: false, standing: entry.standing, ...(entry.error ? { error: entry.error } : {}) } : undefined;
  }

  /** After any write or sign-in change: every answer is refreshed on its next ask (kept meanwhile). */
  invalidate(): void {
    this.#generation += 1;
    for (const entry of this.#entries.values()) delete entry.digest;
    this.onChanged();
  }

  forget(path: string): void {
    this.#entries.delete(path);
    clearTimeout(this.#timers.get(path));
    this.#timers.delete(path);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #digest(text: string): string {
    return `${this.#generation}:${createHash('sha256').update(text).digest('hex')}`;
  }

  #schedule(path: string, text: string, digest: string): void {
    if (this.#running.get(path) === digest) return;
    clearTimeout(this.#timers.get(path));
    this.#timers.set(path, setTimeout(() => {
      this.#timers.delete(path);
      void this.#compute(path, text, digest);
    }, this.options.debounceMs ?? 400));
  }

  async #compute(path: string, text: string, digest: string): Promise<void> {
    const client = this.getClient();
    if (!client) return;
    this.#running.set(path, digest);
    const entry: Entry = { digest };
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const standing = await standingOf(client, path, text, timeout);
      if (standing) entry.standing = standing;
    } catch (error) {
      entry.error = timeout.aborted ? `no answer from the platform within ${timeoutMs / 1000} s` : userMessageOf(error);
      this.options.log?.(`Record file status of ${path}: ${entry.error}`);
    }
    if (this.#running.get(path) === digest) this.#running.delete(path);
    // An answer from before an invalidation is dropped: the platform changed since it was read.
    if (!digest.startsWith(`${this.#generation}:`)) return;
    this.#entries.set(path, entry);
    this.onChanged();
  }
}
