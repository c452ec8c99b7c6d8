// `dxrecord validate` on bytes and paths that are not plain UTF-8 record files, as a real process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANY_ERROR_KINDS, MANY_ERRORS } from '../../bench/manyErrors';
import { validateRecord } from '../../server/src/engine';
import { namedTexts } from '../engine/namedCases';
import { CLI, runCli, writeIn, type JsonOutput } from './helpers';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const WITH_EMPTY_TAG = `{"project": "${PROJECT}", "tags": [""]}`;
const IS_ROOT = process.getuid?.() === 0;

let dir: string;

before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build`');
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-hostile-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

function json(args: string[], input?: Buffer): JsonOutput & { code: number | null; stderr: string } {
  const run = runCli(dir, ['validate', '--format', 'json', ...args], input);
  return { ...(JSON.parse(run.stdout) as JsonOutput), code: run.code, stderr: run.stderr };
}

function diagnosticsOf(name: string, content: string | Uint8Array) {
  writeIn(dir, name, content);
  const out = json([name]);
  return { code: out.code, diagnostics: out.files[0].diagnostics };
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (bigEndian) bytes.swap16();
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]) : bytes;
}

test('invalid UTF-8 is an encoding-invalid error at the bad byte, as the editor shows it (U+FFFD)', () => {
  const bytes = Buffer.concat([Buffer.from(`{"project": "${PROJECT}",\n "name": "caf`), Buffer.from([0xe9]), Buffer.from('"}')]);
  const { code, diagnostics } = diagnosticsOf('latin1.dxrecord.json', bytes);
  assert.equal(code, 1);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.equal(d.code, 'encoding-invalid');
  assert.equal(d.severity, 'error');
  assert.match(d.message, new RegExp(`not UTF-8 at byte ${bytes.indexOf(0xe9)} \\(0xE9`));
  assert.deepEqual(d.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } });
});

test('U+FFFD written as UTF-8 is a character like any other; a bad byte after it is still found', () => {
  const clean = Buffer.from(`{"project": "${PROJECT}", "name": "lost \uFFFD sign"}`);
  assert.ok(clean.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'the file holds the character itself, not an escape');
  assert.deepEqual(diagnosticsOf('replacement.dxrecord.json', clean), { code: 0, diagnostics: [] });
  const both = Buffer.concat([clean.subarray(0, -2), Buffer.from([0xe9]), Buffer.from('"}')]);
  assert.deepEqual(diagnosticsOf('replacement-and-bad.dxrecord.json', both).diagnostics.map((d) => d.code), ['encoding-invalid']);
});

for (const bigEndian of [false, true]) {
  const order = bigEndian ? 'BE' : 'LE';
  test(`UTF-16 ${order} with a BOM is said to be UTF-16, and its content is still checked`, () => {
    const { code, diagnostics } = diagnosticsOf(`u16${order}.dxrecord.json`, utf16(WITH_EMPTY_TAG, bigEndian, true));
    assert.equal(code, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['encoding-invalid', 'tag-empty']);
    assert.match(diagnostics[0].message, new RegExp(`UTF-16 ${order} with a byte-order mark: save the file as UTF-8`));
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    assert.equal(diagnostics[1].range.start.character, WITH_EMPTY_TAG.indexOf('""'));
  });
}

test('UTF-16 without a BOM is recognised by its zero bytes', () => {
  const { diagnostics } = diagnosticsOf('u16nobom.dxrecord.json', utf16(WITH_EMPTY_TAG, false, false));
  assert.deepEqual(diagnostics.map((d) => d.code), ['encoding-invalid', 'tag-empty']);
  assert.match(diagnostics[0].message, /looks like UTF-16 LE/);
});

test('binary data is one encoding-invalid error, not a flood of syntax errors', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const { code, diagnostics } = diagnosticsOf('image.dxrecord.json', png);
  assert.equal(code, 1);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start]), [['encoding-invalid', { line: 0, character: 0 }]]);
  assert.match(diagnostics[0].message, /binary data \(a zero byte at byte 8\)/);
});

test('a UTF-8 BOM: the CLI counts columns without it, as VS Code holds the text; the engine counts what it is given', () => {
  const text = '{"project": "project-1"}';
  const { diagnostics } = diagnosticsOf('bom.dxrecord.json', `\uFEFF${text}`);
  // VS Code drops the BOM when it opens the file, so the language server validates `text`:
  // the CLI must point where the editor's squiggle is.
  const editor = validateRecord(text).diagnostics[0];
  assert.deepEqual(diagnostics[0].range, editor.range);
  assert.equal(diagnostics[0].range.start.character, 12);
  // A text that still holds the BOM has it as its first UTF-16 unit, and LSP counts it.
  assert.equal(validateRecord(`\uFEFF${text}`).diagnostics[0].range.start.character, 13);
});

