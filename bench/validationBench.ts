// Times our engine against the baseline on every corpus file, in the same process, with the
// two interleaved (alternating which goes first) so GC and CPU-frequency drift hit both alike.
import type { BaselineValidator, BaselineResult } from './baseline';
import { checkCoverage, type Coverage } from './coverage';
import type { CorpusFile } from './corpus';
import { summarize, timeOnce, type Sample, type Summary } from './stats';
import type { ValidationResult } from '../server/src/engine/types';

export type OurValidator = (text: string) => ValidationResult;

/** Warm-up and measured runs per size: fewer for big files to keep the bench short. */
const ITERATIONS: Record<string, { warmup: number; runs: number }> = {
  '1 KB': { warmup: 50, runs: 200 },
  '10 KB': { warmup: 20, runs: 100 },
  '100 KB': { warmup: 5, runs: 30 },
  '1 MB': { warmup: 2, runs: 15 },
  '5 MB': { warmup: 1, runs: 7 },
};

export interface FileResult {
  file: CorpusFile;
  baseline: Summary;
  ours: Summary;
  baselineCpu: Summary;
  oursCpu: Summary;
  coverage: Coverage;
}

export async function benchFile(file: CorpusFile, baseline: BaselineValidator, ours: OurValidator): Promise<FileResult> {
  const { warmup, runs } = ITERATIONS[file.label];
  const baselineTimes: Sample[] = [];
  const ourTimes: Sample[] = [];
  let lastBaseline: BaselineResult | undefined;
  let lastOurs: ValidationResult | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const runBaseline = async (): Promise<Sample> => timeOnce(async () => (lastBaseline = await baseline(file.text)));
    const runOurs = async (): Promise<Sample> => timeOnce(() => (lastOurs = ours(file.text)));
    let b: Sample;
    let o: Sample;
    if (i % 2) {
      o = await runOurs();
      b = await runBaseline();
    } else {
      b = await runBaseline();
      o = await runOurs();
    }
    if (i >= warmup) {
      baselineTimes.push(b);
      ourTimes.push(o);
    }
  }
  if (!lastBaseline || !lastOurs) throw new Error('no runs');
  return {
    file,
    baseline: summarize(baselineTimes.map((t) => t.wall)),
    ours: summarize(ourTimes.map((t) => t.wall)),
    baselineCpu: summarize(baselineTimes.map((t) => t.cpu)),
    oursCpu: summarize(ourTimes.map((t) => t.cpu)),
    coverage: checkCoverage(file.text, lastBaseline, lastOurs.diagnostics),
  };
}
