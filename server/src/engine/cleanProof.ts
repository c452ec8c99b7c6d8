// A shortcut for callers that want only the diagnostics (the CLI): most record files have none,
// and JSON.parse (native code) plus the rules run on its value can prove that without the located
// pass. That pass's scanner and parser are JavaScript; in a short process V8 runs them unoptimized
// at first, several times slower than warm, so the CLI paid more for them than for anything else.
// Only the proof of "no diagnostic of any severity" is taken from here; a record that is not proven
// clean goes through validateRecord, which says what is wrong and where. Each check below stands
// for what the located pass would otherwise find first.
// The loops here are indexed: they run cold, in the interpreter, where for-of pays for an
// iterator call per element.

import { BUILT_FIELDS } from './collect';
import type { ObjectNode, ValueNode } from './model';
import { Report } from './report';
import { DEFAULT_DETAILS_LARGE_BYTES, LINK_KEY } from './rules/details';
import { inIdAlphabet, isDataObjectId } from './rules/ids';
import { checkTopLevel } from './rules/topLevel';
import type { CheckedPart } from './typed/part';
import type { ValidateOptions } from './types';

/**
 * No token of a JSON text grows more than this when re-serialised in UTF-8 (a character takes at
 * most 3 bytes, the number `1e20` becomes 21 digits), so a text under limit / 6 cannot hold a
 * details-large `details`; larger texts are left to the located pass, which counts the bytes.
 */
const MAX_GROWTH = 6;

/** A JSON string token: JSON.parse accepted the text, so every one is well formed. */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"/g;

type Plain = Record<string, unknown>;

/** Whether validateRecord would report nothing at all for this text. False is "not proven", not "has problems". */
export function provenClean(text: string, options: ValidateOptions): boolean {
  if (text.length * MAX_GROWTH > (options.detailsLargeBytes ?? DEFAULT_DETAILS_LARGE_BYTES)) return false;
  let record: unknown;
  try {
    // JSON.parse accepts no text in which the located pass finds a json-syntax problem.
    record = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isPlainObject(record)) return false; // not-an-object
  const keys = keysIfLinksClean(record);
  // JSON.parse keeps the last of repeated keys, so fewer keys than members in the text means a duplicate-key.
  if (keys < 0 || keys !== membersInText(text, keys)) return false;
  const report = new Report();
  checkTopLevel(report, { links: [] }, topLevelNode(record), options.types, () => detailsPart(record), schemaInput(record));
  return report.empty;
}

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Members of every object in the record, or -1 when a `$dnanexus_link` in `details` would be
 * reported: clean is an object with that key alone, holding a data-object ID in the platform's
 * alphabet (every other link shape draws an error or a warning in rules/details.ts).
 */
function keysIfLinksClean(record: Plain): number {
  let keys = 0;
  const fields = Object.keys(record);
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f];
    const inside = keysInside(record[field], field === 'details');
    if (inside < 0) return -1;
    keys += 1 + inside;
  }
  return keys;
}

/** Members of the objects within one field's value; only containers are stacked. */
function keysInside(root: unknown, links: boolean): number {
  if (typeof root !== 'object' || root === null) return 0;
  let keys = 0;
  const pending: object[] = [root];
  while (pending.length > 0) {
    const value = pending.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
      continue;
    }
    const object = value as Plain;
    const names = Object.keys(object);
    keys += names.length;
    if (links && Object.hasOwn(object, LINK_KEY)) {
      const target = object[LINK_KEY];
      if (names.length !== 1 || typeof target !== 'string' || !isDataObjectId(target) || !inIdAlphabet(target)) return -1;
      continue;
    }
    for (let i = 0; i < names.length; i++) {
      const member = object[names[i]];
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return keys;
}

/**
 * Members in the text, one colon each outside strings. Every colon counted is at least that, so a
 * count equal to `atLeast` (the keys JSON.parse kept) is exact; only otherwise are strings stripped.
 */
function membersInText(text: string, atLeast: number): number {
  const colons = colonCount(text);
  return colons === atLeast ? colons : colonCount(text.replace(STRING_TOKEN, ''));
}

function colonCount(text: string): number {
  let colons = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) colons++;
  return colons;
}

/**
 * One value as a node; containers come back empty, for treeOf to fill. Nodes built here sit at
 * offset 0: a record with any problem goes to the located pass, so none is ever placed.
 */
function shell(value: unknown): ValueNode {
  if (Array.isArray(value)) return { type: 'array', items: [], offset: 0, length: 0 };
  if (value === null) return { type: 'null', value, offset: 0, length: 0 };
  if (typeof value === 'object') return { type: 'object', props: [], offset: 0, length: 0 };
  return { type: typeof value as 'string' | 'number' | 'boolean', value: value as string | number | boolean, offset: 0, length: 0 };
}

/** The whole value as a tree, with an explicit stack so deep values never recurse. */
function treeOf(value: unknown): ValueNode {
  const root = shell(value);
  if (root.type !== 'object' && root.type !== 'array') return root;
  const work: [unknown, ValueNode][] = [[value, root]];
  const child = (member: unknown): ValueNode => {
    const node = shell(member);
    if (node.type === 'object' || node.type === 'array') work.push([member, node]);
    return node;
  };
  while (work.length > 0) {
    const [plain, node] = work.pop()!;
    if (node.type === 'object') {
      const object = plain as Plain;
      const keys = Object.keys(object);
      for (let i = 0; i < keys.length; i++) node.props.push({ key: keys[i], keyOffset: 0, keyLength: 0, value: child(object[keys[i]]) });
    } else if (node.type === 'array') {
      const members = plain as unknown[];
      for (let i = 0; i < members.length; i++) node.items.push(child(members[i]));
    }
  }
  return root;
}

/** The top level as the located pass collects it: schema fields as trees, `details` and unknown keys shallow. */
function topLevelNode(record: Plain): ObjectNode {
  const props = Object.keys(record).map((key) => ({ key, keyOffset: 0, keyLength: 0, value: BUILT_FIELDS.has(key) ? treeOf(record[key]) : shell(record[key]) }));
  return { type: 'object', props, offset: 0, length: 0 };
}

/**
 * The record as toPlain would give it to the schema from topLevelNode's tree, without building
 * that copy: schema fields as parsed, `details` and unknown keys as empty containers. A record
 * with a `__proto__` key gets a null prototype, as toPlain's, so the key stays a key the schema
 * sees; others get ordinary objects, which ajv's code reads faster (none of the schema's
 * properties is a name Object.prototype has).
 */
function schemaInput(record: Plain): Plain {
  const input: Plain = Object.hasOwn(record, '__proto__') ? Object.create(null) : {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = record[key];
    input[key] = BUILT_FIELDS.has(key) || typeof value !== 'object' || value === null ? value : Array.isArray(value) ? [] : {};
  }
  return input;
}

/** `details` for the typed rules; no site is needed, since any problem sends the record to the located pass. */
function detailsPart(record: Plain): CheckedPart | undefined {
  return Object.hasOwn(record, 'details') ? { label: 'details', value: record.details, siteAt: () => undefined, anchor: { offset: 0, length: 0 } } : undefined;
}
