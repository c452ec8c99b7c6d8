// The extension's activation time in a real VS Code (code-server), as VS Code itself measures it
// and shows it in "Developer: Show Running Extensions": loading the bundle plus the synchronous part
// of activate(). Each run is a fresh profile and editor process, so every run is a first activation.
// Also, from the extension's own log, how long after activation began the language server was
// running: the work activation leaves for later (the features bundle, the server process) shows there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FEATURES_BUNDLE, SERVER_RUNNING } from '../client/src/deferredStart';
import { isolatedEnv, quietWorkbenchSettings, startCodeServer } from '../scripts/codeServer';
import { packageVsix } from '../scripts/packageVsix';
import { launchWorkbench, type Workbench } from '../testkit/workbench';
import { summarize } from './stats';
import { kib, markdownTable, ms, verdict } from './table';

const root = resolve(__dirname, '..');
const RUNS = 5;
/** The target for activation. */
const ACTIVATION_TARGET_MS = 50;
const RECORD_FILE = 'sample.dxrecord.json';
/** A built-in extension activated in the same editor: how slow activation is on this machine right now. */
const REFERENCE = 'git';

export interface Activation {
  ms: number;
  /** VS Code's label: "Startup Activation" or "Activation". */
  kind: string;
}

/** The Running Extensions row of this extension (labelled with its package name), once VS Code has its activation time. */
async function readActivation(wb: Workbench, packageName: string): Promise<Activation> {
  await wb.runCommand('Developer: Show Running Extensions');
  const row = wb.page.locator(`.editor-instance .monaco-list-row[role="listitem"][aria-label="${packageName}"]`);
  const text = await wb.until(async () => {
    const label = (await row.locator('.activation-time').textContent().catch(() => null)) ?? '';
    return /\d+ms/.test(label) ? label : undefined;
  }, 60_000);
  const match = /^(.*Activation): (\d+)ms$/.exec(text.trim());
  if (!match) throw new Error(`unexpected activation label "${text}"`);
  return { kind: match[1], ms: Number(match[2]) };
}

/** From the "DNAnexus" log channel's file: ms from activate() to the language client running. */
async function readServerRunning(wb: Workbench, logsDir: string): Promise<number> {
  const logs = (): string[] =>
    readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('DNAnexus.log')).map((file) => join(logsDir, file));
  return wb.until(async () => {
    for (const file of logs()) {
      const match = SERVER_RUNNING.exec(readFileSync(file, 'utf8'));
      if (match) return Number(match[1]);
    }
    return undefined;
  }, 60_000);
}

interface Run {
  ours: Activation;
  reference: Activation;
  serverRunningMs: number;
}

/** One fresh code-server, the packaged extension installed, with a record file open; the activation times VS Code measured. */
async function measureOnce(packageName: string, vsix: string): Promise<Run> {
  const stateDir = mkdtempSync(join(tmpdir(), 'dxrecord-activation-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, RECORD_FILE), readFileSync(join(root, 'examples/valid/minimal.dxrecord.json')));
  try {
    const codeServer = await startCodeServer({ stateDir, workspace, settings: quietWorkbenchSettings, vsix });
    try {
      const wb = await launchWorkbench(codeServer.workbenchUrl, join(stateDir, 'chromium'), isolatedEnv(stateDir), join(stateDir, 'shots'));
      try {
        await wb.openFile(RECORD_FILE);
        const ours = await readActivation(wb, packageName);
        const reference = await readActivation(wb, REFERENCE);
        return { ours, reference, serverRunningMs: await readServerRunning(wb, join(codeServer.userDataDir, 'logs')) };
      } finally {
        await wb.close();
      }
    } finally {
      await codeServer.stop();
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Prints the section of `npm run bench`; true when the median and the slowest run are within the target. */
export async function activationSection(): Promise<boolean> {
  execFileSync('bash', ['scripts/e2e-setup.sh'], { cwd: root, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; main: string };
  console.log(`\n## Extension activation in code-server (VS Code's own figure: bundle load + synchronous activate()), ${RUNS} fresh starts\n`);
  const packaged = mkdtempSync(join(tmpdir(), 'dxrecord-vsix-'));
  const runs: Run[] = [];
  try {
    const vsix = join(packaged, 'dxrecord.vsix');
    packageVsix(vsix);
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(manifest.name, vsix));
  } finally {
    rmSync(packaged, { recursive: true, force: true });
  }
  const row = (name: string, times: number[], label: string): string[] =>
    [name, times.join(', '), ms(summarize(times).median), ms(Math.max(...times)), label];
  const bundles = `${kib(statSync(join(root, manifest.main)).size)} entry, ${kib(statSync(join(root, FEATURES_BUNDLE)).size)} loaded after activation`;
  console.log(markdownTable(
    ['extension', 'runs (ms)', 'median ms', 'max ms', 'as VS Code labels it'],
    [
      row(`${manifest.name} (${bundles})`, runs.map((r) => r.ours.ms), runs[0].ours.kind),
      row(`built-in ${REFERENCE}, same runs`, runs.map((r) => r.reference.ms), runs[0].reference.kind),
      row(`${manifest.name}: activation start → language server running`, runs.map((r) => r.serverRunningMs), 'our log (not judged)'),
    ],
  ));
  const summary = summarize(runs.map((r) => r.ours.ms));
  const worst = Math.max(...runs.map((r) => r.ours.ms));
  const typical = summary.median < ACTIVATION_TARGET_MS;
  const always = worst < ACTIVATION_TARGET_MS;
  console.log(`  ${verdict(typical)}  median activation ${ms(summary.median)} ms < ${ACTIVATION_TARGET_MS} ms`);
  console.log(`  ${verdict(always)}  slowest activation ${ms(worst)} ms < ${ACTIVATION_TARGET_MS} ms`);
  return typical && always;
}
