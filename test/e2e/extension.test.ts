// What a person sees in a real VS Code (code-server 4.100.3 in headless chromium) with the extension
// installed, against the local emulator. One workbench for the whole file; scenarios run in order
// and build on each other (sign-in before the tree, create before describe).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { LARGE_FOLDER_SIZE, startE2E, type E2E, type Seed } from './harness';
import { commandTitle, viewContainerTitle } from '../../testkit/manifest';
import type { Problem } from '../../testkit/workbench';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;
const LINKED_ID = 'record-BQ0000000000000000000000';

const files = (seed: Seed): Record<string, string> => ({
  'invalid.dxrecord.json': lines(
    '{',
    '  "project": "project-123",',
    '  "name": "",',
    '  "detials": {},',
    '  "tags": [""]',
    '}',
  ),
  'link.dxrecord.json': lines(
    '{',
    `  "project": "${seed.projectId}",`,
    '  "name": "linked",',
    '  "details": {',
    `    "input": {"$dnanexus_link": {"project": "${seed.projectId}", "id": "${LINKED_ID}"}}`,
    '  }',
    '}',
  ),
  'empty.dxrecord.json': '',
  'pick-project.dxrecord.json': lines('{', '  "project": ""', '}'),
  'create.dxrecord.json': lines(
    '{',
    `  "project": "${seed.projectId}",`,
    '  "name": "created-in-e2e",',
    '  "folder": "/samples",',
    '  "tags": ["e2e"],',
    '  "types": ["Sample"],',
    '  "properties": {"origin": "e2e"},',
    '  "details": {"reads": 1200, "sample": "A"}',
    '}',
  ),
  'retry.dxrecord.json': lines('{', `  "project": "${seed.projectId}",`, '  "name": "created-through-503s"', '}'),
  'offline.dxrecord.json': lines('{', `  "project": "${seed.projectId}",`, '  "tags": [""],', '  "types": ["Sample"]', '}'),
});

const inFile = (file: string) => (rows: Problem[]) => rows.filter((row) => row.file === file);

