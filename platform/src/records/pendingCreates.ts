// The nonces of Creates whose outcome is unknown. A Create that failed after its request may have
// reached the platform (deadline, reset, lost answer, cancellation after sending, 5xx) leaves its
// nonce here, under the file and the canonical create input; running the same Create again within
// the platform's nonce lifetime sends that nonce, so the platform answers with the record the
// first attempt made instead of making a second. Kept in a key-value store (VS Code workspace
// state in the editor), written before the request is sent so not even a crash loses it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonicalJson';
import { makeNonce } from '../../../common/nonce';
import { mayHaveActed } from '../errors';
import { hasNonce, NONCE_LIFETIME_MS } from '../nonce';

/** The part of VS Code's Memento this needs. */
export interface StateStore {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): PromiseLike<void>;
}

interface Pending {
  nonce: string;
  /** When the nonce was first used (ms since the epoch): its lifetime counts from here. */
  at: number;
}

const STATE_KEY = 'dxrecord.pendingCreates';

export interface CreateAttempt {
  nonce: string;
  /** When the first attempt with this nonce started. */
  startedAt: number;
  /** True when an earlier attempt with unknown outcome supplied the nonce. */
  repeated: boolean;
}

export class PendingCreates {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The nonce for a Create of `input` from `file`: the earlier unresolved attempt's while it
   * lives, else a new one (remembered until the attempt settles). Undefined when the input
   * carries its own nonce, which already makes every repeat safe.
   */
  async begin(file: string, input: Record<string, unknown>): Promise<CreateAttempt | undefined> {
    if (hasNonce(input)) return undefined;
    const key = pendingKey(file, input);
    const earlier = this.#live()[key];
    if (earlier) return { nonce: earlier.nonce, startedAt: earlier.at, repeated: true };
    const at = this.now();
    const pending = { nonce: makeNonce(at), at };
    await this.#write(key, pending);
    return { nonce: pending.nonce, startedAt: at, repeated: false };
  }

  /**
   * After the attempt: success, or a refusal of a nonce no earlier attempt left open, forgets
   * it; a failure that may have created the record keeps it for the next Create.
   */
  async settle(file: string, input: Record<string, unknown>, attempt: CreateAttempt, error?: unknown): Promise<void> {
    const keep = error !== undefined && (mayHaveActed(error) || attempt.repeated);
    if (!keep) await this.#write(pendingKey(file, input), undefined);
  }

  /** When the unresolved attempt for this file and input began, if one is remembered. */
  startedAt(file: string, input: Record<string, unknown>): number | undefined {
    return this.#live()[pendingKey(file, input)]?.at;
  }

  #live(): Record<string, Pending> {
    const oldest = this.now() - NONCE_LIFETIME_MS;
    const all = this.store.get<Record<string, Pending>>(STATE_KEY, {});
    return Object.fromEntries(Object.entries(all).filter(([, pending]) => pending.at > oldest));
  }

  /** Sets or removes one entry, dropping the expired ones on the way. */
  async #write(key: string, pending: Pending | undefined): Promise<void> {
    const entries = this.#live();
    if (pending) entries[key] = pending;
    else delete entries[key];
    await this.store.update(STATE_KEY, entries);
  }
}

/** The file and the create input as JSON values (key order and layout do not matter), hashed. */
function pendingKey(file: string, input: Record<string, unknown>): string {
  return createHash('sha256').update(file).update('\u0000').update(canonicalJson(input)).digest('hex');
}
