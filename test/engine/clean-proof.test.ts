// The CLI's shortcut (recordDiagnostics): a record proven clean from JSON.parse's value skips the
// located pass. Proven records must be clean by validateRecord; everything else must come back
// exactly as validateRecord reports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordDiagnostics, validateRecord, type ValidateOptions } from '../../server/src/engine';
import { provenClean } from '../../server/src/engine/cleanProof';
import { FILE, PROJECT, RECORD, record } from './helpers';

const link = (id: string) => ({ $dnanexus_link: id });

function assertProven(text: string, options: ValidateOptions = {}): void {
  assert.deepEqual(validateRecord(text, options).diagnostics, [], 'the case must be clean');
  assert.equal(provenClean(text, options), true, `not proven clean: ${text.slice(0, 200)}`);
  assert.deepEqual(recordDiagnostics(text, options), []);
}

function assertNotProven(text: string, codes: string[], options: ValidateOptions = {}): void {
  const full = validateRecord(text, options).diagnostics;
  assert.deepEqual(full.map((d) => d.code), codes);
  assert.equal(provenClean(text, options), false, `proven clean, but validateRecord reports ${codes.join(', ')}`);
  assert.deepEqual(recordDiagnostics(text, options), full);
}

test('clean records of every field are proven clean, escapes, colons in strings and odd keys included', () => {
  assertProven(record());
  assertProven(
    record({
      name: 'Run 12 — 遺伝子 🧬 "quoted" \\ back\\slash',
      folder: '/runs/2026',
      parents: true,
      tags: ['a', 'b:c'],
      types: ['SequencingRun'],
      properties: { 'time:start': '10:00:00', '2': 'numeric key first in JSON.parse', __proto__x: 'y' },
      details: { reads: [link(FILE), { nested: { deeper: [link(RECORD)] } }], url: 'https://example.org/a:b', big: 1e20, n: null },
      nonce: 'n-1',
      initializeFrom: { project: PROJECT, id: RECORD },
    }),
  );
  assertProven(`{"project": "${PROJECT}", "details": {"__proto__": {"$dnanexus_link": "${FILE}"}, "\\u0061": "\\"}:"}}`);
  assertProven(`\n\t{ "project" :"${PROJECT}" , "details" : [ ] }\r\n`);
});

test('a valid typed record is proven clean; one its type rejects is not', () => {
  const asset = { types: ['AssetBundle'], details: { archiveFileId: link(FILE) }, properties: { version: '1.0.0' } };
  assertProven(record(asset));
  assertNotProven(record({ ...asset, details: {} }), ['type-details-invalid']);
});

test('duplicate keys anywhere are left to the located pass, with or without colons inside strings', () => {
  assertNotProven(`{"project": "${PROJECT}", "name": "a", "name": "b"}`, ['duplicate-key']);
  assertNotProven(`{"project": "${PROJECT}", "details": {"x": {"k": 1, "k": 2}}}`, ['duplicate-key']);
  assertNotProven(`{"project": "${PROJECT}", "tags": ["a:b"], "details": {"k": "1:2", "k": 2}}`, ['duplicate-key']);
  assertNotProven(`{"project": "${PROJECT}", "details": {"a": 1, "\\u0061": 2}}`, ['duplicate-key']);
});

test('every link that draws a diagnostic is left to the located pass', () => {
  const withDetails = (details: unknown) => record({ details });
  assertNotProven(withDetails({ a: { $dnanexus_link: FILE, extra: 1 } }), ['link-extra-keys']);
  assertNotProven(withDetails({ a: link(5 as unknown as string) }), ['link-value-not-string']);
  assertNotProven(withDetails([{ $dnanexus_link: { project: PROJECT, id: FILE } }]), ['link-project-form']);
  assertNotProven(withDetails({ a: link('file-123') }), ['link-target-malformed']);
  assertNotProven(withDetails({ a: link('file-AAAAAAAAAAAAAAAAAAAAAAAA') }), ['id-alphabet']);
});

test('a link outside details is not a link: only details is checked for them', () => {
  assertNotProven(record({ properties: { a: link('x') as unknown as string } }), ['property-value-not-string']);
});

test('texts too big to rule out details-large, non-objects and syntax errors are left to the located pass', () => {
  const details = { text: 'x'.repeat(100) };
  assertNotProven(record({ details }), ['details-large'], { detailsLargeBytes: 50 });
  // Far under the limit in bytes, but the text is too long for the proof to rule it out without counting.
  assert.equal(provenClean(record({ details }), { detailsLargeBytes: 600 }), false);
  assertNotProven('[]', ['not-an-object']);
  assertNotProven(`{"project": "${PROJECT}",}`, ['json-syntax']);
  assertNotProven(`{"project": "${PROJECT}" /* c */}`, ['json-syntax']);
  assertNotProven(`\uFEFF{"project": "${PROJECT}", "name": ""}`, ['name-invalid']);
});

test('warnings and information count as diagnostics: such records are not proven clean', () => {
  assertNotProven(record({ folder: '/runs' }), ['folder-needs-parents']);
  assertNotProven(record({ id: RECORD }), ['describe-field']);
  assertNotProven(record({ types: ['Datasett'] }), ['type-name-near-miss']);
  assertNotProven(record({ types: ['a-b'] }), ['type-name-invalid']);
  assertNotProven(record({ projekt: 1 }), ['unknown-field']);
  assertNotProven(JSON.stringify({ name: 'x' }), ['missing-project']);
});

test('the schema sees the parsed record as the located pass gives it: a "__proto__" key is a key, unknown containers are there', () => {
  assertNotProven(`{"project": "${PROJECT}", "__proto__": {"name": "x"}}`, ['unknown-field']);
  assertNotProven(`{"project": "${PROJECT}", "__proto__": 1}`, ['unknown-field']);
  assertNotProven(`{"project": "${PROJECT}", "extra": []}`, ['unknown-field']);
  // Names Object.prototype has are unknown keys like any other, whatever the schema's input is made of.
  assertNotProven(`{"project": "${PROJECT}", "constructor": 1, "hasOwnProperty": {}, "toString": []}`, ['unknown-field', 'unknown-field', 'unknown-field']);
  assertNotProven(`{"project": "${PROJECT}", "properties": {"__proto__": 1}}`, ['property-value-not-string']);
  assertNotProven(`{"project": "${PROJECT}", "initializeFrom": {"project": "${PROJECT}", "__proto__": {"id": "${RECORD}"}}}`, ['type-mismatch', 'unknown-field']);
  assertNotProven(`{"project": "${PROJECT}", "details": 5}`, ['details-not-container']);
});
