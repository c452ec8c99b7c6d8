// JSON text without recursion. V8's JSON.stringify and structuredClone overflow the stack on values
// nested a few thousand levels deep, which record details may be (the validator accepts 10,000
// levels); JSON.parse does not, so a copy is text and back.

interface Open {
  /** Object keys in output order; undefined for an array. */
  keys: string[] | undefined;
  values: unknown[];
  next: number;
}

/**
 * The text JSON.stringify writes for a JSON value (plain objects, arrays, strings, finite numbers,
 * booleans, null), or with object keys sorted by code unit when `sortKeys` is set.
 */
export function jsonText(root: unknown, sortKeys = false): string {
  if (!sortKeys) {
    // The native writer is about 2.5 times faster; only values too deep for it take the long way.
    try {
      return JSON.stringify(root);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return iterativeJsonText(root, sortKeys);
}

function iterativeJsonText(root: unknown, sortKeys: boolean): string {
  let out = '';
  const stack: Open[] = [];
  let value = root;
  for (;;) {
    if (Array.isArray(value)) {
      out += '[';
      stack.push({ keys: undefined, values: value, next: 0 });
    } else if (typeof value === 'object' && value !== null) {
      const obj = value as Record<string, unknown>;
      // Like JSON.stringify, keys whose value is undefined are left out.
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
      if (sortKeys) keys.sort();
      out += '{';
      stack.push({ keys, values: keys.map((k) => obj[k]), next: 0 });
    } else {
      // Scalars; undefined in an array is written as null, as JSON.stringify does.
      out += value === undefined ? 'null' : JSON.stringify(value);
    }
    value = undefined;
    for (;;) {
      const open = stack.at(-1);
      if (open === undefined) return out;
      if (open.next === open.values.length) {
        out += open.keys ? '}' : ']';
        stack.pop();
        continue;
      }
      if (open.next > 0) out += ',';
      if (open.keys) out += `${JSON.stringify(open.keys[open.next])}:`;
      value = open.values[open.next++];
      break;
    }
  }
}

/** A deep copy of a JSON value, at any depth. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(jsonText(value)) as T;
}
