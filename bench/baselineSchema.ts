// The baseline uses the extension's own draft-07 schema, link rules included (its maxLength
// counts characters, not UTF-8 bytes, so it misses some over-long values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONSchema } from 'vscode-json-languageservice';

export function loadBaselineSchema(root: string): JSONSchema {
  return JSON.parse(readFileSync(join(root, 'schemas/record-new.schema.json'), 'utf8')) as JSONSchema;
}
