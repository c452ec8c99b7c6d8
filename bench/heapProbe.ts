// Child process (run with --expose-gc): how much heap one open document costs.
// Prints one JSON line of HeapReport. Heap figures are V8 heapUsed after a full GC, in bytes.
import { validateRecord } from '../server/src/engine/index';
import { createBaseline, type BaselineResult } from './baseline';
import { loadBaselineSchema } from './baselineSchema';
import { corpusFile } from './corpus';

export interface HeapReport {
  engine: 'ours' | 'baseline';
  label: string;
  broken: boolean;
  utf8Bytes: number;
  /** Heap taken by the document text string alone (V8 stores non-Latin-1 text as UTF-16). */
  text: number;
  /** Beyond the text, while the engine's results are held (ours: diagnostics + facts;
   *  baseline: its parsed JSONDocument + diagnostics, which VS Code's JSON server caches). */
  heldWithResults: number;
  /** Beyond the text, after the results are dropped (ours: any cache; baseline: the JSONDocument kept). */
  heldAfterDrop: number;
}

/** Module-level, so the engine's output stays reachable exactly as long as we say. */
const held: { value?: unknown } = {};

const collect = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heapProbe needs node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

async function main(): Promise<void> {
  const [engine, label, brokenFlag, root] = process.argv.slice(2);
  const broken = brokenFlag === 'broken';
  const validateWithBaseline = createBaseline(loadBaselineSchema(root));
  // One small document first, so one-time setup (compiled schemas, JIT) is not counted per document.
  const small = corpusFile('1 KB', broken).text;
  if (engine === 'ours') validateRecord(small);
  else await validateWithBaseline(small);
  const empty = collect();
  const text = corpusFile(label, broken).text;
  const withText = collect();

  if (engine === 'ours') held.value = validateRecord(text);
  else held.value = await validateWithBaseline(text);
  const withResults = collect();
  held.value = engine === 'ours' ? undefined : (held.value as BaselineResult).document;
  const afterDrop = collect();
  const report: HeapReport = {
    engine: engine === 'ours' ? 'ours' : 'baseline',
    label,
    broken,
    utf8Bytes: Buffer.byteLength(text),
    text: withText - empty,
    heldWithResults: withResults - withText,
    heldAfterDrop: afterDrop - withText,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

void main();
