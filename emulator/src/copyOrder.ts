// The copies of one container kept in the order findDataObjects returns them (by modified, by
// created), so a page costs what it returns and skips, not a scan and sort of the whole project.

/** Generic over the emulator's object and copy types, so this module depends on nothing. */
export interface OrderedCopy<O extends { id: string } = { id: string }, C = unknown> {
  object: O;
  copy: C;
  key: number;
}

/** Where a walk starts: entries past `key` in the walk's direction, or at `key` with an ID ≥ `id`. */
export interface WalkStart {
  key: number;
  id: string;
}

const before = (a: OrderedCopy, key: number, id: string): boolean => a.key < key || (a.key === key && a.object.id < id);

/**
 * Copies sorted by (key, ID). A change appends a new entry and leaves the old one in place, stale:
 * an entry is live while `current` holds it. Stale entries are dropped once they outnumber live ones.
 */
export class CopyOrder<O extends { id: string }, C> {
  private entries: OrderedCopy<O, C>[] = [];
  private readonly current = new Map<string, OrderedCopy<O, C>>();
  private stale = 0;

  /** Records the copy of `object` with its sort key, replacing what was recorded for it. */
  set(object: O, copy: C, key: number): void {
    if (this.current.has(object.id)) this.stale++;
    const entry: OrderedCopy<O, C> = { object, copy, key };
    this.current.set(object.id, entry);
    // Keys are mostly new timestamps, larger than all others: then this is a push.
    let at = this.entries.length;
    if (at > 0 && !before(this.entries[at - 1], key, object.id)) at = this.lowerBound(key, object.id);
    this.entries.splice(at, 0, entry);
    this.compact();
  }

  delete(objectId: string): void {
    if (this.current.delete(objectId)) {
      this.stale++;
      this.compact();
    }
  }

  /** The live entry for an object, if it has a copy here. */
  get(objectId: string): OrderedCopy<O, C> | undefined {
    return this.current.get(objectId);
  }

  /**
   * Live entries by ascending (`direction` 1) or descending (-1) key; equal keys always by
   * ascending ID, as the find order breaks ties.
   */
  *walk(direction: 1 | -1, start?: WalkStart): Generator<OrderedCopy<O, C>> {
    const { entries } = this;
    if (direction === 1) {
      for (let i = start ? this.lowerBound(start.key, start.id) : 0; i < entries.length; i++) yield* this.live(i, i + 1);
      return;
    }
    let end = entries.length;
    if (start) {
      // The start key's run from `id` on, then everything with a smaller key.
      end = this.lowerBound(start.key, '');
      yield* this.live(this.lowerBound(start.key, start.id), this.upperBound(start.key));
    }
    while (end > 0) {
      let runStart = end - 1;
      while (runStart > 0 && entries[runStart - 1].key === entries[end - 1].key) runStart--;
      yield* this.live(runStart, end);
      end = runStart;
    }
  }

  private *live(from: number, to: number): Generator<OrderedCopy<O, C>> {
    for (let i = from; i < to; i++) {
      const entry = this.entries[i];
      if (this.current.get(entry.object.id) === entry) yield entry;
    }
  }

  /** The first index whose entry is not before (key, id). */
  private lowerBound(key: number, id: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.entries[mid], key, id)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first index whose key is greater than `key`. */
  private upperBound(key: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid].key <= key) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private compact(): void {
    if (this.stale <= this.current.size) return;
    this.entries = this.entries.filter((entry) => this.current.get(entry.object.id) === entry);
    this.stale = 0;
  }
}
