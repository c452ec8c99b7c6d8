// The baseline validates with the extension's own draft-07 record schema, which already
// expresses the `details` link rules and the property limits as closely as draft-07 allows
// (maxLength counts characters, not UTF-8 bytes, so it misses some over-long values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONSchema } from 'vscode-json-languageservice';

export function loadBaselineSchema(root: string): JSONSchema {
  return JSON.parse(readFileSync(join(root, 'schemas/record-new.schema.json'), 'utf8')) as JSONSchema;
}
