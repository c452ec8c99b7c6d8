// `npm run demo:cli`: build, then validate the valid and the invalid examples with the CLI.
// The invalid run exits 1 by design; the demo itself succeeds when both behave as expected.
import { execFileSync, spawnSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const runs = [
  { title: 'Valid records (examples/valid)', path: 'examples/valid', expect: 0 },
  { title: 'A record with mistakes (examples/invalid)', path: 'examples/invalid', expect: 1 },
];
let ok = true;
for (const { title, path, expect } of runs) {
  console.log(`\n=== ${title}: dxrecord validate ${path}`);
  const run = spawnSync(process.execPath, ['bin/dxrecord.js', 'validate', path], { stdio: 'inherit' });
  console.log(`(exit code ${run.status}, expected ${expect})`);
  ok &&= run.status === expect;
}
process.exit(ok ? 0 : 1);
