// Starts code-server (a real VS Code 1.100 workbench served over HTTP) with this extension installed
// from its .vsix into a fresh profile, as a user installs it. Used by the end-to-end tests and by
// `npm run demo`.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { stopProcessTree } from './processTree';

const repoRoot = resolve(__dirname, '..');
const codeServerBin = join(repoRoot, '.e2e/code-server/node_modules/.bin/code-server');

/** Settings that keep the workbench quiet and offline (no tours, update checks, port forwarding). */
export const quietWorkbenchSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'git.enabled': false,
  // Otherwise the extension host keeps spawning `ps` to look for ports to forward.
  'remote.autoForwardPorts': false,
  'npm.autoDetect': 'off',
};

export interface CodeServerOptions {
  /** An empty folder that receives the profile, extensions, logs and XDG folders. */
  stateDir: string;
  workspace: string;
  settings: Record<string, unknown>;
  /** The packaged extension (see packageVsix.ts). */
  vsix: string;
}

export interface RunningCodeServer {
  url: string;
  /** The workbench URL with the workspace folder open. */
  workbenchUrl: string;
  userDataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Environment for code-server and the browser: nothing written to $HOME, no dx config of the user's. */
export function isolatedEnv(stateDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('DX_')) env[key] = value;
  const dir = (name: string): string => {
    const path = join(stateDir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return {
    ...env,
    XDG_CONFIG_HOME: dir('xdg/config'),
    XDG_DATA_HOME: dir('xdg/data'),
    XDG_CACHE_HOME: dir('xdg/cache'),
    DX_USER_CONF_DIR: dir('dnanexus_config'),
  };
}

async function waitForListeningUrl(logFile: string, exited: () => boolean): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) {
      const healthy = await fetch(`${match[1]}/healthz`).then((r) => r.ok, () => false);
      if (healthy) return match[1];
    }
    if (exited()) throw new Error(`code-server exited early; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not start within 60 s; see ${logFile}`);
}

/** `code-server --install-extension`, which unpacks the .vsix as the editor's own installer does. */
async function installExtension(vsix: string, profile: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { stdout, stderr } = await promisify(execFile)(codeServerBin, [...profile, '--install-extension', vsix], { env });
  if (!/was successfully installed/.test(stdout)) throw new Error(`code-server did not install ${vsix}:\n${stdout}${stderr}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const { stateDir, workspace } = options;
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(options.settings, null, 2));
  // Our own config file, or code-server writes one with a random password under $HOME.
  const configFile = join(stateDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const profile = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = isolatedEnv(stateDir);
  await installExtension(options.vsix, profile, env);

  const logFile = join(stateDir, 'code-server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    codeServerBin,
    [
      ...profile,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { env, stdio: ['ignore', log, log] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async (): Promise<void> => {
    if (child.pid !== undefined && !exited) await stopProcessTree(child.pid);
  };
  try {
    const url = await waitForListeningUrl(logFile, () => exited);
    return { url, workbenchUrl: `${url}/?folder=${encodeURIComponent(workspace)}`, userDataDir, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
