// Offset -> LSP position (0-based line, UTF-16 character). The scanner records line starts as
// it goes; whatever it did not reach is scanned lazily, only as far as an offset asks.

import type { Position, Range } from './types';

export class LineIndex {
  private readonly text: string;
  private readonly starts: number[];
  /** Every line start at or before this offset is in `starts`. */
  private scanned: number;
  /** The line of the previous lookup: offsets usually arrive in order. */
  private lastLine = 0;

  /** `starts`: the line starts the scanner recorded while reading the text up to `scanned`. */
  constructor(text: string, starts: number[], scanned: number) {
    this.text = text;
    this.starts = starts;
    this.scanned = scanned;
  }

  private scanTo(offset: number): void {
    const text = this.text;
    const starts = this.starts;
    const stop = Math.min(offset, text.length);
    let i = this.scanned;
    // LSP line breaks: \r\n, \r and \n. A charCodeAt loop beats indexOf on short lines.
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.scanned = i;
  }

  positionAt(offset: number): Position {
    if (offset > this.scanned) this.scanTo(offset);
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
