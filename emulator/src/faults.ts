// Injected failures for tests: the next N calls of a route fail, reset, stall, or lose their response.
import { routeTemplate } from './router.js';

export interface FaultSpec {
  /** Exact route ("/record/new", "/record-B0FJ…/describe"), its template ("/record-xxxx/describe"), or "*". */
  route: string;
  /** How many calls it affects (default 1). */
  count?: number;
  kind: 'status' | 'reset' | 'delay' | 'lose-response';
  status?: number;
  errorType?: string;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  delayMs?: number;
  /** For kind "status": perform the operation first, then answer with the error. */
  after?: boolean;
}

const KINDS = ['status', 'reset', 'delay', 'lose-response'];

/** Why a fault spec is unusable, or undefined. */
export function faultProblem(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'a fault must be a JSON object';
  const f = spec as Partial<FaultSpec>;
  if (typeof f.route !== 'string' || !f.route) return '"route" must be a non-empty string';
  if (!KINDS.includes(f.kind as string)) return `"kind" must be one of ${KINDS.join(', ')}`;
  if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1)) return '"count" must be a positive integer';
  if (f.kind === 'status' && (!Number.isInteger(f.status) || (f.status as number) < 400 || (f.status as number) > 599)) {
    return '"status" must be an HTTP error status (400-599)';
  }
  if (f.kind === 'delay' && (!Number.isInteger(f.delayMs) || (f.delayMs as number) < 0)) return '"delayMs" must be a non-negative integer';
  return undefined;
}

export class FaultQueue {
  private readonly pending: { spec: FaultSpec; remaining: number }[] = [];

  add(spec: FaultSpec): void {
    const problem = faultProblem(spec);
    if (problem) throw new Error(`Invalid fault: ${problem}`);
    this.pending.push({ spec: { ...spec }, remaining: spec.count ?? 1 });
  }

  /** Consumes one use of the first fault matching this path, in the order they were added. */
  take(path: string): FaultSpec | undefined {
    const template = routeTemplate(path);
    const index = this.pending.findIndex(({ spec }) => spec.route === '*' || spec.route === path || spec.route === template);
    if (index < 0) return undefined;
    const entry = this.pending[index];
    if (--entry.remaining === 0) this.pending.splice(index, 1);
    return entry.spec;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
