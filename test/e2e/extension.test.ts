// What a person sees in a real VS Code (code-server 4.100.3 in headless chromium) with the extension
// installed, against the local emulator. One workbench for the whole file; scenarios run in order
// and build on each other (sign-in before the tree, create before describe).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { startE2E, type E2E, type Seed } from './harness';
import { commandTitle, viewContainerTitle } from './manifest';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

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
    `    "input": {"$dnanexus_link": {"project": "${seed.projectId}", "id": "record-BQ0000000000000000000000"}}`,
    '  }',
    '}',
  ),
  'empty.dxrecord.json': '',
});

describe('dxrecord in VS Code (code-server)', { timeout: 600_000 }, () => {
  let e2e: E2E;

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
    const rows = await wb.waitForProblems((r) => r.length >= 4);
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
    await wb.screenshot('1-diagnostics');

    await wb.replaceEditorText(lines('{', `  "project": "${seed.projectId}",`, '  "name": "fixed"', '}'));
    await wb.waitForProblems((r) => r.length === 0);
    assert.equal(await wb.squiggles().count(), 0);
    await wb.screenshot('1-fixed');
  });
});
