// Moves a validation result from the worker thread to the main thread cheaply. Structured clone
// rebuilds every object on the receiving thread (100,000 diagnostics: ~200 ms there), so the
// parts that can be large travel as JSON in transferred buffers (no copy) and are parsed only
// when a feature first reads them; what is published goes as ready LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RecordDiagnostic, RecordFacts, TopLevelObject, ValidationResult } from '../engine/types';
import { publishable } from './publication';

export interface PackedResult {
  published: Diagnostic[];
  diagnostics: ArrayBuffer;
  facts: ArrayBuffer;
  topLevel: ArrayBuffer;
}

export function packResult(result: ValidationResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const packed: PackedResult = {
    published: publishable(result.diagnostics),
    diagnostics: encode(result.diagnostics),
    facts: encode(result.facts),
    topLevel: encode(result.topLevel ?? null),
  };
  return { packed, transfer: [packed.diagnostics, packed.facts, packed.topLevel] };
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
    return (this.#facts ??= decode<RecordFacts>(this.packed.facts));
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
