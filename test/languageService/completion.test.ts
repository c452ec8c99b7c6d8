// Completion and hover, in process: skeleton, missing keys (project first), booleans,
// ID prefixes, the link snippet in details, never an empty list, schema docs and byte sizes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { validateRecord } from '../../server/src/engine';
import { applyEdits, expandSnippet, fileUri, Workspace } from './workspace';

const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const schema = JSON.parse(readFileSync('schemas/record-new.schema.json', 'utf8'));

const workspace = new Workspace();
let documentCount = 0;

/** Opens `text` with `|` marking the cursor and returns the completion list there. */
async function completeAt(marked: string): Promise<{ list: CompletionList; text: string }> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = fileUri(`completion-${++documentCount}.dxrecord.json`);
  const list = await workspace.service.completions(workspace.open(uri, text), positionOf(text, offset));
  workspace.close(uri);
  return { list, text };
}

async function completeTriggeredBy(marked: string, triggerCharacter: string): Promise<CompletionList> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = fileUri(`completion-${++documentCount}.dxrecord.json`);
  const list = await workspace.service.completions(workspace.open(uri, text), positionOf(text, offset), triggerCharacter);
  workspace.close(uri);
  return list;
}

async function hoverAt(marked: string): Promise<string> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = fileUri(`hover-${++documentCount}.dxrecord.json`);
  const hover = await workspace.service.hover(workspace.open(uri, text), positionOf(text, offset));
  workspace.close(uri);
  assert.ok(hover, 'a hover is returned');
  return (hover.contents as MarkupContent).value;
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/** The document text after accepting `item` with every placeholder's default. */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return applyEdits(text, [{ range: edit.range, newText: expandSnippet(edit.newText) }, ...(item.additionalTextEdits ?? [])]);
}

function labels(list: CompletionList): string[] {
  return list.items.map((item) => item.label);
}

