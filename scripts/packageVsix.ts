// Packs the extension as users install it: the bundles in dist/ and the files .vscodeignore lets in,
// into one .vsix. README links stay relative so its images load from the installed extension.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..');

/** Writes the .vsix to `outFile` and returns what vsce printed (stdout and stderr, in that order). */
export function packageVsix(outFile: string): string {
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', outFile],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`vsce package failed:\n${output}`);
  return output;
}
