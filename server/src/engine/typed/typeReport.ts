// Where a type's diagnostics go: each names the type that asked for it, and past a limit they are
// counted in one line instead (a 5 MB record can break thousands of rules).
import type { Report, Span } from '../report';
import type { CompiledType } from './compile';

const MAX_PER_TYPE = 100;

/** Typed diagnostics of one type: each names the type, and past a limit they are counted instead. */
export class TypeReport {
  private count = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly report: Report,
    readonly type: CompiledType,
  ) {}

  /** "(ContigSet)" or "(SampleSheet, .dxrecord/types/SampleSheet.schema.json)". */
  get by(): string {
    return this.type.source === 'built-in' ? this.type.name : `${this.type.name}, ${this.type.source}`;
  }

  add(
    code: 'type-details-invalid' | 'type-link-class' | 'type-rule' | 'type-property-missing',
    severity: 'error' | 'warning',
    message: string,
    span: Span,
    data?: Record<string, unknown>,
  ): void {
    const key = `${code}\0${span.offset}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (++this.count <= MAX_PER_TYPE) this.report.add(code, severity, message, span, data);
  }

  finish(entry: Span): void {
    const more = this.count - MAX_PER_TYPE;
    if (more > 0) this.report.error('type-details-invalid', `${more.toLocaleString('en-US')} more problems with the ${this.by} type's rules are not shown; fix the ones above first.`, entry);
  }
}
