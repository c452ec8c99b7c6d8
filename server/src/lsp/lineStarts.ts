// Where each line of a document starts, kept through edits at a cost that does not grow with the
// document. vscode-languageserver-textdocument scans the whole text char by char in JavaScript on
// the first edit (a 5 MB record: tens of ms) and, on every edit, adds the length change to each
// later line start in a loop. Here the text is scanned with String#indexOf (native), only as far
// as a question needs (an edit near the top reads the top), and an edit leaves the later line
// starts with a pending shift, applied only to the ones that a later edit elsewhere moves across.
// Line breaks are LSP's: \n, \r\n and a lone \r.

const LF = 10;
/** Characters scanned past the offset asked about, so that nearby questions need no scan of their own. */
const SCAN_AHEAD = 64 * 1024;

export class LineStarts {
  #text: string;
  /** Ascending; `#starts[0]` is 0. From index `#shiftFrom` (≤ their count) on, they are stored `#shift` short of their value. */
  readonly #starts = [0];
  #shiftFrom = 0;
  #shift = 0;
  /** Every line start up to this offset is in `#starts`; the text after it is not scanned yet. */
  #scannedTo = 0;

  constructor(text: string) {
    this.#text = text;
  }

  get count(): number {
    this.#scan(this.#text.length);
    return this.#starts.length;
  }

  /** Whether `line` (≥ 0) exists: unlike `count`, scans only as far as that line. */
  has(line: number): boolean {
    while (line >= this.#starts.length && this.#scannedTo < this.#text.length) this.#scan(this.#scannedTo + SCAN_AHEAD);
    return line < this.#starts.length;
  }

  /** The offset at which `line` starts; the line exists. */
  start(line: number): number {
    this.has(line);
    return this.#value(line);
  }

  /** The line that `offset` (0 to the text's length) is on: the last whose start is at or before it. */
  lineOf(offset: number): number {
    this.#scan(offset + SCAN_AHEAD);
    return this.#firstAfter(offset) - 1;
  }

  /** Records that `[from, to)` of the old text was replaced by `length` characters, giving `text`. */
  replace(text: string, from: number, to: number, length: number): void {
    // Every line start up to `to` must be known (the document has just located `to`: this scans nothing).
    this.#scan(to);
    this.#text = text;
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
    const found = lineStartsIn(text, Math.max(1, from), from + length, []);
    spliceInto(this.#starts, first, end - first, found);
    this.#shiftFrom += found.length - (end - first);
    this.#scannedTo += diff;
  }

  /** Scans on to `offset` (at most the end of the text). */
  #scan(offset: number): void {
    const to = Math.min(offset, this.#text.length);
    if (to <= this.#scannedTo) return;
    const known = this.#starts.length;
    lineStartsIn(this.#text, this.#scannedTo + 1, to, this.#starts);
    if (this.#shift !== 0) this.#addTo(known, this.#starts.length, -this.#shift);
    this.#scannedTo = to;
  }

  /** The line start at `index` of the known ones. */
  #value(index: number): number {
    return this.#starts[index] + (index >= this.#shiftFrom ? this.#shift : 0);
  }

  /** The index of the first known line start after `offset` (the known count when there is none). */
  #firstAfter(offset: number): number {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#value(mid) > offset) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  #addTo(from: number, to: number, amount: number): void {
    for (let i = from; i < to; i++) this.#starts[i] += amount;
  }
}

/** `starts` with the line starts at offsets `from` (≥ 1) to `to` in `text` appended: each just after a line break. */
function lineStartsIn(text: string, from: number, to: number, starts: number[]): number[] {
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

/** Replaces `count` items of `array` at `at` by `items` (spread arguments overflow the stack for a large paste). */
function spliceInto(array: number[], at: number, count: number, items: number[]): void {
  if (items.length < 10_000) {
    array.splice(at, count, ...items);
    return;
  }
  const tail = array.slice(at + count);
  array.length = at;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
