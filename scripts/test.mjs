// The one test command: bundle, type-check every package (`tsc -b`), then every test/**/*.test.ts
// under node:test.
// `npm test -- test/engine` runs only the files under the given paths (still building first).
// test/e2e drives a real editor and browser: its install step runs first (a no-op once installed),
// and its files run after the others, alone, so they do not compete for the two cores.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

function findTests(path) {
  if (statSync(path).isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => findTests(join(path, name)));
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap(findTests);
const isEndToEnd = (file) => file.split(sep).includes('e2e');
const groups = [
  { files: files.filter((file) => !isEndToEnd(file)), concurrency: 2 },
  { files: files.filter(isEndToEnd), concurrency: 1 },
];

if (groups[1].files.length) execFileSync('bash', ['scripts/e2e-setup.sh'], { stdio: 'inherit' });

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { stdio: 'inherit' });

let status = 0;
for (const group of groups.filter((g) => g.files.length)) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${group.concurrency}`, '--test-reporter=spec', ...group.files],
    { stdio: 'inherit' },
  );
  status ||= run.status ?? 1;
}
process.exit(status);
