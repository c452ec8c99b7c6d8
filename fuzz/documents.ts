// The documents every stage checks: the examples/ files and generated records, most of them
// mutated a few times. One seeded source, so a seed names the whole sequence.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Random } from '../bench/random';
import { generateRecord } from './generateRecord';
import { mutate } from './mutate';

const EXAMPLES = resolve(__dirname, '../examples');

export function loadExamples(): string[] {
  return ['valid', 'invalid'].flatMap((kind) =>
    readdirSync(join(EXAMPLES, kind))
      .sort()
      .map((name) => readFileSync(join(EXAMPLES, kind, name), 'utf8')),
  );
}

export function nextDocument(rnd: Random, examples: readonly string[]): string {
  const base = rnd.chance(0.25) ? rnd.pick(examples) : generateRecord(rnd);
  return rnd.chance(0.2) ? base : mutate(rnd, base, 1 + rnd.int(6));
}
