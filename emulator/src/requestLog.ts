// The most recent API requests (route and status only), for tests and tools to inspect. Bounded:
// an emulator left running under load must not keep every request it ever served.

export interface RequestRecord {
  route: string;
  status: number;
}

/** Requests kept when no limit is given: plenty for any test, about a megabyte at most. */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

export class RequestLog {
  private readonly ring: RequestRecord[] = [];
  /** Index in `ring` of the oldest entry once the ring is full. */
  private oldest = 0;
  private count = 0;

  constructor(readonly limit = DEFAULT_REQUEST_LOG_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`The request log limit must be a non-negative integer, got ${limit}`);
  }

  add(record: RequestRecord): void {
    this.count++;
    if (this.limit === 0) return;
    if (this.ring.length < this.limit) {
      this.ring.push(record);
      return;
    }
    this.ring[this.oldest] = record;
    this.oldest = (this.oldest + 1) % this.limit;
  }

  /** The kept requests, oldest first, as copies. */
  entries(): RequestRecord[] {
    return [...this.ring.slice(this.oldest), ...this.ring.slice(0, this.oldest)].map((r) => ({ ...r }));
  }

  /** Every request recorded since the start, including those no longer kept. */
  get total(): number {
    return this.count;
  }
}
