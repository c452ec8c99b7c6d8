// Rules for data-object metadata (docs/platform-notes.md#limits), shared by /record/new and the edit methods.
import { invalidInput } from './errors.js';
import { normalizeFolder } from '../../common/dxPaths.js';
import { jsonText } from '../../common/jsonText.js';
import { folderProblem } from './folders.js';
import { expectedKey, isObject, utf8Bytes } from './input.js';

const CONTROL = /[\x00-\x1F]/;
// Types: "/", digits, letters and "_" only. The Types page's own "history-record" example is taken
// as a documentation slip: the platform's stated character ranges win, so "-" is rejected.
const TYPE_NAME = /^[/0-9A-Za-z_]+$/;
const LINK_KEY = '$dnanexus_link';

export function checkName(value: unknown): string {
  if (typeof value !== 'string') throw expectedKey('name', 'a string');
  if (value.length === 0) throw invalidInput(`The name must be a non-empty string`);
  if (CONTROL.test(value)) throw invalidInput(`The name "${JSON.stringify(value).slice(1, -1)}" must not contain control characters`);
  return value;
}

export function checkTags(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) throw expectedKey('tags', 'an array of strings');
  if (value.some((t) => t.length === 0)) throw invalidInput('Tags must be non-empty strings');
  return value as string[];
}

export function checkTypes(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) throw expectedKey('types', 'an array of strings');
  const bad = (value as string[]).find((t) => !TYPE_NAME.test(t));
  if (bad !== undefined) {
    throw invalidInput(`The type "${bad}" is invalid: types may only contain the characters "/", "0"-"9", "A"-"Z", "_" and "a"-"z"`);
  }
  return value as string[];
}

/** Properties; `allowNull` for setProperties, where null deletes a key. */
export function checkProperties(value: unknown, allowNull: boolean): Record<string, string | null> {
  if (!isObject(value)) throw expectedKey('properties', 'a JSON object');
  for (const [key, v] of Object.entries(value)) {
    if (!(typeof v === 'string' || (allowNull && v === null))) {
      throw expectedKey(`properties.${key}`, allowNull ? 'a string or null' : 'a string');
    }
    if (utf8Bytes(key) > 100) throw invalidInput(`The property key "${key}" exceeds the maximum size of 100 bytes`);
    if (typeof v === 'string' && utf8Bytes(v) > 700) {
      throw invalidInput(`The value of property "${key}" exceeds the maximum size of 700 bytes`);
    }
  }
  return value as Record<string, string | null>;
}

export function checkFolder(value: unknown, path = 'folder'): string {
  if (typeof value !== 'string' || value.length === 0) throw expectedKey(path, 'a non-empty string starting with "/"');
  const problem = folderProblem(value);
  if (problem) throw invalidInput(`The folder path "${value}" is invalid: it ${problem}`);
  return normalizeFolder(value);
}

export function checkNonce(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw expectedKey('nonce', 'a non-empty string');
  if (utf8Bytes(value) > 128) throw invalidInput('The nonce may not exceed 128 bytes');
  return value;
}

/**
 * The object ID a link value names: a string, or the project form {"project": …, "id": …} that
 * dx-toolkit itself writes into record details (`dx create_cohort`). Anything else is undefined.
 */
function linkTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value).sort();
  const wellFormed = keys.length === 2 && keys[0] === 'id' && keys[1] === 'project' && typeof value.id === 'string' && typeof value.project === 'string';
  return wellFormed ? (value.id as string) : undefined;
}

/**
 * Validates details (object or array, `$dnanexus_link` only as the sole key, its value a string or
 * the project form) and returns the links it contains: unique, in order of first occurrence.
 */
export function checkDetails(value: unknown, limitBytes: number | undefined, path?: string): string[] {
  if (!isObject(value) && !Array.isArray(value)) {
    throw path ? expectedKey(path, 'a JSON object or array') : invalidInput('Expected input to be a JSON object or array');
  }
  if (limitBytes !== undefined && utf8Bytes(jsonText(value)) > limitBytes) {
    throw invalidInput(`The details exceed the maximum size of ${limitBytes} bytes`);
  }
  const links: string[] = [];
  // Depth-first with an explicit stack (details may be nested deeper than the call stack allows);
  // children are pushed last-first so they are visited in document order.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push(node[i]);
      continue;
    }
    if (!isObject(node)) continue;
    if (LINK_KEY in node) {
      if (Object.keys(node).length !== 1) {
        throw invalidInput(`A reserved linking string ("${LINK_KEY}") appears as a key in a hash in details but is not the only key in the hash`);
      }
      const target = linkTarget(node[LINK_KEY]);
      if (target === undefined) {
        throw invalidInput(`A reserved linking string ("${LINK_KEY}") appears as the only key in a hash in details but has a value other than a string or {"project", "id"}`);
      }
      if (!links.includes(target)) links.push(target);
      continue;
    }
    const children = Object.values(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return links;
}

export function mergeProperties(target: Record<string, string>, changes: Record<string, string | null>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}
