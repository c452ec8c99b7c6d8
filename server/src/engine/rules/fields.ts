// Top-level structure through the schema: missing project, unknown and describe-output keys,
// and wrong JSON types. Value rules that JSON Schema cannot say well live in the other modules.

import type { ErrorObject } from 'ajv';
import { nodeAt, type ObjectNode, type PropNode, type ValueNode } from '../model';
import type { Report } from '../report';
import { DESCRIBE_FIELDS, RECORD_FIELDS, schemaErrors } from '../schema';
import { quote } from './ids';

/** The plain value ajv checks: `details` and other shallow containers stand in as empty ones. */
export function toPlain(root: ValueNode): unknown {
  // Explicit stack of [node, assign] so deep values never recurse.
  let result: unknown;
  const work: [ValueNode, (v: unknown) => void][] = [[root, (v) => (result = v)]];
  while (work.length > 0) {
    const [node, assign] = work.pop()!;
    if (node.type === 'object') {
      const obj: Record<string, unknown> = Object.create(null);
      // Last occurrence wins, as in JSON.parse and on the platform.
      for (let i = node.props.length - 1; i >= 0; i--) {
        const p = node.props[i];
        if (p.key in obj) continue;
        obj[p.key] = null;
        if (p.value) work.push([p.value, (v) => (obj[p.key] = v)]);
      }
      assign(obj);
    } else if (node.type === 'array') {
      const arr: unknown[] = new Array(node.items.length).fill(null);
      node.items.forEach((item, i) => work.push([item, (v) => (arr[i] = v)]));
      assign(arr);
    } else assign(node.type === 'invalid' ? null : node.value);
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

/** Edit distance with transpositions, for "did you mean" on unknown keys. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The real key an unknown key most likely meant: equal ignoring case, or within 2 edits. */
export function nearMiss(key: string, candidates: readonly string[] = RECORD_FIELDS): string | undefined {
  const lower = key.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const distance = editDistance(lower, c.toLowerCase());
    if (distance < bestDistance && distance < c.length) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
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

function propsNamed(node: ValueNode, key: string): PropNode[] {
  return node.type === 'object' ? node.props.filter((p) => p.key === key) : [];
}

function mapError(report: Report, root: ObjectNode, err: ErrorObject): void {
  const segments = err.instancePath === '' ? [] : err.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const found = nodeAt(root, segments);
  if (!found || found.node.type === 'invalid') return; // already a json-syntax error
  const { node } = found;
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
      for (const prop of propsNamed(node, extra)) unknownKey(report, prop, allowed, label);
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
        report.error('type-mismatch', `"${label}" must be ${expected(want)}; found ${describeNode(node)}.`, node);
      }
      return;
    }
  }
}

/** Runs the schema over the materialized top level; the top-level value must be an object. */
export function checkFields(report: Report, root: ObjectNode): void {
  for (const err of schemaErrors(toPlain(root))) mapError(report, root, err);
}
