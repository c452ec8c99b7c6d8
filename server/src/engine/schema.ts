// The /record/new JSON schema and its validator (made on first use), plus the field lists other
// modules share.

import type { ErrorObject, ValidateFunction } from 'ajv';
import recordSchema from '../../../schemas/record-new.schema.json';
import { compileRecordSchema } from './schemaValidator';

export { recordSchema };

/** Top-level keys /record/new takes, in the order completion offers them. */
export const RECORD_FIELDS: readonly string[] = Object.keys(recordSchema.properties);

/** Keys that describe returns but /record/new does not take (docs/platform-notes.md#top-level-keys, decision 8: a warning, not an error). */
export const DESCRIBE_FIELDS: readonly string[] = ['id', 'class', 'created', 'modified', 'links', 'state', 'createdBy', 'sponsored'];

let compiled: ValidateFunction | undefined;

/** Structural errors (type, required, additionalProperties) for a materialized top-level model. */
export function schemaErrors(model: unknown): ErrorObject[] {
  compiled ??= compileRecordSchema();
  return compiled(model) ? [] : [...(compiled.errors ?? [])];
}
