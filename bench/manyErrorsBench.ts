// Validation time of records with 100,000 errors of one kind: linear engines stay under a second.
import { validateRecord } from '../server/src/engine/index';
import { MANY_ERROR_KINDS, MANY_ERRORS } from './manyErrors';
import { summarize, timeOnce } from './stats';
import { kib, markdownTable, ms, verdict } from './table';

const RUNS = 3;
const TARGET_MS = 1000;

export async function manyErrorsSection(): Promise<boolean> {
  console.log(`\n## ${MANY_ERRORS.toLocaleString('en')} errors of one kind (wall ms, after one warm-up run, median of ${RUNS})\n`);
  const rows: string[][] = [];
  let ok = true;
  for (const [code, make] of Object.entries(MANY_ERROR_KINDS)) {
    const text = make(MANY_ERRORS);
    let found = 0;
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const sample = await timeOnce(() => (found = validateRecord(text).diagnostics.filter((d) => d.code === code).length));
      if (i > 0) times.push(sample.wall);
    }
    const { median } = summarize(times);
    const pass = median <= TARGET_MS && found === MANY_ERRORS;
    ok &&= pass;
    rows.push([code, kib(text.length), found.toLocaleString('en'), ms(median), verdict(pass)]);
  }
  console.log(markdownTable(['code', 'size', 'diagnostics of that code', 'median ms', `≤ ${TARGET_MS} ms`], rows));
  return ok;
}
