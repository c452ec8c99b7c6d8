// Shared helpers for the engine tests: build records, pick diagnostics, read their spans.
import assert from 'node:assert/strict';
import { validateRecord, type RecordDiagnostic, type ValidateOptions, type ValidationResult } from '../../server/src/engine';

export const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
export const FILE = 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz';
export const RECORD = 'record-GFy0Pz80Jx5Qpb1ZV7jK2X9G';

/** A record with a valid project plus `fields`, pretty-printed like a real file. */
export function record(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ project: PROJECT, ...fields }, null, 2);
}

export function validate(text: string, options?: ValidateOptions): ValidationResult {
  return validateRecord(text, options);
}

export function codes(result: ValidationResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** The diagnostics with `code`; fails unless exactly `count` exist. */
export function only(result: ValidationResult, code: string, count = 1): RecordDiagnostic[] {
  const found = result.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, count, `expected ${count} × ${code}, got ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.message]))}`);
  return found;
}

export function one(result: ValidationResult, code: string): RecordDiagnostic {
  return only(result, code, 1)[0];
}

/** The text a diagnostic points at. */
export function spanOf(text: string, d: { offset: number; length: number }): string {
  return text.slice(d.offset, d.offset + d.length);
}

/** Line/character computed the slow, obvious way, to check the engine's ranges. */
export function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    // A line ends at \n, at \r\n (counted at its \n) and at a lone \r.
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function assertRangeMatchesOffsets(text: string, d: RecordDiagnostic): void {
  assert.deepEqual(d.range.start, naivePosition(text, d.offset));
  assert.deepEqual(d.range.end, naivePosition(text, d.offset + d.length));
}
