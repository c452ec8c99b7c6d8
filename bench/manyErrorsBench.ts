// Validation time of records with 100,000 errors of one kind: linear engines stay under a second.
// The verdict is on CPU time (this process, GC threads included): on a machine shared with other
// work, wall time mostly measures the queue for a core.
import { validateRecord } from '../server/src/engine/index';
import { MANY_ERROR_KINDS, MANY_ERRORS } from './manyErrors';
import { summarize, timeOnce, type Sample } from './stats';
import { kib, markdownTable, ms, verdict } from './table';

const RUNS = 3;
const TARGET_MS = 1000;

export async function manyErrorsSection(): Promise<boolean> {
  console.log(`\n## ${MANY_ERRORS.toLocaleString('en')} errors of one kind (medians of ${RUNS} after one warm-up run)\n`);
  const rows: string[][] = [];
  let ok = true;
  for (const [code, make] of Object.entries(MANY_ERROR_KINDS)) {
    const text = make(MANY_ERRORS);
    let found = 0;
    const samples: Sample[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const sample = await timeOnce(() => (found = validateRecord(text).diagnostics.filter((d) => d.code === code).length));
      if (i > 0) samples.push(sample);
    }
    const wall = summarize(samples.map((t) => t.wall)).median;
    const cpu = summarize(samples.map((t) => t.cpu)).median;
    const pass = cpu <= TARGET_MS && found === MANY_ERRORS;
    ok &&= pass;
    rows.push([code, kib(text.length), found.toLocaleString('en'), ms(wall), ms(cpu), verdict(pass)]);
  }
  console.log(markdownTable(['code', 'size', 'diagnostics of that code', 'wall ms', 'CPU ms', `CPU ≤ ${TARGET_MS} ms`], rows));
  return ok;
}
