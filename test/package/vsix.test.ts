// The .vsix as `npm run package` makes it (from the dist/ that `npm test` builds): packed without a
// warning, under 1 MB, carrying every file the manifest and the README point at and nothing else, with
// the marketplace metadata (icon, changelog, repository links) in the package itself.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { FEATURES_BUNDLE } from '../../client/src/deferredStart';
import { packageVsix } from '../../scripts/packageVsix';
import { readZip } from './zip';

const repoRoot = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

let dir: string;
let vsix: string;
let vsceOutput: string;
let files: Map<string, Buffer>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dxrecord-vsix-'));
  vsix = join(dir, 'dxrecord.vsix');
  vsceOutput = packageVsix(vsix);
  files = readZip(vsix);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file of the extension as the editor sees it once installed. */
function packaged(path: string): Buffer {
  const file = files.get(`extension/${path}`);
  assert.ok(file, `${path} is missing from the .vsix`);
  return file;
}

/** File paths named anywhere in `contributes` (grammar paths, language configurations, icons). */
function referencedFiles(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const isFileKey = key === 'path' || key === 'configuration' || key === 'icon';
    return isFileKey && !value.startsWith('$(') ? [value.replace(/^\.\//, '')] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => referencedFiles(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => referencedFiles(v, k));
  }
  return [];
}

/** The targets of the README's images, `![alt](target)`, as they stand in the packaged README. */
function readmeImages(): string[] {
  return [...packaged('readme.md').toString('utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]);
}

test('vsce packs the extension without a single warning', () => {
  const warnings = vsceOutput.split('\n').filter((line) => /WARNING|::warning/.test(line));
  assert.deepEqual(warnings, [], vsceOutput);
});

test('the .vsix is under 1 MB', () => {
  assert.ok(statSync(vsix).size < 1_000_000, `${statSync(vsix).size} bytes`);
});

test('the .vsix holds exactly the manifest, the bundles, the README and its images, and the files the manifest names', () => {
  // The entry loads the features bundle by path, the client starts dist/server.js by path, and the
  // server its validation worker, so all are needed although the manifest names none of them.
  const needed = [
    manifest.main.replace(/^\.\//, ''),
    FEATURES_BUNDLE,
    'dist/server.js',
    'dist/validationWorker.js',
    manifest.icon,
    ...referencedFiles(manifest.contributes),
    ...readmeImages(),
    'package.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
  ];
  for (const file of needed) packaged(file);
  const extra = [...files.keys()]
    .filter((name) => name.startsWith('extension/'))
    .map((name) => name.slice('extension/'.length))
    .filter((file) => !needed.includes(file));
  assert.deepEqual(extra, [], 'files in the .vsix that nothing uses');
});

test('the entry the manifest names is small and bundles no dependency: the language client loads after activation', () => {
  const entry = packaged(manifest.main.replace(/^\.\//, '')).toString('utf8');
  assert.ok(entry.length < 8 * 1024, `${entry.length} bytes`);
  // LSP method names, which any build of vscode-languageclient carries, minified or not.
  assert.doesNotMatch(entry, /textDocument\//);
  assert.match(packaged(FEATURES_BUNDLE).toString('utf8'), /textDocument\/didOpen/);
});

test('README images are PNGs linked relatively, so they show from the installed extension without a network', () => {
  const images = readmeImages();
  assert.ok(images.length > 0, 'the README shows the extension at work');
  for (const image of images) {
    assert.doesNotMatch(image, /^[a-z]+:/i, `${image} would be fetched from the network`);
    assert.deepEqual([...packaged(image).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${image} is a PNG`);
  }
});

test('the icon is a 128×128 or 256×256 PNG that the package declares as its icon', () => {
  const icon = packaged(manifest.icon);
  assert.equal(icon.toString('latin1', 12, 16), 'IHDR', `${manifest.icon} is a PNG`);
  const size = `${icon.readUInt32BE(16)}×${icon.readUInt32BE(20)}`;
  assert.ok(['128×128', '256×256'].includes(size), `${manifest.icon} is ${size}`);
  const vsixManifest = files.get('extension.vsixmanifest')?.toString('utf8') ?? '';
  assert.match(vsixManifest, new RegExp(`Type="Microsoft\\.VisualStudio\\.Services\\.Icons\\.Default" Path="extension/${manifest.icon}"`));
  assert.match(vsixManifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog" Path="extension\/changelog\.md"/);
});

test('the package links to the repository, its issues and its home page, and has search keywords', () => {
  const vsixManifest = files.get('extension.vsixmanifest')?.toString('utf8') ?? '';
  const link = (id: string): string | undefined =>
    new RegExp(`<Property Id="Microsoft\\.VisualStudio\\.Services\\.Links\\.${id}" Value="([^"]*)"`).exec(vsixManifest)?.[1];
  assert.match(link('Source') ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+/);
  assert.match(link('Support') ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues$/);
  assert.match(link('Learn') ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+/);
  const tags = /<Tags>([^<]*)<\/Tags>/.exec(vsixManifest)?.[1].split(',') ?? [];
  for (const keyword of manifest.keywords ?? ['(no keywords)']) assert.ok(tags.includes(keyword), `${keyword} is a search tag`);
});
