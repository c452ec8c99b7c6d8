// Facts can number tens of thousands (one per link in a large `details`), so each keeps its
// range as four small integers and builds the LSP Range object only when asked.

import type { LineIndex } from './positions';
import type { Located, Range } from './types';

export class LocatedValue implements Located {
  readonly value: string;
  readonly offset: number;
  readonly length: number;
  private readonly startLine: number;
  private readonly startCharacter: number;
  private readonly endLine: number;
  private readonly endCharacter: number;

  constructor(value: string, offset: number, length: number, lines: LineIndex) {
    this.value = value;
    this.offset = offset;
    this.length = length;
    const start = lines.positionAt(offset);
    const end = lines.positionAt(offset + length);
    this.startLine = start.line;
    this.startCharacter = start.character;
    this.endLine = end.line;
    this.endCharacter = end.character;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }

  /** Serialises like a plain Located (the getter is not an own property). */
  toJSON(): Located {
    return { value: this.value, offset: this.offset, length: this.length, range: this.range };
  }
}
