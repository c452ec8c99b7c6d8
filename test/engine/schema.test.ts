import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { NONCE_MAX_BYTES, PROPERTY_KEY_MAX_BYTES, PROPERTY_VALUE_MAX_BYTES, recordSchema, RECORD_FIELDS } from '../../server/src/engine';

interface FieldSchema {
  type?: unknown;
  description?: string;
  markdownDescription?: string;
  examples?: unknown[];
  properties?: Record<string, FieldSchema>;
}

test('the schema is draft-07, requires project and rejects unknown keys', () => {
  assert.equal(recordSchema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(recordSchema.required, ['project']);
  assert.equal(recordSchema.additionalProperties, false);
  const validate = new Ajv({ strict: false, allErrors: true }).compile(recordSchema);
  assert.equal(validate({ project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq' }), true);
  assert.equal(validate({ project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', detials: {} }), false);
});

test('every field has a type, hover docs and examples for completion', () => {
  const fields = recordSchema.properties as Record<string, FieldSchema>;
  for (const name of RECORD_FIELDS) {
    const field = fields[name];
    assert.ok(field.type, name);
    assert.ok(field.description && field.description.length > 20, `${name} description`);
    assert.ok(field.markdownDescription, `${name} markdownDescription`);
    if (name !== 'initializeFrom') assert.ok(field.examples?.length, `${name} examples`);
  }
  for (const [name, field] of Object.entries(fields.initializeFrom.properties ?? {})) assert.ok(field.description, name);
});

test('the schema states the link rule for details at any depth, for JSON-Schema-only tools', () => {
  const validate = new Ajv({ strict: false }).compile(recordSchema);
  const base = { project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq' };
  assert.equal(validate({ ...base, details: { a: [[{ $dnanexus_link: 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz' }]] } }), true);
  assert.equal(validate({ ...base, details: { a: [[{ $dnanexus_link: { id: 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz' } }]] } }), false);
  assert.equal(validate({ ...base, details: { a: [[{ $dnanexus_link: 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz', x: 1 }]] } }), false);
});

test("the schema's length limits are the byte limits the rules check", () => {
  const fields = recordSchema.properties;
  assert.equal(fields.properties.propertyNames.maxLength, PROPERTY_KEY_MAX_BYTES);
  assert.equal(fields.properties.additionalProperties.maxLength, PROPERTY_VALUE_MAX_BYTES);
  assert.equal(fields.nonce.maxLength, NONCE_MAX_BYTES);
});
