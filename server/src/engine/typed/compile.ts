// Type schemas compiled once: the built-in catalogue (schemas/types/) on first use, a workspace
// schema once per distinct text (cached, so re-validating on every keystroke never recompiles).
// Draft-07 and 2020-12 both, chosen by `$schema`. Never throws: a broken schema is a result.

import type { AnySchemaObject, default as Ajv, ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020';
import { BUILT_IN_SCHEMAS } from './builtins';
import { linkKeyword } from './links';
import { pointerSegments } from '../model';
import type { TypeSchemaSource, TypeSchemas } from '../types';


export interface CompiledType {
  name: string;
  /** `built-in` or the schema file's label. */
  source: string;
  schema: AnySchemaObject;
  details: ValidateFunction;
  /** From `x-dx-record`: schemas for the rest of the record. */
  record: Partial<Record<RecordPart, ValidateFunction>>;
}

export const RECORD_PARTS = ['properties', 'tags', 'name'] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];

/** `at`: the JSON pointer segments, inside the schema file, of what is wrong (when known). */
export type CompileOutcome = { type: CompiledType } | { problem: string; at?: string[] };

// verbose: errors carry their schema, whose `description` messages quote. strict: false lets
// schemas carry editor keywords (markdownDescription) and `x-dx-record`.
const OPTIONS = { allErrors: true, verbose: true, strict: false, logger: false as const };
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * ajv's compiler is loaded only when a typed record first needs a schema compiled: untyped
 * records (and the CLI's start-up) run on the record schema's precompiled code alone.
 */
function newAjv(schema: AnySchemaObject): Ajv | Ajv2020 {
  const is2020 = typeof schema.$schema === 'string' && schema.$schema.replace(/#$/, '') === DRAFT_2020;
  const ajv = is2020
    ? new (require('ajv/dist/2020') as { default: typeof Ajv2020 }).default(OPTIONS)
    : new (require('ajv') as { default: typeof Ajv }).default(OPTIONS);
  ajv.addKeyword(linkKeyword);
  return ajv;
}

/** Compiles a parsed schema in its own ajv instance, so one schema's `$id` never clashes with another's. */
export function compileSchema(name: string, schema: unknown, source: string): CompileOutcome {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { problem: 'the schema must be a JSON object' };
  const root = schema as AnySchemaObject;
  try {
    const ajv = newAjv(root);
    const metaProblem = (schema: AnySchemaObject, prefix: string[]): CompileOutcome | undefined => {
      if (ajv.validateSchema(schema)) return undefined;
      const errors = ajv.errors ?? [];
      return { problem: ajv.errorsText(errors, { dataVar: 'schema' }), at: [...prefix, ...pointerSegments(errors[0]?.instancePath ?? '')] };
    };
    const rootProblem = metaProblem(root, []);
    if (rootProblem) return rootProblem;
    const record: CompiledType['record'] = {};
    const extra = root['x-dx-record'];
    if (extra !== undefined) {
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return { problem: '"x-dx-record" must be an object {"properties", "tags", "name"}', at: ['x-dx-record'] };
      for (const part of RECORD_PARTS) {
        const sub = (extra as Record<string, unknown>)[part];
        if (sub === undefined) continue;
        const subProblem = metaProblem(sub as AnySchemaObject, ['x-dx-record', part]);
        if (subProblem) return subProblem;
        record[part] = ajv.compile(sub as AnySchemaObject);
      }
    }
    return { type: { name, source, schema: root, details: ajv.compile(root), record } };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Parses and compiles a workspace schema's text; the cache makes a repeat free. */
const CACHE_LIMIT = 64;
const cache = new Map<string, CompileOutcome>();

export function compileSource(name: string, src: TypeSchemaSource): CompileOutcome {
  if (src.text === undefined) return { problem: src.readError ?? 'it could not be read' };
  const key = `${name}\0${src.source}\0${src.text}`;
  let outcome = cache.get(key);
  if (!outcome) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(src.text);
      outcome = compileSchema(name, parsed, src.source);
    } catch (error) {
      outcome = { problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, outcome);
  }
  return outcome;
}

const builtIns = new Map<string, CompiledType>();

/** The compiled built-in schema for a type name, or undefined when the catalogue has none. */
export function builtInType(name: string): CompiledType | undefined {
  if (!Object.hasOwn(BUILT_IN_SCHEMAS, name)) return undefined;
  let type = builtIns.get(name);
  if (!type) {
    const outcome = compileSchema(name, BUILT_IN_SCHEMAS[name], 'built-in');
    // The catalogue is ours and tested; a failure here is a bug worth surfacing loudly.
    if (!('type' in outcome)) throw new Error(`built-in type schema ${name} does not compile: ${outcome.problem}`);
    type = outcome.type;
    builtIns.set(name, type);
  }
  return type;
}

/**
 * The schema a type name gets: the workspace's (which replaces a built-in one of the same name),
 * else the built-in one; undefined when there is none. The engine and the editor both ask this.
 */
export function resolveType(name: string, types: TypeSchemas | undefined): (CompileOutcome & { source: string }) | undefined {
  if (types && Object.hasOwn(types, name)) return { ...compileSource(name, types[name]), source: types[name].source };
  const type = builtInType(name);
  return type ? { type, source: 'built-in' } : undefined;
}

