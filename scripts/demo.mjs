// `npm run demo`: the extension in a real VS Code (code-server) on the examples/ folder, talking to
// a local DNAnexus emulator with demo data. Prints the URL and the token to sign in with; Ctrl-C, or
// SIGINT/SIGTERM to npm's process, stops everything. Run through tsx (see package.json) so it can use
// the TypeScript modules, and with `exec` there, so that the signals npm forwards to its script reach
// this process rather than the shell in between.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quietWorkbenchSettings, startCodeServer } from './codeServer.ts';
import { packageVsix } from './packageVsix.ts';
import { startEmulator } from '../emulator/src/index.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const run = (file, args) => execFileSync(file, args, { cwd: repoRoot, stdio: 'inherit' });

run('bash', ['scripts/e2e-setup.sh']);
run(process.execPath, ['scripts/build.mjs']);

const stateDir = mkdtempSync(join(tmpdir(), 'dxrecord-demo-'));
// The extension as users install it: packaged, then installed from the .vsix.
const vsix = join(stateDir, 'dxrecord.vsix');
packageVsix(vsix);
const emulator = await startEmulator({ port: 0, seedDemo: true });
const codeServer = await startCodeServer({
  stateDir,
  workspace: join(repoRoot, 'examples'),
  settings: { ...quietWorkbenchSettings, 'dxrecord.apiServer': emulator.url },
  vsix,
});

console.log(`
DNAnexus records demo is running.

  VS Code (code-server):  ${codeServer.workbenchUrl}
  DNAnexus emulator:      ${emulator.url}
  Demo token:             ${emulator.demo.token}

Open the VS Code URL in a browser on this machine. The examples/ files are checked as you type.
Run "DNAnexus: Sign In with API Token" (F1) and paste the demo token to browse the demo projects in
the DNAnexus view and to create, describe and pull records. Press Ctrl-C here to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping code-server and the emulator…');
  await codeServer.stop();
  await emulator.close();
  rmSync(stateDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
