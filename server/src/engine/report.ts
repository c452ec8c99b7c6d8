// Collects diagnostics by offset during the pass; ranges are attached once at the end.

import { LineIndex } from './positions';
import type { DiagnosticCode, RecordDiagnostic, Severity } from './types';

export interface Span {
  offset: number;
  length: number;
}

interface Pending {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  data?: Record<string, unknown>;
}

export class Report {
  private readonly items: Pending[] = [];

  add(code: DiagnosticCode, severity: Severity, message: string, span: Span, data?: Record<string, unknown>): void {
    const item: Pending = { code, severity, message, offset: span.offset, length: span.length };
    if (data) item.data = data;
    this.items.push(item);
  }

  error(code: DiagnosticCode, message: string, span: Span, data?: Record<string, unknown>): void {
    this.add(code, 'error', message, span, data);
  }

  warning(code: DiagnosticCode, message: string, span: Span, data?: Record<string, unknown>): void {
    this.add(code, 'warning', message, span, data);
  }

  /** Sorted by offset; insertion order breaks ties (Array.prototype.sort is stable). */
  finish(lines: LineIndex): RecordDiagnostic[] {
    this.items.sort((a, b) => a.offset - b.offset);
    return this.items.map((p) => {
      const d: RecordDiagnostic = {
        code: p.code,
        severity: p.severity,
        message: p.message,
        range: lines.rangeOf(p.offset, p.length),
        offset: p.offset,
        length: p.length,
      };
      if (p.data) d.data = p.data;
      return d;
    });
  }
}
