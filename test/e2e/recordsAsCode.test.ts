// Records as code in a real VS Code: the CodeLens atop a record file under a managed root follows
// the record on the platform, Compare opens a diff editor of the live record against the file, and
// Push (past the changed-on-the-platform warning) brings the two back in sync.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { KEY_PROPERTY } from '../../platform/src/recordsAsCode/root';
import { startE2E, type E2E, type Seed } from './harness';
import { commandTitle } from '../../testkit/manifest';

const FILE = 'S1.dxrecord.json';

const files = (seed: Seed): Record<string, string> => ({
  '.dxrecord/config.json': `${JSON.stringify({ project: seed.projectId })}\n`,
  [`samples/${FILE}`]: `${JSON.stringify({ project: seed.projectId, name: 'S1', folder: '/managed', parents: true, tags: ['e2e'], details: { reads: 5 } }, null, 2)}\n`,
});

describe('records as code in VS Code (code-server)', { timeout: 600_000 }, () => {
  let e2e: E2E;
  let recordId = '';

  before(async () => {
    e2e = await startE2E(files);
  });

  afterEach(async (t) => {
    await e2e?.wb.screenshot(`rac-${t.name.replace(/\W+/g, '-').slice(0, 60)}`);
  });

  after(async () => {
    await e2e?.stop();
  });

  const rename = async (name: string): Promise<void> => {
    const response = await fetch(`${e2e.emulator.url}/${recordId}/rename`, {
      method: 'POST',
      headers: { authorization: `Bearer ${e2e.seed.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ project: e2e.seed.projectId, name }),
    });
    assert.equal(response.status, 200);
  };
  const onDisk = () => readFileSync(join(e2e.workspace, 'samples', FILE), 'utf8');

  const managed = () => e2e.emulator.admin.describe(recordId, e2e.seed.projectId) as { name: string; tags: string[]; properties: Record<string, string> };

  test('a managed file that is not on the platform says "not created"; Push shows its plan and creates the keyed record', async () => {
    const { wb, seed, emulator } = e2e;
    await wb.openFile(FILE);
    // Signed out there is no lens; the status item says the extension is up.
    await wb.page.locator('.part.statusbar', { hasText: 'DNAnexus: signed out' }).waitFor({ timeout: 60_000 });
    await wb.runCommand(commandTitle('dxrecord.signIn'));
    await wb.answerInput(seed.token);
    await wb.notification(/signed in as/).waitFor();
    await wb.codeLens('DNAnexus: not created').waitFor({ timeout: 60_000 });
    const before = emulator.admin.countObjects({ projectId: seed.projectId, class: 'record' });
    await wb.clickCodeLens('Push');
    await wb.dialog().filter({ hasText: 'Push samples/S1' }).waitFor();
    assert.match(await wb.dialog().innerText(), /name: "S1"/);
    await wb.clickDialogButton('Push');
    const done = wb.notification(/pushed samples\/S1/);
    await done.waitFor();
    recordId = /record-[0-9A-Za-z]{24}/.exec(await done.innerText())?.[0] ?? '';
    assert.equal(emulator.admin.countObjects({ projectId: seed.projectId, class: 'record' }), before + 1);
    assert.equal(managed().properties[KEY_PROPERTY], 'samples/S1');
    await wb.codeLens('DNAnexus: in sync').waitFor();
  });

  test('changed through the API, the lens says "differs"; Compare opens the diff editor; Push brings it back in sync', async () => {
    const { wb } = e2e;
    assert.ok(recordId, 'needs the record pushed above');
    await rename('S1-renamed-on-platform');
    // The platform does not tell the editor; Refresh re-reads it, as it does for the tree.
    await wb.runCommand(commandTitle('dxrecord.refresh'));
    await wb.codeLens('DNAnexus: differs (name)').waitFor();

    await wb.clickCodeLens('Compare');
    const diff = wb.page.locator('.editor-group-container.active .monaco-diff-editor');
    await diff.waitFor({ timeout: 30_000 });
    await wb.until(async () => ((await diff.locator('.editor.original .view-lines').innerText()).includes('S1-renamed-on-platform') ? true : undefined));
    assert.match(await diff.locator('.editor.modified .view-lines').innerText(), /"S1"/);
    await wb.screenshot('rac-compare');

    // Closing the comparison shows the file again.
    await wb.runCommand('View: Close Editor');
    await diff.waitFor({ state: 'hidden' });
    await wb.clickCodeLens('Push');
    // Renamed since this editor pushed it: a warning (and the comparison) instead of an overwrite.
    await wb.notification(/changed on the platform since this file was last pulled or pushed/).waitFor();
    assert.equal(managed().name, 'S1-renamed-on-platform', 'nothing pushed yet');
    await wb.clickNotificationButton(/changed on the platform/, 'Push Anyway');
    await wb.dialog().filter({ hasText: 'differs (name)' }).waitFor();
    assert.match(await wb.dialog().innerText(), /name: "S1-renamed-on-platform" → "S1"/);
    await wb.clickDialogButton('Push');
    await wb.until(async () => (managed().name === 'S1' ? true : undefined));
    await wb.runCommand('View: Close Editor');
    await diff.waitFor({ state: 'hidden' });
    await wb.codeLens('DNAnexus: in sync').waitFor();
  });

  test('Pull overwrites the file from the platform after confirming, as one undoable edit', async () => {
    const { wb } = e2e;
    assert.ok(recordId, 'needs the record pushed above');
    await rename('S1-pulled');
    await wb.runCommand(commandTitle('dxrecord.refresh'));
    await wb.codeLens('DNAnexus: differs (name)').waitFor();
    await wb.clickCodeLens('Pull');
    await wb.dialog().filter({ hasText: `with ${recordId}` }).waitFor();
    await wb.clickDialogButton('Pull');
    await wb.until(async () => (onDisk().includes('S1-pulled') ? true : undefined));
    const pulled = JSON.parse(onDisk());
    assert.deepEqual([pulled.name, pulled.folder, pulled.tags, pulled.properties], ['S1-pulled', '/managed', ['e2e'], {}], 'the pulled form, without the managed key');
    await wb.codeLens('DNAnexus: in sync').waitFor();
    await wb.editor.locator('.view-lines').click();
    await wb.page.keyboard.press('Control+Z');
    await wb.until(async () => ((await wb.editorText()).includes('"name": "S1",') ? true : undefined));
  });

  test('Create on a file whose key a record carries offers Push instead; Update shows the move to another folder', async () => {
    const { wb, seed, emulator } = e2e;
    const before = emulator.admin.countObjects({ projectId: seed.projectId, class: 'record' });
    await wb.runCommand(commandTitle('dxrecord.createRecord'));
    await wb.dialog().filter({ hasText: `samples/S1 is already on the platform as ${recordId}` }).waitFor();
    await wb.clickDialogButton('Cancel');
    assert.equal(emulator.admin.countObjects({ projectId: seed.projectId, class: 'record' }), before, 'no second record');

    await wb.replaceEditorText(JSON.stringify({ project: seed.projectId, name: 'S1-pulled', folder: '/moved', parents: true }, null, 2));
    await wb.runCommand(commandTitle('dxrecord.updateRecord'));
    await wb.dialog().filter({ hasText: 'move /managed → /moved' }).waitFor();
    await wb.clickDialogButton('Apply');
    await wb.until(async () => ((emulator.admin.describe(recordId, seed.projectId) as { folder: string }).folder === '/moved' ? true : undefined));
  });
});
