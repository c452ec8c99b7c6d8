// Typed records: a ContigSet-like and a Dataset-like record of 1 MB and 5 MB, each validated with
// its type (types before details: built on the same pass; types after details: rebuilt from its
// span) and, in the same run and interleaved, the same text with the type removed (untyped).
import { mintId } from '../emulator/src/ids';
import { validateRecord } from '../server/src/engine/index';
import { seededRandom } from './random';
import { summarize, timeOnce, type Sample, type Summary } from './stats';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const RUNS: Record<string, { warmup: number; runs: number }> = { '1 MB': { warmup: 2, runs: 15 }, '5 MB': { warmup: 1, runs: 7 } };
const SIZES = [
  { label: '1 MB', bytes: 1024 * 1024 },
  { label: '5 MB', bytes: 5 * 1024 * 1024 },
] as const;

export interface TypedVariant {
  label: string;
  kind: 'ContigSet' | 'Dataset';
  /** The three texts differ only in where (or whether) `types` is written. */
  untyped: string;
  typesFirst: string;
  typesLast: string;
}

/** A reference genome's contigs: names, sizes and consistent offsets, until the details reach `bytes`. */
function contigDetails(bytes: number, seed: number): unknown {
  const rnd = seededRandom(seed);
  const names: string[] = [];
  const sizes: number[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (let written = 0; written < bytes; ) {
    const name = `chrUn_KI${270000 + names.length}v${1 + rnd.int(3)}_decoy`;
    const size = 1000 + rnd.int(250_000_000);
    names.push(name);
    sizes.push(size);
    offsets.push(at);
    at += size;
    written += name.length + 30;
  }
  return { contigs: { names, sizes, offsets }, flat_sequence_file: { $dnanexus_link: mintId('file', rnd.int) } };
}

/** An Apollo dataset: descriptor, version, databases, plus the bulk a descriptor-like payload brings. */
function datasetDetails(bytes: number, seed: number): unknown {
  const rnd = seededRandom(seed);
  const databases: Record<string, unknown>[] = [];
  const fields: Record<string, unknown>[] = [];
  for (let written = 0; written < bytes; ) {
    if (fields.length % 50 === 0) databases.push({ [`db_${databases.length}`]: { $dnanexus_link: mintId('database', rnd.int) } });
    fields.push({ entity: `participant_${fields.length % 40}`, name: `p${fields.length}_i${rnd.int(4)}`, type: rnd.pick(['integer', 'string', 'float', 'date']), coding: rnd.chance(0.3) ? `coding_${rnd.int(500)}` : null, title: `Field ${fields.length} — Zoë` });
    written += 130;
  }
  return { descriptor: { $dnanexus_link: mintId('file', rnd.int) }, version: '3.0', schema: 'ukbb_schema', name: 'cohort data', description: 'bench', databases, fields };
}

function variant(label: string, bytes: number, kind: TypedVariant['kind'], seed: number): TypedVariant {
  const details = kind === 'ContigSet' ? contigDetails(bytes, seed) : datasetDetails(bytes, seed);
  const write = (record: object) => JSON.stringify(record, null, 1);
  return {
    label,
    kind,
    untyped: write({ project: PROJECT, name: kind, types: [], details }),
    typesFirst: write({ project: PROJECT, name: kind, types: [kind], details }),
    typesLast: write({ project: PROJECT, name: kind, details, types: [kind] }),
  };
}

export function typedCorpus(): TypedVariant[] {
  return SIZES.flatMap((size, i) => [variant(size.label, size.bytes, 'ContigSet', 7000 + i), variant(size.label, size.bytes, 'Dataset', 7100 + i)]);
}

export interface TypedResult {
  variant: TypedVariant;
  untyped: Summary;
  typesFirst: Summary;
  typesLast: Summary;
  /** Diagnostic codes of the typed run (a valid record: expected only details-large). */
  codes: string[];
}

export async function benchTyped(v: TypedVariant): Promise<TypedResult> {
  const { warmup, runs } = RUNS[v.label];
  const texts = [v.untyped, v.typesFirst, v.typesLast];
  const times: Sample[][] = [[], [], []];
  let codes: string[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // Rotate the order so drift and GC debt fall on every variant alike.
    for (let k = 0; k < 3; k++) {
      const j = (i + k) % 3;
      const sample = await timeOnce(() => {
        const result = validateRecord(texts[j]);
        if (j === 1) codes = result.diagnostics.map((d) => d.code);
      });
      if (i >= warmup) times[j].push(sample);
    }
  }
  const [untyped, typesFirst, typesLast] = times.map((t) => summarize(t.map((s) => s.wall)));
  return { variant: v, untyped, typesFirst, typesLast, codes };
}
