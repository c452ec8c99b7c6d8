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
  /** Held by the validation output (ours: diagnostics + facts; baseline: JSONDocument + diagnostics). */
  heldWithResults: number;
  /** Of that, the parsed tree VS Code's JSON server caches per document (ours keeps none). */
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

/** Each step runs from a fresh stack (setImmediate), so no suspended frame keeps stale values. */
function runSteps(steps: (() => Promise<void> | void)[]): void {
  const step = steps.shift();
  if (step) void Promise.resolve(step()).then(() => setImmediate(() => runSteps(steps)));
}

const REPEATS = 3;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

function main(): void {
  const [engine, label, brokenFlag, root] = process.argv.slice(2);
  const broken = brokenFlag === 'broken';
  const validateWithBaseline = createBaseline(loadBaselineSchema(root));
  const validate = (text: string): Promise<unknown> =>
    engine === 'ours' ? Promise.resolve(validateRecord(text)) : validateWithBaseline(text);
  let empty = 0;
  let withText = 0;
  let text = '';
  const withResults: number[] = [];
  const afterDrop: number[] = [];
  // Each repeat measures what dropping the output frees, so a leftover of an earlier run
  // (V8 sometimes keeps one alive a little longer) does not count.
  const measureOnce = [
    () =>
      validate(text).then((result) => {
        held.value = result;
      }),
    () => {
      withResults.push(collect());
      held.value = engine === 'ours' ? undefined : (held.value as BaselineResult).document;
    },
    () => {
      afterDrop.push(collect());
      held.value = undefined;
    },
    () => {
      const released = collect();
      withResults.push(withResults.pop()! - released);
      afterDrop.push(afterDrop.pop()! - released);
    },
  ];
  runSteps([
    () => {
      empty = collect();
      text = corpusFile(label, broken).text;
    },
    () => {
      withText = collect();
      // A dropped warm-up run: one-time costs (compiled schema, optimized code) are not per document.
      return validate(text).then(() => undefined);
    },
    ...Array.from({ length: REPEATS }, () => measureOnce).flat(),
    () => {
      const report: HeapReport = {
        engine: engine === 'ours' ? 'ours' : 'baseline',
        label,
        broken,
        utf8Bytes: Buffer.byteLength(text),
        text: withText - empty,
        heldWithResults: median(withResults),
        heldAfterDrop: median(afterDrop),
      };
      process.stdout.write(JSON.stringify(report) + '\n');
    },
  ]);
}

main();
