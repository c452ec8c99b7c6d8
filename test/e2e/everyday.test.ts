// First run and everyday use in code-server: the status bar's user, project and one-click project
// switch; Describe Record with a typed ID, a record that does not exist, tabs named after records;
// the Records filter searched across the project; Update written to the log.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { DxApiClient } from '../../platform/src/apiClient';
import { startE2E, type E2E, type Seed } from './harness';
import { commandTitle, viewContainerTitle } from '../../testkit/manifest';

const MISSING_ID = 'record-BQ0000000000000000000001';

const files = (seed: Seed): Record<string, string> => ({
  'update.dxrecord.json': `${JSON.stringify({ project: seed.projectId, name: 'sample-A', tags: ['checked'], details: { seq: 'sample-A' } }, null, 2)}\n`,
});

describe('everyday use in VS Code (code-server)', { timeout: 600_000 }, () => {
  let e2e: E2E;
  let api: DxApiClient;
  const ids: Record<string, string> = {};
  const statusItem = () => e2e.wb.page.locator('.part.statusbar .statusbar-item', { hasText: /DNAnexus:/ }).first();
  const activeTab = () => e2e.wb.page.locator('.tabs-container .tab.active');
  const closeAllEditors = () => e2e.wb.runCommand('View: Close All Editors');

  before(async () => {
    e2e = await startE2E(files);
    api = new DxApiClient({ serverUrl: e2e.emulator.url, token: e2e.seed.token });
    const gold = await api.newRecord({ project: e2e.seed.projectId, folder: '/tagged/inner', parents: true, name: 'gold-one', tags: ['gold'] });
    ids['gold-one'] = gold.id;
    const found = await api.call<{ results: { id: string; describe: { name: string } }[] }>('/system/findDataObjects', {
      class: 'record', scope: { project: e2e.seed.projectId, folder: '/samples' }, describe: { fields: { name: true } },
    });
    for (const r of found.results) ids[r.describe.name] = r.id;
  });

  afterEach(async (t) => {
    await e2e?.wb.screenshot(`end-everyday-${t.name.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  after(async () => {
    await e2e?.stop();
  });

  test('the status bar shows the user and the project, and one click switches the project', async () => {
    const { wb, seed } = e2e;
    // The item appears once the extension is active (a workspace record file activates it).
    await statusItem().waitFor({ timeout: 60_000 });
    await wb.runCommand(commandTitle('dxrecord.signIn'));
    await wb.answerInput(seed.token);
    await wb.notification(/signed in as/).waitFor();
    await wb.until(async () => (/DNAnexus: e2e/.test(await statusItem().innerText()) ? true : undefined));

    await statusItem().click();
    await wb.pick(seed.projectName);
    await wb.until(async () => ((await statusItem().innerText()).includes(`· ${seed.projectName}`) ? true : undefined));

    // The log is one hover away.
    await statusItem().hover();
    const showLog = wb.page.locator('.workbench-hover a', { hasText: 'Show Log' });
    await showLog.waitFor({ timeout: 30_000 });
    await wb.screenshot('status-bar-tooltip');
    await showLog.click();
    await wb.page.locator('.part.panel .output-view .view-lines', { hasText: `Selected project ${seed.projectName}` }).waitFor();
    await wb.runCommand('View: Hide Panel');
  });

  test('Describe Record takes a typed ID from the recent-IDs pick, and explains a malformed one', async () => {
    const { wb } = e2e;
    await wb.runCommand(commandTitle('dxrecord.describeRecord'));
    await wb.answerInput(ids['sample-A']); // no recent IDs yet: the plain ID box
    await activeTab().filter({ hasText: `sample-A (${ids['sample-A']})` }).waitFor();
    await closeAllEditors();

    await wb.runCommand(commandTitle('dxrecord.describeRecord'));
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: ids['sample-A'] }).waitFor();
    await wb.page.locator('.quick-input-widget .quick-input-box input').fill(ids['sample-B']);
    await wb.page.waitForTimeout(500);
    await wb.screenshot('item4-typed-id');
    await wb.page.keyboard.press('Enter');
    await activeTab().filter({ hasText: `sample-B (${ids['sample-B']})` }).waitFor();
    assert.match(await wb.editorText(), new RegExp(`"name": "sample-B"`));
    await closeAllEditors();

    await wb.runCommand(commandTitle('dxrecord.describeRecord'));
    await wb.page.locator('.quick-input-widget .quick-input-box input').fill('record-123');
    const problem = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: /A record ID is "record-" followed by 24 letters and digits/ });
    await problem.waitFor();
    await wb.screenshot('item4-malformed-id');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(500);
    assert.ok(await problem.isVisible(), 'Enter on a malformed ID keeps the pick open');
    await wb.page.keyboard.press('Escape');
  });

  test('a record no project holds: a notification naming the ID and the project, no document, no history entry', async () => {
    const { wb, seed } = e2e;
    await closeAllEditors();
    await wb.runCommand(commandTitle('dxrecord.describeRecord'));
    await wb.pick('Enter a record ID…');
    await wb.answerInput(MISSING_ID);
    const toast = wb.notification(new RegExp(`${MISSING_ID} was not found in "${seed.projectName}" \\(${seed.projectId}\\)`));
    await toast.waitFor();
    await wb.page.waitForTimeout(500); // let the toast finish sliding in
    await wb.screenshot('item5-not-found');
    assert.equal(await activeTab().count(), 0, 'no document opened');

    await wb.runCommand(commandTitle('dxrecord.describeRecord'));
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: ids['sample-B'] }).waitFor();
    const rows = await wb.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    assert.ok(!rows.some((row) => row.includes(MISSING_ID)), `the missing ID is not among the recent ones: ${rows.join(' | ')}`);
    await wb.page.keyboard.press('Escape');
  });

  test('the Records filter searches the whole project: shown in the view, folders without matches hidden, a no-match row, one-click clear', async () => {
    const { wb, seed } = e2e;
    await wb.openViewContainer(viewContainerTitle('dxrecord.records'));
    await wb.treeRow(seed.projectName).waitFor();
    await wb.runCommand(commandTitle('dxrecord.filterRecords'));
    await wb.answerInput('tag:gold');
    await wb.toggleTreeRow(seed.projectName);
    await wb.page.waitForTimeout(1_000);
    await wb.screenshot('item6-filtered');
    const message = wb.page.locator('.part.sidebar .message', { hasText: 'Showing only records matching "tag:gold".' });
    await message.waitFor();
    assert.equal(await wb.page.locator('.part.sidebar .description', { hasText: 'Filter: tag:gold' }).count(), 1, 'the view description, shown when the view has a header');
    // Only the folders leading to the match, opened down to it; the seeded /samples and /many are hidden.
    await wb.treeRow('gold-one').waitFor();
    assert.deepEqual(await wb.treeRows(2), ['tagged']);
    assert.deepEqual(await wb.treeRows(3), ['inner']);

    await wb.runCommand(commandTitle('dxrecord.filterRecords'));
    await wb.acceptInput(/^tag:gold$/); // the box starts from the filter that is on
    await wb.runCommand(commandTitle('dxrecord.filterRecords'));
    await wb.answerInput('no-such-record');
    await wb.treeRow('No records match "no-such-record"').waitFor();
    await wb.screenshot('item6-no-match');

    await wb.page.locator('.part.sidebar .title-actions .action-label[aria-label^="Clear Records Filter"]').click();
    await wb.treeRow('samples').waitFor();
    await wb.page.locator('.part.sidebar .message', { hasText: 'Showing only' }).waitFor({ state: 'hidden' });
    await wb.until(async () => ((await wb.page.locator('.part.sidebar .description', { hasText: 'Filter:' }).count()) === 0 ? true : undefined));
    await wb.collapseTree();
  });

  test('Update Record from File writes what it applied to the log', async () => {
    const { wb, emulator, seed } = e2e;
    await wb.openFile('update.dxrecord.json');
    await wb.runCommand(commandTitle('dxrecord.updateRecord'));
    await wb.pick(ids['sample-A']);
    await wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Apply' }).click();
    await wb.notification(/updated record-/).waitFor();
    assert.deepEqual((emulator.admin.describe(ids['sample-A'], seed.projectId) as { tags: string[] }).tags, ['checked']);
    await wb.runCommand(commandTitle('dxrecord.showLog'));
    await wb.page.locator('.part.panel .output-view .view-lines', { hasText: `Updated ${ids['sample-A']} in ${seed.projectId}` }).waitFor();
    await wb.screenshot('update-log');
  });
});
