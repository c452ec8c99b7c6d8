// The CLI bundle validates the record schema with ajv's standalone code generated at build time,
// with exactly the diagnostics the engine gives from source (where ajv compiles at run time). ajv's
// compiler is in the bundle only for type schemas, and loaded only when a typed record needs one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateRecord } from '../../server/src/engine';
import { CLI, CLI_BUNDLE, runCli, writeIn, type JsonOutput } from './helpers';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const SCHEMA_CASES: Record<string, string> = {
  'missing-project': '{"name": "x"}',
  'unknown-and-describe': `{"project": "${PROJECT}", "detials": {}, "id": "record-x", "colour": 1}`,
  types: `{"project": 5, "hidden": "yes", "tags": [1, ""], "types": "T", "details": 3, "close": null}`,
  properties: `{"project": "${PROJECT}", "properties": {"a": 1, "b": null, "c": {"d": "e"}, "": "v"}}`,
  'initialize-from': `{"project": "${PROJECT}", "initializeFrom": {"project": 1, "extra": true}}`,
  valid: `{"project": "${PROJECT}", "name": "n", "tags": ["t"], "properties": {"k": "v"}, "details": [{"$dnanexus_link": "file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz"}]}`,
};

let dir: string;
before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build`');
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-schema-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("the CLI bundle holds the record schema's precompiled code with ajv's runtime helpers", () => {
  const map = JSON.parse(readFileSync(`${CLI_BUNDLE}.map`, 'utf8')) as { sources: string[]; sourcesContent: string[] };
  assert.ok(map.sources.some((s) => /node_modules[\\/]ajv[\\/].*[\\/]runtime[\\/]/.test(s)), 'no ajv runtime helper: the schema is not checked');
  const validator = map.sources.findIndex((s) => s.endsWith('schemaValidator.ts'));
  assert.ok(validator >= 0, 'the record schema validator is bundled');
  assert.ok(!/new Ajv|\.compile\(/.test(map.sourcesContent[validator]), 'the bundled record schema validator compiles nothing at run time');
});

test('the precompiled schema gives exactly the diagnostics of the run-time compiled one', () => {
  for (const [name, text] of Object.entries(SCHEMA_CASES)) writeIn(dir, `${name}.dxrecord.json`, text);
  const run = runCli(dir, ['validate', '--format', 'json', '.']);
  const out = JSON.parse(run.stdout) as JsonOutput;
  assert.equal(out.files.length, Object.keys(SCHEMA_CASES).length);
  for (const file of out.files) {
    const name = file.path.replace(/\.dxrecord\.json$/, '');
    const expected = validateRecord(SCHEMA_CASES[name]).diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
    assert.deepEqual(file.diagnostics, expected, name);
    if (name !== 'valid') assert.ok(expected.length > 0, name);
  }
});
