// Team type schemas through the language server over JSON-RPC: read from the workspace's
// .dxrecord/types, re-applied when the client reports a schema file change, and a schema file
// opened in the editor gets its own diagnostics.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TypeSchemasRequest, type AppliedTypeSchema } from '../../protocol/messages';
import { LspTestClient, openAndWait } from '../../testkit/lspClient';

const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const FILE = 'file-B0FJgXy4Zg231jgbQ9zQ0005';
const RECORD_TEXT = JSON.stringify({ project: PROJECT, types: ['SampleSheet'], details: { reads: { $dnanexus_link: FILE } } }, null, 2);
const needs = (field: string) => JSON.stringify({ type: 'object', required: [field], properties: { reads: { 'x-dx-link': ['file'] } } });

describe('team type schemas in the language server', () => {
  let folder: string;
  let schemaPath: string;
  let client: LspTestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dxrecord-server-types-'));
    mkdirSync(join(folder, '.dxrecord/types'), { recursive: true });
    mkdirSync(join(folder, 'runs'));
    schemaPath = join(folder, '.dxrecord/types/SampleSheet.schema.json');
    writeFileSync(schemaPath, needs('reads'));
    client = await LspTestClient.start({ workspaceFolder: folder });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a record under the folder is checked against its nearest .dxrecord/types schema; an untitled one is not', async () => {
    const uri = pathToFileURL(join(folder, 'runs/a.dxrecord.json')).href;
    assert.deepEqual(await openAndWait(client, uri, RECORD_TEXT), []);
    const bad = RECORD_TEXT.replace(`{\n      "$dnanexus_link": "${FILE}"\n    }`, JSON.stringify(FILE));
    const diagnostics = await openAndWait(client, pathToFileURL(join(folder, 'runs/b.dxrecord.json')).href, bad);
    assert.deepEqual(diagnostics.map((d) => d.code), ['type-link-class']);
    assert.match(diagnostics[0].message, /SampleSheet, .*\.dxrecord\/types\/SampleSheet\.schema\.json/);
    assert.deepEqual(await openAndWait(client, 'untitled:Untitled-1', bad), []);
  });

  test('a changed schema file, reported by the client, re-validates the open records', async () => {
    const uri = pathToFileURL(join(folder, 'runs/c.dxrecord.json')).href;
    assert.deepEqual(await openAndWait(client, uri, RECORD_TEXT), []);
    writeFileSync(schemaPath, needs('sampleSheetId'));
    const mark = client.published.length;
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaPath).href, type: 2 }] });
    const republished = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0, { after: mark });
    assert.deepEqual(republished.diagnostics.map((d) => d.code), ['type-details-invalid']);
    assert.match(republished.diagnostics[0].message, /need `details.sampleSheetId`/);

    writeFileSync(schemaPath, '{"type": "strin"}');
    const mark2 = client.published.length;
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaPath).href, type: 2 }] });
    const broken = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'type-schema-invalid'), { after: mark2 });
    assert.equal(broken.diagnostics.length, 1);
    assert.equal(broken.diagnostics[0].range.start.line, 3, 'on the types entry');
    writeFileSync(schemaPath, needs('reads'));
  });

  test('an open schema file gets type-schema-invalid where it is broken, and no record features', async () => {
    const uri = pathToFileURL(schemaPath).href;
    const text = '{\n  "properties": {\n    "reads": {"type": "strin"}\n  }\n}';
    const diagnostics = await openAndWait(client, uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['type-schema-invalid', 2]]);
    assert.match(diagnostics[0].message, /SampleSheet type schema does not compile/);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } }), null);
    const fixed = await (async () => {
      const mark = client.published.length;
      const version = client.change(uri, needs('reads'));
      return (await client.waitForDiagnostics(uri, (params) => params.version === version, { after: mark })).diagnostics;
    })();
    assert.deepEqual(fixed, []);
  });
  test('the typeSchemas request names the schemas that apply to a record: the workspace file, or built-in with its text', async () => {
    const uri = pathToFileURL(join(folder, 'runs/status.dxrecord.json')).href;
    await openAndWait(client, uri, JSON.stringify({ project: PROJECT, types: ['SampleSheet', 'AssetBundle', 'NoSchema'], details: { reads: { $dnanexus_link: FILE } } }));
    const applied = await client.connection.sendRequest(TypeSchemasRequest.method, { uri });
    const [team, builtIn, ...rest] = applied as AppliedTypeSchema[];
    assert.deepEqual(team, { type: 'SampleSheet', source: schemaPath });
    assert.equal(builtIn.type, 'AssetBundle');
    assert.equal(builtIn.source, 'built-in');
    assert.deepEqual(JSON.parse(builtIn.text!).required, ['archiveFileId']);
    assert.deepEqual(rest, [], 'a type without a schema is not listed');
    const untyped = pathToFileURL(join(folder, 'runs/untyped.dxrecord.json')).href;
    await openAndWait(client, untyped, JSON.stringify({ project: PROJECT }));
    assert.deepEqual(await client.connection.sendRequest(TypeSchemasRequest.method, { uri: untyped }), []);
  });
});
