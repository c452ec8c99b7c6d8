// Typed records signed in, in process, against the emulator through the extension's own
// PlatformCache: link completion limited to the field's classes, hover on a typed link, and
// `link-target-state`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { seedFile } from '../../testkit/files';
import { platformFixture, type PlatformFixture } from '../client/fixture';
import { fileUri, Workspace } from './workspace';

describe('typed records signed in', () => {
  let f: PlatformFixture;
  let workspace: Workspace;
  let closed: string;
  let open: string;
  let far: string;
  let elsewhere: string;
  let count = 0;
  before(async () => {
    f = await platformFixture('typed');
    elsewhere = f.emulator.admin.createProject(f.userId, 'Elsewhere');
    const target = { serverUrl: f.emulator.url, token: f.token, project: f.project };
    closed = await seedFile(target, 'bundle.tar.gz', 'asset');
    open = await seedFile(target, 'partial.tar.gz', 'half', { open: true });
    far = await seedFile(target, 'far.tar.gz', 'far', { project: elsewhere });
    await f.client.newRecord({ project: f.project, name: 'a record', close: true });
    const cache = new PlatformCache(() => f.client);
    workspace = new Workspace({ lookup: (query, signal) => cache.answer(query, signal) });
  });
  after(() => f.emulator.close());

  const openAt = (marked: string) => {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const document = workspace.open(fileUri(`typed-live-${++count}.dxrecord.json`), text);
    return { document, position: document.positionAt(offset) };
  };
  const asset = (archive: string) => `{"project": "${f.project}", "types": ["AssetBundle"], "properties": {"version": "1"}, "details": {"archiveFileId": ${archive}}}`;
  const stateWarnings = async (text: string) => {
    const { document } = openAt(text + '|');
    return ((await workspace.service.liveDiagnostics(document)) ?? []).filter((d) => d.code === 'link-target-state');
  };

  it("inside a typed link only the project's objects of the allowed classes are offered", async () => {
    const { document, position } = openAt(asset('{"$dnanexus_link": "|"}'));
    const list = await workspace.service.completions(document, position);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('bundle.tar.gz') && labels.includes('partial.tar.gz'), labels.join());
    assert.ok(!labels.includes('a record'), 'a record is not a file');
    assert.ok(!labels.includes('far.tar.gz'), 'a file of another project is not offered');
    const bundle = list.items.find((i) => i.label === 'bundle.tar.gz')!;
    assert.equal((bundle.textEdit as TextEdit).newText, JSON.stringify(closed));
    assert.match(String(bundle.detail), new RegExp(`file · ${closed} · closed`));
  });

  it("at a typed link field's value an object is inserted as a whole link", async () => {
    const { document, position } = openAt(asset('|'));
    const list = await workspace.service.completions(document, position);
    const bundle = list.items.find((i) => i.label === 'bundle.tar.gz');
    assert.ok(bundle, list.items.map((i) => i.label).join());
    assert.equal((bundle.textEdit as TextEdit).newText, `{"$dnanexus_link": "${closed}"}`);
  });

  it("hover on a typed link's ID shows the target's name, class and state with the field's docs", async () => {
    const { document, position } = openAt(asset(`{"$dnanexus_link": "${open.slice(0, 8)}|${open.slice(8)}"}`));
    const hover = await workspace.service.hover(document, position);
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\*\*partial\\\.tar\\\.gz\*\* · file · open/);
    assert.match(value, /`details\.archiveFileId` \(a link to file\) · \*\*AssetBundle\*\*/);
  });

  it('an open target where the type needs a closed one is link-target-state', async () => {
    const found = await stateWarnings(asset(`{"$dnanexus_link": "${open}"}`));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, new RegExp(`Linked file ${open} \\("partial\\.tar\\.gz"\\) is open; the AssetBundle type needs it closed`));
  });

  it('an open target among the items of a typed array of links is the one reported', async () => {
    const report = `{"project": "${f.project}", "types": ["Report", "HTMLReport"], "details": {"files": [{"$dnanexus_link": "${closed}"}, {"$dnanexus_link": {"project": "${f.project}", "id": "${open}"}}]}}`;
    const found = await stateWarnings(report);
    assert.deepEqual(found.map((d) => d.offset), [report.indexOf(`"${open}"`)]);
    assert.match(found[0].message, /the HTMLReport type needs it closed/);
  });

  it("a target in another project than the record's is link-target-state, typed or not", async () => {
    const typed = await stateWarnings(asset(`{"$dnanexus_link": "${far}"}`));
    assert.equal(typed.length, 1);
    assert.match(typed[0].message, new RegExp(`is in ${elsewhere}, not in this record's project ${f.project}; the link stays inactive until the object is cloned`));
    const untyped = await stateWarnings(`{"project": "${f.project}", "details": {"x": {"$dnanexus_link": {"project": "${elsewhere}", "id": "${far}"}}}}`);
    assert.equal(untyped.length, 1);
  });

  it("a target that also has a copy in the record's project is fine, though another copy comes first", async () => {
    // The record is in the project that sorts last, so a describe without it would find the other copy.
    const [first, last] = [f.project, elsewhere].sort();
    const shared = await seedFile({ serverUrl: f.emulator.url, token: f.token, project: first }, 'shared.tar.gz', 'shared');
    await f.client.call(`/${first}/clone`, { objects: [shared], project: last });
    const record = asset(`{"$dnanexus_link": "${shared}"}`).replace(f.project, last);
    assert.deepEqual(await stateWarnings(record), []);
  });

  it('a closed target in the project, or an open one no type needs closed, is fine', async () => {
    assert.deepEqual(await stateWarnings(asset(`{"$dnanexus_link": "${closed}"}`)), []);
    assert.deepEqual(await stateWarnings(`{"project": "${f.project}", "details": {"draft": {"$dnanexus_link": "${open}"}}}`), []);
  });
});
