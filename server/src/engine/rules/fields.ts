// Top-level structure through the schema: missing project, unknown and describe-output keys,
// and wrong JSON types. Value rules that JSON Schema cannot say well live in the other modules.

import type { ErrorObject } from 'ajv';
import { NodeLocator, pointerSegments, type ObjectNode, type PropNode, type ValueNode } from '../model';
import type { Report } from '../report';
import { DESCRIBE_FIELDS, RECORD_FIELDS, schemaErrors } from '../schema';
import { quote } from './ids';

/** One node as a plain value; containers come back empty, for toPlain to fill. */
function shell(node: ValueNode): unknown {
  if (node.type === 'object') return Object.create(null);
  if (node.type === 'array') return new Array<unknown>(node.items.length).fill(null);
  return node.type === 'invalid' ? null : node.value;
}

/** The plain value ajv checks: `details` and other shallow containers stand in as empty ones. */
export function toPlain(root: ValueNode): unknown {
  const result = shell(root);
  // An explicit stack of containers still to fill, so deep values never recurse.
  const work: [ValueNode, unknown][] = [[root, result]];
  const fill = (node: ValueNode | undefined): unknown => {
    if (!node) return null;
    const value = shell(node);
    if (node.type === 'object' || node.type === 'array') work.push([node, value]);
    return value;
  };
  while (work.length > 0) {
    const [node, out] = work.pop()!;
    if (node.type === 'object') {
      const obj = out as Record<string, unknown>;
      // Last occurrence wins, as in JSON.parse and on the platform.
      for (let i = node.props.length - 1; i >= 0; i--) {
        const p = node.props[i];
        if (!(p.key in obj)) obj[p.key] = fill(p.value);
      }
    } else if (node.type === 'array') {
      const arr = out as unknown[];
      for (let i = 0; i < node.items.length; i++) arr[i] = fill(node.items[i]);
    }
  }
  return result;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  boolean: 'true or false',
  object: 'an object {…}',
  array: 'an array […]',
  number: 'a number',
  null: 'null',
};

function describeNode(node: ValueNode): string {
  if (node.type === 'string') return `the text ${quote(String(node.value), 40)}`;
  if (node.type === 'object' || node.type === 'array' || node.type === 'null') return TYPE_WORDS[node.type];
  return `${node.type === 'number' ? 'the number' : ''} ${String(node.value)}`.trim();
}

function expected(type: unknown): string {
  const types = Array.isArray(type) ? type : [String(type)];
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

export function pathLabel(segments: string[]): string {
  let label = '';
  for (const s of segments) label += /^\d+$/.test(s) ? `[${s}]` : label ? `.${s}` : s;
  return label;
}

/** editDistance's rows, kept between calls: a file with 100,000 unknown keys asks a million times. */
let scratch = [new Uint32Array(32), new Uint32Array(32), new Uint32Array(32)];

/**
 * Edit distance with transpositions, for "did you mean" on unknown keys, over three rolling rows;
 * gives up (returns `limit`) once every cell of a row has reached `limit`. Every cell read was
 * written earlier in the same call, so the reused rows need no clearing.
 */
function editDistance(a: string, b: string, limit: number): number {
  const n = b.length;
  if (scratch[0].length <= n) scratch = [new Uint32Array(2 * n + 2), new Uint32Array(2 * n + 2), new Uint32Array(2 * n + 2)];
  let before = scratch[0];
  let prev = scratch[1];
  let row = scratch[2];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= limit) return limit;
    const spare = before;
    before = prev;
    prev = row;
    row = spare;
  }
  return prev[n];
}

const MAX_EDITS = 2;

