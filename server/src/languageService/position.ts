// Locates a cursor in the JSON: its path, whether it is on a property key, what the user has typed,
// and the span a completion should replace. getLocation scans from the start up to the cursor; with
// an ObjectIndex of the text, only from the innermost object around it.
import { getLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { ObjectIndex } from './objectIndex';

/** Where a completion or hover was asked for, already located in the JSON. */
export interface PositionContext {
  uri: string;
  text: string;
  offset: number;
  /** JSON path of the property or value at the offset, e.g. ['details', 'reads', '$dnanexus_link']. */
  path: JSONPath;
  isAtPropertyKey: boolean;
  /** What the user has typed of the current token (without the opening quote). */
  prefix: string;
}

export interface Located {
  context: PositionContext;
  /** The span a completion replaces: the whole string token (quotes included) or the bare word. */
  replaceStart: number;
  replaceEnd: number;
  inString: boolean;
  node?: Node;
}

const WORD_BREAK = /[\s{}[\],:"]/;

/** `objects`: an index of this very text, when there is one. */
export function locate(uri: string, text: string, offset: number, objects?: ObjectIndex): Located {
  const location = objects ? objects.locationAt(offset) : getLocation(text, offset);
  const node = location.previousNode;
  const nodeEnd = node ? node.offset + node.length : -1;
  const context: PositionContext = { uri, text, offset, path: location.path, isAtPropertyKey: location.isAtPropertyKey, prefix: '' };
  if (node && (node.type === 'string' || node.type === 'property') && offset > node.offset && offset <= nodeEnd) {
    const closed = node.length >= 2 && text[nodeEnd - 1] === '"';
    const terminated = closed && offset < nodeEnd;
    if (terminated || (offset === nodeEnd && !closed)) {
      context.prefix = text.slice(node.offset + 1, offset);
      return { context, replaceStart: node.offset, replaceEnd: terminated ? nodeEnd : offset, inString: true, node };
    }
  }
  let start = offset;
  while (start > 0 && !WORD_BREAK.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && !WORD_BREAK.test(text[end])) end++;
  if (start > 0 && text[start - 1] === '"') {
    // An unterminated string: replace from its opening quote.
    context.prefix = text.slice(start, offset);
    return { context, replaceStart: start - 1, replaceEnd: end, inString: true, ...(node ? { node } : {}) };
  }
  context.prefix = text.slice(start, offset);
  const previous = lastNonSpaceBefore(text, start);
  if (!context.isAtPropertyKey && typeof context.path.at(-1) === 'string' && /["\]}\w]/.test(text[previous] ?? '')) {
    // After a complete value with no comma yet: the user is starting the next key.
    context.path = [...context.path.slice(0, -1), ''];
    context.isAtPropertyKey = true;
  }
  const onNode = node && offset >= node.offset && offset <= nodeEnd;
  return { context, replaceStart: start, replaceEnd: end, inString: false, ...(onNode ? { node } : {}) };
}

/** Offset of the last non-whitespace character before `offset`, or -1. */
export function lastNonSpaceBefore(text: string, offset: number): number {
  let previous = offset - 1;
  while (previous >= 0 && /\s/.test(text[previous])) previous--;
  return previous;
}
