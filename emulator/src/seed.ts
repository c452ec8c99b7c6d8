// --seed-demo: a deterministic demo platform (same IDs, names and times on every run). "Demo project"
// has the ID the shipped examples name, and holds what they link to (seedExamples.ts).
import { seededRandomInt } from './ids.js';
import { EXAMPLES_PROJECT_ID, seedExampleTargets } from './seedExamples.js';
import type { CallContext } from './routes/context.js';
import { containerRoutes } from './routes/containers.js';
import { dataObjectNewRoutes } from './routes/records.js';
import type { EmulatorState, User } from './state.js';

export interface DemoInfo {
  userId: string;
  token: string;
  projects: { id: string; name: string; level: string }[];
}

export const DEMO_TOKEN = 'emulator-demo-token';
const DEMO_PROJECT_NAME = 'Demo project';
const REFERENCE_PROJECT_NAME = 'Reference data';
const SEED = 20260105;
const SEED_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

const TISSUES = ['blood', 'saliva', 'tumor', 'normal-adjacent', 'buccal'];
const SITES = ['Boston', 'Cambridge', 'Leeds', 'Heidelberg', 'Osaka'];
const ASSAYS = ['WGS', 'WES', 'RNA-seq', 'panel'];

export function seedDemo(state: EmulatorState): DemoInfo {
  const previousRandom = state.random;
  const random = seededRandomInt(SEED);
  let tick = SEED_EPOCH;
  state.random = random;
  state.setClock(() => (tick += 47_000));
  try {
    return populate(state, (items) => items[random(items.length)]);
  } finally {
    state.random = previousRandom;
    state.setClock(Date.now);
  }
}

