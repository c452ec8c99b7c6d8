// Diagnostics over real JSON-RPC: publication on open and change, debouncing to the latest
// version, clearing on close, the enable/exclude/debounce settings, and a 5 MB record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { validateRecord } from '../../server/src/engine';
import { changeAndWait, fileUri, LspTestClient, openAndWait } from '../../testkit/lspClient';
import { largeRecord, PROJECT } from './records';

const VALID = JSON.stringify({ project: PROJECT, name: 'ok' }, null, 2);
const INVALID = JSON.stringify({ project: PROJECT, detials: {}, id: 'record-B0FJgXy4Zg231jgbQ9zQ0004', folder: '/a' }, null, 2);

describe('diagnostics', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client.stop());

  test('publishes each engine diagnostic exactly once, with source, code and mapped severity', async () => {
    const diagnostics = await openAndWait(client, fileUri('open.dxrecord.json'), INVALID);
    const expected = validateRecord(INVALID).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      expected.map((d) => [d.code, d.range, d.message]),
    );
    const severityOf = (code: string) => diagnostics.find((d) => d.code === code)?.severity;
    assert.equal(severityOf('unknown-field'), 1);
    assert.equal(severityOf('describe-field'), 2);
    assert.equal(severityOf('folder-needs-parents'), 3);
    assert.ok(diagnostics.every((d) => d.source === 'dnanexus'));
    const keys = diagnostics.map((d) => JSON.stringify([d.code, d.range]));
    assert.equal(new Set(keys).size, keys.length, 'no diagnostic is published twice');
  });

  test('a change re-validates; rapid changes publish only the latest version', async () => {
    const uri = fileUri('rapid.dxrecord.json');
    assert.deepEqual(await openAndWait(client, uri, VALID), []);
    const mark = client.published.length;
    let version = 1;
    for (let i = 1; i <= 10; i++) {
      version = client.change(uri, JSON.stringify({ project: PROJECT, [`key${i}`]: 1 }));
    }
    const latest = await client.waitForDiagnostics(uri, (params) => params.version === version, { after: mark });
    assert.equal(latest.diagnostics.length, 1);
    assert.match(latest.diagnostics[0].message, /"key10"/);
    // A barrier instead of a wait: one more change, published after anything the burst could still publish.
    const after = client.change(uri, VALID);
    await client.waitForDiagnostics(uri, (params) => params.version === after, { after: mark });
    const forUri = client.published.slice(mark).filter((params) => params.uri === uri);
    assert.deepEqual(forUri.map((params) => params.version), [version, after], 'of the burst, only the latest version is published');
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri('close.dxrecord.json');
    assert.ok((await openAndWait(client, uri, INVALID)).length > 0);
    const mark = client.published.length;
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, { after: mark });
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('validation.enable = false clears diagnostics and true brings them back', async () => {
    const uri = fileUri('enable.dxrecord.json');
    const count = (await openAndWait(client, uri, INVALID)).length;
    assert.ok(count > 0);
    let mark = client.published.length;
    client.configure({ validation: { enable: false } });
    assert.deepEqual((await client.waitForDiagnostics(uri, () => true, { after: mark })).diagnostics, []);
    assert.deepEqual(await changeAndWait(client, uri, INVALID + ' '), [], 'stays off while typing');
    mark = client.published.length;
    client.configure({ validation: { enable: true } });
    const restored = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0, { after: mark });
    assert.equal(restored.diagnostics.length, count);
    client.close(uri);
  });

  test('validation.debounceMs sets the delay after a change', async () => {
    const uri = fileUri('debounce.dxrecord.json');
    await openAndWait(client, uri, VALID);
    const configured = client.published.length;
    client.configure({ validation: { debounceMs: 800 } });
    // The server re-validates open documents once it has the new settings.
    await client.waitForDiagnostics(uri, () => true, { after: configured });
    const mark = client.published.length;
    const started = Date.now();
    const version = client.change(uri, INVALID);
    await client.waitForDiagnostics(uri, (params) => params.version === version, { after: mark });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 750, `published after ${elapsed} ms, expected the 800 ms debounce`);
    client.configure({});
    client.close(uri);
  });
});

describe('validation.exclude', () => {
  const workspace = '/tmp/dxrecord-ws';
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ workspaceFolder: workspace, settings: { validation: { exclude: ['drafts/**', '*.tmp.dxrecord.json'] } } });
  });
  after(() => client.stop());

  test('files matching a glob relative to the workspace folder get no diagnostics', async () => {
    assert.deepEqual(await openAndWait(client, fileUri('drafts/deep/a.dxrecord.json', workspace), INVALID), []);
    assert.deepEqual(await openAndWait(client, fileUri('records/x.tmp.dxrecord.json', workspace), INVALID), []);
    assert.ok((await openAndWait(client, fileUri('records/a.dxrecord.json', workspace), INVALID)).length > 0);
  });

  test('an added workspace folder applies the globs to its files too', async () => {
    const other = '/tmp/dxrecord-ws-added';
    const uri = fileUri('drafts/b.dxrecord.json', other);
    assert.ok((await openAndWait(client, uri, INVALID)).length > 0, 'outside every folder: not excluded');
    const mark = client.published.length;
    const added = [{ uri: pathToFileURL(other).href, name: 'added' }];
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added, removed: [] } });
    assert.deepEqual((await client.waitForDiagnostics(uri, () => true, { after: mark })).diagnostics, []);
  });
});

describe('large documents', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client.stop());

  test('a 5 MB record gets its diagnostics and every feature answers', async () => {
    const text = largeRecord(5_000_000, { broken: { $dnanexus_link: 'file-B0FJgXy4Zg231jgbQ9zQ0003', extra: true } });
    assert.ok(text.length >= 5_000_000);
    const uri = fileUri('large.dxrecord.json');
    const started = Date.now();
    // Generous bounds: this proves nothing hangs, on a machine that may be busy; the bench measures speed.
    const diagnostics = await openAndWait(client, uri, text, 60_000);
    const validated = Date.now() - started;
    assert.deepEqual(diagnostics.map((d) => d.code).filter((code) => code !== 'details-large'), ['link-extra-keys']);
    const lastLine = text.split('\n').length - 2;
    const timings: Record<string, number> = { diagnostics: validated };
    const timed = async (name: string, method: string, params: object) => {
      const start = Date.now();
      const result = await client.request<unknown>(method, { textDocument: { uri }, ...params });
      timings[name] = Date.now() - start;
      assert.ok(result !== null, `${name} answered`);
    };
    await timed('completion', 'textDocument/completion', { position: { line: lastLine, character: 1 } });
    await timed('hover', 'textDocument/hover', { position: { line: 1, character: 4 } });
    await timed('symbols', 'textDocument/documentSymbol', {});
    await timed('folding', 'textDocument/foldingRange', {});
    await timed('codeAction', 'textDocument/codeAction', { range: diagnostics[0].range, context: { diagnostics } });
    console.log(`5 MB record (ms): ${JSON.stringify(timings)}`);
    for (const [name, ms] of Object.entries(timings)) assert.ok(ms < 30_000, `${name} took ${ms} ms`);
  });
});
