// Every quick fix, in process: ask for the actions on the reported diagnostic, apply the edit,
// change the document to the new text and check its new diagnostics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, fileUri, Workspace } from './workspace';

const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const RECORD = 'record-B0FJgXy4Zg231jgbQ9zQ0004';
const FILE = 'file-B0FJgXy4Zg231jgbQ9zQ0005';
const NONCE_SHAPE = /^[0-9a-f]{64}\d+\.\d{6}$/;

const workspace = new Workspace();
let documentCount = 0;

interface Opened {
  uri: string;
  text: string;
  diagnostics: Diagnostic[];
}

async function open(record: unknown, indent: number | string = 2): Promise<Opened> {
  const uri = fileUri(`fix-${++documentCount}.dxrecord.json`);
  const text = typeof record === 'string' ? record : JSON.stringify(record, null, indent);
  workspace.open(uri, text);
  return { uri, text, diagnostics: workspace.diagnostics(uri) };
}

async function actionsFor(doc: Opened, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return workspace.service.codeActions(workspace.document(doc.uri), diagnostics, only);
}

/** Changes the open document to `text` and returns the new version's diagnostics. */
function changeTo(uri: string, text: string): Diagnostic[] {
  workspace.change(uri, text);
  return workspace.diagnostics(uri);
}

/** Applies the action titled like `title`, re-validates, and returns the new text and diagnostics. */
async function applyFix(doc: Opened, code: string, title: RegExp): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const diagnostic = doc.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `expected a ${code} diagnostic, got ${doc.diagnostics.map((d) => d.code).join(', ')}`);
  const actions = await actionsFor(doc, [diagnostic]);
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no action like ${title} in ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind, 'quickfix');
  const text = applyEdits(doc.text, action.edit!.changes![doc.uri]);
  return { text, diagnostics: changeTo(doc.uri, text) };
}