function bySortText(list: CompletionList): CompletionItem[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('completion', () => {
  test('an empty file offers the whole-record skeleton, which parses with project first', async () => {
    const { list, text } = await completeAt('  |\n');
    assert.equal(list.items.length, 1);
    const record = JSON.parse(accept(text, list.items[0]));
    assert.equal(Object.keys(record)[0], 'project');
    assert.deepEqual(Object.keys(record), Object.keys(schema.defaultSnippets[0].body));
  });

  test('missing top-level keys, required project first, present keys left out, docs from the schema', async () => {
    const { list, text } = await completeAt('{\n  "name": "x",\n  |\n}');
    const sorted = bySortText(list);
    assert.equal(sorted[0].label, 'project');
    assert.ok(!labels(list).includes('name'));
    const expected = Object.keys(schema.properties).filter((key) => key !== 'name');
    assert.deepEqual(labels(list).sort(), expected.sort());
    const hidden = list.items.find((item) => item.label === 'hidden')!;
    assert.equal((hidden.documentation as MarkupContent).value, schema.properties.hidden.markdownDescription);
    const withProject = accept(text, sorted[0]);
    assert.equal(JSON.parse(withProject).project, 'project-xxxxxxxxxxxxxxxxxxxxxxxx');
  });

  test('a key completion adds a comma when another property follows', async () => {
    const { list, text } = await completeAt('{\n  |\n  "name": "x"\n}');
    const result = accept(text, list.items.find((item) => item.label === 'hidden')!);
    assert.deepEqual(JSON.parse(result), { hidden: true, name: 'x' });
  });

  test('a key completion after a property without its comma adds the comma there', async () => {
    const { list, text } = await completeAt('{\n  "name": "x"\n  |\n}');
    const hidden = list.items.find((candidate) => candidate.label === 'hidden')!;
    assert.deepEqual(JSON.parse(accept(text, hidden)), { name: 'x', hidden: true });
    const inDetails = await completeAt('{ "details": { "a": [1] | } }');
    const link = inDetails.list.items.find((candidate) => candidate.label === '$dnanexus_link')!;
    assert.deepEqual(JSON.parse(accept(inDetails.text, link)).details, { a: [1], $dnanexus_link: 'record-' });
  });

  test('inside a quoted key the whole key is replaced and filtering includes the quote', async () => {
    const { list, text } = await completeAt('{ "pro|" }');
    const project = list.items.find((item) => item.label === 'project')!;
    assert.equal(project.filterText, '"project"');
    assert.deepEqual(Object.keys(JSON.parse(accept(text, project))), ['project']);
  });

  test('boolean fields offer true and false', async () => {
    for (const key of ['hidden', 'close', 'parents']) {
      const { list } = await completeAt(`{ "${key}": | }`);
      assert.ok(['true', 'false'].every((value) => labels(list).includes(value)), key);
    }
  });

  test('ID fields offer class prefixes and ask to be re-queried as the user types', async () => {
    const project = await completeAt(`{ "project": "|" }`);
    assert.deepEqual(labels(project.list).filter((label) => label.endsWith('-')), ['project-', 'container-']);
    assert.equal(project.list.isIncomplete, true);
    assert.deepEqual(JSON.parse(accept(project.text, project.list.items[0])), { project: 'project-' });
    const initFrom = await completeAt(`{ "initializeFrom": { "id": | } }`);
    assert.deepEqual(labels(initFrom.list), ['record-']);
    const link = await completeAt(`{ "details": { "a": { "$dnanexus_link": "|" } } }`);
    assert.deepEqual(
      labels(link.list).filter((label) => label.endsWith('-')),
      ['record-', 'file-', 'applet-', 'workflow-', 'database-'],
    );
  });

  test('a value inside details offers the $dnanexus_link snippet, which makes a string link', async () => {
    const { list, text } = await completeAt(`{ "project": "${PROJECT}", "details": { "reads": | } }`);
    const item = list.items.find((candidate) => candidate.label === '{"$dnanexus_link": "…"}');
    assert.ok(item, labels(list).join(', '));
    const record = JSON.parse(accept(text, item));
    assert.deepEqual(record.details.reads, { $dnanexus_link: 'record-' });
    const codes = validateRecord(accept(text, item)).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('link-value-not-string') && !codes.includes('link-extra-keys'));
  });

  test('a key inside details offers $dnanexus_link', async () => {
    const { list, text } = await completeAt(`{ "details": { "reads": { | } } }`);
    const item = list.items.find((candidate) => candidate.label === '$dnanexus_link')!;
    assert.deepEqual(JSON.parse(accept(text, item)).details.reads, { $dnanexus_link: 'record-' });
  });

  test('a nonce value can be generated', async () => {
    const { list, text } = await completeAt(`{ "nonce": | }`);
    const item = list.items.find((candidate) => candidate.label === 'Generate a fresh nonce')!;
    assert.match(JSON.parse(accept(text, item)).nonce, /^[0-9a-f]{64}\d+\.\d{6}$/);
  });

  test('positions without schema knowledge still get a list, never nothing', async () => {
    for (const marked of [`{ "properties": { | } }`, `{ "properties": { "k": | } }`, `{ "details": { "x": [ | ] } }`, `{ "name": | }`]) {
      const { list } = await completeAt(marked);
      assert.ok(list.items.length > 0, marked);
    }
  });
  test('typing "-" opens the list only after an ID class prefix', async () => {
    assert.deepEqual((await completeTriggeredBy(`{ "name": "RNA-|" }`, '-')).items, []);
    assert.deepEqual((await completeTriggeredBy(`{ "tags": ["a-|"] }`, '-')).items, []);
    const project = await completeTriggeredBy(`{ "project": "project-|" }`, '-');
    assert.ok(labels(project).includes('project-'));
  });
});

describe('hover', () => {
  test('a top-level key shows its documentation from the schema', async () => {
    const value = await hoverAt(`{ "pro|ject": "${PROJECT}" }`);
    assert.ok(value.includes(schema.properties.project.markdownDescription), value);
    const onValue = await hoverAt(`{ "folder": "/a|" }`);
    assert.ok(onValue.includes(schema.properties.folder.markdownDescription));
  });

  test('a property key or value shows its UTF-8 size against the limits', async () => {
    const value = 'é'.repeat(306);
    assert.match(await hoverAt(`{ "properties": { "k": "${value}|" } }`), /value: 612 \/ 700 bytes/);
    const onKey = await hoverAt(`{ "properties": { "😀|x": "${'a'.repeat(701)}" } }`);
    assert.match(onKey, /key: 5 \/ 100 bytes/);
    assert.match(onKey, /value: 701 \/ 700 bytes \(over the limit\)/);
  });
});
