// The objects the shipped examples (examples/valid) link to, under the IDs they name, so that a
// demo user who signs in sees those examples without link warnings and can create them.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { checkDetails } from './metadata.js';
import type { Container, DataObject, EmulatorState, FileContent, User } from './state.js';

/** The project every shipped example names; the demo seed gives this ID to "Demo project". */
export const EXAMPLES_PROJECT_ID = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';

interface Placement {
  id: string;
  name: string;
  folder: string;
  types?: string[];
  tags?: string[];
  properties?: Record<string, string>;
  details?: unknown;
  content?: { bytes: Buffer; media: string };
}

function fileContent({ bytes, media }: { bytes: Buffer; media: string }): FileContent {
  const md5 = createHash('md5').update(bytes).digest('hex');
  return { media, parts: { 1: { size: bytes.length, md5, state: 'complete', data: bytes.toString('base64') } } };
}

/** Creates a closed record or file with a fixed ID in `container`. */
function place(state: EmulatorState, owner: User, container: Container, p: Placement): DataObject {
  state.ensureFolder(container, p.folder, true);
  const now = state.now();
  const details = p.details ?? {};
  const object: DataObject = {
    id: p.id,
    class: p.content ? 'file' : 'record',
    created: now,
    createdBy: owner.id,
    state: 'closed',
    hidden: false,
    types: p.types ?? [],
    details,
    links: checkDetails(details, undefined),
    copies: new Map(),
    ...(p.content ? { file: fileContent(p.content) } : {}),
  };
  state.putCopy(object, container.id, { name: p.name, folder: p.folder, tags: p.tags ?? [], properties: p.properties ?? {}, created: now, modified: now });
  return object;
}

/** A deterministic DNA string: plausible-looking bases without a random source. */
function bases(length: number, salt: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += 'ACGT'[(i * 7 + salt + (i >> 3) * 3) % 4];
  return out;
}

function fastqGz(sample: string, mate: 1 | 2): Buffer {
  const reads = Array.from({ length: 8 }, (_, i) => {
    const seq = bases(76, i * 5 + mate);
    return `@${sample}.${i + 1}/${mate}\n${seq}\n+\n${'F'.repeat(seq.length)}\n`;
  });
  return gzipSync(reads.join(''));
}

function fasta(): Buffer {
  const lines = Array.from({ length: 12 }, (_, i) => bases(60, i));
  return Buffer.from(`>chr21 GRCh38 excerpt (demo)\n${lines.join('\n')}\n`);
}

/**
 * The example records' link targets: S42's two read files and two cohort members in the demo
 * project, and the reference genome file, curated in "Reference data" and cloned into the demo project.
 */
export function seedExampleTargets(state: EmulatorState, demo: User, curator: User, project: Container, reference: Container): void {
  for (const mate of [1, 2] as const) {
    place(state, demo, project, {
      id: mate === 1 ? 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz' : 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gK0',
      name: `S42_R${mate}.fastq.gz`, folder: '/reads/S42', tags: ['RNA-seq'], properties: { sample_id: 'S42', mate: String(mate) },
      content: { bytes: fastqGz('S42', mate), media: 'application/x-gzip' },
    });
  }
  for (const [suffix, sample] of [['G', 'S40'], ['J', 'S41']] as const) {
    place(state, demo, project, {
      id: `record-GFy0Pz80Jx5Qpb1ZV7jK2X9${suffix}`, name: `${sample} — cohort member`, folder: '/cohorts/members',
      types: ['Sample'], tags: ['cohort'], properties: { sample_id: sample, tissue: 'liver' },
      details: { subject: `P${sample.slice(1)}`, tissue: 'liver', assay: 'RNA-seq' },
    });
  }
  const genome = place(state, curator, reference, {
    id: 'file-GBz1Q8j0PY9kB6Jv4Gq2X3ZF', name: 'GRCh38_chr21_excerpt.fa', folder: '/genomes/GRCh38',
    tags: ['reference', 'GRCh38'], properties: { assembly: 'GRCh38' }, content: { bytes: fasta(), media: 'text/plain' },
  });
  const copy = genome.copies.get(reference.id);
  state.ensureFolder(project, '/reference', true);
  state.putCopy(genome, project.id, { ...structuredClone(copy as NonNullable<typeof copy>), folder: '/reference', modified: state.now() });
}
