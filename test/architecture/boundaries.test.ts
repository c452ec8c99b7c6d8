// The package boundaries are compiler facts: each forbidden import fails to type-check (and each
// control compiles), checked on the real package tsconfigs by scripts/checkBoundaries.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { checkBoundaries, RULES } from '../../scripts/checkBoundaries';

test('every forbidden import between packages fails the build; the permitted controls compile', () => {
  const results = checkBoundaries();
  assert.ok(RULES.some((rule) => !rule.allowed) && RULES.some((rule) => rule.allowed), 'both kinds of rule are checked');
  for (const result of results) {
    const where = `${result.from} -> ${result.imports}`;
    if (result.allowed) assert.deepEqual(result.errors, [], `${where} should compile`);
    else assert.ok(result.errors.some((error) => error.startsWith('TS6307')), `${where} should be refused as outside the package, got ${result.errors.join('; ') || 'no error'}`);
  }
});

test('the engine importing the client and the language service importing the LSP connection are both refused', () => {
  const [engine, service] = checkBoundaries([
    { from: 'server/src/engine', imports: 'client/src/extension.ts', allowed: false },
    { from: 'server/src/languageService', imports: 'vscode-languageserver', allowed: false },
  ]);
  assert.match(engine.errors.join('\n'), /TS6307: File '.*client\/src\/extension\.ts' is not listed/);
  assert.match(service.errors.join('\n'), /TS6307: File '.*config\/notAllowedInThisPackage\.ts' is not listed/);
});

test("docs/architecture.md's import graph is each package's tsconfig references", () => {
  const folders: Record<string, string> = {
    common: 'common',
    protocol: 'protocol',
    engine: 'server/src/engine',
    languageService: 'server/src/languageService',
    'server (LSP)': 'server',
    platform: 'platform',
    cli: 'cli',
    client: 'client',
    emulator: 'emulator',
  };
  const graph = readFileSync('docs/architecture.md', 'utf8').split('\n').flatMap((line) => {
    const match = /^(\S+(?: \(LSP\))?)\s+──► ([^→]+?)\s*(?:→.*)?$/.exec(line);
    return match ? [[match[1], match[2].split(',').map((name) => name.trim())] as const] : [];
  });
  assert.deepEqual(graph.map(([name]) => name).sort(), Object.keys(folders).filter((name) => name !== 'common').sort());
  for (const [name, imports] of graph) {
    const config = JSON.parse(readFileSync(join(folders[name], 'tsconfig.json'), 'utf8')) as { references?: { path: string }[] };
    const referenced = (config.references ?? []).map((reference) => relative('.', join(folders[name], reference.path)));
    assert.deepEqual(referenced.sort(), imports.map((target) => folders[target]).sort(), name);
  }
});
