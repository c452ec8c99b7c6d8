// The server's open documents: vscode-languageserver-textdocument's TextDocument, same answers,
// with its line index kept by LineStarts so that no edit to a large document holds up a request
// (see lineStarts.ts). Like the library's, a document is updated in place.
import { TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineStarts } from './lineStarts';

export class LineIndexedDocument implements TextDocument {
  #version: number;
  #text: string;
  /** Built on first use: an opened document that is never edited or asked about needs none. */
  #lines: LineStarts | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.#version = version;
    this.#text = text;
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    return this.#lineStarts().count;
  }

  getText(range?: Range): string {
    return range ? this.#text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.#text;
  }

  positionAt(offset: number): Position {
    const lines = this.#lineStarts();
    const at = Math.max(Math.min(offset, this.#text.length), 0);
    const line = lines.lineOf(at);
    const start = lines.start(line);
    return { line, character: this.#beforeLineBreak(at, start) - start };
  }

  offsetAt(position: Position): number {
    const lines = this.#lineStarts();
    if (position.line >= lines.count) return this.#text.length;
    if (position.line < 0) return 0;
    const start = lines.start(position.line);
    if (position.character <= 0) return start;
    const next = position.line + 1 < lines.count ? lines.start(position.line + 1) : this.#text.length;
    return this.#beforeLineBreak(Math.min(start + position.character, next), start);
  }

  getLineRange(line: number): Range {
    const lines = this.#lineStarts();
    if (line >= lines.count) {
      const last = lines.count - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.#text.length - lines.start(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines.start(line);
    const end = this.#beforeLineBreak(this.#lineEnd(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.#lineStarts();
    if (line < 0 || line >= lines.count) return '';
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
        this.#lines?.replace(this.#text, from, to, change.text.length);
      } else {
        this.#text = change.text;
        this.#lines = undefined;
      }
    }
    this.#version = version;
  }

  #lineStarts(): LineStarts {
    return (this.#lines ??= new LineStarts(this.#text));
  }

  /** Where the next line starts, or the end of the text. */
  #lineEnd(line: number): number {
    const lines = this.#lineStarts();
    return line + 1 < lines.count ? lines.start(line + 1) : this.#text.length;
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
