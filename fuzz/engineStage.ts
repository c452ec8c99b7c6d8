// Stage 1: documents straight through the engine, in process.
import type { Random } from '../bench/random';
import { nextDocument } from './documents';
import { checkEngine } from './engineInvariants';
import type { FailureLog } from './failures';
import { minimizeText } from './minimize';

const MINIMIZE_BUDGET = 20_000;

export interface EngineStats {
  documents: number;
  diagnostics: number;
}

export async function fuzzEngine(rnd: Random, examples: readonly string[], count: number, log: FailureLog): Promise<EngineStats> {
  const stats: EngineStats = { documents: 0, diagnostics: 0 };
  for (let i = 0; i < count; i++) {
    const text = nextDocument(rnd, examples);
    const { diagnostics, violation } = checkEngine(text);
    stats.documents++;
    stats.diagnostics += diagnostics;
    if (!violation) continue;
    const first = log.add('engine', violation, { text });
    if (first) first.minimized = { text: await minimizeText(text, (candidate) => checkEngine(candidate).violation?.invariant === violation.invariant, MINIMIZE_BUDGET) };
  }
  return stats;
}
