// Where a field of the record file sits in its text, so a platform complaint about
// `properties.sample` can be shown on that value.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

export interface FieldSpan {
  path: string[];
  offset: number;
  length: number;
}

/** The deepest node on `path` that exists in `text` (the field itself, else its nearest parent). */
export function locateField(text: string, path: readonly string[]): FieldSpan | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  for (let depth = path.length; depth > 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) return { path: path.slice(0, depth), offset: node.offset, length: node.length };
  }
  return undefined;
}
