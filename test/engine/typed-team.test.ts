// A team's own type schemas, handed to the engine as options: both drafts, x-dx-link, x-dx-record,
// a workspace schema replacing a built-in one, and broken schemas that never silence the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTypeSchema, type ValidateOptions } from '../../server/src/engine';
import { FILE, RECORD, codes, one, record, spanOf, validate } from './helpers';

const SOURCE = '.dxrecord/types/SampleSheet.schema.json';
const withType = (schema: unknown, name = 'SampleSheet'): ValidateOptions => ({
  types: { [name]: { source: SOURCE, text: typeof schema === 'string' ? schema : JSON.stringify(schema) } },
});
const link = (id: string) => ({ $dnanexus_link: id });

const SHEET = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['samples'],
  properties: {
    samples: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['id', 'reads'], properties: { id: { type: 'string' }, reads: { 'x-dx-link': ['file'] } } },
    },
    anyLink: { 'x-dx-link': true },
    anyLink2: { 'x-dx-link': [] },
  },
  'x-dx-record': {
    properties: { type: 'object', required: ['run'], properties: { run: { type: 'string', pattern: '^R[0-9]+$' } } },
    tags: { type: 'array', contains: { const: 'sample-sheet' } },
    name: { type: 'string', pattern: '\\.csv$' },
  },
};

const good = { types: ['SampleSheet'], details: { samples: [{ id: 's1', reads: link(FILE) }], anyLink: link(RECORD), anyLink2: link(FILE) }, properties: { run: 'R12' }, tags: ['sample-sheet'], name: 'sheet.csv' };

test('a draft-07 team schema: a valid record is clean; a missing field and a wrong link class name the type and its file', () => {
  assert.deepEqual(codes(validate(record(good), withType(SHEET))), []);
  const bad = record({ ...good, details: { samples: [{ id: 's1', reads: link(RECORD) }, { reads: link(FILE) }] } });
  const result = validate(bad, withType(SHEET));
  assert.deepEqual(codes(result).sort(), ['type-details-invalid', 'type-link-class']);
  const missing = one(result, 'type-details-invalid');
  assert.equal(missing.message, `SampleSheet records need \`details.samples[1].id\` (${SOURCE}).`);
  assert.deepEqual(JSON.parse(spanOf(bad, missing)), { reads: link(FILE) }, 'an array item holds the gap: its value is the smallest node');
  assert.match(one(result, 'type-link-class').message, /`details.samples\[0\].reads` links to a record/);
});

test('x-dx-link true or [] takes a link of any class but not a bare ID', () => {
  const text = record({ ...good, details: { ...good.details, anyLink: RECORD, anyLink2: { x: 1 } } });
  const result = validate(text, withType(SHEET));
  const found = result.diagnostics.filter((d) => d.code === 'type-link-class').map((d) => [spanOf(text, d).replace(/\s/g, ''), d.message.replace(/ \(.*$/, '')]);
  assert.deepEqual(found, [
    [JSON.stringify(RECORD), `\`details.anyLink\` holds the bare ID "${RECORD}"; a link to a data object is written {"$dnanexus_link": "${RECORD}"}`],
    ['{"x":1}', '`details.anyLink2` is not a link to a data object; write {"$dnanexus_link": "file-…"}'],
  ]);
});

test('x-dx-record checks properties, tags and name, each on its own node', () => {
  const text = record({ ...good, properties: { run: 'X1' }, tags: ['other'], name: 'sheet.txt' });
  const result = validate(text, withType(SHEET));
  const spans = result.diagnostics.map((d) => [d.code, spanOf(text, d).replace(/\s/g, '')]);
  // `contains` reports the item that failed and the array that lacks a match.
  assert.deepEqual(spans, [
    ['type-details-invalid', '"X1"'],
    ['type-details-invalid', '["other"]'],
    ['type-details-invalid', '"other"'],
    ['type-details-invalid', '"sheet.txt"'],
  ]);
  const noProps = record({ ...good, properties: undefined });
  const d = one(validate(noProps, withType(SHEET)), 'type-details-invalid');
  assert.equal(spanOf(noProps, d), '"SampleSheet"');
  assert.match(d.message, /need `properties.run`/);
});

test('a 2020-12 schema is compiled as 2020-12 (prefixItems applies)', () => {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] } } };
  assert.deepEqual(codes(validate(record({ types: ['Pair'], details: { pair: ['a', 1] } }), withType(schema, 'Pair'))), []);
  const text = record({ types: ['Pair'], details: { pair: ['a', 'b'] } });
  const d = one(validate(text, withType(schema, 'Pair')), 'type-details-invalid');
  assert.equal(spanOf(text, d), '"b"');
  // Under draft-07 the same keyword is unknown and ignored.
  const draft7 = { ...schema, $schema: 'http://json-schema.org/draft-07/schema#' };
  assert.deepEqual(codes(validate(text, withType(draft7, 'Pair'))), []);
});

