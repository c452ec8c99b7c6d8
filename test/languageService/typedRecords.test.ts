// The editor on typed records, in process: completion of the types' fields and link skeletons,
// hover with the type's documentation, and the typed quick fixes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction, CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import type { TypeSchemas } from '../../server/src/engine/types';
import { applyEdits, expandSnippet, fileUri, Workspace } from './workspace';

const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const FILE = 'file-B0FJgXy4Zg231jgbQ9zQ0004';

const TEAM: TypeSchemas = {
  SampleSheet: {
    source: '.dxrecord/types/SampleSheet.schema.json',
    text: JSON.stringify({
      type: 'object',
      required: ['sheet', 'run'],
      properties: {
        notes: { type: 'string', description: 'free text' },
        run: { type: 'object', description: 'the sequencing run', properties: { id: { type: 'string' } } },
        sheet: { 'x-dx-link': ['file'], markdownDescription: 'The **CSV sample sheet**.' },
        index: { type: 'integer' },
      },
    }),
  },
};

const workspace = new Workspace({ typesFor: () => TEAM });
let count = 0;

function open(text: string) {
  return workspace.open(fileUri(`typed-${++count}.dxrecord.json`), text);
}

function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

async function completeAt(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, offset } = cursor(marked);
  const document = open(text);
  const list = await workspace.service.completions(document, document.positionAt(offset));
  return { items: list.items, text };
}

async function hoverAt(marked: string): Promise<string> {
  const { text, offset } = cursor(marked);
  const document = open(text);
  const hover = await workspace.service.hover(document, document.positionAt(offset));
  return hover ? (hover.contents as MarkupContent).value : '';
}

function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return applyEdits(text, [{ range: edit.range, newText: expandSnippet(edit.newText) }, ...(item.additionalTextEdits ?? [])]);
}

function quickFixes(text: string, code: string): { actions: CodeAction[]; apply: (action: CodeAction) => string } {
  const document = open(text);
  const diagnostics = workspace.diagnostics(document.uri).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `a ${code} diagnostic`);
  const actions = workspace.service.codeActions(document, diagnostics, ['quickfix']);
  return { actions, apply: (action) => applyEdits(text, action.edit!.changes![document.uri]) };
}

const bySort = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));

describe('completion in a typed record', () => {
  test("a key in details offers the type's fields, required ones first, with the schema's docs", async () => {
    const { items } = await completeAt(`{"project": "${PROJECT}", "types": ["SampleSheet"], "details": {"notes": "x", |}}`);
    const fields = bySort(items).map((i) => i.label).filter((l) => ['notes', 'run', 'sheet', 'index'].includes(String(l)));
    assert.deepEqual(fields.slice(0, 2).sort(), ['run', 'sheet']);
    assert.deepEqual(fields.slice(2), ['index'], 'notes is present already, so it is not offered');
    const sheet = items.find((i) => i.label === 'sheet')!;
    assert.equal((sheet.documentation as MarkupContent).value, 'The **CSV sample sheet**.');
    assert.match(String(sheet.detail), /required · SampleSheet/);
  });

  test('accepting a link field inserts a link skeleton limited to the allowed classes', async () => {
    const { items, text } = await completeAt(`{"project": "${PROJECT}", "types": ["SampleSheet"], "details": {|}}`);
    const sheet = items.find((i) => i.label === 'sheet')!;
    assert.match((sheet.textEdit as TextEdit).newText, /\$\{1\|file-\|\}/);
    assert.deepEqual(JSON.parse(accept(text, sheet)).details, { sheet: { $dnanexus_link: 'file-' } });
  });

  test("a built-in type's fields come with its markdownDescription", async () => {
    const { items } = await completeAt(`{"project": "${PROJECT}", "types": ["AssetBundle"], "details": {"|"}}`);
    const field = items.find((i) => i.label === 'archiveFileId');
    assert.ok(field, 'archiveFileId offered');
    assert.match((field.documentation as MarkupContent).value, /\*\*tarball file\*\*/);
  });

  test('at a typed link field\'s value and inside its $dnanexus_link only the allowed classes are offered', async () => {
    const atValue = await completeAt(`{"project": "${PROJECT}", "types": ["SampleSheet"], "details": {"sheet": |}}`);
    const link = atValue.items.find((i) => String(i.label).startsWith('{"$dnanexus_link"'))!;
    assert.match((link.textEdit as TextEdit).newText, /\$\{1\|file-\|\}/);
    const inLink = await completeAt(`{"project": "${PROJECT}", "types": ["SampleSheet"], "details": {"sheet": {"$dnanexus_link": "|"}}}`);
    const prefixes = inLink.items.map((i) => i.label).filter((l) => String(l).endsWith('-'));
    assert.deepEqual(prefixes, ['file-']);
  });

  test('an untyped record still offers every link class', async () => {
    const { items } = await completeAt(`{"project": "${PROJECT}", "details": {"sheet": {"$dnanexus_link": "|"}}}`);
    const prefixes = items.map((i) => i.label).filter((l) => String(l).endsWith('-'));
    assert.ok(prefixes.includes('file-') && prefixes.includes('record-'), prefixes.join());
  });
});

