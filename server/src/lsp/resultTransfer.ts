// Moves a validation result from the worker thread to the main thread cheaply. Structured clone
// rebuilds every object on the receiving thread, and JSON.parse is no better (100,000 diagnostics:
// 150-200 ms; a 5 MB record's 21,000 links: ~100 ms), so the parts that can be large travel as
// tables in transferred buffers (no copy) and become objects only when a feature first reads
// them: each diagnostic and link as a row of integers, their strings once each in a string table.
// What is published goes as ready LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AdoptedResult } from '../languageService/documentModel';
import type { VisitorLayout } from '../languageService/visitorLayout';
import type { DiagnosticCode, Located, PathSegment, Range, RecordDiagnostic, RecordFacts, Severity, TopLevelObject, ValidationResult } from '../engine/types';
import { publishable } from './publication';

/** A span's columns: offset, length, start line, start character, end line, end character. */
const SPAN = 6;
/** A diagnostic's columns: its span, then the string-table indexes of code, severity and message. */
const DIAGNOSTIC = SPAN + 3;

export interface PackedResult {
  published: Diagnostic[];
  /** JSON of the distinct strings the tables point into. */
  strings: ArrayBuffer;
  diagnostics: Int32Array;
  /** JSON of each diagnostic's `data` by its row, for the few that have one. */
  diagnosticData: ArrayBuffer;
  /** The facts but their links, as plain objects. */
  facts: Omit<RecordFacts, 'links'>;
  /** Per link: its span, then the string-table index of its ID. */
  links: Int32Array;
  topLevel: ArrayBuffer;
  /** The columns of the text's objects as the visitor reads them, and JSON of their tails. */
  visitorLayout?: { opens: Int32Array; closes: Int32Array; parents: Int32Array; tails: ArrayBuffer };
}

export function packResult(result: ValidationResult, layout?: VisitorLayout): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const strings = new StringTable();
  const { links, ...facts } = result.facts;
  const data: Record<number, unknown> = {};
  const diagnostics = new Int32Array(result.diagnostics.length * DIAGNOSTIC);
  result.diagnostics.forEach((d, row) => {
    const at = row * DIAGNOSTIC;
    writeSpan(diagnostics, at, d);
    diagnostics.set([strings.index(d.code), strings.index(d.severity), strings.index(d.message)], at + SPAN);
    if (d.data) data[row] = d.data;
  });
  const linkTable = new Int32Array(links.length * (SPAN + 1));
  links.forEach((link, row) => {
    writeSpan(linkTable, row * (SPAN + 1), link);
    linkTable[row * (SPAN + 1) + SPAN] = strings.index(link.value);
  });
  const packed: PackedResult = {
    published: publishable(result.diagnostics),
    strings: encode(strings.values),
    diagnostics,
    diagnosticData: encode(data),
    facts: JSON.parse(JSON.stringify(facts)) as Omit<RecordFacts, 'links'>,
    links: linkTable,
    topLevel: encode(result.topLevel ?? null),
  };
  const transfer = [packed.strings, packed.diagnostics.buffer, packed.diagnosticData, packed.links.buffer, packed.topLevel];
  if (layout) {
    const { opens, closes, parents, tails } = layout;
    packed.visitorLayout = { opens: Int32Array.from(opens), closes: Int32Array.from(closes), parents: Int32Array.from(parents), tails: encode(tails) };
    transfer.push(packed.visitorLayout.opens.buffer, packed.visitorLayout.closes.buffer, packed.visitorLayout.parents.buffer, packed.visitorLayout.tails);
  }
  return { packed, transfer: transfer as ArrayBuffer[] };
}

/** The result behind `packed`, each part decoded on first use. */
export class UnpackedResult implements AdoptedResult {
  #strings?: string[];
  #diagnostics?: RecordDiagnostic[];
  #facts?: RecordFacts;
  #topLevel?: TopLevelObject | null;
  #visitorLayout?: VisitorLayout;

  constructor(private readonly packed: PackedResult) {}

  get published(): Diagnostic[] {
    return this.packed.published;
  }

  get diagnostics(): RecordDiagnostic[] {
    if (this.#diagnostics) return this.#diagnostics;
    const strings = this.strings();
    const table = this.packed.diagnostics;
    const data = decode<Record<number, Record<string, unknown>>>(this.packed.diagnosticData);
    const diagnostics: RecordDiagnostic[] = [];
    for (let at = 0, row = 0; at < table.length; at += DIAGNOSTIC, row++) {
      const diagnostic: RecordDiagnostic = {
        code: strings[table[at + SPAN]] as DiagnosticCode,
        severity: strings[table[at + SPAN + 1]] as Severity,
        message: strings[table[at + SPAN + 2]],
        range: readRange(table, at),
        offset: table[at],
        length: table[at + 1],
      };
      if (data[row]) diagnostic.data = data[row];
      diagnostics.push(diagnostic);
    }
    return (this.#diagnostics = diagnostics);
  }

  get facts(): RecordFacts {
    if (this.#facts) return this.#facts;
    const strings = this.strings();
    const table = this.packed.links;
    const links: Located[] = [];
    for (let at = 0; at < table.length; at += SPAN + 1) links.push(new TableLocated(strings[table[at + SPAN]], table, at));
    return (this.#facts = { ...this.packed.facts, links });
  }

  get topLevel(): TopLevelObject | undefined {
    if (this.#topLevel === undefined) this.#topLevel = decode<TopLevelObject | null>(this.packed.topLevel);
    return this.#topLevel ?? undefined;
  }

  get visitorLayout(): VisitorLayout | undefined {
    const packed = this.packed.visitorLayout;
    if (!packed || this.#visitorLayout) return this.#visitorLayout;
    return (this.#visitorLayout = { ...packed, tails: decode<PathSegment[][]>(packed.tails) });
  }

  /** Decodes the string table now, so that the first read of `facts` or `diagnostics` only builds objects. */
  decodeStrings(): void {
    this.strings();
  }

  private strings(): string[] {
    return (this.#strings ??= decode<string[]>(this.packed.strings));
  }
}

/** A link of the table, its range built only when asked (a large `details` has tens of thousands). */
class TableLocated implements Located {
  readonly offset: number;
  readonly length: number;

  constructor(
    readonly value: string,
    private readonly table: Int32Array,
    private readonly at: number,
  ) {
    this.offset = table[at];
    this.length = table[at + 1];
  }

  get range(): Range {
    return readRange(this.table, this.at);
  }

  /** Serializes like a plain Located (the getter is not an own property). */
  toJSON(): Located {
    return { value: this.value, offset: this.offset, length: this.length, range: this.range };
  }
}

class StringTable {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.indexes.set(value, index);
    }
    return index;
  }
}

function writeSpan(table: Int32Array, at: number, { offset, length, range }: { offset: number; length: number; range: Range }): void {
  table.set([offset, length, range.start.line, range.start.character, range.end.line, range.end.character], at);
}

function readRange(table: Int32Array, at: number): Range {
  return { start: { line: table[at + 2], character: table[at + 3] }, end: { line: table[at + 4], character: table[at + 5] } };
}

function encode(value: unknown): ArrayBuffer {
  // A fresh Uint8Array owns its whole buffer, so transferring it moves exactly these bytes.
  return new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;
}

function decode<T>(buffer: ArrayBuffer): T {
  return JSON.parse(new TextDecoder().decode(buffer)) as T;
}
