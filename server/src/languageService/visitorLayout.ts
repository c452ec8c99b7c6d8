// The objects of a text as jsonc-parser's visitor reads them, which is how getLocation reads
// them: from a visit of the whole text, or mostly from the layout the engine's pass recorded.
// An object whose text is strict JSON has that one reading, and the visitor parses an object from
// its `{` alone; so a visit of the text with the inside of each such object removed (`{…}` read
// as `{}`) reads the rest exactly as a visit of the whole text, up to the first of them where it
// does not open an object (then the whole text is visited), and the objects inside come from the
// engine. A large record with a few syntax errors is thus visited only around them.
import { visit } from 'jsonc-parser';
import type { ObjectLayout, PathSegment } from '../engine/types';
import { lastBelow } from './sortedSearch';

/** By row in the order the objects open; each object's close is the offset of its `}`, or where the visitor stopped reading it. */
export interface VisitorLayout {
  opens: ArrayLike<number>;
  closes: ArrayLike<number>;
  /** The row of the object each one is in, or -1. */
  parents: ArrayLike<number>;
  /** Each object's path from the object it is in (for one in no object, from the top), as getLocation's bookkeeping has it. */
  tails: readonly (readonly PathSegment[])[];
}

/** What `read` gives, or undefined when the visitor's recursion cannot read the text (nesting thousands deep). */
export function unlessTooDeep<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** From the engine's layout of this very text when there is one. */
export function visitorLayout(text: string, engine?: ObjectLayout): VisitorLayout {
  return (engine && layoutFromEngine(text, engine)) ?? layoutByVisit(text);
}

/** One visit of the whole text, with the same path bookkeeping as getLocation. */
export function layoutByVisit(text: string): VisitorLayout {
  const layout = new LayoutBuilder();
  /** Per row, its path's length: where the tails of the objects inside it start. */
  const pathLengths: number[] = [];
  const segments: PathSegment[] = [];
  const open: number[] = [];
  visit(text, {
    onObjectBegin: (offset) => {
      const parent = open.length ? open[open.length - 1] : -1;
      pathLengths.push(segments.length);
      // Every object the visitor begins it ends, one cut off at the end of the text there.
      open.push(layout.add(offset, text.length, parent, segments.slice(parent < 0 ? 0 : pathLengths[parent])));
      segments.push('');
    },
    onObjectProperty: (name) => {
      segments[segments.length - 1] = name;
    },
    onObjectEnd: (offset) => {
      // The visitor's events nest: the object closing is the latest one open.
      layout.closes[open.pop() as number] = offset;
      segments.pop();
    },
    onArrayBegin: () => {
      segments.push(0);
    },
    onArrayEnd: () => {
      segments.pop();
    },
    onSeparator: (separator) => {
      if (separator !== ',') return;
      const last = segments[segments.length - 1];
      segments[segments.length - 1] = typeof last === 'number' ? last + 1 : '';
    },
  });
  return layout;
}

/** Undefined when the visitor, on the shortened text, does not open an object where a strict-JSON one opens. */
export function layoutFromEngine(text: string, engine: ObjectLayout): VisitorLayout | undefined {
  const { opens, closes, parents, tails } = engine;
  // The outermost strict-JSON objects (the engine's rows with a close), in order.
  const kept: number[] = [];
  for (let row = 0, end = -1; row < opens.length; row++) {
    if (opens[row] > end && closes[row] >= 0) {
      kept.push(row);
      end = closes[row];
    }
  }
  const parts: string[] = [];
  /** Per kept object: its `{` in the shortened text, and how much was removed up to its `}`. */
  const shortOpens: number[] = [];
  const removed: number[] = [];
  let from = 0;
  for (const row of kept) {
    const before = removed.length ? removed[removed.length - 1] : 0;
    parts.push(text.slice(from, opens[row] + 1));
    shortOpens.push(opens[row] - before);
    removed.push(before + closes[row] - opens[row] - 1);
    from = closes[row];
  }
  parts.push(text.slice(from));
  /** A shortened-text offset in the whole text. */
  const original = (offset: number): number => {
    const found = lastBelow(shortOpens, offset);
    return found < 0 ? offset : offset + removed[found];
  };

  const outside = layoutByVisit(parts.join(''));
  const layout = new LayoutBuilder();
  const rowOf: number[] = [];
  let next = 0;
  for (let row = 0; row < outside.opens.length; row++) {
    const parent = outside.parents[row];
    rowOf[row] = layout.add(original(outside.opens[row]), original(outside.closes[row]), parent < 0 ? -1 : rowOf[parent], outside.tails[row]);
    if (outside.opens[row] !== shortOpens[next]) continue;
    // A kept object: the engine's rows inside it follow, their parents among them.
    const first = kept[next++];
    for (let inner = first + 1; inner < opens.length && opens[inner] < closes[first]; inner++) {
      layout.add(opens[inner], closes[inner], rowOf[row] + parents[inner] - first, tails[inner]);
    }
  }
  return next === kept.length ? layout : undefined;
}

class LayoutBuilder implements VisitorLayout {
  readonly opens: number[] = [];
  readonly closes: number[] = [];
  readonly parents: number[] = [];
  readonly tails: (readonly PathSegment[])[] = [];

  /** Returns the new row. */
  add(open: number, close: number, parent: number, tail: readonly PathSegment[]): number {
    this.closes.push(close);
    this.parents.push(parent);
    this.tails.push(tail);
    return this.opens.push(open) - 1;
  }
}