describe('quick fixes', () => {
  test('a yes-or-no field written as text or a number becomes true or false; an unclear value gets no fix', async () => {
    for (const [value, meant] of [['no', false], ['yes', true], ['True', true], [1, true], [0, false], ['off', false]] as const) {
      const doc = await open({ project: PROJECT, hidden: value });
      const fixed = await applyFix(doc, 'type-mismatch', new RegExp(`Use ${meant}`));
      assert.deepEqual(fixed.diagnostics, [], `from ${JSON.stringify(value)}`);
      assert.equal(JSON.parse(fixed.text).hidden, meant);
    }
    const unclear = await open({ project: PROJECT, close: 'maybe' });
    assert.deepEqual(await actionsFor(unclear, unclear.diagnostics, ['quickfix']), []);
    const notBoolean = await open({ project: PROJECT, name: 1 });
    assert.deepEqual(await actionsFor(notBoolean, notBoolean.diagnostics, ['quickfix']), [], 'only boolean fields get the fix');
  });

  test('a project-form link becomes a string link, the title saying the project hint is dropped', async () => {
    const doc = await open({ project: PROJECT, details: { deep: [[{ $dnanexus_link: { project: PROJECT, id: RECORD } }]] } });
    const fixed = await applyFix(doc, 'link-project-form', /string link .*drops the project hint/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(JSON.parse(fixed.text).details.deep[0][0], { $dnanexus_link: RECORD });
  });

  test('a link object with an id but not the project pair becomes a string link', async () => {
    const doc = await open({ project: PROJECT, details: { a: { $dnanexus_link: { id: RECORD, extra: 1 } } } });
    const fixed = await applyFix(doc, 'link-value-not-string', /string link/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(JSON.parse(fixed.text).details.a, { $dnanexus_link: RECORD });
  });

  test('a type near a built-in one is renamed to it, and the type\'s own checks then run', async () => {
    const doc = await open({ project: PROJECT, types: ['Other', 'Assetbundle'], details: { archiveFileId: { $dnanexus_link: FILE } }, properties: { version: '1' } });
    const fixed = await applyFix(doc, 'type-name-near-miss', /Rename the type to "AssetBundle"/);
    assert.deepEqual(JSON.parse(fixed.text).types, ['Other', 'AssetBundle']);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('a link hash with extra keys keeps only the link', async () => {
    const doc = await open({ project: PROJECT, details: { reads: { note: 'x', $dnanexus_link: FILE, more: { a: [1] } } } });
    const fixed = await applyFix(doc, 'link-extra-keys', /Keep only/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(JSON.parse(fixed.text).details.reads, { $dnanexus_link: FILE });
  });

  test('an unknown key that is a near miss is renamed', async () => {
    const doc = await open({ project: PROJECT, detials: { a: 1 } });
    const fixed = await applyFix(doc, 'unknown-field', /Rename to "details"/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(JSON.parse(fixed.text).details, { a: 1 });
  });

  test('a folder without parents gets "parents": true, multi-line and single-line', async () => {
    for (const indent of [2, 0]) {
      const doc = await open({ project: PROJECT, folder: '/samples/2024', name: 'n' }, indent);
      const fixed = await applyFix(doc, 'folder-needs-parents', /Add "parents": true/);
      assert.deepEqual(fixed.diagnostics, []);
      assert.deepEqual(JSON.parse(fixed.text), { project: PROJECT, folder: '/samples/2024', parents: true, name: 'n' });
      if (indent === 2) assert.match(fixed.text, /\n {2}"parents": true,\n/);
    }
  });

  test('"parents": false is set to true', async () => {
    const doc = await open({ project: PROJECT, parents: false, folder: '/a' });
    const fixed = await applyFix(doc, 'folder-needs-parents', /Set "parents" to true/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(JSON.parse(fixed.text).parents, true);
  });

  test('a folder with "//" or a trailing "/" is normalized', async () => {
    const doc = await open({ project: PROJECT, folder: '/samples//2024/', parents: true });
    const fixed = await applyFix(doc, 'folder-not-normalized', /normalized folder "\/samples\/2024"/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(JSON.parse(fixed.text).folder, '/samples/2024');
  });

  test('an invalid nonce is replaced with a fresh dxpy-style one', async () => {
    const doc = await open({ project: PROJECT, nonce: 'x'.repeat(129) });
    const fixed = await applyFix(doc, 'nonce-invalid', /fresh nonce/);
    assert.deepEqual(fixed.diagnostics, []);
    const { nonce } = JSON.parse(fixed.text);
    assert.match(nonce, NONCE_SHAPE);
    assert.ok(Buffer.byteLength(nonce) <= 128);
  });

  test('a missing nonce is offered as a source action, and not when one exists', async () => {
    const withBom = `\uFEFF${JSON.stringify({ project: PROJECT })}`;
    for (const [record, indent] of [[{ project: PROJECT, name: 'n' }, 2], [{}, 0], ['{\n}', 0], [withBom, 0]] as const) {
      const doc = await open(record, indent);
      const actions = await actionsFor(doc, [], ['source']);
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.addNonce');
      const text = applyEdits(doc.text, actions[0].edit!.changes![doc.uri]);
      const parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
      assert.match(parsed.nonce, NONCE_SHAPE);
      const withNonce = { uri: doc.uri, text, diagnostics: changeTo(doc.uri, text) };
      assert.ok(!withNonce.diagnostics.some((d) => d.code === 'nonce-invalid'));
      assert.deepEqual(await actionsFor(withNonce, [], ['source']), []);
    }
    const quickFixesOnly = await open({ project: PROJECT });
    assert.deepEqual(await actionsFor(quickFixesOnly, [], ['quickfix']), [], 'not offered when only quick fixes are asked for');
  });

  test('describe-output fields are removed one at a time or all at once', async () => {
    const record = { id: RECORD, project: PROJECT, class: 'record', name: 'n', created: 1, modified: 2 };
    const single = await open(record);
    const one = await applyFix(single, 'describe-field', /Remove "id"/);
    assert.deepEqual(Object.keys(JSON.parse(one.text)), ['project', 'class', 'name', 'created', 'modified']);
    assert.equal(one.diagnostics.filter((d) => d.code === 'describe-field').length, 3);

    const all = await open(record);
    const fixed = await applyFix(all, 'describe-field', /Remove all 4 describe-output fields/);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(JSON.parse(fixed.text), { project: PROJECT, name: 'n' });

    const trailing = await open({ project: PROJECT, state: 'open', links: [] }, 0);
    const trailingFixed = await applyFix(trailing, 'describe-field', /Remove all 2/);
    assert.deepEqual(trailingFixed.diagnostics, []);
    assert.deepEqual(JSON.parse(trailingFixed.text), { project: PROJECT });
  });

  test('diagnostics from other sources get no actions from us', async () => {
    const doc = await open({ project: PROJECT, detials: {} });
    const foreign = { ...doc.diagnostics[0], source: 'json' };
    assert.deepEqual(await actionsFor(doc, [foreign], ['quickfix']), []);
  });
});
