// Seeded generator of /record/new files, mostly a nested `details` with links and non-ASCII
// text; a broken variant corrupts ~1 % of nodes with syntax errors and rule violations.
import { mintId } from '../emulator/src/ids';
import { JsonWriter } from './jsonWriter';
import { seededRandom } from './random';

export const CORPUS_SIZES = [
  { label: '1 KB', bytes: 1024 },
  { label: '10 KB', bytes: 10 * 1024 },
  { label: '100 KB', bytes: 100 * 1024 },
  { label: '1 MB', bytes: 1024 * 1024 },
  { label: '5 MB', bytes: 5 * 1024 * 1024 },
] as const;

export interface CorpusFile {
  label: string;
  broken: boolean;
  text: string;
  /** How many faults of each kind were written (empty for a valid file). */
  faults: Record<string, number>;
  /** JSON values written (containers included), to relate the fault count to. */
  nodes: number;
}

const BREAK_RATE = 0.02;
const WORDS = [
  'Échantillon', 'données', 'Göteborg', 'São Paulo', 'naïve', 'Ωmega', 'Zürich', 'Kraków',
  '東京', '細胞株', '遺伝子', '유전체', 'Москва', 'κύτταρο', 'tumour', 'biopsy', 'plasma',
  'lymphocyte', 'coverage', 'germline', 'somatic', '🧬', '🔬', '🧪', 'ok 👍',
];
const GENES = ['BRCA1', 'BRCA2', 'TP53', 'EGFR', 'KRAS', 'PIK3CA', 'ALK', 'MYC'];
const EFFECTS = ['missense', 'nonsense', 'frameshift', 'synonymous', 'splice_region'];

type Fault = (w: JsonWriter) => void;

