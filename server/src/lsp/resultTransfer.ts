// Moves a validation result from the worker thread to the main thread cheaply. Structured clone
// rebuilds every object on the receiving thread (100,000 diagnostics: ~200 ms there), so the
// parts that can be large travel in transferred buffers (no copy) and are decoded only when a
// feature first reads them: diagnostics and layout as JSON; the links of the facts, tens of
// thousands in a large `details`, as one string of IDs and a table of spans, because parsing
// them as JSON costs ~100 ms. What is published goes as ready LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Located, Range, RecordDiagnostic, RecordFacts, TopLevelObject, ValidationResult } from '../engine/types';
import { publishable } from './publication';

/** Per link: offset, length, start line, start character, end line, end character. */
const SPAN_FIELDS = 6;

export interface PackedLinks {
  /** The IDs joined by newlines (an ID has none). */
  values: string;
  spans: Int32Array;
}

export interface PackedResult {
  published: Diagnostic[];
  diagnostics: ArrayBuffer;
  /** The facts but their links, as plain objects. */
  facts: Omit<RecordFacts, 'links'>;
  links: PackedLinks;
  topLevel: ArrayBuffer;
}

export function packResult(result: ValidationResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const { links, ...facts } = result.facts;
  const packed: PackedResult = {
    published: publishable(result.diagnostics),
    diagnostics: encode(result.diagnostics),
    facts: JSON.parse(JSON.stringify(facts)) as Omit<RecordFacts, 'links'>,
    links: packLinks(links),
    topLevel: encode(result.topLevel ?? null),
  };
  return { packed, transfer: [packed.diagnostics, packed.links.spans.buffer as ArrayBuffer, packed.topLevel] };
}

function packLinks(links: readonly Located[]): PackedLinks {
  const spans = new Int32Array(links.length * SPAN_FIELDS);
  links.forEach(({ offset, length, range }, i) => {
    spans.set([offset, length, range.start.line, range.start.character, range.end.line, range.end.character], i * SPAN_FIELDS);
  });
  return { values: links.map((link) => link.value).join('\n'), spans };
}

/** One link of the table, its range built only when asked. */
class PackedLocated implements Located {
  readonly offset: number;
  readonly length: number;

  constructor(
    readonly value: string,
    private readonly spans: Int32Array,
    private readonly at: number,
  ) {
    this.offset = spans[at];
    this.length = spans[at + 1];
  }

  get range(): Range {
    const s = this.spans;
    const i = this.at;
    return { start: { line: s[i + 2], character: s[i + 3] }, end: { line: s[i + 4], character: s[i + 5] } };
  }

  /** Serializes like a plain Located (the getter is not an own property). */
  toJSON(): Located {
    return { value: this.value, offset: this.offset, length: this.length, range: this.range };
  }
}

function unpackLinks({ values, spans }: PackedLinks): Located[] {
  if (spans.length === 0) return [];
  return values.split('\n').map((value, i) => new PackedLocated(value, spans, i * SPAN_FIELDS));
}

/** The result behind `packed`, each part parsed on first use. */
export class UnpackedResult implements ValidationResult {
  #diagnostics?: RecordDiagnostic[];
  #facts?: RecordFacts;
  #topLevel?: TopLevelObject | null;

  constructor(private readonly packed: PackedResult) {}

  get published(): Diagnostic[] {
    return this.packed.published;
  }

  get diagnostics(): RecordDiagnostic[] {
    return (this.#diagnostics ??= decode<RecordDiagnostic[]>(this.packed.diagnostics));
  }

  get facts(): RecordFacts {
    return (this.#facts ??= { ...this.packed.facts, links: unpackLinks(this.packed.links) });
  }

  get topLevel(): TopLevelObject | undefined {
    if (this.#topLevel === undefined) this.#topLevel = decode<TopLevelObject | null>(this.packed.topLevel);
    return this.#topLevel ?? undefined;
  }
}

function encode(value: unknown): ArrayBuffer {
  // A fresh Uint8Array owns its whole buffer, so transferring it moves exactly these bytes.
  return new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;
}

function decode<T>(buffer: ArrayBuffer): T {
  return JSON.parse(new TextDecoder().decode(buffer)) as T;
}
