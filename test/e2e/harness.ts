// One end-to-end environment for a whole test file: the emulator with our own seed data, the
// extension packaged into a .vsix (from dist/, which `npm test` builds first) and installed from it
// into a fresh code-server profile, so a packaging mistake fails here, and headless chromium on the
// workbench.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { isolatedEnv, quietWorkbenchSettings, startCodeServer } from '../../scripts/codeServer';
import { packageVsix } from '../../scripts/packageVsix';
import { launchWorkbench, type Workbench } from '../../testkit/workbench';

const repoRoot = resolve(__dirname, '../..');
const shotsDir = join(repoRoot, 'test-results/e2e');

/** What the seed created, so scenarios can assert on names and counts. */
export interface Seed {
  token: string;
  projectId: string;
  projectName: string;
  referenceProjectId: string;
  referenceProjectName: string;
  /** Folder → record names in the main project. */
  folders: Record<string, string[]>;
}

export interface E2E {
  emulator: RunningEmulator;
  seed: Seed;
  workspace: string;
  wb: Workbench;
  stop(): Promise<void>;
}

/** A folder larger than two pages of the tree (100 records a page). */
export const LARGE_FOLDER_SIZE = 260;

async function post(url: string, token: string, route: string, input: unknown): Promise<void> {
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`seed ${route}: HTTP ${response.status} ${await response.text()}`);
}

async function seedEmulator(emulator: RunningEmulator): Promise<Seed> {
  const { userId, token } = emulator.admin.createUser('e2e');
  const projectName = 'E2E project';
  const projectId = emulator.admin.createProject(userId, projectName);
  const other = emulator.admin.createUser('curator');
  const referenceProjectName = 'Reference data';
  const referenceProjectId = emulator.admin.createProject(other.userId, referenceProjectName);
  emulator.admin.grant(referenceProjectId, userId, 'VIEW');

  const folders: Record<string, string[]> = {
    '/samples': ['sample-A', 'sample-B', 'sample-C'],
    '/many': Array.from({ length: LARGE_FOLDER_SIZE }, (_, i) => `bulk-${String(i).padStart(3, '0')}`),
  };
  for (const [folder, names] of Object.entries(folders)) {
    for (const name of names) {
      await post(emulator.url, token, '/record/new', { project: projectId, folder, parents: true, name, details: { seq: name } });
    }
  }
  return { token, projectId, projectName, referenceProjectId, referenceProjectName, folders };
}

/** Settings for the e2e profile: quiet workbench, typing that inserts exactly what is typed, our API server. */
function e2eSettings(apiServer: string): Record<string, unknown> {
  return {
    ...quietWorkbenchSettings,
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.autoIndent': 'none',
    'editor.formatOnType': false,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'workbench.editor.enablePreview': false,
    'dxrecord.apiServer': apiServer,
    // Give up on an unreachable server after 10 s rather than the default 2 minutes ("emulator down").
    'dxrecord.requestDeadlineSeconds': 10,
  };
}

/** Keeps the editor's logs (extension host, our "DNAnexus" channel) for whoever reads a failure. */
function keepLogs(stateDir: string): void {
  const logsDir = join(shotsDir, 'logs');
  rmSync(logsDir, { recursive: true, force: true });
  for (const [from, to] of [['user-data/logs', 'editor'], ['code-server.log', 'code-server.log']]) {
    if (existsSync(join(stateDir, from))) cpSync(join(stateDir, from), join(logsDir, to), { recursive: true });
  }
}

function writeWorkspace(workspace: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
}

/** Starts everything; `files(seed)` gives the workspace files (relative path → text). */
export async function startE2E(files: (seed: Seed) => Record<string, string>): Promise<E2E> {
  const stateDir = mkdtempSync(join(tmpdir(), 'dxrecord-e2e-'));
  const workspace = join(stateDir, 'workspace');
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error('e2e teardown:', error));
    keepLogs(stateDir);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const seed = await seedEmulator(emulator);
    writeWorkspace(workspace, files(seed));
    const vsix = join(stateDir, 'dxrecord.vsix');
    packageVsix(vsix);
    const codeServer = await startCodeServer({ stateDir, workspace, settings: e2eSettings(emulator.url), vsix });
    cleanups.push(() => codeServer.stop());
    const wb = await launchWorkbench(codeServer.workbenchUrl, join(stateDir, 'chromium'), isolatedEnv(stateDir), shotsDir);
    cleanups.push(() => wb.close());
    return { emulator, seed, workspace, wb, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
