// No import cycles among the source modules (type-only imports included): each package's files
// form a graph a newcomer can read from the leaves up.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';

const SOURCE_FOLDERS = ['common', 'protocol', 'platform/src', 'server/src', 'cli/src', 'client/src', 'emulator/src'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.flatMap((specifier) => {
    const base = normalize(join(dirname(file), specifier));
    const found = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')].find((path) => path.endsWith('.ts') && existsSync(path));
    return found ? [found] : [];
  });
}

test('no source module imports itself through others', () => {
  const files = SOURCE_FOLDERS.flatMap(tsFiles);
  assert.ok(files.length > 100, 'the source tree was found');
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  // Iterative depth-first search, so a long chain cannot overflow the stack.
  for (const start of files) {
    if (state.has(start)) continue;
    const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = graph.get(top.file) ?? [];
      if (top.next === deps.length) {
        state.set(top.file, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[top.next++];
      if (state.get(dep) === 'open') {
        const from = stack.findIndex((entry) => entry.file === dep);
        cycles.push([...stack.slice(from).map((entry) => entry.file), dep].map((path) => relative('.', path)).join(' -> '));
      } else if (!state.has(dep)) {
        state.set(dep, 'open');
        stack.push({ file: dep, next: 0 });
      }
    }
  }
  assert.deepEqual(cycles, []);
});