describe('dxrecord in VS Code (code-server)', { timeout: 900_000 }, () => {
  let e2e: E2E;
  const records = (): number => e2e.emulator.admin.countObjects({ projectId: e2e.seed.projectId, class: 'record' });

  before(async () => {
    e2e = await startE2E(files);
  });

  // The screen as each scenario left it, passed or failed.
  afterEach(async (t) => {
    await e2e?.wb.screenshot(`end-${t.name.replace(/\W+/g, '-').slice(0, 60)}`);
  });

  after(async () => {
    await e2e?.stop();
  });

  test('an invalid record shows our diagnostics at the right lines; fixing the file clears them', async () => {
    const { wb, seed } = e2e;
    await wb.openFile('invalid.dxrecord.json');
    // The first diagnostics also wait for the extension to activate and the server to start.
    await wb.squiggles().first().waitFor({ timeout: 60_000 });
    const rows = inFile('invalid.dxrecord.json')(await wb.waitForProblems((r) => inFile('invalid.dxrecord.json')(r).length >= 4));
    assert.deepEqual(
      rows.map(({ source, code, line }) => ({ source, code, line })),
      [
        { source: 'dnanexus', code: 'invalid-id', line: 2 },
        { source: 'dnanexus', code: 'name-invalid', line: 3 },
        { source: 'dnanexus', code: 'unknown-field', line: 4 },
        { source: 'dnanexus', code: 'tag-empty', line: 5 },
      ],
    );
    assert.match(rows[2].message, /"details"/, 'the unknown key message names the near miss');
    await wb.screenshot('diagnostics');

    await wb.replaceEditorText(lines('{', `  "project": "${seed.projectId}",`, '  "name": "fixed"', '}'));
    await wb.waitForProblems((r) => inFile('invalid.dxrecord.json')(r).length === 0);
    assert.equal(await wb.squiggles().count(), 0);
  });

  test('a quick fix rewrites a project-form link to the string form and the warning goes away', async () => {
    const { wb } = e2e;
    const linkProblems = (r: Problem[]) => inFile('link.dxrecord.json')(r).filter((p) => p.code === 'link-project-form');
    await wb.openFile('link.dxrecord.json');
    const [problem] = linkProblems(await wb.waitForProblems((r) => linkProblems(r).length === 1));
    assert.equal(problem.line, 5);
    await wb.placeCaretAfter('"id": ');
    await wb.applyQuickFix(`Use the string link "${LINKED_ID}" (drops the project hint)`);
    await wb.waitForProblems((r) => linkProblems(r).length === 0);
    assert.match(await wb.editorText(), new RegExp(`"input": \\{"\\$dnanexus_link": "${LINKED_ID}"\\}`));
    await wb.screenshot('quick-fix');
  });

  test('signed out: the records view shows the welcome with a Sign In button', async () => {
    const { wb } = e2e;
    await wb.openViewContainer(viewContainerTitle('dxrecord.records'));
    await wb.welcomeView().waitFor();
    assert.match(await wb.welcomeView().innerText(), /Sign In/);
    await wb.screenshot('signed-out');
  });

  test('completion in an empty file inserts the record skeleton', async () => {
    const { wb } = e2e;
    await wb.openFile('empty.dxrecord.json');
    await wb.editor.locator('.view-lines').click();
    const labels = await wb.suggestions();
    assert.ok(labels.some((label) => label.startsWith('New record')), `no skeleton in ${labels.join(' | ')}`);
    await wb.acceptSuggestion('New record');
    await wb.page.keyboard.press('Escape');
    assert.match(await wb.editorText(), /"project":/);
  });

  test('sign in with a token from the palette; the tree shows project → folders → records and pages a large folder', async () => {
    const { wb, seed } = e2e;
    await wb.runCommand(commandTitle('dxrecord.signIn'));
    await wb.answerInput(seed.token);
    await wb.notification(/signed in as/).waitFor();
    await wb.openViewContainer(viewContainerTitle('dxrecord.records'));
    await wb.treeRow(seed.projectName).waitFor();
    assert.deepEqual((await wb.treeRows(1)).sort(), [seed.projectName, seed.referenceProjectName].sort());

    await wb.toggleTreeRow(seed.projectName);
    await wb.treeRow('samples').waitFor();
    assert.deepEqual((await wb.treeRows(2)).sort(), ['many', 'samples']);
    await wb.toggleTreeRow('samples');
    await wb.treeRow('sample-C').waitFor();
    assert.deepEqual((await wb.treeRows(3)).sort(), seed.folders['/samples']);
    await wb.screenshot('tree');
    await wb.toggleTreeRow('samples'); // collapse again, so level 3 below is only the large folder

    await wb.toggleTreeRow('many');
    await wb.treeRow(/^bulk-/).waitFor();
    // The tree is virtualised: each row knows the size of its level, so read that instead of counting rows.
    const folderSize = async (): Promise<number> =>
      Number(await wb.page.locator('.part.sidebar .monaco-list-row[aria-level="3"]').first().getAttribute('aria-setsize'));
    const pages = [await folderSize()];
    while (pages.length < 4 && pages[pages.length - 1] !== LARGE_FOLDER_SIZE) {
      await wb.clickTreeRowAfterScrolling('Load more…');
      const previous = pages[pages.length - 1];
      pages.push(await wb.until(async () => ((await folderSize()) !== previous ? folderSize() : undefined)));
    }
    // 100 records and "Load more…" per page, then the last 60 without it.
    assert.deepEqual(pages, [101, 201, LARGE_FOLDER_SIZE]);
    await wb.screenshot('tree-load-more');
    await wb.collapseTree();
  });

  test('completion on "project" offers the emulator projects by name', async () => {
    const { wb, seed } = e2e;
    await wb.openFile('pick-project.dxrecord.json');
    await wb.placeCaretAfter('"project": "');
    const labels = await wb.suggestions();
    assert.ok(labels.some((l) => l.startsWith(seed.projectName)) && labels.some((l) => l.startsWith(seed.referenceProjectName)), labels.join(' | '));
    await wb.acceptSuggestion(seed.referenceProjectName);
    assert.match(await wb.editorText(), new RegExp(`"project": "${seed.referenceProjectId}"`));
    await wb.screenshot('project-completion');
  });

  let createdId = '';

  test('Create Record from File: progress, a success message, the record in the tree, exactly one record with the file fields', async () => {
    const { wb, seed, emulator } = e2e;
    const before = records();
    await wb.openFile('create.dxrecord.json');
    // Slow the platform down enough to see the progress notification.
    emulator.admin.injectFault({ route: '/record/new', kind: 'delay', delayMs: 2_000 });
    await wb.runCommand(commandTitle('dxrecord.createRecord'));
    await wb.notification(/Creating a record/).waitFor();
    await wb.page.waitForTimeout(500); // let the toast finish sliding in
    await wb.screenshot('create-progress');
    const done = wb.notification(/created record-/);
    await done.waitFor();
    createdId = /record-[0-9A-Za-z]{24}/.exec(await done.innerText())?.[0] ?? '';
    assert.equal(records(), before + 1);

    const created = emulator.admin.describe(createdId, seed.projectId) as Record<string, unknown>;
    assert.equal(created.name, 'created-in-e2e');
    assert.equal(created.folder, '/samples');
    assert.deepEqual(created.tags, ['e2e']);
    assert.deepEqual(created.types, ['Sample']);
    assert.deepEqual(created.properties, { origin: 'e2e' });
    assert.deepEqual(created.details, { reads: 1200, sample: 'A' });
    assert.equal(readFileSync(join(e2e.workspace, 'create.dxrecord.json'), 'utf8'), files(seed)['create.dxrecord.json'], 'the file is unchanged');

    await wb.clickNotificationButton(/created record-/, 'Reveal in Tree');
    await wb.treeRow(/^created-in-e2e/).waitFor();
    await wb.screenshot('created-in-tree');
  });

  test('Describe Record opens a read-only document with the details; Pull Record into File yields a file that validates clean', async () => {
    const { wb } = e2e;
    assert.ok(createdId, 'needs the record created above');
    await wb.toggleTreeRow('created-in-e2e'); // a record row's click describes it
    await wb.page.locator('.tabs-container .tab.active', { hasText: createdId }).waitFor();
    const described = JSON.parse(await wb.editorFullText());
    assert.equal(described.id, createdId);
    assert.deepEqual(described.details, { reads: 1200, sample: 'A' });
    assert.deepEqual(described.properties, { origin: 'e2e' });
    await wb.runCommand('View: Hide Panel');
    await wb.screenshot('describe');
    await wb.editor.locator('.view-lines').click();
    await wb.page.keyboard.type('x');
    await wb.page.locator('.monaco-editor-overlaymessage', { hasText: 'Cannot edit in read-only editor' }).waitFor();

    await wb.runCommand(commandTitle('dxrecord.pullRecord'));
    await wb.pick('Open as a new unsaved file');
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor();
    const pulled = await wb.editorFullText();
    assert.deepEqual(JSON.parse(pulled).details, { reads: 1200, sample: 'A' });
    const cli = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'validate', '--format', 'json', '-'], { input: pulled, encoding: 'utf8' }));
    assert.deepEqual(cli.summary, { files: 1, errors: 0, warnings: 0 });
    await wb.page.waitForTimeout(1_000);
    assert.deepEqual(inFile('Untitled-1')(await wb.problems()), []);
    await wb.screenshot('pulled');

    await wb.runCommand(commandTitle('dxrecord.pullRecord'));
    await wb.pick('Save as a .dxrecord.json file…');
    // code-server's own save dialog is an input box holding the suggested path: take it as offered.
    const saved = await wb.acceptInput(/\/created-in-e2e\.dxrecord\.json$/);
    assert.equal(saved, join(e2e.workspace, 'created-in-e2e.dxrecord.json'));
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'created-in-e2e.dxrecord.json' }).waitFor();
    assert.equal(readFileSync(saved, 'utf8'), pulled);
  });

  test('Create while the platform answers 503 (once before and once after committing): still exactly one record', async () => {
    const { wb, emulator } = e2e;
    const before = records();
    const attempts = (): number => emulator.admin.requestLog().filter((r) => r.route === '/record/new').length;
    const attemptsBefore = attempts();
    emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 1 });
    emulator.admin.injectFault({ route: '/record/new', kind: 'status', status: 503, retryAfter: 1, after: true });
    await wb.openFile('retry.dxrecord.json');
    await wb.runCommand(commandTitle('dxrecord.createRecord'));
    await wb.notification(/created record-.*created-through-503s/).waitFor({ timeout: 60_000 });
    assert.equal(records(), before + 1);
    assert.equal(attempts() - attemptsBefore, 3);
    await wb.screenshot('create-after-503s');
  });

  test('emulator down: the tree shows an error node, nothing crashes, language features still work', async () => {
    const { wb, emulator } = e2e;
    await emulator.close();
    await wb.openViewContainer(viewContainerTitle('dxrecord.records'));
    await wb.runCommand(commandTitle('dxrecord.refresh'));
    await wb.treeRow(/^Failed to load/).waitFor({ timeout: 60_000 });
    await wb.screenshot('emulator-down');

    await wb.openFile('offline.dxrecord.json');
    const rows = await wb.waitForProblems((r) => inFile('offline.dxrecord.json')(r).some((p) => p.code === 'tag-empty'));
    assert.ok(inFile('offline.dxrecord.json')(rows).every((p) => p.code !== 'project-not-found'), 'no platform verdicts while it is down');
    await wb.placeCaretAfter('"tags": [""],');
    await wb.page.keyboard.press('Enter');
    const labels = await wb.suggestions();
    assert.ok(labels.some((label) => label.startsWith('name')), `key completion offline: ${labels.join(' | ')}`);
  });
});