function populate(state: EmulatorState, pick: <T>(items: T[]) => T): DemoInfo {
  const demo = state.createUser('demo', DEMO_TOKEN);
  const curator = state.createUser('curator', 'emulator-curator-token');
  const reference = state.createContainer(curator.id, REFERENCE_PROJECT_NAME);
  Object.assign(reference, { summary: 'Curated reference genomes, annotations and gene panels', tags: ['reference'] });
  state.grant(reference.id, demo.id, 'VIEW');
  const project = state.createContainer(demo.id, DEMO_PROJECT_NAME, 'project', EXAMPLES_PROJECT_ID);
  Object.assign(project, { summary: 'Sample tracking and analysis records for the dxrecord demo' });

  const newRecord = (user: User, input: Record<string, unknown>): string =>
    (dataObjectNewRoutes.record.handler(context(state, user, '/record/new', 'record'), input) as { id: string }).id;

  const genomes = ['GRCh38', 'GRCh37'].map((assembly) =>
    newRecord(curator, {
      project: reference.id, folder: `/genomes/${assembly}`, parents: true, close: true,
      name: `${assembly} reference genome`, types: ['Reference', 'Genome'], tags: ['reference', assembly],
      properties: { assembly, source: 'Genome Reference Consortium', species: 'Homo sapiens' },
      details: { species: 'Homo sapiens', assembly, contigs: assembly === 'GRCh38' ? 195 : 84, checksum: `md5:${assembly.toLowerCase()}-demo` },
    }),
  );
  const annotations = [41, 42, 43, 44].map((version) =>
    newRecord(curator, {
      project: reference.id, folder: '/annotations/gencode', parents: true, close: true,
      name: `GENCODE v${version} annotation`, types: ['Annotation'], tags: ['reference', 'gencode'],
      properties: { release: String(version), assembly: 'GRCh38' },
      details: { release: version, genome: { $dnanexus_link: genomes[0] } },
    }),
  );
  for (let i = 1; i <= 34; i++) {
    newRecord(curator, {
      project: reference.id, folder: '/panels', parents: true, close: i % 5 !== 0,
      name: `gene-panel-${String(i).padStart(2, '0')}`, types: ['GenePanel'], tags: ['panel', i % 2 ? 'germline' : 'somatic'],
      properties: { genes: String(20 + i * 3), version: `v${1 + (i % 4)}` },
      details: { genes: 20 + i * 3, annotation: { $dnanexus_link: annotations[i % annotations.length] } },
    });
  }

  // Reference genomes cloned into the demo project: same IDs, per-project names and folders.
  state.ensureFolder(project, '/reference', true);
  containerRoutes.clone.handler(context(state, demo, `/${reference.id}/clone`, reference.id), {
    objects: genomes, project: project.id, destination: '/reference',
  });

  newRecord(demo, {
    project: project.id, name: 'project-settings', types: ['Settings'], tags: ['config'],
    properties: { owner: 'demo', pipeline: 'germline-v2' },
    details: { defaultGenome: { $dnanexus_link: genomes[0] }, qcThresholds: { minDepth: 30, maxContamination: 0.02 } },
  });
  const samples: string[] = [];
  for (let i = 1; i <= 280; i++) {
    const tissue = pick(TISSUES);
    samples.push(newRecord(demo, {
      project: project.id, folder: '/samples', parents: true, close: i % 7 !== 0,
      name: `sample-${String(i).padStart(4, '0')}`, types: ['Sample'],
      tags: i % 11 === 0 ? ['qc-failed'] : ['qc-passed'],
      properties: { sample_id: `S${String(i).padStart(4, '0')}`, tissue, site: pick(SITES), assay: pick(ASSAYS) },
      details: { subject: `P${String(1000 + Math.ceil(i / 2))}`, tissue, meanDepth: 25 + (i % 20), genome: { $dnanexus_link: genomes[i % 9 === 0 ? 1 : 0] } },
    }));
  }
  const quarters = ['2026-q1', '2026-q2', '2026-q3'];
  const analyses: string[] = [];
  for (let i = 1; i <= 60; i++) {
    const inputs = [samples[(i * 7) % samples.length], samples[(i * 13) % samples.length]];
    analyses.push(newRecord(demo, {
      project: project.id, folder: `/analyses/${quarters[i % quarters.length]}`, parents: true, close: i % 4 !== 0,
      name: `germline-run-${String(i).padStart(3, '0')}`, types: ['Analysis', 'VariantCalls'], tags: ['germline'],
      properties: { pipeline: 'germline-v2', status: i % 9 === 0 ? 'failed' : 'succeeded' },
      details: { inputs: inputs.map((id) => ({ $dnanexus_link: id })), genome: { $dnanexus_link: genomes[0] }, variants: 4_000_000 + i * 1234 },
    }));
  }
  for (let i = 1; i <= 10; i++) {
    newRecord(demo, {
      project: project.id, folder: '/cohorts', parents: true, close: true,
      name: `cohort-${pick(SITES).toLowerCase()}-${i}`, types: ['Cohort'], tags: ['cohort'],
      properties: { size: String(20 + i) },
      details: { members: samples.slice(i * 20, i * 20 + 20).map((id) => ({ $dnanexus_link: id })) },
    });
  }
  for (let i = 1; i <= 15; i++) {
    newRecord(demo, {
      project: project.id, folder: '/drafts', parents: true,
      name: `draft-${i}`, tags: i % 3 === 0 ? ['todo'] : [], properties: { author: 'demo' },
      details: { notes: `Draft record ${i}`, analysis: { $dnanexus_link: analyses[i] } },
    });
  }
  for (let i = 1; i <= 10; i++) {
    newRecord(demo, {
      project: project.id, folder: '/archive/2025', parents: true, close: true, hidden: i % 2 === 0,
      name: `archived-run-${i}`, types: ['Analysis'], tags: ['archived'], properties: { year: '2025' },
      details: { superseded: true },
    });
  }
  seedExampleTargets(state, demo, curator, project, reference);
  return demoInfo(state) as DemoInfo;
}

function context(state: EmulatorState, user: User, route: string, entity: string): CallContext {
  return { state, user, route, entity };
}

/** The demo login and projects, when the state holds seeded demo data. */
export function demoInfo(state: EmulatorState): DemoInfo | undefined {
  const user = state.users.get('user-demo');
  if (!user) return undefined;
  const projects = [...state.containers.values()]
    .filter((c) => c.name === DEMO_PROJECT_NAME || c.name === REFERENCE_PROJECT_NAME)
    .map((c) => ({ id: c.id, name: c.name, level: state.levelOf(user.id, c.id) as string }))
    .sort((a, b) => (a.name === DEMO_PROJECT_NAME ? -1 : b.name === DEMO_PROJECT_NAME ? 1 : 0));
  return { userId: user.id, token: user.token, projects };
}
