// Where each line of a document starts, kept up to date through edits at a cost that does not grow
// with the document. vscode-languageserver-textdocument scans the text char by char in JavaScript
// (a 5 MB record: tens of ms on the first edit) and, on every edit, adds the length change to
// each later line start in a loop. Here the scan is String#indexOf (native), and an edit leaves
// the later line starts as they are with a pending shift, applied only to the ones that a later
// edit elsewhere moves across: typing in one place costs the same at line 10 as at line 200,000.
// Line breaks are LSP's: \n, \r\n and a lone \r.

const LF = 10;

export class LineStarts {
  /** Ascending; `#starts[0]` is 0. Those from index `#shiftFrom` on are `#shift` short of their value. */
  #starts: number[];
  #shiftFrom: number;
  #shift = 0;

  constructor(text: string) {
    this.#starts = lineStartsIn(text, 1, text.length, [0]);
    this.#shiftFrom = this.#starts.length;
  }

  get count(): number {
    return this.#starts.length;
  }

  /** The offset at which `line` (0 ≤ line < count) starts. */
  start(line: number): number {
    return this.#starts[line] + (line >= this.#shiftFrom ? this.#shift : 0);
  }

  /** The line that `offset` is on: the last whose start is at or before it. */
  lineOf(offset: number): number {
    return this.#firstAfter(offset) - 1;
  }

  /** Records that `[from, to)` of the old text was replaced by `length` characters, giving `text`. */
  replace(text: string, from: number, to: number, length: number): void {
    // A line start depends on the characters on both sides of it, so those at `from` up to `to`
    // are found again in the new text; the ones before keep their offsets, the ones after move.
    const first = Math.max(1, this.#firstAfter(from - 1));
    const end = this.#firstAfter(to);
    const diff = length - (to - from);
    if (this.#shift === 0) this.#shiftFrom = end;
    if (this.#shiftFrom < end) {
      this.#addTo(this.#shiftFrom, first, this.#shift);
      this.#shiftFrom = end;
    } else {
      this.#addTo(end, this.#shiftFrom, diff);
    }
    this.#shift += diff;
    const found = lineStartsIn(text, Math.max(1, from), from + length);
    this.#starts = spliced(this.#starts, first, end - first, found);
    this.#shiftFrom += found.length - (end - first);
  }

  /** The index of the first line start after `offset` (count when there is none). */
  #firstAfter(offset: number): number {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.start(mid) > offset) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  #addTo(from: number, to: number, amount: number): void {
    for (let i = from; i < to; i++) this.#starts[i] += amount;
  }
}

/** `starts` with the line starts at offsets `from` (≥ 1) to `to` in `text` appended: each just after a line break. */
function lineStartsIn(text: string, from: number, to: number, starts: number[] = []): number[] {
  // A slice (no copy) so that a search for a break that is not there stops at `to`, not at the end of the text.
  const base = from - 1;
  const region = text.substring(base, to + 1);
  const last = to - base;
  let lf = region.indexOf('\n');
  let cr = region.indexOf('\r');
  for (;;) {
    const brk = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (brk < 0 || brk >= last) return starts;
    if (brk === lf) lf = region.indexOf('\n', brk + 1);
    else {
      cr = region.indexOf('\r', brk + 1);
      // \r\n is one break: the line starts after the \n.
      if (region.charCodeAt(brk + 1) === LF) continue;
    }
    starts.push(base + brk + 1);
  }
}

/** `array` with `count` items at `at` replaced by `items` (spread arguments overflow the stack for a large paste). */
function spliced(array: number[], at: number, count: number, items: number[]): number[] {
  if (items.length < 10_000) {
    array.splice(at, count, ...items);
    return array;
  }
  return array.slice(0, at).concat(items, array.slice(at + count));
}
