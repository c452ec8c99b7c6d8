// Typed details (decision 9, docs/platform-notes.md#typed-details): each of a record's `types`
// with a schema — a workspace one (options.types) or the built-in catalogue — checks `details`,
// and through `x-dx-record` the properties, tags and name; built-in types add their cross-field
// rules. The platform checks none of it, so every message names the type that asked.

import type { ErrorObject } from 'ajv';
import type { PropNode, ScalarNode } from '../model';
import type { Report, Span } from '../report';
import { pointerSegments } from '../model';
import { RECORD_PARTS, resolveType, type CompiledType } from '../typed/compile';
import type { TypeSchemas } from '../types';
import { BUILT_IN_TYPE_NAMES } from '../typed/builtins';
import { CONVENTIONS } from '../typed/conventions';
import { TypeReport } from '../typed/typeReport';
import { bareLinkId, LINK_KEYWORD } from '../typed/links';
import { labelOf, treePart, type CheckedPart } from '../typed/part';
import { nearMiss } from './fields';
import { isString, lastProp, lastValue } from './context';
import { quote } from './ids';


export interface TypedInput {
  report: Report;
  fields: PropNode[];
  types: TypeSchemas | undefined;
  /** `details` as plain data, built only when a type has a schema (undefined when the record has none). */
  details(): CheckedPart | undefined;
}

/** A type with a schema, and the `types` entry that named it. */
interface TypedEntry {
  type: CompiledType;
  entry: ScalarNode;
}

export function checkTyped(input: TypedInput): void {
  const node = lastValue(input.fields, 'types');
  if (node?.type !== 'array') return;
  const { report } = input;
  const typed: TypedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of node.items) {
    if (!isString(entry) || seen.has(entry.value)) continue;
    seen.add(entry.value);
    const name = entry.value;
    const outcome = resolveType(name, input.types);
    if (!outcome) nearMissType(report, entry);
    else if ('type' in outcome) typed.push({ type: outcome.type, entry });
    else {
      report.error(
        'type-schema-invalid',
        `The schema for type ${quote(name)} (${outcome.source}) cannot be used: ${outcome.problem}. Fix the schema file; the record's other checks still ran.`,
        entry,
      );
    }
  }
  if (typed.length === 0) return;
  const details = input.details();
  for (const { type, entry } of typed) {
    const out = new TypeReport(report, type);
    const detailsPart = details ?? { label: 'details', value: {}, siteAt: () => undefined, anchor: entry };
    runSchema(out, type.details, detailsPart, entry);
    for (const part of RECORD_PARTS) {
      const validate = type.record[part];
      const prop = lastProp(input.fields, part);
      if (!validate || (part === 'name' && !prop)) continue;
      runSchema(out, validate, treePart(part, prop, part === 'tags' ? [] : {}, entry), entry);
    }
    if (type.source === 'built-in') CONVENTIONS[type.name]?.({ out, details: detailsPart, properties: treePart('properties', lastProp(input.fields, 'properties'), {}, entry) });
    out.finish(entry);
  }
}

function describe(schema: unknown): string {
  const text = typeof schema === 'object' && schema !== null ? (schema as { description?: unknown }).description : undefined;
  return typeof text === 'string' ? text : '';
}

/** The nearest `description` below the schema's root on the way to the failing keyword: what the message quotes. */
function describeAt(root: unknown, schemaPath: string): string {
  let node = root;
  let found = '';
  for (const seg of pointerSegments(schemaPath.replace(/^#/, ''))) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<string, unknown>)[seg];
    found = describe(node) || found;
  }
  return found;
}

function runSchema(out: TypeReport, validate: CompiledType['details'], part: CheckedPart, entry: Span): void {
  if (validate(part.value)) return;
  for (const err of validate.errors ?? []) mapError(out, part, err, entry, validate.schema);
}

function mapError(out: TypeReport, part: CheckedPart, err: ErrorObject, entry: Span, schema: unknown): void {
  const segments = pointerSegments(err.instancePath);
  const site = part.siteAt(segments);
  const label = labelOf(part, segments);
  const { by } = out;
  switch (err.keyword) {
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      const what = describe((err.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties?.[missing]);
      // The smallest node that holds the gap: the parent object's key (or the part's key at the top).
      const span = segments.length === 0 ? part.anchor : (site?.key ?? site ?? entry);
      const source = out.type.source === 'built-in' ? '' : ` (${out.type.source})`;
      // What the quick fix inserts, and where: the object (absent when the part itself is missing).
      const objectOffset = site?.offset;
      const data = { missing, type: out.type.name, part: part.label, path: segments, ...(objectOffset === undefined ? {} : { objectOffset }) };
      out.add('type-details-invalid', 'error', `${out.type.name} records need \`${labelOf(part, [...segments, missing])}\`${what ? `: ${what}` : ''}${source}.`, span, data);
      return;
    }
    case 'additionalProperties': {
      const extra = String((err.params as { additionalProperty: string }).additionalProperty);
      const member = part.siteAt([...segments, extra]);
      out.add('type-details-invalid', 'error', `\`${labelOf(part, [...segments, extra])}\` is not a field the ${out.type.name} type allows; remove or rename it (${by}).`, member?.key ?? site ?? entry);
      return;
    }
    case LINK_KEYWORD: {
      const what = describeAt(schema, err.schemaPath);
      const id = bareLinkId(err.data);
      out.add('type-link-class', 'error', `\`${label}\` ${err.message} (${by}${what ? `: ${what}` : ''}).`, site ?? part.anchor, id ? { bareId: id } : undefined);
      return;
    }
  }
  const what = describeAt(schema, err.schemaPath);
  const allowed = err.keyword === 'enum' ? `: ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}` : '';
  const constant = err.keyword === 'const' ? ` ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}` : '';
  out.add('type-details-invalid', 'error', `\`${label}\` ${err.message ?? 'breaks the schema'}${constant}${allowed} (${by}${what ? `: ${what}` : ''}).`, site ?? part.anchor);
}

/**
 * A team's own type names recur in every record of a folder: each is compared with the built-in
 * names once. Bounded, since an editor session sees every prefix of a name being typed.
 */
const nearMissByName = new Map<string, string | undefined>();
const NEAR_MISS_MEMO = 1000;
/** A name more than one character longer than every built-in one is no near miss (nor kept in the memo). */
const NEAR_MISS_MAX_LENGTH = Math.max(...BUILT_IN_TYPE_NAMES.map((name) => name.length)) + 1;

function builtInNearMiss(name: string): string | undefined {
  if (name.length > NEAR_MISS_MAX_LENGTH) return undefined;
  if (nearMissByName.has(name)) return nearMissByName.get(name);
  if (nearMissByName.size >= NEAR_MISS_MEMO) nearMissByName.clear();
  const builtIn = nearMiss(name, BUILT_IN_TYPE_NAMES, 1);
  nearMissByName.set(name, builtIn);
  return builtIn;
}

/** `Assetbundle`, `Dataset `: one edit or only case away from a built-in type, so its checks never ran. */
function nearMissType(report: Report, entry: ScalarNode & { value: string }): void {
  const builtIn = builtInNearMiss(entry.value);
  if (!builtIn) return;
  report.warning(
    'type-name-near-miss',
    `Type ${quote(entry.value)} is not the built-in type "${builtIn}" (types are matched exactly, case included), so the ${builtIn} checks did not run and tools looking for "${builtIn}" will not find this record. Did you mean "${builtIn}"?`,
    entry,
    { suggestion: builtIn },
  );
}