test('a workspace schema for a built-in type name replaces the built-in schema and its conventions', () => {
  const text = record({ types: ['AssetBundle'], details: { mine: 1 } });
  assert.deepEqual(codes(validate(text)).sort(), ['type-details-invalid', 'type-property-missing']);
  assert.deepEqual(codes(validate(text, withType({ type: 'object' }, 'AssetBundle'))), []);
});

test('a broken schema is one type-schema-invalid on its types entry, and the other rules still run', () => {
  for (const [text, why] of [
    ['{"type": "strin"}', /schema\/type must be equal to one of the allowed values/],
    ['{"type": ', /not valid JSON/],
    ['[1]', /must be a JSON object/],
    ['{"$ref": "#/definitions/nowhere"}', /can't resolve reference/],
    ['{"$schema": "http://example.com/unknown"}', /no schema with key or ref/],
    ['{"x-dx-record": 3}', /"x-dx-record" must be an object/],
    ['{"x-dx-record": {"tags": {"minItems": -1}}}', /must be >= 0/],
  ] as const) {
    const doc = record({ types: ['Other', 'SampleSheet'], name: '', details: { a: { $dnanexus_link: 5 } } });
    const result = validate(doc, withType(text));
    const d = one(result, 'type-schema-invalid');
    assert.equal(spanOf(doc, d), '"SampleSheet"');
    assert.match(d.message, why);
    assert.ok(d.message.includes(SOURCE));
    assert.deepEqual(codes(result).sort(), ['link-value-not-string', 'name-invalid', 'type-schema-invalid'], text);
  }
  const unreadable = validate(record({ types: ['SampleSheet'] }), { types: { SampleSheet: { source: SOURCE, readError: 'permission denied' } } });
  assert.match(one(unreadable, 'type-schema-invalid').message, /permission denied/);
});

test('a team type named once per record is reported once even when listed twice', () => {
  const once = validate(record({ types: ['SampleSheet'], details: {} }), withType(SHEET)).diagnostics;
  const twice = validate(record({ types: ['SampleSheet', 'SampleSheet'], details: {} }), withType(SHEET)).diagnostics;
  assert.deepEqual(twice.map((d) => d.message), once.map((d) => d.message));
  assert.equal(once.length, 3, "details.samples, properties.run, and tags lacking sample-sheet");
});

test('checkTypeSchema: clean schemas have no diagnostics; syntax and compile problems are placed in the schema file', () => {
  assert.deepEqual(checkTypeSchema(JSON.stringify(SHEET, null, 2), 'SampleSheet'), []);
  const syntax = '{\n  "type": "object",\n  "properties": {,}\n}';
  const s = checkTypeSchema(syntax, 'SampleSheet');
  assert.ok(s.length >= 1);
  assert.ok(s.every((d) => d.code === 'type-schema-invalid' && d.severity === 'error'));
  assert.equal(s[0].range.start.line, 2);
  const compile = '{\n  "properties": {\n    "a": {"type": "strin"}\n  }\n}';
  const [c] = checkTypeSchema(compile, 'SampleSheet');
  assert.equal(spanOf(compile, c), '"type"');
  assert.match(c.message, /SampleSheet type schema does not compile/);
  const sub = '{"x-dx-record": {"name": {"type": 5}}}';
  assert.equal(spanOf(sub, checkTypeSchema(sub, 'T')[0]), '"type"');
});
