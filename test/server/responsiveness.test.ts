// Over real JSON-RPC: a pathological document is validated off the main thread, so requests on
// other documents are answered meanwhile; superseded and closed runs publish nothing. Each
// ordering is proven by events: a 5 MB record with 100,000 syntax errors takes the engine far
// longer than a small document's whole round trip, and an identical twin opened later is a
// barrier behind which any stale publication would already have arrived.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { validateRecord } from '../../server/src/engine';
import { MAX_PUBLISHED, OVERFLOW_CODE } from '../../server/src/lsp/publication';
import { fileUri, LspTestClient, openAndWait } from '../../testkit/lspClient';
import { pathologicalRecord, PROJECT } from './records';

const SMALL = JSON.stringify({ project: PROJECT, name: 'small' }, null, 2);
const PATHOLOGICAL = pathologicalRecord(5_000_000, 100_000);

describe('validation never blocks the server', () => {
  let client: LspTestClient;
  let count = 0;
  const nextUri = (name: string) => fileUri(`${name}-${++count}.dxrecord.json`);
  const publishedFor = (uri: string, from = 0) => client.published.slice(from).filter((params) => params.uri === uri);

  before(async () => {
    client = await LspTestClient.start({ settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  test('a hover on another document is answered before the pathological document is published', async () => {
    const heavy = nextUri('heavy');
    const small = nextUri('small');
    client.open(heavy, PATHOLOGICAL);
    await openAndWait(client, small, SMALL);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 4 } });
    assert.ok(hover, 'the hover is answered');
    assert.equal(publishedFor(heavy).length, 0, 'answered while the pathological document was still being validated');
    const published = await client.waitForDiagnostics(heavy, () => true, { timeoutMs: 120_000 });
    assert.equal(published.version, 1);
    client.close(heavy);
    client.close(small);
  });

  test('at most MAX_PUBLISHED diagnostics are published, then one notice of how many more there are', async () => {
    const heavy = nextUri('capped');
    const diagnostics = await openAndWait(client, heavy, PATHOLOGICAL, 120_000);
    const engine = validateRecord(PATHOLOGICAL).diagnostics;
    assert.ok(engine.length > 100_000);
    assert.equal(diagnostics.length, MAX_PUBLISHED + 1);
    assert.deepEqual(
      diagnostics.slice(0, MAX_PUBLISHED).map((d) => [d.code, d.range]),
      engine.slice(0, MAX_PUBLISHED).map((d) => [d.code, d.range]),
    );
    const notice = diagnostics[MAX_PUBLISHED];
    assert.equal(notice.code, OVERFLOW_CODE);
    assert.deepEqual(notice.range, engine[MAX_PUBLISHED].range);
    assert.match(notice.message, new RegExp(`^${(engine.length - MAX_PUBLISHED).toLocaleString('en')} more problems`));
    client.close(heavy);
  });

  test('rapid edits during validation publish only the latest version', async () => {
    const heavy = nextUri('rapid');
    const mark = client.published.length;
    client.open(heavy, PATHOLOGICAL);
    let version = 1;
    // Each edit supersedes the run in flight (debounce 0); each version has its own unknown key, first.
    for (let i = 1; i <= 4; i++) version = client.change(heavy, `{"edit${i}": 1,${PATHOLOGICAL.slice(1)}`);
    const latest = await client.waitForDiagnostics(heavy, (params) => params.version === version, { after: mark, timeoutMs: 120_000 });
    assert.ok(latest.diagnostics.some((d) => d.code === 'unknown-field' && /"edit4"/.test(d.message)));
    // The superseded runs started earlier on texts as large, so they would have finished first.
    assert.deepEqual(publishedFor(heavy, mark).map((params) => params.version), [version], 'only the latest version is published');
    client.close(heavy);
  });

  test('closing a document mid-validation publishes empty diagnostics and nothing stale afterwards', async () => {
    const heavy = nextUri('closed');
    const mark = client.published.length;
    client.open(heavy, PATHOLOGICAL);
    await openAndWait(client, nextUri('small'), SMALL);
    assert.equal(publishedFor(heavy, mark).length, 0, 'still validating when closed');
    client.close(heavy);
    const cleared = await client.waitForDiagnostics(heavy, () => true, { after: mark });
    assert.deepEqual(cleared.diagnostics, []);
    // The twin's validation started after the closed one's, on the same text: it finishes later.
    await openAndWait(client, nextUri('twin'), PATHOLOGICAL, 120_000);
    assert.deepEqual(publishedFor(heavy, mark).map((params) => params.diagnostics), [[]], 'nothing published after the clear');
  });
});