test('empty, CRLF, 5 MB string, 100,000 properties and 100,000 nesting levels through the CLI', () => {
  const cases: [string, string, string[]][] = [
    ['empty', namedTexts.empty(), ['json-syntax']],
    ['crlf', namedTexts.crlf(), ['name-invalid', 'tag-empty']],
    ['string', namedTexts.fiveMegabyteString(), ['property-value-too-long']],
    ['properties', namedTexts.manyProperties(), []],
    ['deep', namedTexts.deepDetails(), []],
    ['unclosed', namedTexts.deepUnclosed(), ['json-syntax']],
  ];
  for (const [name, text] of cases) writeIn(dir, `named/${name}.dxrecord.json`, text);
  const out = json(['named']);
  const byName = new Map(out.files.map((f) => [f.path.replace(/^.*\/|\.dxrecord\.json$/g, ''), f.diagnostics.map((d) => d.code)]));
  for (const [name, , expected] of cases) assert.deepEqual(byName.get(name), expected, name);
  const crlf = out.files.find((f) => f.path.endsWith('crlf.dxrecord.json'))!;
  assert.deepEqual(crlf.diagnostics.map((d) => d.range), validateRecord(namedTexts.crlf()).diagnostics.map((d) => d.range));
});

test('10 MB and 100,000 errors through the CLI: counted in full, exit 1', () => {
  writeIn(dir, 'big/ten.dxrecord.json', namedTexts.tenMegabytes());
  writeIn(dir, 'big/errors.dxrecord.json', MANY_ERROR_KINDS['property-value-not-string'](MANY_ERRORS));
  const out = json(['big']);
  assert.equal(out.code, 1);
  assert.deepEqual(out.summary, { files: 2, errors: MANY_ERRORS, warnings: 1 });
});

test('a FIFO given as PATH is refused with exit 2, naming it, without waiting for a writer', () => {
  execFileSync('mkfifo', [join(dir, 'pipe.dxrecord.json')]);
  // Opening a FIFO for reading blocks until a writer comes: the timeout would end the run.
  const run = runCli(dir, ['validate', 'pipe.dxrecord.json']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /cannot read pipe\.dxrecord\.json: a named pipe \(FIFO\)/);
});

test('a symlink loop given as PATH exits 2 naming it; a folder walk skips loops, FIFOs and dangling links', () => {
  symlinkSync('loop.dxrecord.json', join(dir, 'loop.dxrecord.json'));
  const run = runCli(dir, ['validate', 'loop.dxrecord.json']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /cannot read loop\.dxrecord\.json: a loop of symbolic links/);

  writeIn(dir, 'walk/good.dxrecord.json', `{"project": "${PROJECT}"}`);
  symlinkSync('self.dxrecord.json', join(dir, 'walk/self.dxrecord.json'));
  symlinkSync('missing.dxrecord.json', join(dir, 'walk/dangling.dxrecord.json'));
  symlinkSync('good.dxrecord.json', join(dir, 'walk/alias.dxrecord.json'));
  execFileSync('mkfifo', [join(dir, 'walk/pipe.dxrecord.json')]);
  const walk = json(['walk']);
  assert.equal(walk.code, 0, walk.stderr);
  assert.deepEqual(walk.files.map((f) => f.path), [join('walk', 'alias.dxrecord.json'), join('walk', 'good.dxrecord.json')]);
});

test('an unreadable file exits 2 naming it (permissions)', { skip: IS_ROOT && 'running as root: chmod 000 does not stop root from reading' }, () => {
  writeIn(dir, 'secret.dxrecord.json', `{"project": "${PROJECT}"}`);
  chmodSync(join(dir, 'secret.dxrecord.json'), 0o000);
  const run = runCli(dir, ['validate', 'secret.dxrecord.json']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /cannot read secret\.dxrecord\.json: permission denied/);
});

test('an unreadable file exits 2 naming it (a read error, even for root)', { skip: process.platform !== 'linux' && '/proc/self/mem is Linux only' }, () => {
  // A regular file by stat whose read fails with EIO for every user: this process's memory at offset 0.
  const run = runCli(dir, ['validate', '/proc/self/mem']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /cannot read \/proc\/self\/mem: EIO/);
});

test('a reader that stops early (| head) ends the CLI quietly with its own exit code', async () => {
  writeIn(dir, 'warnings.dxrecord.json', MANY_ERROR_KINDS['link-target-malformed'](MANY_ERRORS));
  const child = spawn(process.execPath, [CLI, 'validate', 'warnings.dxrecord.json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('a full non-blocking pipe on standard output is waited for: the whole report arrives', () => {
  writeIn(dir, 'warnings.dxrecord.json', MANY_ERROR_KINDS['link-target-malformed'](MANY_ERRORS));
  const expected = runCli(dir, ['validate', 'warnings.dxrecord.json']).stdout;
  assert.ok(Buffer.byteLength(expected) > 1 << 20, 'the report must be far larger than a pipe holds');
  // Node cannot make a child's stdout non-blocking, Python can: the reader starts late, so the CLI meets a full pipe.
  const reader = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.3)
out = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    out += chunk
sys.stdout.buffer.write(out)
sys.exit(child.wait())
`;
  const out = execFileSync('python3', ['-c', reader, process.execPath, CLI, 'validate', 'warnings.dxrecord.json'], { cwd: dir, maxBuffer: 1 << 28 }).toString();
  assert.equal(out, expected);
});
