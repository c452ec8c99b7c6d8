// The draft-07 schema the baseline validates with: the extension's own record schema, plus
// the `details` link rules and UTF-8 limits that our engine implements in code, expressed as
// closely as draft-07 allows (maxLength counts characters, not UTF-8 bytes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONSchema } from 'vscode-json-languageservice';

const LINK_TARGET = '^(record|file|applet|workflow|database)-[0-9A-Za-z]{24}$';

/** Any JSON value inside `details`: an object with `$dnanexus_link` must be exactly a string link. */
const detailsValue: JSONSchema = {
  if: { type: 'object', required: ['$dnanexus_link'] },
  then: {
    properties: { $dnanexus_link: { type: 'string', pattern: LINK_TARGET } },
    additionalProperties: false,
  },
  else: {
    additionalProperties: { $ref: '#/definitions/detailsValue' },
    items: { $ref: '#/definitions/detailsValue' },
  },
};

export function loadBaselineSchema(root: string): JSONSchema {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/record-new.schema.json'), 'utf8')) as JSONSchema;
  const properties = { ...(schema.properties ?? {}) };
  properties.details = { ...(properties.details as JSONSchema), allOf: [{ $ref: '#/definitions/detailsValue' }] };
  properties.properties = {
    ...(properties.properties as JSONSchema),
    additionalProperties: { type: 'string', maxLength: 700 },
    propertyNames: { minLength: 1, maxLength: 100 },
  };
  return {
    ...schema,
    properties,
    definitions: { ...(schema.definitions ?? {}), detailsValue },
  };
}
