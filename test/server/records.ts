// Record texts the server tests share: a large valid one and a pathological one.
export const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';

/** A record of at least `minChars` characters, mostly `details` samples with links and non-ASCII text. */
export function largeRecord(minChars: number, extraDetails: Record<string, unknown> = {}): string {
  const samples: Record<string, unknown> = {};
  for (let i = 0, size = 0; size < minChars; i++) {
    const sample = { reads: { $dnanexus_link: 'file-B0FJgXy4Zg231jgbQ9zQ0003' }, note: 'ünïcode ✓ '.repeat(8), depth: [[i, i + 1]] };
    samples[`sample_${i}`] = sample;
    size += JSON.stringify(sample).length + 20;
  }
  return JSON.stringify({ project: PROJECT, details: { ...samples, ...extraDetails } }, null, 1);
}

/** A large record that also has `errors` syntax errors (bad literals) in one top-level array. */
export function pathologicalRecord(minChars: number, errors: number): string {
  return largeRecord(minChars).replace(/\}\s*$/, `, "tags": [${'tru,'.repeat(errors)}"last"]}`);
}
