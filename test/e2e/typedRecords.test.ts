// Typed records in code-server: an AssetBundle without archiveFileId shows the type's diagnostic,
// its quick fix inserts the field as a link skeleton, and, signed in, completion inside that link
// offers the project's files from the emulator; the language status item names the schema, opens
// it on click, and follows an unsaved edit of `types`.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { seedFile } from '../../testkit/files';
import { startE2E, type E2E, type Seed } from './harness';
import { commandTitle } from '../../testkit/manifest';

const FILE = 'asset.dxrecord.json';

const files = (seed: Seed): Record<string, string> => ({
  [FILE]: `${JSON.stringify({ project: seed.projectId, name: 'my-asset', types: ['AssetBundle'], properties: { version: '1.0.0' }, details: {} }, null, 2)}\n`,
});

describe('typed records in VS Code (code-server)', { timeout: 600_000 }, () => {
  let e2e: E2E;
  let bundle: string;
  const sessionItem = () => e2e.wb.page.locator('.part.statusbar .statusbar-item', { hasText: /DNAnexus:/ }).first();

  before(async () => {
    e2e = await startE2E(files);
    const { emulator, seed } = e2e;
    bundle = await seedFile({ serverUrl: emulator.url, token: seed.token, project: seed.projectId }, 'bundle.tar.gz', 'the asset tarball');
  });

  afterEach(async (t) => {
    await e2e?.wb.screenshot(`end-typed-${t.name.replace(/\W+/g, '-').slice(0, 50)}`);
  });

  after(async () => {
    await e2e?.stop();
  });

  test("an AssetBundle without archiveFileId shows the type's diagnostic and the quick fix inserts the field", async () => {
    const { wb } = e2e;
    await wb.openFile(FILE);
    const problems = await wb.waitForProblems((rows) => rows.some((r) => r.code.includes('type-details-invalid')), 60_000);
    const typed = problems.find((r) => r.code.includes('type-details-invalid'))!;
    assert.match(typed.message, /AssetBundle records need `details\.archiveFileId`/);
    await wb.placeCaretAfter('"detail');
    await wb.applyQuickFix('Add the missing AssetBundle field "archiveFileId"');
    await wb.until(async () => ((await wb.editorFullText()).includes('"archiveFileId": {"$dnanexus_link": "file-"}') ? true : undefined));
    await wb.waitForProblems((rows) => !rows.some((r) => r.code.includes('type-details-invalid')));
  });

  test("signed in, completion inside the file link offers the project's files", async () => {
    const { wb, seed } = e2e;
    await sessionItem().waitFor({ timeout: 60_000 });
    await wb.runCommand(commandTitle('dxrecord.signIn'));
    await wb.answerInput(seed.token);
    await wb.notification(/signed in as/).waitFor();
    await wb.placeCaretAfter('"$dnanexus_link": "');
    const labels = await wb.until(async () => {
      const shown = await wb.suggestions();
      if (shown.some((label) => label.startsWith('bundle.tar.gz'))) return shown;
      await wb.page.keyboard.press('Escape');
      return undefined;
    }, 30_000);
    assert.ok(labels.some((label) => label.startsWith('bundle.tar.gz')), labels.join(' | '));
    await wb.acceptSuggestion('bundle.tar.gz');
    await wb.until(async () => ((await wb.editorFullText()).includes(`"archiveFileId": {"$dnanexus_link": "${bundle}"}`) ? true : undefined));
  });

  test('the language status item names the schema that applies and opens it on click', async () => {
    const { wb } = e2e;
    const schemaTab = wb.page.locator('.tabs-container .tab.active', { hasText: 'Untitled' });
    // The hover can close as the pointer travels to its link, so a click that opened nothing is tried again.
    await wb.until(async () => {
      const hover = await languageStatusHover('Types: AssetBundle');
      await hover.locator('a', { hasText: 'Open schema' }).click({ timeout: 3_000 }).catch(() => undefined);
      return (await schemaTab.waitFor({ timeout: 3_000 }).then(() => true, () => false)) || undefined;
    }, 60_000);
    await wb.until(async () => ((await wb.editorFullText()).includes('"x-dx-link"') ? true : undefined));
    assert.deepEqual(JSON.parse(await wb.editorFullText()).required, ['archiveFileId']);
  });

  test('an unsaved edit of types updates the language status item', async () => {
    const { wb, seed } = e2e;
    await wb.openFile(FILE);
    await languageStatusHover('Types: AssetBundle');
    await wb.replaceEditorText(JSON.stringify({ project: seed.projectId, name: 'my-asset', types: ['AssetBundle', 'ContigSet'], details: {} }, null, 2));
    await languageStatusHover('Types: AssetBundle, ContigSet');
  });

  /** Hovers the record's language status item until its hover contains `text` (it fills in once the
   * server has answered; until then the hover shows the previous answer), and returns that hover. */
  async function languageStatusHover(text: string) {
    const { wb } = e2e;
    const item = wb.page.locator('.part.statusbar .statusbar-item[id="status.languageStatus"]');
    const hover = wb.page.locator('.workbench-hover', { hasText: text });
    await wb.until(async () => {
      await wb.page.mouse.move(0, 0);
      await item.hover();
      return (await hover.waitFor({ timeout: 3_000 }).then(() => true, () => false)) || undefined;
    }, 60_000);
    return hover;
  }
});
