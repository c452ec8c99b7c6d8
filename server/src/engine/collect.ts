// Routes parser events by depth: the top-level object's small fields are built into trees,
// `details` is streamed to its rule sink, and other values are kept shallow (type and span).

import type { ValueNode, PropNode } from './model';
import { TreeBuilder, scalarNode } from './model';
import { ValueKind, type JsonSink } from './parser';
import { RECORD_FIELDS } from './schema';
import type { Scanner } from './scanner';

/** Fields whose values are materialized: every schema field but the streamed `details`; unknown ones are only typed and spanned. */
export const BUILT_FIELDS: ReadonlySet<string> = new Set(RECORD_FIELDS.filter((name) => name !== 'details'));

export interface TopLevel {
  /** The top-level value's type and span (shallow). */
  root?: ValueNode;
  /** Every top-level property in file order, duplicates included. */
  fields: PropNode[];
  /** Whether the top-level container ended with its own closing bracket (not cut off). */
  closed: boolean;
}

export interface FieldSinkFactory {
  /** A sink for a streamed field (e.g. `details`), or undefined to keep it shallow. */
  (prop: PropNode): JsonSink | undefined;
}

export class RecordCollector implements JsonSink {
  readonly top: TopLevel = { fields: [], closed: false };
  private readonly scanner: Scanner;
  private readonly streamed: FieldSinkFactory;
  private depth = 0;
  private field: PropNode | undefined;
  /** Receives the current field value's events: a tree builder, a streaming rule or nothing. */
  private target: JsonSink | undefined;
  private builder: TreeBuilder | undefined;

  constructor(scanner: Scanner, streamed: FieldSinkFactory) {
    this.scanner = scanner;
    this.streamed = streamed;
  }

  beginObject(start: number): void {
    this.begin('object', start);
    if (this.target) this.target.beginObject(start);
  }

  beginArray(start: number): void {
    this.begin('array', start);
    if (this.target) this.target.beginArray(start);
  }

  private begin(type: 'object' | 'array', start: number): void {
    const depth = this.depth++;
    if (depth === 0) this.top.root = shallow(type, start);
    else if (depth === 1 && this.field && !this.builder) this.field.value = shallow(type, start);
  }

  // depth > 1: the closing container is inside a field's value (a field may lack its value).
  endObject(end: number, closed: boolean): void {
    if (this.depth > 1 && this.target) this.target.endObject(end, closed);
    this.end(end, closed);
  }

  endArray(end: number, closed: boolean): void {
    if (this.depth > 1 && this.target) this.target.endArray(end, closed);
    this.end(end, closed);
  }

  private end(end: number, closed: boolean): void {
    const depth = --this.depth;
    if (depth === 0) {
      const root = this.top.root!;
      root.length = end - root.offset;
      this.top.closed = closed;
      this.field = this.target = this.builder = undefined;
    } else if (depth === 1) this.completeField(end);
  }

  private completeField(end: number): void {
    const field = this.field;
    if (!field) return;
    if (this.builder) field.value = this.builder.root;
    else if (field.value) field.value.length = end - field.value.offset;
    this.field = undefined;
    this.target = this.builder = undefined;
  }

  key(start: number, end: number): void {
    if (this.depth !== 1) {
      if (this.target) this.target.key(start, end);
      return;
    }
    if (this.top.root?.type !== 'object') return;
    const name = this.scanner.stringValue();
    const prop: PropNode = { key: name, keyOffset: start, keyLength: end - start };
    this.top.fields.push(prop);
    this.field = prop;
    if (BUILT_FIELDS.has(name)) this.target = this.builder = new TreeBuilder(this.scanner);
    else {
      this.builder = undefined;
      this.target = this.streamed(prop);
    }
  }

  scalar(kind: ValueKind, start: number, end: number): void {
    if (this.depth === 0) {
      this.top.root = scalarNode(this.scanner, kind, start, end);
      return;
    }
    if (this.target) this.target.scalar(kind, start, end);
    if (this.depth === 1 && this.field) {
      if (!this.builder) this.field.value = scalarNode(this.scanner, kind, start, end);
      this.completeField(end);
    }
  }
}

function shallow(type: 'object' | 'array', offset: number): ValueNode {
  return type === 'object' ? { type, props: [], offset, length: 0 } : { type, items: [], offset, length: 0 };
}
