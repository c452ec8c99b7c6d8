// In a real VS Code: a Create that ran past the deadline while the platform was still making the
// record says the record may exist, Look for It finds it, and running Create again gives back that
// same record (the nonce was kept in workspace state) instead of a second one.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { startE2E, type E2E } from './harness';
import { commandTitle } from '../../testkit/manifest';

describe('Create run again after a deadline (code-server)', { timeout: 600_000 }, () => {
  let e2e: E2E;
  const records = (): number => e2e.emulator.admin.countObjects({ projectId: e2e.seed.projectId, class: 'record' });

  before(async () => {
    e2e = await startE2E((seed) => ({ 'slow.dxrecord.json': `{\n  "project": "${seed.projectId}",\n  "name": "slow-platform"\n}\n` }));
  });
  afterEach(async (t) => {
    await e2e?.wb.screenshot(`repeat-${t.name.replace(/\W+/g, '-').slice(0, 60)}`);
  });
  after(async () => {
    await e2e?.stop();
  });

  test('deadline, then the platform commits: the warning offers Look for It, and Create again makes no second record', async () => {
    const { wb, seed, emulator } = e2e;
    await wb.openFile('slow.dxrecord.json');
    // The status item appears once the extension is active, and its commands with it.
    await wb.page.locator('.statusbar-item', { hasText: 'DNAnexus: signed out' }).waitFor({ timeout: 60_000 });
    await wb.runCommand(commandTitle('dxrecord.signIn'));
    await wb.answerInput(seed.token);
    await wb.notification(/signed in as/).waitFor();
    const before = records();

    // The e2e profile's deadline is 10 s; the platform finishes the create 3 s after that.
    emulator.admin.injectFault({ route: '/record/new', kind: 'delay', delayMs: 13_000 });
    await wb.runCommand(commandTitle('dxrecord.createRecord'));
    const warning = /may have created the record; running Create again/;
    await wb.notification(warning).waitFor({ timeout: 30_000 });
    await wb.until(async () => (records() === before + 1 ? true : undefined), 15_000);

    await wb.clickNotificationButton(warning, 'Look for It');
    const found = wb.notification(/found record-/);
    await found.waitFor();
    const foundId = /record-[0-9A-Za-z]{24}/.exec(await found.innerText())?.[0];
    assert.ok(foundId);

    await wb.screenshot('repeat-found');
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.runCommand(commandTitle('dxrecord.createRecord'));
    // The answer comes at once (the platform replays the kept nonce), so its toast may come and go
    // around the palette closing: read it from the notification center, which keeps every one.
    await wb.runCommand('Notifications: Show Notifications');
    const created = wb.page.locator('.notifications-center .notification-list-item', { hasText: /created record-.*slow-platform/ }).first();
    await created.waitFor({ timeout: 30_000 });
    assert.equal(/record-[0-9A-Za-z]{24}/.exec(await created.innerText())?.[0], foundId, 'Create again answered with the first record');
    assert.equal(records(), before + 1);
  });
});
