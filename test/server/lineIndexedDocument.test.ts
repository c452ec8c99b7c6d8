// The server's document type against vscode-languageserver-textdocument, the library it stands in
// for: the same random edits applied to both must leave the same text and the same answers. The
// library's own line index goes wrong after a range past the last line (its text stays right), so
// each change is applied to a library document fresh from the text before it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { seededRandom, type Random } from '../../bench/random';
import { LineIndexedDocument, lineIndexedDocuments } from '../../server/src/lsp/lineIndexedDocument';

/** Pieces weighted to put line breaks of every kind, and edits, next to one another. */
const PIECES = ['\n', '\r\n', '\r', 'a', 'bc', '{"k": 1}', ' ', '\n\n', '\r\r\n', 'é😀'];

function randomText(random: Random, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += random.pick(PIECES);
  return text;
}

/** Positions inside, at and past the ends of the text and its lines (the library clamps them). */
function randomPosition(random: Random, lineCount: number): { line: number; character: number } {
  return { line: random.int(lineCount + 2) - (random.chance(0.05) ? 1 : 0), character: random.int(12) - (random.chance(0.05) ? 1 : 0) };
}

function randomChange(random: Random, document: TextDocument): TextDocumentContentChangeEvent {
  if (random.chance(0.02)) return { text: randomText(random, random.int(20)) };
  // Some ranges end before they start: both types put them right.
  const range = { start: randomPosition(random, document.lineCount), end: randomPosition(random, document.lineCount) };
  return { range, text: random.chance(0.3) ? '' : randomText(random, random.int(random.chance(0.1) ? 40 : 4)) };
}

/** The library's text and answers after `changes`, applied one after another. */
function libraryUpdate(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  const text = changes.reduce((before, change) => TextDocument.update(TextDocument.create(document.uri, document.languageId, 0, before), [change], 0).getText(), document.getText());
  return TextDocument.create(document.uri, document.languageId, version, text);
}

function assertSameAnswers(ours: LineIndexedDocument, theirs: TextDocument, random: Random, context: string): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text, context);
  assert.equal(ours.lineCount, theirs.lineCount, context);
  assert.equal(ours.version, theirs.version, context);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}, positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context}, getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context}, getEOLCharacters(${line})`);
  }
  for (let i = 0; i < 20; i++) {
    const position = randomPosition(random, theirs.lineCount);
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${context}, offsetAt(${JSON.stringify(position)})`);
    const range = { start: position, end: randomPosition(random, theirs.lineCount) };
    assert.equal(ours.getText(range), theirs.getText(range), `${context}, getText(${JSON.stringify(range)})`);
  }
}

test('random edits leave the same text, lines and positions as the library', () => {
  const random = seededRandom(20261201);
  for (let run = 0; run < 60; run++) {
    const initial = randomText(random, random.int(60));
    let theirs = TextDocument.create('file:///r.json', 'dxrecord', 1, initial);
    const ours = lineIndexedDocuments.create('file:///r.json', 'dxrecord', 1, initial);
    // Asked before the first edit or not: the line index is built at different points.
    if (random.chance(0.5)) ours.positionAt(0);
    for (let step = 0; step < 80; step++) {
      const changes = Array.from({ length: random.chance(0.2) ? 3 : 1 }, () => randomChange(random, theirs));
      const context = `run ${run}, step ${step}, ${JSON.stringify(changes)}`;
      theirs = libraryUpdate(theirs, changes, theirs.version + 1);
      assert.equal(lineIndexedDocuments.update(ours, changes, ours.version + 1), ours, 'updated in place');
      assertSameAnswers(ours, theirs, random, context);
    }
  }
});

test('in documents of many scans, edits and questions anywhere, and a paste of many lines, agree with the library', () => {
  // The line index scans only as far as a question needs, 64 K characters at a time: these texts are
  // several times that, so edits land before, at and after where it has scanned to.
  const random = seededRandom(7);
  const paste = 'x\n'.repeat(20_000);
  for (let round = 0; round < 12; round++) {
    const lines = Array.from({ length: 20_000 }, (_, i) => `  "k${i}": ${random.pick(['1', '"é"', '{}'])},`);
    const initial = lines.reduce((text, line) => text + line + random.pick(['\n', '\n', '\r\n', '\r']), '');
    let theirs = TextDocument.create('file:///long.json', 'dxrecord', 1, initial);
    const ours = new LineIndexedDocument('file:///long.json', 'dxrecord', 1, initial);
    for (let step = 0; step < 15; step++) {
      const line = random.int(theirs.lineCount + 1);
      const at = { line, character: random.int(8) };
      const end = random.chance(0.3) ? { line: line + random.int(random.chance(0.2) ? 5000 : 3), character: 2 } : at;
      const text = round === 0 && step === 7 ? paste : randomText(random, random.int(4));
      theirs = libraryUpdate(theirs, [{ range: { start: at, end }, text }], step + 2);
      ours.update([{ range: { start: at, end }, text }], step + 2);
      const context = `round ${round}, step ${step}`;
      assert.equal(ours.getText(), theirs.getText(), context);
      for (let i = 0; i < 5; i++) {
        const offset = random.int(theirs.getText().length + 1);
        assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}, positionAt(${offset})`);
        const position = { line: random.int(theirs.lineCount + 1), character: random.int(12) };
        assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${context}, offsetAt(${JSON.stringify(position)})`);
      }
      if (random.chance(0.2)) assert.equal(ours.lineCount, theirs.lineCount, context);
    }
    assert.equal(ours.lineCount, theirs.lineCount, `round ${round}`);
  }
});