/** The real key an unknown key most likely meant: equal ignoring case, or within `maxEdits` edits. */
export function nearMiss(key: string, candidates: readonly string[] = RECORD_FIELDS, maxEdits = MAX_EDITS): string | undefined {
  const lower = key.toLowerCase();
  const lowered = loweredOf(candidates);
  const exact = lowered.indexOf(lower);
  if (exact >= 0) return candidates[exact];
  let best: string | undefined;
  let bestDistance = maxEdits + 1;
  for (let i = 0; i < candidates.length; i++) {
    const c = lowered[i];
    // Lengths further apart than the edit budget cannot be near; skipping them keeps long keys cheap.
    if (Math.abs(c.length - lower.length) > maxEdits) continue;
    const distance = editDistance(lower, c, bestDistance);
    if (distance < bestDistance && distance < c.length) {
      best = candidates[i];
      bestDistance = distance;
    }
  }
  return best;
}

/** Candidate lists are mostly the engine's constant field and type lists: each is lowered once, not on every lookup. */
const loweredLists = new WeakMap<readonly string[], readonly string[]>();

function loweredOf(candidates: readonly string[]): readonly string[] {
  let lowered = loweredLists.get(candidates);
  if (!lowered) loweredLists.set(candidates, (lowered = candidates.map((c) => c.toLowerCase())));
  return lowered;
}

function unknownKey(report: Report, prop: PropNode, allowed: readonly string[], where: string): void {
  const quoted = JSON.stringify(prop.key);
  const span = { offset: prop.keyOffset, length: prop.keyLength };
  if (where === '' && DESCRIBE_FIELDS.includes(prop.key)) {
    report.warning('describe-field', `${quoted} is describe output (the platform sets it), not /record/new input. Remove it.`, span);
    return;
  }
  const suggestion = nearMiss(prop.key, allowed);
  const place = where ? `${where} takes only ${allowed.map((k) => `"${k}"`).join(' and ')}` : '/record/new does not take this key';
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  report.error('unknown-field', `Unknown key ${quoted}: ${place}.${hint}`, span, suggestion ? { suggestion } : undefined);
}

function mapError(report: Report, root: ObjectNode, locator: NodeLocator, err: ErrorObject): void {
  const segments = pointerSegments(err.instancePath);
  const node = locator.nodeAt(root, segments);
  if (!node || node.type === 'invalid') return; // already a json-syntax error
  const label = pathLabel(segments);
  switch (err.keyword) {
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      if (segments.length === 0) {
        report.error('missing-project', 'The record has no "project": add "project": "project-…" with the ID of the project that will hold it.', { offset: root.offset, length: 1 });
      } else {
        report.error('type-mismatch', `${label} needs "${missing}" (${missing === 'id' ? 'the ID of the record to copy from' : 'the project that holds that record'}).`, node);
      }
      return;
    }
    case 'additionalProperties': {
      const extra = String((err.params as { additionalProperty: string }).additionalProperty);
      const allowed = segments.length === 0 ? RECORD_FIELDS : Object.keys(((err.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      if (node.type === 'object') for (const prop of locator.propsNamed(node, extra)) unknownKey(report, prop, allowed, label);
      return;
    }
    case 'type': {
      const want = (err.params as { type: unknown }).type;
      if (segments.length === 1 && segments[0] === 'details') {
        report.error('details-not-container', `"details" must be an object {…} or an array […]; found ${describeNode(node)}. Wrap the value, e.g. {"value": …}.`, node);
      } else if (segments.length === 2 && segments[0] === 'properties') {
        const advice = node.type === 'null' ? ' To leave a property out, delete it.' : ' Put the value in double quotes.';
        report.error('property-value-not-string', `Property ${JSON.stringify(segments[1])} must have a text value; found ${describeNode(node)}.${advice}`, node);
      } else {
        report.error('type-mismatch', `"${label}" must be ${expected(want)}; found ${describeNode(node)}.`, node, { expected: want });
      }
      return;
    }
  }
}

/**
 * Runs the schema over the materialized top level; the top-level value must be an object. A
 * caller that holds toPlain's answer already (cleanProof.ts) passes it as `plain`.
 */
export function checkFields(report: Report, root: ObjectNode, plain: unknown = toPlain(root)): void {
  const locator = new NodeLocator();
  for (const err of schemaErrors(plain)) mapError(report, root, locator, err);
}
