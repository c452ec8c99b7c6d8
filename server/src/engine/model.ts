// A small syntax tree for the top-level fields other than `details` (those are small), with the
// offsets every rule needs for its range. `details` and unknown fields are kept shallow.

import { ValueKind, type JsonSink } from './parser';
import type { Scanner } from './scanner';

export interface NodeBase {
  offset: number;
  length: number;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  props: PropNode[];
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: ValueNode[];
}

export interface ScalarNode extends NodeBase {
  type: 'string' | 'number' | 'boolean' | 'null' | 'invalid';
  value: string | number | boolean | null;
}

export type ValueNode = ObjectNode | ArrayNode | ScalarNode;

export interface PropNode {
  key: string;
  keyOffset: number;
  keyLength: number;
  /** Absent when the file is broken right after the key. */
  value?: ValueNode;
}

const SCALAR_TYPES = ['string', 'number', 'boolean', 'null', 'invalid'] as const;

/** Reads a scalar token into a node; the token must be current in the scanner. */
export function scalarNode(scanner: Scanner, kind: ValueKind, start: number, end: number): ScalarNode {
  let value: ScalarNode['value'];
  switch (kind) {
    case ValueKind.String:
      value = scanner.stringValue();
      break;
    case ValueKind.Number:
      value = Number(scanner.text.slice(start, end));
      break;
    case ValueKind.Boolean:
      value = scanner.text.charCodeAt(start) === 116;
      break;
    case ValueKind.Null:
      value = null;
      break;
    default:
      value = scanner.text.slice(start, end);
  }
  return { type: SCALAR_TYPES[kind], value, offset: start, length: end - start };
}

/** Builds one value's tree from sink events, with its own stack (no recursion). */
export class TreeBuilder implements JsonSink {
  private readonly scanner: Scanner;
  private readonly stack: (ObjectNode | ArrayNode)[] = [];
  root: ValueNode | undefined;

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  private attach(node: ValueNode): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.root = node;
    else if (parent.type === 'array') parent.items.push(node);
    else {
      const prop = parent.props[parent.props.length - 1];
      if (prop && !prop.value) prop.value = node;
    }
  }

  beginObject(start: number): void {
    const node: ObjectNode = { type: 'object', props: [], offset: start, length: 0 };
    this.attach(node);
    this.stack.push(node);
  }

  beginArray(start: number): void {
    const node: ArrayNode = { type: 'array', items: [], offset: start, length: 0 };
    this.attach(node);
    this.stack.push(node);
  }

  endObject(end: number): void {
    this.end(end);
  }

  endArray(end: number): void {
    this.end(end);
  }

  private end(end: number): void {
    const node = this.stack.pop()!;
    node.length = end - node.offset;
  }

  key(start: number, end: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent?.type === 'object') parent.props.push({ key: this.scanner.stringValue(), keyOffset: start, keyLength: end - start });
  }

  scalar(kind: ValueKind, start: number, end: number): void {
    this.attach(scalarNode(this.scanner, kind, start, end));
  }
}

/** One object's props by key: the last of each, and every one of the few keys that repeat. */
interface KeyIndex {
  last: Map<string, PropNode>;
  repeated: Map<string, PropNode[]>;
}

/** A JSON pointer's segments, unescaped (RFC 6901: ~1 is "/", ~0 is "~"). */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s));
}

/**
 * Finds nodes by ajv's error paths. Each object's props are indexed by key on first use, so a
 * document with 100,000 schema errors costs one pass per object, not one scan per error.
 */
export class NodeLocator {
  private readonly indexes = new Map<ObjectNode, KeyIndex>();

  private indexOf(node: ObjectNode): KeyIndex {
    let index = this.indexes.get(node);
    if (!index) {
      index = { last: new Map(), repeated: new Map() };
      for (const prop of node.props) {
        const before = index.last.get(prop.key);
        if (before) {
          const all = index.repeated.get(prop.key);
          if (all) all.push(prop);
          else index.repeated.set(prop.key, [before, prop]);
        }
        index.last.set(prop.key, prop);
      }
      this.indexes.set(node, index);
    }
    return index;
  }

  /** The props of `node` named `key`, in file order (duplicates included). */
  propsNamed(node: ObjectNode, key: string): readonly PropNode[] {
    const index = this.indexOf(node);
    const last = index.last.get(key);
    return index.repeated.get(key) ?? (last ? [last] : []);
  }

  /** The node at a JSON pointer path (ajv's instancePath segments), last duplicate winning. */
  nodeAt(root: ValueNode, segments: readonly string[]): ValueNode | undefined {
    return this.memberAt(root, segments)?.node;
  }

  /** The node at a path and, when it is an object member, the property holding it (for its key's span). */
  memberAt(root: ValueNode, segments: readonly string[]): { node: ValueNode; prop?: PropNode } | undefined {
    let node: ValueNode = root;
    let prop: PropNode | undefined;
    for (const seg of segments) {
      let next: ValueNode | undefined;
      if (node.type === 'object') {
        prop = this.indexOf(node).last.get(seg);
        next = prop?.value;
      } else {
        prop = undefined;
        if (node.type === 'array') next = node.items[Number(seg)];
      }
      if (!next) return undefined;
      node = next;
    }
    return { node, ...(prop ? { prop } : {}) };
  }
}
