// The rule registry is the one table of codes: each row's modules really report the code, the
// engine reports it with a severity the row lists, and the README's code table is rendered from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateRecord, type ValidateOptions } from '../../server/src/engine';
import { RULES, type DiagnosticCode, type RuleEntry } from '../../server/src/engine/rules/registry';
import { withCodeTable } from '../../scripts/codeTable';

const P = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const R = 'record-B0FJgXy4Zg231jgbQ9zQ0004';
const record = (fields: Record<string, unknown>) => JSON.stringify({ project: P, ...fields });

const F = 'file-B0FJgXy4Zg231jgbQ9zQ0005';
const teamType = (text: string): ValidateOptions => ({ types: { Team: { source: '.dxrecord/types/Team.schema.json', text } } });

/** A document (and the options it needs) that makes the engine report the code, for every code the engine reports. */
const SAMPLES: Partial<Record<DiagnosticCode, (string | [string, ValidateOptions])[]>> = {
  'json-syntax': ['{"project": '],
  'duplicate-key': ['{"project": "' + P + '", "name": "a", "name": "b"}'],
  'not-an-object': ['[1]'],
  'missing-project': ['{}'],
  'unknown-field': [record({ detials: {} })],
  'describe-field': [record({ id: R })],
  'type-mismatch': [record({ name: 1 })],
  'invalid-id': [record({ project: 'project-123' })],
  'wrong-id-class': [record({ project: R })],
  'id-alphabet': [record({ project: 'project-AAAAAAAAAAAAAAAAAAAAAAAA' })],
  'name-invalid': [record({ name: '' })],
  'tag-empty': [record({ tags: [''] })],
  'type-name-invalid': [record({ types: ['a b'] }), record({ types: ['a-b'] })],
  'property-value-not-string': [record({ properties: { a: 1 } })],
  'property-key-too-long': [record({ properties: { ['k'.repeat(101)]: 'v' } })],
  'property-value-too-long': [record({ properties: { k: 'v'.repeat(701) } })],
  'property-key-empty': [record({ properties: { '': 'v' } })],
  'details-not-container': [record({ details: 1 })],
  'details-large': [record({ details: { big: 'x'.repeat(1024 * 1024) } })],
  'link-extra-keys': [record({ details: { a: { $dnanexus_link: R, x: 1 } } })],
  'link-value-not-string': [record({ details: { a: { $dnanexus_link: 1 } } })],
  'link-project-form': [record({ details: { a: { $dnanexus_link: { project: P, id: R } } } })],
  'link-target-malformed': [record({ details: { a: { $dnanexus_link: 'nope' } } })],
  'folder-invalid': [record({ folder: 'samples' })],
  'folder-not-normalized': [record({ folder: '/a/', parents: true })],
  'folder-needs-parents': [record({ folder: '/a' })],
  'nonce-invalid': [record({ nonce: '' })],
  'type-details-invalid': [record({ types: ['AssetBundle'], details: {}, properties: { version: '1' } })],
  'type-link-class': [record({ types: ['AssetBundle'], details: { archiveFileId: R }, properties: { version: '1' } })],
  'type-rule': [
    record({ types: ['ContigSet'], details: { contigs: { names: ['a', 'a'], sizes: [1, 2] } } }),
    record({ types: ['ContigSet'], details: { contigs: { names: ['a'], sizes: [0] } } }),
  ],
  'type-property-missing': [record({ types: ['AssetBundle'], details: { archiveFileId: { $dnanexus_link: F } } })],
  'type-schema-invalid': [[record({ types: ['Team'] }), teamType('{"type": "strin"}')]],
  'type-name-near-miss': [record({ types: ['Assetbundle'] })],
};

const rows = Object.entries(RULES as Record<string, RuleEntry>);

test('every code the engine reports has a sample, and reports it with a severity its row lists', () => {
  const engineCodes = rows.filter(([, rule]) => rule.module.includes('server/src/engine/')).map(([code]) => code);
  assert.deepEqual(Object.keys(SAMPLES).sort(), engineCodes.sort(), 'one sample per engine code');
  const seen = new Map<string, Set<string>>();
  for (const [code, texts] of Object.entries(SAMPLES)) {
    for (const sample of texts!) {
      const [text, options] = typeof sample === 'string' ? [sample, undefined] : sample;
      const found = validateRecord(text, options).diagnostics.filter((d) => d.code === code);
      assert.ok(found.length > 0, `sample for ${code} does not report it: ${text.slice(0, 80)}`);
      for (const d of found) {
        assert.ok((RULES[code as DiagnosticCode].severities as readonly string[]).includes(d.severity), `${code} reported as ${d.severity}`);
        seen.set(code, (seen.get(code) ?? new Set()).add(d.severity));
      }
    }
  }
  // A row that lists two severities for the engine alone must have samples showing both.
  assert.deepEqual([...seen.get('type-name-invalid')!].sort(), ['error', 'warning']);
  assert.deepEqual([...seen.get('type-rule')!].sort(), ['error', 'warning']);
});

test("each row's modules contain the code they are said to report", () => {
  for (const [code, rule] of rows) {
    const modules = rule.module.split(',').map((path) => readFileSync(path.trim(), 'utf8'));
    assert.ok(modules.some((source) => source.includes(`'${code}'`)), `${code}: none of ${rule.module} mentions it`);
  }
});

test("the README's code table is the registry's", () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(withCodeTable(readme), readme, 'run `npm run docs:codes`');
  for (const [code] of rows) assert.ok(readme.includes(`| \`${code}\` |`), code);
});
