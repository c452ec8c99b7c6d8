// `npm run package`: the production bundles, packed into dxrecord.vsix.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { packageVsix } from './packageVsix';

const repoRoot = resolve(__dirname, '..');
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: repoRoot, stdio: 'inherit' });
process.stdout.write(packageVsix(join(repoRoot, 'dxrecord.vsix')));
