// One part of a record that a type schema checks (`details`, or through `x-dx-record` the
// properties, tags or name): its plain value for ajv and a way back from a path to the text.

import { NodeLocator, type PropNode, type ValueNode } from '../model';
import type { Span } from '../report';
import { pathLabel, toPlain } from '../rules/fields';
import type { ValueSite } from './valueBuilder';

export interface CheckedPart {
  /** `details`, `properties`, `tags` or `name`: the start of every path in a message. */
  label: string;
  value: unknown;
  /** The site at a JSON pointer's segments inside the value. */
  siteAt(segments: readonly string[]): ValueSite | undefined;
  /** Where a problem with the whole part goes: its top-level key, or the type's entry when the part is absent. */
  anchor: Span;
}

/** A part the top-level pass built as a tree (small fields). */
export function treePart(label: string, prop: PropNode | undefined, fallback: unknown, anchor: Span): CheckedPart {
  const root: ValueNode | undefined = prop?.value;
  const locator = new NodeLocator();
  return {
    label,
    value: root ? toPlain(root) : fallback,
    siteAt(segments) {
      if (!root) return undefined;
      const found = locator.memberAt(root, segments);
      if (!found) return undefined;
      const { node, prop: member } = found;
      return { offset: node.offset, length: node.length, ...(member ? { key: { offset: member.keyOffset, length: member.keyLength } } : {}) };
    },
    anchor: prop ? { offset: prop.keyOffset, length: prop.keyLength } : anchor,
  };
}

/** `details.contigs.names[3]`: the part's label and the path inside it. */
export function labelOf(part: CheckedPart, segments: readonly string[]): string {
  const rest = pathLabel([...segments]);
  return rest === '' ? part.label : rest.startsWith('[') ? `${part.label}${rest}` : `${part.label}.${rest}`;
}
