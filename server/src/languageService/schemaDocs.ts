// Read-only views of schemas/record-new.schema.json for the editor features: which fields exist,
// their docs, snippet bodies and ID classes. The schema is the single source for all of them.
import type { JSONPath } from 'jsonc-parser';
import recordSchema from '../../../schemas/record-new.schema.json';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
}

export const ROOT_SCHEMA = recordSchema as SchemaNode;
const DETAILS_VALUE = (recordSchema.definitions.detailsValue as SchemaNode);

/** The schema for the value at `path`; everything below `details` shares the details-value rule. */
export function schemaAt(path: JSONPath): SchemaNode | undefined {
  if (path[0] === 'details' && path.length > 1) return DETAILS_VALUE;
  let node: SchemaNode | undefined = ROOT_SCHEMA;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.items;
    else node = node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}

export function documentationOf(node: Pick<SchemaNode, 'description' | 'markdownDescription'>): string {
  return node.markdownDescription ?? node.description ?? '';
}

/** The ID classes a string field accepts, read from its pattern (`^(project|container)-…`). */
export function idClassesOf(node: SchemaNode | undefined): string[] {
  const match = node?.pattern ? /^\^\(?([a-z|]+)\)?-/.exec(node.pattern) : null;
  return match ? match[1].split('|') : [];
}

/** Link target classes, from the `$dnanexus_link` rule in the schema. */
export function linkClasses(): string[] {
  const then = (DETAILS_VALUE as { then?: SchemaNode }).then;
  return idClassesOf(then?.properties?.$dnanexus_link);
}

/** Every ID class the schema mentions, for recognising a typed class prefix such as "record-". */
export function knownIdClasses(): Set<string> {
  const fields = [schemaAt(['project']), schemaAt(['initializeFrom', 'project']), schemaAt(['initializeFrom', 'id'])];
  return new Set([...fields.flatMap(idClassesOf), ...linkClasses()]);
}

export function typesOf(node: Pick<SchemaNode, 'type'>): string[] {
  return node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
}

/**
 * A snippet body from the schema as snippet text. Placeholders like `${1:x}` pass through; any other
 * `$` (as in `$dnanexus_link`) is escaped so the editor inserts it literally.
 */
export function snippetText(body: unknown): string {
  const json = JSON.stringify(body, null, 2);
  return json.replace(/\$(?![{0-9])/g, '\\$');
}