describe('hover in a typed record', () => {
  test("a typed field's key shows the type's documentation and the link's classes", async () => {
    const value = await hoverAt(`{"project": "${PROJECT}", "types": ["AssetBundle"], "details": {"archive|FileId": {"$dnanexus_link": "${FILE}"}}}`);
    assert.match(value, /`details\.archiveFileId` \(a link to file\) · \*\*AssetBundle\*\* \(built-in type\)/);
    assert.match(value, /\*\*tarball file\*\*/);
  });

  test("a team type names its schema file", async () => {
    const value = await hoverAt(`{"project": "${PROJECT}", "types": ["SampleSheet"], "details": {"run": {"|id": "r1"}, "notes": ""}}`);
    assert.match(value, /\*\*SampleSheet\*\* \(`\.dxrecord\/types\/SampleSheet\.schema\.json`\)/);
  });
});

describe('typed quick fixes', () => {
  test('the missing required fields are inserted in one edit, links as link skeletons', () => {
    const text = `{\n  "project": "${PROJECT}",\n  "types": ["SampleSheet"],\n  "details": {\n    "notes": "x"\n  }\n}`;
    const { actions, apply } = quickFixes(text, 'type-details-invalid');
    const add = actions.find((a) => a.title === 'Add the 2 missing SampleSheet fields');
    assert.ok(add, actions.map((a) => a.title).join());
    const fixed = apply(add);
    assert.deepEqual(JSON.parse(fixed).details, { notes: 'x', sheet: { $dnanexus_link: 'file-' }, run: {} });
    assert.match(fixed, /\n    "notes": "x",\n    "sheet"/);
    assert.equal(workspace.diagnostics(open(fixed).uri).filter((d) => d.code === 'type-details-invalid').length, 0);
  });

  test('a typed record with no details gets a details object with the required field', () => {
    const text = `{"project": "${PROJECT}", "types": ["AssetBundle"], "properties": {"version": "1"}}`;
    const { actions, apply } = quickFixes(text, 'type-details-invalid');
    const add = actions.find((a) => a.title === 'Add the missing AssetBundle field "archiveFileId"')!;
    assert.deepEqual(JSON.parse(apply(add)).details, { archiveFileId: { $dnanexus_link: 'file-' } });
  });

  test('a nested object missing a field gets it inside that object', () => {
    const text = `{"project": "${PROJECT}", "types": ["ContigSet"], "details": {"contigs": {"names": ["chr1"]}}}`;
    const { actions, apply } = quickFixes(text, 'type-details-invalid');
    const add = actions.find((a) => a.title === 'Add the missing ContigSet field "sizes"')!;
    assert.deepEqual(JSON.parse(apply(add)).details, { contigs: { names: ['chr1'], sizes: [] } });
  });

  test('a bare ID where a type wants a link is wrapped into the link', () => {
    const text = `{"project": "${PROJECT}", "types": ["AssetBundle"], "details": {"archiveFileId": "${FILE}"}}`;
    const { actions, apply } = quickFixes(text, 'type-link-class');
    const wrap = actions.find((a) => a.title === 'Wrap the ID into a link')!;
    assert.deepEqual(JSON.parse(apply(wrap)).details, { archiveFileId: { $dnanexus_link: FILE } });
  });

  test('a link to the wrong class gets no wrap fix', () => {
    const text = `{"project": "${PROJECT}", "types": ["AssetBundle"], "details": {"archiveFileId": {"$dnanexus_link": "record-B0FJgXy4Zg231jgbQ9zQ0005"}}}`;
    assert.deepEqual(quickFixes(text, 'type-link-class').actions, []);
  });
});
