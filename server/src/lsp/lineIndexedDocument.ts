// The server's open documents: vscode-languageserver-textdocument's TextDocument, same answers,
// with its line index kept by LineStarts so that no edit to a large document holds up a request
// (see lineStarts.ts). Like the library's, a document is updated in place.
import { TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineStarts } from './lineStarts';

export class LineIndexedDocument implements TextDocument {
  #version: number;
  #text: string;
  #lines: LineStarts;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.#version = version;
    this.#text = text;
    this.#lines = new LineStarts(text);
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    return this.#lines.count;
  }

  getText(range?: Range): string {
    return range ? this.#text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.#text;
  }

  positionAt(offset: number): Position {
    const lines = this.#lines;
    const at = Math.max(Math.min(offset, this.#text.length), 0);
    const line = lines.lineOf(at);
    const start = lines.start(line);
    return { line, character: this.#beforeLineBreak(at, start) - start };
  }

  offsetAt(position: Position): number {
    const lines = this.#lines;
    if (position.line < 0) return 0;
    if (!lines.has(position.line)) return this.#text.length;
    const start = lines.start(position.line);
    if (position.character <= 0) return start;
    return this.#beforeLineBreak(Math.min(start + position.character, this.#lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    const lines = this.#lines;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (!lines.has(line)) {
      const last = lines.count - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.#text.length - lines.start(last) } };
    }
    const start = lines.start(line);
    const end = this.#beforeLineBreak(this.#lineEnd(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.#lines;
    if (line < 0 || !lines.has(line)) return '';
    const end = this.#lineEnd(line);
    return this.#text.substring(this.#beforeLineBreak(end, lines.start(line)), end);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (TextDocumentContentChangeEvent.isIncremental(change)) {
        const { start, end } = wellFormed(change.range);
        const from = this.offsetAt(start);
        const to = this.offsetAt(end);
        this.#text = this.#text.substring(0, from) + change.text + this.#text.substring(to);
        this.#lines.replace(this.#text, from, to, change.text.length);
      } else {
        this.#text = change.text;
        this.#lines = new LineStarts(change.text);
      }
    }
    this.#version = version;
  }

  /** Where the next line starts, or the end of the text. */
  #lineEnd(line: number): number {
    const lines = this.#lines;
    return lines.has(line + 1) ? lines.start(line + 1) : this.#text.length;
  }

  /** `offset` moved back before the line break it is in or after (not before `lineStart`). */
  #beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.#text.charCodeAt(at - 1))) at--;
    return at;
  }
}

export const lineIndexedDocuments: TextDocumentsConfiguration<LineIndexedDocument> = {
  create: (uri, languageId, version, text) => new LineIndexedDocument(uri, languageId, version, text),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** The range with its start first. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
