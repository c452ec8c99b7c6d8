// The package boundaries are compiler facts: each forbidden import fails to type-check (and each
// control compiles), checked on the real package tsconfigs by scripts/checkBoundaries.ts.
import assert from 'node:assert/strict';
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
