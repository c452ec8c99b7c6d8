// Every invariant broken during a run, once per stage and invariant: how often, the first input
// that broke it and, once minimized, the smallest input that still does.
import type { Violation } from './engineInvariants';

/** A document as text, or as the bytes of a file when the bytes themselves are the point. */
export type Input = { text: string } | { bytes: Buffer };

/**
 * Invariants broken today whose fixes are under way: reported, but they do not fail the run. A run
 * that never sees one broken says so, so its entry can go. None at present.
 */
export const KNOWN_FAILING = new Set<string>([]);

export interface Failure extends Violation {
  stage: string;
  count: number;
  input: Input;
  minimized?: Input;
  known: boolean;
}

export class FailureLog {
  private readonly byKey = new Map<string, Failure>();

  /** Records one failure; returns the entry when it is the first of its kind (to be minimized). */
  add(stage: string, violation: Violation, input: Input): Failure | undefined {
    const key = `${stage}/${violation.invariant}`;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.count++;
      return undefined;
    }
    const failure: Failure = { stage, ...violation, count: 1, input, known: KNOWN_FAILING.has(key) };
    this.byKey.set(key, failure);
    return failure;
  }

  get all(): Failure[] {
    return [...this.byKey.values()];
  }

  /** Known-failing invariants this run never saw broken. */
  knownButHeld(): string[] {
    return [...KNOWN_FAILING].filter((key) => !this.byKey.has(key));
  }
}

export function showInput(input: Input): string {
  return 'text' in input ? `text ${JSON.stringify(input.text)}` : `bytes (base64) ${input.bytes.toString('base64')}`;
}