export function generateRecord(targetBytes: number, broken: boolean, seed: number): CorpusFile {
  const rnd = seededRandom(seed);
  const w = new JsonWriter();
  const faults: Record<string, number> = {};
  const count = (kind: string): void => {
    faults[kind] = (faults[kind] ?? 0) + 1;
  };
  /** True for ~1 % of nodes in a broken file: this node gets corrupted. */
  const hit = (): boolean => broken && rnd.chance(BREAK_RATE);
  const id = (cls: string): string => mintId(cls, rnd.int);
  const text = (words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(rnd.pick(WORDS));
    return out.join(' ');
  };

  /** A scalar value, or (rarely, when broken) a bad literal that is a syntax error. */
  const scalar = (v: string | number | boolean | null): void => {
    // Scalars outnumber everything else; a lower rate keeps the fault mix balanced.
    if (broken && rnd.chance(BREAK_RATE / 4)) {
      count('json-syntax: bad literal');
      w.raw(rnd.pick(['tru', 'nul', 'NaN', "'single'"]));
    } else {
      w.value(v);
    }
  };
  const maybeDropComma = (): void => {
    if (hit()) {
      count('json-syntax: missing comma');
      w.omitNextComma();
    }
  };
  const closingComma = (): boolean => {
    if (!hit()) return false;
    count('json-syntax: trailing comma');
    return true;
  };

  const linkFaults: Record<string, Fault> = {
    'link: hash form': (x) => {
      x.key('$dnanexus_link');
      x.beginObject();
      x.key('project');
      x.value(id('project'));
      x.key('id');
      x.value(id('file'));
      x.endObject();
    },
    'link: malformed target': (x) => {
      x.key('$dnanexus_link');
      x.value('file-' + rnd.int(1e6));
    },
    'link: extra keys': (x) => {
      x.key('$dnanexus_link');
      x.value(id('file'));
      x.key('note');
      x.value(text(2));
    },
    'link: not a string': (x) => {
      x.key('$dnanexus_link');
      x.value(rnd.int(1000));
    },
  };
  const link = (cls: string): void => {
    w.beginObject();
    if (hit()) {
      const kind = rnd.pick(Object.keys(linkFaults));
      count(kind);
      linkFaults[kind](w);
    } else {
      w.key('$dnanexus_link');
      w.value(id(cls));
    }
    w.endObject();
  };

  const propertyValue = (): void => {
    if (!hit()) {
      w.value(text(1 + rnd.int(6)));
      return;
    }
    const kind = rnd.pick(['property: number', 'property: null', 'property: too long (ASCII)', 'property: too long (UTF-8 bytes)']);
    count(kind);
    if (kind === 'property: number') w.value(rnd.int(10000));
    else if (kind === 'property: null') w.value(null);
    else if (kind === 'property: too long (ASCII)') w.value('x'.repeat(701 + rnd.int(200)));
    // 300 CJK characters: under a 700-character limit, but 900 bytes in UTF-8.
    else w.value('遺伝子'.repeat(100));
  };

  const sample = (index: number): void => {
    w.beginObject();
    w.key('sample_id');
    scalar(`S${String(index).padStart(6, '0')}`);
    maybeDropComma();
    w.key('label');
    scalar(text(2 + rnd.int(5)));
    w.key('reads');
    w.beginArray();
    const reads = 1 + rnd.int(3);
    for (let i = 0; i < reads; i++) {
      if (i > 0) maybeDropComma();
      link('file');
    }
    w.endArray(closingComma());
    w.key('metrics');
    w.beginObject();
    w.key('coverage');
    scalar(Math.round(rnd.next() * 6000) / 100);
    w.key('q30');
    scalar(Math.round(rnd.next() * 1000) / 1000);
    w.key('passed');
    scalar(rnd.chance(0.9));
    w.key('notes');
    scalar(rnd.chance(0.5) ? null : `line one\nline "two" — ${text(1)}`);
    w.endObject(closingComma());
    w.key('variants');
    w.beginArray();
    const variants = rnd.int(4);
    for (let i = 0; i < variants; i++) {
      w.beginArray();
      scalar(rnd.pick(GENES));
      scalar(rnd.pick(EFFECTS));
      scalar(rnd.int(250_000_000));
      w.endArray();
    }
    w.endArray();
    w.key('lineage');
    w.beginObject();
    w.key('parent');
    w.beginObject();
    w.key('index');
    link('record');
    w.key('history');
    w.beginArray();
    w.beginArray();
    link(rnd.pick(['file', 'record', 'applet', 'workflow', 'database']));
    w.endArray();
    w.endArray();
    w.endObject();
    w.endObject();
    if (broken && rnd.chance(BREAK_RATE / 4)) {
      count('duplicate key');
      w.key('label');
      w.value(text(1));
    }
    w.endObject();
  };

  w.beginObject();
  w.key('project');
  if (broken) {
    count('invalid project ID');
    w.value('project-' + 'x'.repeat(10));
  } else {
    w.value(id('project'));
  }
  w.key('name');
  w.value(`Run ${seed} — ${text(3)}`);
  w.key('folder');
  w.value('/runs/2026/lot-' + (seed % 97));
  w.key('parents');
  w.value(true);
  w.key('tags');
  w.beginArray();
  w.value('benchmark');
  w.value(text(1));
  w.endArray();
  w.key('types');
  w.beginArray();
  w.value('SequencingRun');
  w.endArray();
  w.key('properties');
  w.beginObject();
  const propertyCount = Math.min(200, Math.max(3, Math.floor(targetBytes / 4000)));
  for (let i = 0; i < propertyCount; i++) {
    w.key(`prop_${i}_${rnd.pick(WORDS)}`);
    propertyValue();
  }
  w.endObject();
  w.key('details');
  w.beginObject();
  w.key('pipeline');
  w.beginObject();
  w.key('version');
  w.value('1.4.2');
  w.key('reference');
  link('file');
  w.endObject();
  w.key('samples');
  w.beginArray();
  // A sample is ~600 bytes; stop when the next one would overshoot the target.
  for (let i = 0; w.bytes + 400 < targetBytes; i++) {
    if (i > 0) maybeDropComma();
    sample(i);
  }
  w.endArray();
  w.endObject();
  w.endObject();
  // Decoded from UTF-8, like text from disk or the LSP pipe: one flat string, not a rope.
  const decoded = Buffer.from(w.text() + '\n', 'utf8').toString('utf8');
  return { label: `${targetBytes} B`, broken, text: decoded, faults, nodes: w.nodes };
}

/** One corpus file by size label; the seed depends only on its place in the corpus. */
export function corpusFile(label: string, broken: boolean): CorpusFile {
  const index = CORPUS_SIZES.findIndex((size) => size.label === label);
  if (index < 0) throw new Error(`no corpus size ${label}`);
  const file = generateRecord(CORPUS_SIZES[index].bytes, broken, 1000 + index * 2 + (broken ? 1 : 0));
  return { ...file, label };
}

export function generateCorpus(): CorpusFile[] {
  return CORPUS_SIZES.flatMap((size) => [corpusFile(size.label, false), corpusFile(size.label, true)]);
}
