// A top-level member's value read off the document model's layout, without parsing the whole text.
import type { TopLevelObject } from '../engine/types';

/** The last top-level `key`'s value (the one the platform would see), or undefined when it does not parse. */
export function memberValue(text: string, topLevel: TopLevelObject | undefined, key: string): unknown {
  const property = topLevel?.properties.filter((p) => p.key === key && p.valueOffset >= 0).at(-1);
  if (!property) return undefined;
  try {
    return JSON.parse(text.slice(property.valueOffset, property.valueEnd));
  } catch {
    return undefined;
  }
}
