// Collects diagnostics during the pass; they are sorted and given ranges once at the end.

import type { LineIndex } from './positions';
import type { DiagnosticCode, Range, RecordDiagnostic, Severity } from './types';

export interface Span {
  offset: number;
  length: number;
}

const UNPLACED: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class Report {
  private readonly items: RecordDiagnostic[] = [];

  add(code: DiagnosticCode, severity: Severity, message: string, span: Span, data?: Record<string, unknown>): void {
    const item: RecordDiagnostic = { code, severity, message, range: UNPLACED, offset: span.offset, length: span.length };
    if (data) item.data = data;
    this.items.push(item);
  }

  error(code: DiagnosticCode, message: string, span: Span, data?: Record<string, unknown>): void {
    this.add(code, 'error', message, span, data);
  }

  warning(code: DiagnosticCode, message: string, span: Span, data?: Record<string, unknown>): void {
    this.add(code, 'warning', message, span, data);
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** Sorted by offset (stable, so insertion order breaks ties), then placed in order. */
  finish(lines: LineIndex): RecordDiagnostic[] {
    this.items.sort((a, b) => a.offset - b.offset);
    for (const d of this.items) d.range = lines.rangeOf(d.offset, d.length);
    return this.items;
  }
}
