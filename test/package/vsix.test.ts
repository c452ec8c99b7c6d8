// The .vsix must carry every file the manifest points at, and nothing that does not run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

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

test('the packaged extension holds exactly the manifest, the bundles and the files the manifest names', () => {
  const listed = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], {
    encoding: 'utf8',
  })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
  // The client starts dist/server.js by path, and the server its validation worker, so both are
  // needed although the manifest names neither.
  const needed = [manifest.main.replace(/^\.\//, ''), 'dist/server.js', 'dist/validationWorker.js', ...referencedFiles(manifest.contributes)];
  for (const file of needed) assert.ok(listed.includes(file), `${file} is missing from the .vsix`);
  const allowed = new Set([...needed, 'package.json', 'README.md', 'LICENSE']);
  assert.deepEqual(listed.filter((file) => !allowed.has(file)), [], 'files in the .vsix that nothing uses');
});
