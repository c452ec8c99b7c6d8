// `dxrecord validate` as a real process: the bundled dist/cli.js and the package bin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli, writeIn, type JsonOutput } from './helpers';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const VALID = JSON.stringify({ project: PROJECT, name: 'ok' }, null, 2);
const INVALID = JSON.stringify({ project: 'project-1', tags: [''] }, null, 2);
const WARNING_ONLY = JSON.stringify({ project: PROJECT, id: 'record-x' }, null, 2);

let dir: string;

function cli(args: string[], input?: string, script = CLI) {
  return runCli(dir, args, input, script);
}

function write(path: string, text: string): string {
  return writeIn(dir, path, text);
}

before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-cli-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a valid file exits 0 with a clean summary', () => {
  write('good.dxrecord.json', VALID);
  const run = cli(['validate', 'good.dxrecord.json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '1 file checked: 0 errors, 0 warnings\n');
});

test('errors exit 1, one line each as file:line:col: severity code message with 1-based positions', () => {
  write('bad.dxrecord.json', INVALID);
  const run = cli(['validate', 'bad.dxrecord.json']);
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^bad\.dxrecord\.json:2:14: error invalid-id .*project-1/);
  assert.match(lines[1], /^bad\.dxrecord\.json:4:5: error tag-empty /);
  assert.equal(lines[2], '1 file checked: 2 errors, 0 warnings');
});

test('warnings alone exit 0; --quiet hides them but still counts them', () => {
  write('warn.dxrecord.json', WARNING_ONLY);
  const run = cli(['validate', 'warn.dxrecord.json']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /warn\.dxrecord\.json:3:3: warning describe-field /);
  const quiet = cli(['validate', '--quiet', 'warn.dxrecord.json']);
  assert.equal(quiet.code, 0);
  assert.equal(quiet.stdout, '1 file checked: 0 errors, 1 warning\n');
});

test('--format json prints one document with 0-based LSP positions and a summary', () => {
  write('bad.dxrecord.json', INVALID);
  write('warn.dxrecord.json', WARNING_ONLY);
  const run = cli(['validate', '--format', 'json', 'bad.dxrecord.json', 'warn.dxrecord.json']);
  assert.equal(run.code, 1);
  const out = JSON.parse(run.stdout) as JsonOutput;
  assert.deepEqual(out.summary, { files: 2, errors: 2, warnings: 1 });
  assert.deepEqual(out.files.map((f) => f.path), ['bad.dxrecord.json', 'warn.dxrecord.json']);
  const first = out.files[0].diagnostics[0];
  assert.deepEqual(first.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 24 } });
  assert.equal(first.severity, 'error');
  assert.equal(first.code, 'invalid-id');
  assert.equal(cli(['validate', '--format=json', 'warn.dxrecord.json']).code, 0);
});

test('a directory is searched for *.dxrecord.json, skipping node_modules and dot-folders', () => {
  write('tree/a.dxrecord.json', VALID);
  write('tree/sub/deeper/b.dxrecord.json', INVALID);
  write('tree/node_modules/pkg/c.dxrecord.json', INVALID);
  write('tree/.git/d.dxrecord.json', INVALID);
  write('tree/other.json', INVALID);
  const run = cli(['validate', '--format', 'json', 'tree']);
  const out = JSON.parse(run.stdout) as JsonOutput;
  assert.deepEqual(out.files.map((f) => f.path), [join('tree', 'a.dxrecord.json'), join('tree', 'sub', 'deeper', 'b.dxrecord.json')]);
  assert.equal(run.code, 1);
});

test('"-" reads standard input', () => {
  const good = cli(['validate', '-'], VALID);
  assert.equal(good.code, 0);
  const bad = cli(['validate', '--format', 'json', '-'], INVALID);
  assert.equal(bad.code, 1);
  assert.equal((JSON.parse(bad.stdout) as JsonOutput).files[0].path, '<stdin>');
});

