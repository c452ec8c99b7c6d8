// `npm run screenshots`: regenerates the README's screenshots (docs/images/) from what `npm run demo`
// shows: the demo emulator, code-server on a copy of examples/, signed in with the demo token through
// the palette. `npm run screenshots -- --out DIR name…` writes only the named shots into DIR.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator } from 'playwright-core';
import { DEMO_TOKEN, startEmulator } from '../emulator/src/index';
import { packageVsix } from './packageVsix';
import { commandTitle, viewContainerTitle } from '../testkit/manifest';
import { launchWorkbench, type Workbench } from '../testkit/workbench';
import { isolatedEnv, quietWorkbenchSettings, startCodeServer } from './codeServer';

const repoRoot = resolve(__dirname, '..');
const DEMO_PROJECT = 'Demo project';
const FOLDER = 'cohorts';
const RECORD = /^cohort-/;
/** A short record at the project's root, so its description fits on the screen. */
const DESCRIBED = 'project-settings';
/** The demo's settings, without the minimap: its noise would make the images large and say nothing. */
const settings = (apiServer: string) => ({ ...quietWorkbenchSettings, 'editor.minimap.enabled': false, 'dxrecord.apiServer': apiServer });
/** How long the platform checks get after a file opens before its Problems are photographed. */
const LOOKUP_SETTLE_MS = 3_000;

interface Shot {
  name: string;
  /** What the image shows, printed next to its path. */
  caption: string;
  take(wb: Workbench, outDir: string): Promise<void>;
}

const statusItem = (wb: Workbench) => wb.page.locator('.part.statusbar .statusbar-item', { hasText: /DNAnexus:/ }).first();

/** Waits until the pointer is out of the way and VS Code has no extension still activating. */
async function settle(wb: Workbench): Promise<void> {
  await wb.page.mouse.move(900, 300);
  await wb.page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached' });
  await wb.page.waitForTimeout(300); // hover widgets fade out
}

async function capture(wb: Workbench, name: string): Promise<void> {
  await settle(wb);
  await wb.screenshot(name);
}

/** A shot of the window's region from the left edge at `top` to `right`, `bottom` (clamped to the window). */
/**
 * Quantizes a screenshot to a small palette (Debian's pngquant, if installed), a third of the size
 * with no visible change, which keeps the packaged extension small.
 */
function shrink(file: string): void {
  const run = spawnSync('pngquant', ['--quality=70-90', '--force', '--output', file, file]);
  if (run.error) console.log(`(pngquant not found: ${file} left as captured; apt-get install pngquant makes it smaller)`);
}

