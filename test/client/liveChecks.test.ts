// The server ↔ client platform lookups over real JSON-RPC: the bundled server asks, this test's
// client answers from the emulator through PlatformCache, as the extension does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { PlatformChangedNotification, PlatformLookupRequest } from '../../protocol/messages';
import { DxApiClient } from '../../platform/src/apiClient';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { fileUri, LspTestClient } from '../../testkit/lspClient';
import { platformFixture, type PlatformFixture } from './fixture';

const MISSING_PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const MISSING_RECORD = 'record-B0FJgXy4Zg231jgbQ9zQ0003';

interface Answering {
  /** The kinds of query the server asked, in order. */
  asked: string[];
  /**
   * Resolves once every answer sent so far has reached the server and the server has handled a
   * later request: by then any diagnostics those answers lead to are published (the server handles
   * messages in order), so "nothing more was published" is an observation, not a wait.
   */
  settled(lsp: LspTestClient, uri: string): Promise<void>;
}

function answerFrom(lsp: LspTestClient, cache: PlatformCache): Answering {
  const asked: string[] = [];
  const answers: Promise<unknown>[] = [];
  lsp.connection.onRequest(PlatformLookupRequest, (query, token) => {
    asked.push(query.kind);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const answer = cache.answer(query, controller.signal);
    answers.push(answer);
    return answer;
  });
  return {
    asked,
    async settled(server, uri) {
      await Promise.all(answers);
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    },
  };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}:${d.severity}`).sort();

/** The cursor right after the first `marker` in `text`, as an LSP position. */
function positionAfter(text: string, marker: string) {
  const offset = text.indexOf(marker) + marker.length;
  return TextDocument.create('file:///x', 'dxrecord', 0, text).positionAt(offset);
}

async function complete(lsp: LspTestClient, uri: string, text: string, marker: string): Promise<CompletionItem[]> {
  const list = await lsp.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionAfter(text, marker) });
  return Array.isArray(list) ? list : list.items;
}

/** The first publication for `uri` after `from` that has a diagnostic with `code` (or none, when `present` is false). */
function published(lsp: LspTestClient, uri: string, from: number, code: string, present = true) {
  return lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === code) === present, { after: from, timeoutMs: 8_000 });
}

describe('live platform checks over JSON-RPC (signed in)', { timeout: 60_000 }, () => {
  let f: PlatformFixture;
  let lsp: LspTestClient;
  let cache: PlatformCache;
  let answering: Answering;
  let target: string;
  before(async () => {
    f = await platformFixture('live');
    target = (await f.client.newRecord({ project: f.project, name: 'target record', folder: '/existing', parents: true })).id;
    lsp = await LspTestClient.start();
    cache = new PlatformCache(() => f.client);
    answering = answerFrom(lsp, cache);
  });
  after(async () => {
    await lsp.stop();
    await f.emulator.close();
  });

  it('warns about a project that is not on the platform', async () => {
    const uri = fileUri('live-project.dxrecord.json');
    const from = lsp.published.length;
    lsp.open(uri, JSON.stringify({ project: MISSING_PROJECT, name: 'x' }));
    const first = await lsp.waitForDiagnostics(uri, () => true, { after: from });
    assert.ok(!first.diagnostics.some((d) => d.code === 'project-not-found'), 'the pure diagnostics come first');
    const live = await published(lsp, uri, from, 'project-not-found');
    const warning = live.diagnostics.find((d) => d.code === 'project-not-found')!;
    assert.equal(warning.severity, 2);
    assert.match(warning.message, /does not exist on the platform or you cannot see it/);
    assert.equal(warning.range.start.character, JSON.stringify({ project: MISSING_PROJECT }).indexOf('"project-'));
  });

  it('warns about an initializeFrom project that is not on the platform, not about a visible one', async () => {
    const uri = fileUri('live-init.dxrecord.json');
    const text = JSON.stringify({ project: f.project, initializeFrom: { project: MISSING_PROJECT, id: target } });
    const from = lsp.published.length;
    lsp.open(uri, text);
    const live = await published(lsp, uri, from, 'project-not-found');
    const warnings = live.diagnostics.filter((d) => d.code === 'project-not-found');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].range.start.character, text.lastIndexOf(`"${MISSING_PROJECT}"`));
  });

  it('raises folder-needs-parents to a warning when the folder is missing and flags dangling links only', async () => {
    const uri = fileUri('live-folder.dxrecord.json');
    const text = JSON.stringify({ project: f.project, folder: '/missing', details: { good: { $dnanexus_link: target }, bad: { $dnanexus_link: MISSING_RECORD } } }, null, 1);
    const from = lsp.published.length;
    lsp.open(uri, text);
    const live = await published(lsp, uri, from, 'link-target-not-found');
    assert.deepEqual(codes(live.diagnostics), ['folder-needs-parents:2', 'link-target-not-found:2']);
    const link = live.diagnostics.find((d) => d.code === 'link-target-not-found')!;
    assert.equal(link.range.start.line, text.split('\n').findIndex((l) => l.includes(MISSING_RECORD)));

    const existing = JSON.stringify({ project: f.project, folder: '/existing' });
    const uri2 = fileUri('live-folder-ok.dxrecord.json');
    const from2 = lsp.published.length;
    lsp.open(uri2, existing);
    await lsp.waitForDiagnostics(uri2, () => true, { after: from2 });
    // Once the live check has its answers, the offline hint must still be information.
    await answering.settled(lsp, uri2);
    const last = lsp.published.filter((p) => p.uri === uri2).at(-1)!;
    assert.deepEqual(codes(last.diagnostics), ['folder-needs-parents:3']);
  });

  it('re-runs the live checks when the client says the platform changed', async () => {
    const uri = fileUri('live-changed.dxrecord.json');
    const from = lsp.published.length;
    lsp.open(uri, JSON.stringify({ project: f.project, folder: '/later' }));
    await published(lsp, uri, from, 'folder-needs-parents');
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'folder-needs-parents' && d.severity === 2), { after: from });
    await f.client.call(`/${f.project}/newFolder`, { folder: '/later' });
    cache.invalidate();
    const before = lsp.published.length;
    await lsp.connection.sendNotification(PlatformChangedNotification);
    const after = await lsp.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.severity === 2), { after: before });
    assert.deepEqual(codes(after.diagnostics), ['folder-needs-parents:3']);
  });

  it('completes projects by name, the project\'s folders, and link targets by name', async () => {
    const uri = fileUri('live-complete.dxrecord.json');
    const text = `{\n  "project": "${f.project}",\n  "folder": "/",\n  "details": { "ref": { "$dnanexus_link": "" } },\n  "initializeFrom": { "project": "${f.project}", "id": "" }\n}\n`;
    lsp.open(uri, text);
    const projects = await complete(lsp, uri, text, '"project": "');
    const project = projects.find((i) => i.label === 'Editor tests');
    assert.ok(project, projects.map((i) => i.label).join(', '));
    assert.equal(project.detail, `${f.project} · ADMINISTER`);
    assert.equal((project.textEdit as { newText: string }).newText, JSON.stringify(f.project));

    const folders = (await complete(lsp, uri, text, '"folder": "')).map((i) => i.label);
    assert.ok(folders.includes('/existing'), folders.join(', '));

    const links = await complete(lsp, uri, text, '"$dnanexus_link": "');
    const link = links.find((i) => i.label === 'target record');
    assert.ok(link, links.map((i) => i.label).join(', '));
    assert.equal((link.textEdit as { newText: string }).newText, JSON.stringify(target));
    assert.ok((await complete(lsp, uri, text, '"id": "')).some((i) => i.label === 'target record'));
  });

  it('shows name, class and state when hovering an ID', async () => {
    const uri = fileUri('live-hover.dxrecord.json');
    const text = JSON.stringify({ project: f.project, details: { r: { $dnanexus_link: target } } });
    lsp.open(uri, text);
    const onRecord = await lsp.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, target.slice(0, 12)) });
    assert.match(JSON.stringify(onRecord.contents), /target record\*\* · record · open/);
    const onProject = await lsp.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, '"project-') });
    assert.match(JSON.stringify(onProject.contents), /Editor tests\*\* · project · your access: ADMINISTER/);
  });
});

describe('live platform checks degrade to the pure ones', { timeout: 30_000 }, () => {
  it('with the emulator stopped: pure diagnostics, completion and hover still answer promptly', async () => {
    const f = await platformFixture('offline');
    await f.emulator.close();
    const lsp = await LspTestClient.start();
    const down = new DxApiClient({ serverUrl: f.emulator.url, token: f.token });
    const answering = answerFrom(lsp, new PlatformCache(() => down, { timeoutMs: 800 }));
    try {
      const uri = fileUri('offline.dxrecord.json');
      const text = `{\n  "project": "${f.project}",\n  "folder": "/x",\n  "properties": { "k": 1 }\n}\n`;
      let started = Date.now();
      lsp.open(uri, text);
      const first = await lsp.waitForDiagnostics(uri, () => true);
      assert.ok(Date.now() - started < 2_000, `pure diagnostics took ${Date.now() - started} ms`);
      assert.deepEqual(codes(first.diagnostics), ['folder-needs-parents:3', 'property-value-not-string:1']);

      started = Date.now();
      const items = await complete(lsp, uri, text, '"project": "');
      assert.ok(Date.now() - started < 2_500, `completion took ${Date.now() - started} ms`);
      assert.ok(!items.some((i) => i.label === 'Editor tests'));
      const keys = await complete(lsp, uri, text, '{\n  ');
      assert.ok(keys.some((i) => i.label === 'name'), 'pure key completions still answer');
      const hover = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, '"folder') });
      assert.ok(hover, 'pure hover still answers');
      assert.ok(answering.asked.length > 0, 'the server did ask the client');
      await answering.settled(lsp, uri);
      const last = lsp.published.filter((p) => p.uri === uri).at(-1)!;
      assert.deepEqual(codes(last.diagnostics), codes(first.diagnostics), 'no platform diagnostics while offline');
    } finally {
      await lsp.stop();
    }
  });

  it('with a client that never answers: the server gives up after its short timeout', async () => {
    const lsp = await LspTestClient.start();
    lsp.connection.onRequest(PlatformLookupRequest, () => new Promise(() => undefined));
    try {
      const uri = fileUri('silent.dxrecord.json');
      const text = `{ "project": "${MISSING_PROJECT}", "name": "n" }`;
      lsp.open(uri, text);
      await lsp.waitForDiagnostics(uri, () => true);
      const started = Date.now();
      const items = await complete(lsp, uri, text, '"project": "');
      const took = Date.now() - started;
      assert.ok(took < 3_500, `completion took ${took} ms`);
      assert.ok(Array.isArray(items));
    } finally {
      await lsp.stop();
    }
  });
});
