// What the record's type schemas say about a place in `details`: the fields an object there may
// have (required first), a field's documentation, and the classes a link field accepts. Shared by
// completion, hover, the typed quick fixes and the signed-in link checks, so they agree with the
// engine (the same schemas, resolved the same way).
import { findNodeAtLocation, parseTree, type JSONPath, type Node as JsonNode } from 'jsonc-parser';
import { resolveType } from '../engine/typed/compile';
import { LINK_KEYWORD } from '../engine/typed/links';
import type { TopLevelObject, TypeSchemas } from '../engine/types';
import { typesOf } from './schemaDocs';
import { memberValue } from './topLevelValue';

/** A schema node, as far as the editor reads one. */
export interface TypeSchemaNode {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, TypeSchemaNode>;
  required?: string[];
  items?: TypeSchemaNode;
  [LINK_KEYWORD]?: unknown;
  /** Our keyword: the link's target must be closed for the type's tools to use it. */
  [CLOSED_KEYWORD]?: unknown;
}

export const CLOSED_KEYWORD = 'x-dx-closed';

/** One of the record's types that has a usable schema. */
export interface RecordType {
  name: string;
  /** `built-in` or the workspace schema file's label. */
  source: string;
  schema: TypeSchemaNode;
}

/** The record's `types` with a schema that compiles, in order, each once. */
export function recordTypes(text: string, topLevel: TopLevelObject | undefined, types: TypeSchemas | undefined): RecordType[] {
  const names = memberValue(text, topLevel, 'types');
  if (!Array.isArray(names)) return [];
  const found: RecordType[] = [];
  for (const name of new Set(names.filter((n): n is string => typeof n === 'string'))) {
    const outcome = resolveType(name, types);
    if (outcome && 'type' in outcome) found.push({ name, source: outcome.source, schema: outcome.type.schema as TypeSchemaNode });
  }
  return found;
}

/** The node at a path inside `details` (object keys and array indexes), or undefined when the schema does not say. */
export function nodeAt(schema: TypeSchemaNode, path: JSONPath): TypeSchemaNode | undefined {
  let node: TypeSchemaNode | undefined = schema;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : node.properties && Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
  }
  return node;
}

/** Each type's node at a `details` path, with the type that gave it. */
export function typedNodesAt(types: readonly RecordType[], path: JSONPath): { type: RecordType; node: TypeSchemaNode }[] {
  return types.flatMap((type) => {
    const node = nodeAt(type.schema, path);
    return node ? [{ type, node }] : [];
  });
}

export interface TypedField {
  key: string;
  node: TypeSchemaNode;
  required: boolean;
  type: RecordType;
}

/** The fields the types declare for the object at `path` in `details`, required ones first, each key once. */
export function fieldsAt(types: readonly RecordType[], path: JSONPath): TypedField[] {
  const fields = new Map<string, TypedField>();
  for (const { type, node } of typedNodesAt(types, path)) {
    const required = new Set(node.required ?? []);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const known = fields.get(key);
      if (!known) fields.set(key, { key, node: child, required: required.has(key), type });
      else if (required.has(key)) known.required = true;
    }
  }
  return [...fields.values()].sort((a, b) => Number(b.required) - Number(a.required));
}

/** The classes a link field accepts (`[]`: any), or undefined when the node is not a link field. */
export function linkClassesOf(node: TypeSchemaNode | undefined): string[] | undefined {
  const keyword = node?.[LINK_KEYWORD];
  if (keyword === true) return [];
  return Array.isArray(keyword) ? keyword.filter((c): c is string => typeof c === 'string') : undefined;
}

/** The JSON a new field starts with: a link to the first allowed class, else an empty value of its type. */
export function placeholderValue(node: TypeSchemaNode): string {
  const classes = linkClassesOf(node);
  if (classes) return `{"$dnanexus_link": "${classes[0] ?? 'file'}-"}`;
  const types = typesOf(node);
  if (types.includes('object')) return '{}';
  if (types.includes('array')) return '[]';
  if (types.includes('boolean')) return 'false';
  if (types.includes('integer') || types.includes('number')) return '0';
  return '""';
}

/** Where a type's `x-dx-closed` link fields are inside `details`; `*` stands for any array item. */
function closedFieldPaths(node: TypeSchemaNode, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 16) return [];
  const here = node[CLOSED_KEYWORD] === true ? [prefix] : [];
  const children = Object.entries(node.properties ?? {}).flatMap(([key, child]) => closedFieldPaths(child, [...prefix, key], depth + 1));
  const items = node.items ? closedFieldPaths(node.items, [...prefix, '*'], depth + 1) : [];
  return [...here, ...children, ...items];
}

/** The nodes at a path pattern below `root` (`*`: every item of an array). */
function nodesAt(root: JsonNode, pattern: readonly (string | number)[]): JsonNode[] {
  let nodes = [root];
  for (const segment of pattern) {
    nodes = nodes.flatMap((node) => {
      if (segment === '*') return node.type === 'array' ? (node.children ?? []) : [];
      const found = node.type === 'object' ? findNodeAtLocation(node, [segment]) : undefined;
      return found ? [found] : [];
    });
  }
  return nodes;
}

/** The ID string of a link value (either form), or undefined. */
function linkIdNode(value: JsonNode): JsonNode | undefined {
  const target = value.type === 'object' ? findNodeAtLocation(value, ['$dnanexus_link']) : undefined;
  const id = target?.type === 'object' ? findNodeAtLocation(target, ['id']) : target;
  return id?.type === 'string' ? id : undefined;
}

/**
 * Where each link whose target a type needs closed is (the offset of its ID string), with that
 * type. Only a record whose types declare such a field pays for parsing its text here.
 */
export function closedLinkOwners(text: string, types: readonly RecordType[]): Map<number, string> {
  const owners = new Map<number, string>();
  const patterns = types.flatMap((type) => closedFieldPaths(type.schema).map((path) => ({ type, path })));
  if (patterns.length === 0) return owners;
  const tree = parseTree(text);
  const details = tree && findNodeAtLocation(tree, ['details']);
  if (!details) return owners;
  for (const { type, path } of patterns) {
    for (const node of nodesAt(details, path)) {
      const id = linkIdNode(node);
      if (id && !owners.has(id.offset)) owners.set(id.offset, type.name);
    }
  }
  return owners;
}