async function captureRegion(wb: Workbench, outDir: string, name: string, region: { top: number; right: number; bottom: number }): Promise<void> {
  const viewport = wb.page.viewportSize() ?? { width: 1280, height: 800 };
  const y = Math.max(0, Math.floor(region.top));
  const clip = { x: 0, y, width: Math.min(viewport.width, Math.ceil(region.right)), height: Math.min(viewport.height, Math.ceil(region.bottom)) - y };
  await wb.page.screenshot({ path: join(outDir, `${name}.png`), clip });
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on the screen`);
  return box;
}

/** No editors, no panel; the Explorer (the examples' files) unless a shot opens another side bar view. */
async function freshEditorArea(wb: Workbench): Promise<void> {
  await wb.runCommand('View: Close All Editors');
  await wb.openViewContainer('Explorer');
  if (await wb.page.locator('.part.panel').isVisible()) await wb.runCommand('View: Hide Panel');
}

/** Opens a file with the Problems panel showing and gives the platform checks time to answer. */
async function openWithProblems(wb: Workbench, file: string): Promise<void> {
  await freshEditorArea(wb);
  await wb.openFile(file);
  await wb.problems();
  await wb.page.waitForTimeout(LOOKUP_SETTLE_MS);
}

/** The Records view with the Demo project open and its (short) cohorts folder open below it. */
async function showRecordsView(wb: Workbench): Promise<void> {
  await wb.openViewContainer(viewContainerTitle('dxrecord.records'));
  const folder = wb.treeRow(FOLDER);
  if (!(await folder.isVisible())) await wb.toggleTreeRow(DEMO_PROJECT);
  await folder.waitFor();
  if (!(await wb.treeRow(RECORD).isVisible())) await wb.toggleTreeRow(FOLDER);
  await wb.treeRow(RECORD).waitFor();
}

const SHOTS: Shot[] = [
  {
    name: 'status-bar',
    caption: 'the status bar names the signed-in user and the selected project; its tooltip links to Switch Project, Show Log and Sign Out',
    async take(wb, outDir) {
      await statusItem(wb).click();
      await wb.pick(DEMO_PROJECT);
      await wb.until(async () => ((await statusItem(wb).innerText()).includes(DEMO_PROJECT) ? true : undefined));
      await statusItem(wb).hover();
      const hover = wb.page.locator('.workbench-hover', { hasText: 'Show Log' });
      await hover.waitFor();
      const [item, tip] = [await boxOf(statusItem(wb)), await boxOf(hover)];
      await captureRegion(wb, outDir, 'status-bar', {
        top: Math.min(item.y, tip.y) - 24,
        right: Math.max(item.x + item.width, tip.x + tip.width) + 120,
        bottom: item.y + item.height,
      });
    },
  },
  {
    name: 'records-view',
    caption: 'the Records view: the demo projects, the Demo project\'s folders, and the records of /cohorts with their state',
    async take(wb, outDir) {
      await freshEditorArea(wb);
      await showRecordsView(wb);
      await settle(wb);
      const [sidebar, lastRow] = [await boxOf(wb.page.locator('.part.sidebar')), await boxOf(wb.page.locator('.part.sidebar .monaco-list-row').last())];
      await captureRegion(wb, outDir, 'records-view', { top: 0, right: sidebar.x + sidebar.width, bottom: lastRow.y + lastRow.height + 40 });
    },
  },
  {
    name: 'describe-record',
    caption: 'Describe Record (a click on a record in the view): the record\'s description as a read-only JSON document',
    async take(wb) {
      await freshEditorArea(wb);
      await showRecordsView(wb);
      await wb.treeRow(DESCRIBED).click();
      await wb.page.locator('.tabs-container .tab.active', { hasText: DESCRIBED }).waitFor();
      await capture(wb, 'describe-record');
    },
  },
  {
    name: 'diagnostics',
    caption: 'examples/invalid/typing-mistakes.dxrecord.json: squiggles in the editor and the same problems, with their codes, in the Problems panel',
    async take(wb) {
      await openWithProblems(wb, 'typing-mistakes.dxrecord.json');
      await wb.waitForProblems((rows) => rows.some((row) => row.file.includes('typing-mistakes')));
      await capture(wb, 'diagnostics');
    },
  },
  {
    name: 'completion',
    caption: 'project completion in examples/valid/sample-manifest.dxrecord.json: the demo account\'s projects with their access levels',
    async take(wb) {
      await freshEditorArea(wb);
      await wb.openFile('sample-manifest.dxrecord.json');
      await wb.placeCaretAfter('"project": "');
      await wb.until(async () => ((await wb.suggestions()).some((label) => label.includes(DEMO_PROJECT)) ? true : undefined));
      await capture(wb, 'completion');
      await wb.page.keyboard.press('Escape');
    },
  },
  {
    name: 'valid-example',
    caption: 'examples/valid/sample-manifest.dxrecord.json signed in against the demo, with the Problems panel open',
    async take(wb) {
      await openWithProblems(wb, 'sample-manifest.dxrecord.json');
      await capture(wb, 'valid-example');
    },
  },
];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  const outDir = resolve(values.out ?? join(repoRoot, 'docs/images'));
  const unknown = positionals.filter((name) => !SHOTS.some((shot) => shot.name === name));
  if (unknown.length) throw new Error(`no such shot: ${unknown.join(', ')} (shots: ${SHOTS.map((s) => s.name).join(', ')})`);
  const shots = positionals.length ? SHOTS.filter((shot) => positionals.includes(shot.name)) : SHOTS;

  execFileSync('bash', ['scripts/e2e-setup.sh'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  const stateDir = mkdtempSync(join(tmpdir(), 'dxrecord-screenshots-'));
  const workspace = join(stateDir, 'examples');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  const emulator = await startEmulator({ port: 0, seedDemo: true });
  try {
    const vsix = join(stateDir, 'dxrecord.vsix');
    packageVsix(vsix);
    const codeServer = await startCodeServer({ stateDir, workspace, settings: settings(emulator.url), vsix });
    try {
      const wb = await launchWorkbench(codeServer.workbenchUrl, join(stateDir, 'chromium'), isolatedEnv(stateDir), outDir);
      try {
        // A workspace record file activates the extension, which shows the status item.
        await statusItem(wb).waitFor({ timeout: 60_000 });
        await wb.runCommand(commandTitle('dxrecord.signIn'));
        await wb.answerInput(DEMO_TOKEN);
        await wb.notification(/signed in as/).waitFor();
        await wb.runCommand('Notifications: Clear All Notifications');
        for (const shot of shots) {
          await shot.take(wb, outDir).catch(async (error) => {
            const path = join(tmpdir(), `dxrecord-screenshots-failed-${shot.name}.png`);
            await wb.page.screenshot({ path });
            throw new Error(`shot ${shot.name} failed (the workbench then: ${path})`, { cause: error });
          });
          const file = join(outDir, `${shot.name}.png`);
          shrink(file);
          console.log(`${file}: ${shot.caption}`);
        }
      } finally {
        await wb.close();
      }
    } finally {
      await codeServer.stop();
    }
  } finally {
    await emulator.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