test('an unreadable path exits 2 naming it on stderr, after checking the readable ones', () => {
  write('good.dxrecord.json', VALID);
  const run = cli(['validate', 'good.dxrecord.json', 'missing.dxrecord.json']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /cannot read missing\.dxrecord\.json: no such file or directory/);
  assert.match(run.stdout, /1 file checked/);
});

test('usage errors exit 2 with the usage on stderr; --help exits 0', () => {
  for (const args of [[], ['validate'], ['check', 'x'], ['validate', '--format', 'xml', 'x'], ['validate', '--nope', 'x'], ['validate', '-', '-']]) {
    const run = cli(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /^dxrecord: .*\n\nUsage: dxrecord validate/);
  }
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--format text\|json/);
});

test('a BOM does not shift columns', () => {
  write('bom.dxrecord.json', '\uFEFF{"project": "project-1"}');
  assert.match(cli(['validate', 'bom.dxrecord.json']).stdout, /^bom\.dxrecord\.json:1:13: error invalid-id/);
});

test('files just under, at and over the 64 KiB read buffer are read whole, after smaller and larger ones', () => {
  // A record of exactly `size` bytes whose only problem, the empty name, is its last field.
  const sized = (size: number) => {
    const frame = (pad: string) => `{"project": "${PROJECT}", "details": {"pad": "${pad}"}, "name": ""}`;
    return frame('x'.repeat(size - frame('').length));
  };
  const sizes = [65535, 65536, 65537, 120, 200_000, 65536];
  sizes.forEach((size, i) => write(`buffer/r${i}.dxrecord.json`, sized(size)));
  const out = JSON.parse(cli(['validate', '--format', 'json', 'buffer']).stdout) as JsonOutput;
  assert.deepEqual(
    out.files.map((f) => f.diagnostics.map((d) => [d.code, d.range.start.character])),
    sizes.map((size) => [['name-invalid', size - 3]]),
  );
});

test('1,000 files are checked by one process, through the package bin', () => {
  for (let i = 0; i < 1000; i++) write(`many/r${String(i).padStart(4, '0')}.dxrecord.json`, i % 100 === 0 ? INVALID : VALID);
  const run = cli(['validate', '--format', 'json', 'many'], undefined, join(ROOT, 'bin/dxrecord.js'));
  assert.equal(run.code, 1);
  const out = JSON.parse(run.stdout) as JsonOutput;
  assert.deepEqual(out.summary, { files: 1000, errors: 20, warnings: 0 });
  assert.equal(out.files.filter((f) => f.diagnostics.length > 0).length, 10);
});

test('the bundled examples: valid ones are clean, the invalid one shows many codes', () => {
  const valid = spawnSync(process.execPath, [CLI, 'validate', 'examples/valid'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(valid.status, 0, valid.stdout);
  assert.match(valid.stdout, /^\d+ files checked: 0 errors, 0 warnings\n$/);
  const invalid = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', 'examples/invalid'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(invalid.status, 1);
  const codes = new Set((JSON.parse(invalid.stdout) as JsonOutput).files.flatMap((f) => f.diagnostics.map((d) => d.code)));
  assert.ok(codes.size >= 8, [...codes].join(' '));
});

test('`npx dxrecord validate` resolves the package bin from the repository root, offline', () => {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const run = spawnSync(npx, ['--no-install', 'dxrecord', 'validate', 'examples/valid'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /files checked: 0 errors/);
});

test('validate loads none of what only the records commands need (crypto, readline, os)', () => {
  write('loads.dxrecord.json', VALID);
  // The bundle runs as `node dist/cli.js validate …` would; at exit the script prints Node's own list of loaded built-ins.
  const script = `process.argv.splice(1, Infinity, ${JSON.stringify(CLI)}, 'validate', 'loads.dxrecord.json'); require(${JSON.stringify(CLI)}); process.on('exit', () => process.stderr.write(process.moduleLoadList.join('\\n')));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const loaded = new Set(run.stderr.split('\n'));
  assert.ok(loaded.has('NativeModule fs'), 'the list of loaded built-ins was printed');
  for (const name of ['crypto', 'readline/promises', 'os']) assert.ok(!loaded.has(`NativeModule ${name}`), `${name} was loaded`);
});
