// Materializes one JSON value as plain data and, on the same pass, where each member of each
// container is in the text, so a schema error's path maps back to a range. Used for `details` of
// a typed record only when a problem needs placing (or JSON.parse refused the span).

import { ValueKind, type JsonSink } from '../parser';
import type { Span } from '../report';
import type { Scanner } from '../scanner';

/** Per container: member spans flattened (key start, key end, value start, value end; arrays: value start, end). */
interface Layout {
  keys?: string[];
  pos: number[];
}

type Container = Record<string, unknown> | unknown[];

/** Where a value (and, for an object member, its key) is in the text. */
export interface ValueSite extends Span {
  key?: Span;
}

export class MaterializedValue {
  constructor(
    readonly value: unknown,
    private readonly root: Span,
    private readonly layouts: WeakMap<object, Layout>,
  ) {}

  /** The site of the value at a JSON pointer's segments (last duplicate key wins). */
  siteAt(segments: readonly string[]): ValueSite | undefined {
    let site: ValueSite = { offset: this.root.offset, length: this.root.length };
    let current: unknown = this.value;
    for (const seg of segments) {
      if (typeof current !== 'object' || current === null) return undefined;
      const layout = this.layouts.get(current);
      if (!layout) return undefined;
      const { pos, keys } = layout;
      if (keys) {
        const i = keys.lastIndexOf(seg);
        if (i < 0) return undefined;
        site = { offset: pos[4 * i + 2], length: pos[4 * i + 3] - pos[4 * i + 2], key: { offset: pos[4 * i], length: pos[4 * i + 1] - pos[4 * i] } };
        current = (current as Record<string, unknown>)[seg];
      } else {
        const i = Number(seg);
        if (!(2 * i < pos.length)) return undefined;
        site = { offset: pos[2 * i], length: pos[2 * i + 1] - pos[2 * i] };
        current = (current as unknown[])[i];
      }
    }
    return site;
  }
}

interface Frame {
  container: Container;
  layout: Layout;
  /** The object's pending key (set by key(), consumed by the value). */
  key: string;
}

export class ValueBuilder implements JsonSink {
  private readonly scanner: Scanner;
  private readonly stack: Frame[] = [];
  private readonly layouts = new WeakMap<object, Layout>();
  private root: unknown = undefined;
  private rootSpan: Span = { offset: 0, length: 0 };

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  /** The value built, or undefined when no value arrived. */
  result(): MaterializedValue | undefined {
    return this.root === undefined ? undefined : new MaterializedValue(this.root, this.rootSpan, this.layouts);
  }

  private attach(value: unknown, start: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.root = value;
      this.rootSpan = { offset: start, length: 0 };
      return;
    }
    const { container, layout } = parent;
    if (Array.isArray(container)) {
      container.push(value);
      layout.pos.push(start, start);
    } else {
      // `__proto__` as a JSON key is data, not the prototype.
      if (parent.key === '__proto__') Object.defineProperty(container, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      else container[parent.key] = value;
      layout.pos[layout.pos.length - 2] = start;
    }
  }

  /** Records where the value just attached to the top frame ends. */
  private ended(end: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.rootSpan.length = end - this.rootSpan.offset;
    else parent.layout.pos[parent.layout.pos.length - 1] = end;
  }

  private open(container: Container, start: number, keyed: boolean): void {
    this.attach(container, start);
    const layout: Layout = keyed ? { keys: [], pos: [] } : { pos: [] };
    this.layouts.set(container, layout);
    this.stack.push({ container, layout, key: '' });
  }

  private close(end: number): void {
    this.stack.pop();
    this.ended(end);
  }

  beginObject(start: number): void {
    this.open({}, start, true);
  }

  beginArray(start: number): void {
    this.open([], start, false);
  }

  endObject(end: number): void {
    this.close(end);
  }

  endArray(end: number): void {
    this.close(end);
  }

  key(start: number, end: number): void {
    const frame = this.stack[this.stack.length - 1];
    frame.key = this.scanner.stringValue();
    frame.layout.keys!.push(frame.key);
    // The value's span is filled in when it arrives; a key left without one keeps an empty span.
    frame.layout.pos.push(start, end, end, end);
  }

  scalar(kind: ValueKind, start: number, end: number): void {
    this.attach(scalarValue(this.scanner, kind, start, end), start);
    this.ended(end);
  }
}

function scalarValue(scanner: Scanner, kind: ValueKind, start: number, end: number): unknown {
  switch (kind) {
    case ValueKind.String:
      return scanner.stringValue();
    case ValueKind.Number:
      return Number(scanner.text.slice(start, end));
    case ValueKind.Boolean:
      return scanner.text.charCodeAt(start) === 116;
    default:
      return null;
  }
}
