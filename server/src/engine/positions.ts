// Offset -> LSP position (0-based line, UTF-16 character). The line table is built lazily and
// only as far as the largest offset asked for, so a clean file never pays for it.

import type { Position, Range } from './types';

export class LineIndex {
  private readonly text: string;
  private readonly starts: number[] = [0];
  /** Every line start before this offset is in `starts`. */
  private scanned = 0;
  /** The next "\n" not yet in `starts` (-1: none left, -2: not searched yet). */
  private pending = -2;
  private searchFrom = 0;
  private hasCR: boolean | undefined;
  /** The line of the previous lookup: offsets usually arrive in order. */
  private lastLine = 0;

  constructor(text: string) {
    this.text = text;
  }

  private scanTo(offset: number): void {
    const text = this.text;
    const starts = this.starts;
    this.hasCR ??= text.indexOf('\r') >= 0;
    if (this.hasCR) {
      // LSP line breaks: \r\n, \r and \n. Rare enough to build the whole table at once.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        if (c === 10 || c === 13) starts.push(i + 1);
      }
      this.scanned = Infinity;
      return;
    }
    for (;;) {
      if (this.pending === -2) this.pending = text.indexOf('\n', this.searchFrom);
      if (this.pending < 0) {
        this.scanned = Infinity;
        return;
      }
      if (this.pending >= offset) {
        this.scanned = offset + 1;
        return;
      }
      starts.push(this.pending + 1);
      this.searchFrom = this.pending + 1;
      this.pending = -2;
    }
  }

  positionAt(offset: number): Position {
    if (offset >= this.scanned) this.scanTo(offset);
    const starts = this.starts;
    let line = this.lastLine;
    if (!(starts[line] <= offset && (line + 1 >= starts.length || starts[line + 1] > offset))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    this.lastLine = line;
    return { line, character: offset - starts[line] };
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}
