// `dxrecord validate` with a team's type schemas: found by walking up to the nearest .dxrecord/,
// or given with --types DIR; a broken schema is one diagnostic, never a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = join(resolve(__dirname, '../..'), 'dist/cli.js');
const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const FILE = 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz';
const SCHEMA = JSON.stringify({ type: 'object', required: ['reads'], properties: { reads: { 'x-dx-link': ['file'] } } }, null, 2);
const sheet = (details: unknown) => JSON.stringify({ project: PROJECT, types: ['SampleSheet'], details }, null, 2);

let dir: string;

function cli(args: string[], cwd = dir, input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', timeout: 60000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return path;
}

before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build`');
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-cli-types-'));
  write('team/.dxrecord/types/SampleSheet.schema.json', SCHEMA);
  write('team/runs/2024/bad.dxrecord.json', sheet({ reads: 'nope' }));
  write('team/runs/2024/good.dxrecord.json', sheet({ reads: { $dnanexus_link: FILE } }));
  write('elsewhere/bad.dxrecord.json', sheet({ reads: 'nope' }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a record finds its team schema by walking up to the nearest .dxrecord/', () => {
  const run = cli(['validate', 'team/runs']);
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2, run.stdout);
  assert.match(lines[0], /^team\/runs\/2024\/bad\.dxrecord\.json:7:14: error type-link-class `details\.reads` holds text, not a link to a file.*\(SampleSheet, team\/\.dxrecord\/types\/SampleSheet\.schema\.json\)/);
  assert.equal(lines[1], '2 files checked: 1 error, 0 warnings');
});

test('a record with no .dxrecord/ above it is not checked against the team type', () => {
  const run = cli(['validate', 'elsewhere']);
  assert.equal(run.code, 0, run.stdout);
});

test('the nearest .dxrecord/ wins, even one without that type', () => {
  write('team/inner/.dxrecord/types/Other.schema.json', '{}');
  write('team/inner/bad.dxrecord.json', sheet({ reads: 'nope' }));
  assert.equal(cli(['validate', 'team/inner/bad.dxrecord.json']).code, 0);
});

test('--types DIR applies one folder of schemas to every record, standard input included', () => {
  const run = cli(['validate', '--format', 'json', '--types', 'team/.dxrecord/types', 'elsewhere/bad.dxrecord.json', '-'], dir, sheet({}));
  assert.equal(run.code, 1, run.stderr);
  const doc = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  assert.deepEqual(doc.files.map((f) => [f.path, f.diagnostics.map((d) => d.code)]), [
    ['elsewhere/bad.dxrecord.json', ['type-link-class']],
    ['<stdin>', ['type-details-invalid']],
  ]);
  assert.equal(cli(['validate', '--types=team/.dxrecord/types', 'elsewhere']).code, 1);
});

test('standard input walks up from the current folder', () => {
  const run = cli(['validate', '-'], join(dir, 'team/runs'), sheet({ reads: 'nope' }));
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^<stdin>:7:14: error type-link-class /);
});

test('a broken schema is one type-schema-invalid on the types entry; the other rules still report', () => {
  write('broken/.dxrecord/types/SampleSheet.schema.json', '{"type": "strin"');
  write('broken/r.dxrecord.json', JSON.stringify({ project: PROJECT, types: ['SampleSheet'], tags: [''] }, null, 2));
  const run = cli(['validate', 'broken']);
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^broken\/r\.dxrecord\.json:4:5: error type-schema-invalid The schema for type "SampleSheet" \(broken\/\.dxrecord\/types\/SampleSheet\.schema\.json\) cannot be used: it is not valid JSON/);
  assert.match(lines[1], /error tag-empty/);
  assert.equal(lines.length, 3);
});

test('--types that is not a folder, or has no value, is a usage error (exit 2); the usage text names it', () => {
  const missing = cli(['validate', '--types', 'nowhere', 'team']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--types nowhere is not a readable folder/);
  assert.equal(cli(['validate', 'team', '--types']).code, 2);
  assert.match(cli(['--help']).stdout, /--types DIR/);
});

test('the shipped typed examples: valid ones are clean, each broken one reports its typed problems', () => {
  const root = resolve(__dirname, '../..');
  const valid = spawnSync(process.execPath, [CLI, 'validate', '--quiet', 'examples/typed/valid'], { cwd: root, encoding: 'utf8' });
  assert.equal(valid.status, 0, valid.stdout);
  assert.match(valid.stdout, /^2 files checked: 0 errors, 0 warnings\n$/);
  const broken = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', 'examples/typed/invalid'], { cwd: root, encoding: 'utf8' });
  const doc = JSON.parse(broken.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  const byFile = Object.fromEntries(doc.files.map((f) => [f.path, [...new Set(f.diagnostics.map((d) => d.code))].sort()]));
  assert.deepEqual(byFile, {
    'examples/typed/invalid/bwa-asset-broken.dxrecord.json': ['type-link-class', 'type-name-near-miss', 'type-property-missing'],
    'examples/typed/invalid/run-0043.dxrecord.json': ['type-details-invalid', 'type-link-class'],
  });
});
