// Formatting, outline and folding, in process.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldingRanges } from '../../server/src/languageService/folding';
import { applyEdits, fileUri, Workspace } from './workspace';

const RECORD = {
  project: 'project-B0FJgXy4Zg231jgbQ9zQ0003',
  tags: ['a', 'b'],
  details: { reads: { $dnanexus_link: 'file-B0FJgXy4Zg231jgbQ9zQ0005' }, lanes: [{ n: 1 }, { n: 2 }], ok: true, none: null },
};

const workspace = new Workspace();
let documentCount = 0;

function openText(text: string) {
  return workspace.open(fileUri(`structure-${++documentCount}.dxrecord.json`), text);
}

describe('formatting', () => {
  test('formats with the editor tab size, spaces or tabs, keeping CRLF', async () => {
    const minified = JSON.stringify(RECORD);
    const document = openText(minified);
    for (const [options, indent] of [[{ tabSize: 4, insertSpaces: true }, 4], [{ tabSize: 4, insertSpaces: false }, '\t']] as const) {
      const edits = (await workspace.service.format(document, options))!;
      assert.equal(applyEdits(minified, edits), JSON.stringify(RECORD, null, indent));
    }
    const crlf = JSON.stringify(RECORD, null, 1).replace(/\n/g, '\r\n');
    const crlfDocument = openText(crlf);
    const edits = (await workspace.service.format(crlfDocument, { tabSize: 2, insertSpaces: true }))!;
    assert.equal(applyEdits(crlf, edits), JSON.stringify(RECORD, null, 2).replace(/\n/g, '\r\n'));
  });

  test('range formatting touches only the range', async () => {
    const text = '{"project":  "p",\n"details": {"a":1,\n"b":2}}';
    const document = openText(text);
    const range = { start: { line: 1, character: 0 }, end: { line: 2, character: 6 } };
    const edits = (await workspace.service.format(document, { tabSize: 2, insertSpaces: true }, range))!;
    const result = applyEdits(text, edits);
    assert.ok(result.startsWith('{"project":  "p",'), result);
    assert.deepEqual(JSON.parse(result), JSON.parse(text));
  });
});

describe('outline and folding', () => {
  test('document symbols mirror the record, with array containers named by index', async () => {
    const text = JSON.stringify(RECORD, null, 2);
    const symbols = workspace.service.symbols(openText(text));
    assert.deepEqual(symbols.map((s) => s.name), ['project', 'tags', 'details']);
    const details = symbols[2];
    assert.deepEqual(details.children!.map((s) => s.name), ['reads', 'lanes', 'ok', 'none']);
    assert.deepEqual(details.children![1].children!.map((s) => [s.name, s.children!.map((c) => c.name)]), [['0', ['n']], ['1', ['n']]]);
    assert.equal(symbols[0].detail, RECORD.project);
    const lines = text.split('\n');
    assert.equal(details.range.start.line, lines.findIndex((line) => line.includes('"details"')));
    assert.equal(details.range.end.line, lines.length - 2);
    assert.equal(details.selectionRange.end.character - details.selectionRange.start.character, '"details"'.length);
  });

  test('folding ranges cover every multi-line object and array, ending before the closing bracket', async () => {
    const text = JSON.stringify({ project: 'p', tags: ['a'], details: { lanes: [1, 2] } }, null, 2);
    const ranges = workspace.service.foldingRanges(openText(text), 5000);
    const lines = text.split('\n');
    const expected = [
      [0, lines.length - 2],
      [lines.indexOf('  "tags": ['), lines.indexOf('  "tags": [') + 1],
      [lines.indexOf('  "details": {'), lines.length - 3],
      [lines.indexOf('    "lanes": ['), lines.indexOf('    "lanes": [') + 2],
    ];
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), expected);
  });

  test('over the folding limit the outermost ranges are kept', () => {
    const text = JSON.stringify({ a: { b: { c: { d: [1, 2] } } } }, null, 2);
    assert.deepEqual(foldingRanges(text, 2), foldingRanges(text).slice(0, 2));
    assert.deepEqual(foldingRanges(text, 2).map((range) => range.startLine), [0, 1]);
  });
});
