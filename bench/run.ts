// `npm run bench`: validation speed and heap against VS Code's JSON language service, the
// honesty check, many-error records, formatting, whole CLI processes against ajv-cli and the
// language service, the records tree's first page against the emulator, records-as-code plan and
// apply of 1,000 files, and the extension's activation time in code-server. Exits 1 on any FAIL.
// `npm run bench -- --only NAME[,NAME]` runs only those sections (the names are SECTIONS' keys).
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateRecord } from '../server/src/engine/index';
import { activationSection } from './activationBench';
import { createBaseline } from './baseline';
import { loadBaselineSchema } from './baselineSchema';
import { generateCorpus } from './corpus';
import { benchFindPages, PROJECT_SIZES } from './emulatorBench';
import { formattingSection } from './formattingBench';
import { measureHeap } from './heapBench';
import { processSection } from './processBench';
import { manyErrorsSection } from './manyErrorsBench';
import { recordsAsCodeSection } from './recordsAsCodeBench';
import { kib, markdownTable, mib, ms, verdict } from './table';
import { benchRequestsUnderLoad, benchTransfer, benchTyping, DEBOUNCE_MS, type Latency } from './serverBench';
import { benchTree, RECORD_COUNT } from './treeBench';
import { benchTyped, typedCorpus, type TypedResult } from './typedBench';
import { benchFile, type FileResult } from './validationBench';

const root = resolve(__dirname, '..');
const SPEED_TARGET = 0.2;
/** 15 MiB: the issue's "15 MB" read the stricter way. */
const HEAP_TARGET = 15 * 1024 * 1024;
/** A typed record may cost at most this many times the same record untyped (JSON.parse of details, ajv, cross-field rules). */
const TYPED_TARGET = 2.5;

function speedSection(results: FileResult[]): boolean {
  const rows = results.map((r) => [
    r.file.label,
    r.file.broken ? 'broken' : 'valid',
    kib(Buffer.byteLength(r.file.text)),
    ms(r.baseline.median),
    ms(r.baseline.p95),
    ms(r.ours.median),
    ms(r.ours.p95),
    (r.ours.median / r.baseline.median).toFixed(3) + '×',
    (r.oursCpu.median / r.baselineCpu.median).toFixed(3) + '×',
    String(r.baseline.runs),
  ]);
  console.log('\n## Validation time (wall ms), same run, interleaved\n');
  console.log(markdownTable(
    ['size', 'file', 'UTF-8', 'baseline median', 'baseline p95', 'ours median', 'ours p95', 'ratio (median)', 'CPU-time ratio', 'runs'],
    rows,
  ));
  let ok = true;
  console.log('\nTargets: ours ≤ 0.2× baseline (median) at 1 MB and 5 MB, valid and broken');
  for (const r of results.filter((x) => x.file.label === '1 MB' || x.file.label === '5 MB')) {
    const ratio = r.ours.median / r.baseline.median;
    const pass = ratio <= SPEED_TARGET;
    ok &&= pass;
    console.log(`  ${verdict(pass)}  ${r.file.label} ${r.file.broken ? 'broken' : 'valid'}: ${ratio.toFixed(3)}×`);
  }
  return ok;
}

async function typedSection(): Promise<boolean> {
  const results: TypedResult[] = [];
  for (const variant of typedCorpus()) results.push(await benchTyped(variant));
  console.log('\n## Typed records (wall ms): the same text untyped, typed with `types` first, typed with `types` last\n');
  console.log(markdownTable(
    ['size', 'type', 'UTF-8', 'untyped median', 'typed median', 'typed p95', 'types-last median', 'typed ÷ untyped', 'types-last ÷ untyped', 'runs'],
    results.map((r) => [
      r.variant.label,
      r.variant.kind,
      kib(Buffer.byteLength(r.variant.typesFirst)),
      ms(r.untyped.median),
      ms(r.typesFirst.median),
      ms(r.typesFirst.p95),
      ms(r.typesLast.median),
      (r.typesFirst.median / r.untyped.median).toFixed(2) + '×',
      (r.typesLast.median / r.untyped.median).toFixed(2) + '×',
      String(r.untyped.runs),
    ]),
  ));
  let ok = true;
  console.log(`\nTargets: a valid typed record reports nothing typed, and costs ≤ ${TYPED_TARGET}× the same record untyped (types first or last)`);
  for (const r of results) {
    const clean = r.codes.every((code) => code === 'details-large');
    const ratio = Math.max(r.typesFirst.median, r.typesLast.median) / r.untyped.median;
    const pass = clean && ratio <= TYPED_TARGET;
    ok &&= pass;
    console.log(`  ${verdict(pass)}  ${r.variant.label} ${r.variant.kind}: ${ratio.toFixed(2)}×${clean ? '' : `, unexpected ${r.codes.join(', ')}`}`);
  }
  return ok;
}

function honestySection(results: FileResult[]): boolean {
  console.log('\n## Honesty check: every baseline error is also one of ours; no error of ours on a valid file\n');
  console.log(markdownTable(
    ['size', 'file', 'faults written', 'baseline errors', 'matched: overlap', 'same line', 'adjacent', 'same object', 'missed', 'ours: errors', 'ours: other'],
    results.map((r) => [
      r.file.label,
      r.file.broken ? 'broken' : 'valid',
      String(Object.values(r.file.faults).reduce((a, b) => a + b, 0)),
      String(r.coverage.baselineErrors),
      String(r.coverage.overlap),
      String(r.coverage.sameLine),
      String(r.coverage.adjacent),
      String(r.coverage.sameObject),
      String(r.coverage.missed.length),
      String(r.coverage.oursErrors),
      String(r.coverage.oursOther),
    ]),
  ));
  let covered = true;
  let clean = true;
  for (const r of results) {
    for (const d of r.coverage.missed.slice(0, 5)) {
      console.log(`  missed in ${r.file.label} ${r.file.broken ? 'broken' : 'valid'}: line ${d.range.start.line + 1}: ${d.message}`);
    }
    covered &&= r.coverage.missed.length === 0;
    if (!r.file.broken) clean &&= r.coverage.oursErrors === 0;
  }
  console.log(`  ${verdict(covered)}  no baseline error missed`);
  console.log(`  ${verdict(clean)}  no error reported on a valid file`);
  return covered && clean;
}

function heapSection(): boolean {
  console.log('\n## Heap for an open 5 MB document (V8 heapUsed after full GC, fresh process each, median of 3)\n');
  const reports = (['ours', 'baseline'] as const).flatMap((engine) =>
    [false, true].map((broken) => measureHeap(root, engine, '5 MB', broken)),
  );
  console.log(markdownTable(
    ['engine', 'file', 'text string', 'validation output held', 'of which parsed tree', 'total: text + output'],
    reports.map((r) => [
      r.engine,
      r.broken ? 'broken' : 'valid',
      mib(r.text),
      mib(r.heldWithResults),
      r.engine === 'ours' ? '— (none kept)' : mib(r.heldAfterDrop),
      mib(r.text + r.heldWithResults),
    ]),
  ));
  console.log('  output: ours = ValidationResult (diagnostics + facts, every link located); baseline = JSONDocument + diagnostics.');
  console.log('  One-time costs (compiled schema, optimized code) are excluded by a warm-up run on the same text.');
  let ok = true;
  for (const r of reports.filter((x) => x.engine === 'ours')) {
    const total = r.text + r.heldWithResults;
    const pass = total <= HEAP_TARGET;
    ok &&= pass;
    console.log(`  ${verdict(pass)}  ours, 5 MB ${r.broken ? 'broken' : 'valid'}: ${mib(total)} total (text + output) ≤ 15 MiB`);
  }
  return ok;
}

async function treeSection(): Promise<boolean> {
  console.log(`\n## Records tree: first page of a folder with ${RECORD_COUNT.toLocaleString('en')} records (emulator, real HTTP)\n`);
  const [asInView, cold, ...naive] = await benchTree();
  console.log(markdownTable(
    ['approach', 'median ms', 'p95 ms', 'HTTP requests', 'round trips', 'records described', 'bytes received'],
    [asInView, cold, ...naive].map((a) => [
      a.name,
      ms(a.time.median),
      ms(a.time.p95),
      String(a.requests),
      String(a.roundTrips),
      a.recordsShown.toLocaleString('en'),
      a.bytesReceived.toLocaleString('en'),
    ]),
  ));
  const oneRequest = asInView.requests === 1;
  const coldOneTrip = cold.roundTrips === 1;
  const faster = naive.every((n) => Math.max(asInView.time.median, cold.time.median) < n.time.median);
  console.log(`  ${verdict(oneRequest)}  opening a project in the view shows its first page after one request (${asInView.requests})`);
  console.log(`  ${verdict(coldOneTrip)}  with no folder list cached, still one round trip (${cold.requests} requests sent together)`);
  console.log(`  ${verdict(faster)}  tree's first page faster than every naive approach`);
  return oneRequest && coldOneTrip && faster;
}

/** Targets of the language server, in ms: no request waits behind validation; typing and completion at 1 MB. */
const REQUEST_TARGET_MS = 50;
const DIAGNOSTICS_TARGET_MS = 50;
const COMPLETION_TARGET_MS = 20;

const latencyCells = (l: Latency): string[] => [ms(l.median), ms(l.p95), ms(l.max), String(l.runs)];

function target(pass: boolean, what: string, reason: string): boolean {
  console.log(`  ${verdict(pass)}  ${what}${pass ? '' : ` (missed: ${reason})`}`);
  return pass;
}

async function requestsSection(): Promise<boolean> {
  const load = await benchRequestsUnderLoad();
  console.log('\n## Language server over JSON-RPC: hover/completion on a small document while large ones are validated (ms)\n');
  console.log(markdownTable(
    ['while', 'p50', 'p95', 'max', 'requests'],
    [
      ['nothing else open', ...latencyCells(load.idle)],
      [`${load.heavy.map((h) => h.label).join(' and ')} re-validated ×3 each`, ...latencyCells(load.loaded)],
      ['the same, less the first request (sent right behind both didOpens)', ...latencyCells(load.afterFirst)],
    ],
  ));
  console.log("  The window includes opening both documents. The first request is sent right behind both didOpens, so it waits for the client to encode them (vscode-jsonrpc's writer does that on a later turn, after the request's clock has started), for the 5 MB one to cross the pipe, and for vscode-jsonrpc to parse it whole on the server's main thread (both times below, in process). The first edits read only the top of the text: the line index scans only as far as a question needs.");
  for (const h of load.heavy) {
    console.log(`  ${h.label}: ${(h.chars / 1e6).toFixed(2)} M characters, ${h.publications} publications in the window; the engine takes ${ms(h.engineMs)} ms on it (in process), which a request waited behind before validation moved to a worker; the client encodes its didOpen in ${ms(h.didOpenEncodeMs)} ms and JSON-RPC parses it in ${ms(h.didOpenParseMs)} ms (in process).`);
  }
  return target(
    load.loaded.max <= REQUEST_TARGET_MS,
    `max request latency under load ≤ ${REQUEST_TARGET_MS} ms: ${ms(load.loaded.max)} ms`,
    `p95 ${ms(load.loaded.p95)} ms, idle max ${ms(load.idle.max)} ms, load average ${loadavg()[0].toFixed(1)}`,
  );
}

async function typingSection(): Promise<boolean> {
  const typing = await benchTyping();
  console.log(`\n## 1 MB record: diagnostics after the last keystroke, and completion (ms; debounce ${DEBOUNCE_MS} ms)\n`);
  console.log(markdownTable(
    ['measure', 'p50', 'p95', 'max', 'runs'],
    [
      ['last didChange → its publishDiagnostics, less the debounce', ...latencyCells(typing.afterDebounce)],
      ...typing.completion.map((c) => [`completion: ${c.label}`, ...latencyCells(c.latency)]),
    ],
  ));
  console.log(`  The engine takes ${ms(typing.engineMs)} ms on this record in process; the check starts early by 1.5× the last check (at most half the debounce).`);
  console.log(`  Completion far into a large record parses only the object around the cursor: where every object is comes with the check from the worker (recorded on the engine's pass; only the text around syntax errors is read again there), so no request scans from the start.`);
  console.log('  Right after a keystroke, a document above 64 K characters answers from an empty stand-in until its check arrives (no engine run on the main thread).');
  const typingOk = target(
    typing.afterDebounce.max <= DIAGNOSTICS_TARGET_MS,
    `diagnostics ≤ ${DIAGNOSTICS_TARGET_MS} ms after the debounce (max): ${ms(typing.afterDebounce.max)} ms`,
    `p50 ${ms(typing.afterDebounce.median)} ms; the engine alone takes ${ms(typing.engineMs)} ms here, a check may start at most ${DEBOUNCE_MS / 2} ms early; load average ${loadavg()[0].toFixed(1)}`,
  );
  const completionOk = typing.completion
    .map((c) =>
      target(
        c.latency.max <= COMPLETION_TARGET_MS,
        `completion at 1 MB ≤ ${COMPLETION_TARGET_MS} ms (max), ${c.label}: ${ms(c.latency.max)} ms`,
        `p50 ${ms(c.latency.median)} ms, load average ${loadavg()[0].toFixed(1)}`,
      ),
    )
    .every(Boolean);
  return typingOk && completionOk;
}

function transferSection(): boolean {
  console.log('\n## Crossing to the validation worker: main-thread cost (ms, V8 serializer as postMessage uses it)\n');
  console.log(markdownTable(['step', 'ms'], benchTransfer().map((row) => [row.what, ms(row.ms)])));
  return true;
}

/** Measured, not judged: how a findDataObjects page's cost changes with the project's size. */
async function findSection(): Promise<boolean> {
  console.log('\n## Emulator: one findDataObjects page (50 results) by project size (real HTTP, median ms of 30)\n');
  const sizes = PROJECT_SIZES.map((n) => n.toLocaleString('en'));
  const costs = await benchFindPages();
  console.log(markdownTable(
    ['query', ...sizes.map((s) => `${s} records`), `ratio ${sizes[sizes.length - 1]} / ${sizes[0]}`],
    costs.map((c) => [c.query, ...c.times.map((t) => ms(t.median)), (c.times[c.times.length - 1].median / c.times[0].median).toFixed(2) + '×']),
  ));
  return true;
}

let corpusRuns: Promise<FileResult[]> | undefined;

/** The corpus timed against the baseline, once, for the speed and honesty sections. */
function corpusResults(): Promise<FileResult[]> {
  corpusRuns ??= (async () => {
    const baseline = createBaseline(loadBaselineSchema(root));
    const results: FileResult[] = [];
    for (const file of generateCorpus()) results.push(await benchFile(file, baseline, validateRecord));
    return results;
  })();
  return corpusRuns;
}

/** In the order they run; each prints its tables and says whether its targets were met. */
const SECTIONS: Record<string, () => boolean | Promise<boolean>> = {
  speed: async () => speedSection(await corpusResults()),
  typed: typedSection,
  honesty: async () => honestySection(await corpusResults()),
  heap: heapSection,
  'many-errors': manyErrorsSection,
  formatting: formattingSection,
  process: () => processSection(root),
  tree: treeSection,
  requests: requestsSection,
  typing: typingSection,
  transfer: transferSection,
  find: findSection,
  'records-as-code': recordsAsCodeSection,
  activation: activationSection,
};

/** `--only typing,requests` runs just those sections (in their usual order); by default, all. */
function chosenSections(): string[] {
  const { only } = parseArgs({ options: { only: { type: 'string' } } }).values;
  const names = Object.keys(SECTIONS);
  if (only === undefined) return names;
  const wanted = only.split(',');
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`unknown bench section ${unknown.join(', ')}; the sections are ${names.join(', ')}`);
  return names.filter((name) => wanted.includes(name));
}

async function main(): Promise<void> {
  const sections = chosenSections();
  const started = performance.now();
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Node ${process.version}, ${cpus().length} CPUs, load average ${load} at start`);
  const passed: boolean[] = [];
  for (const name of sections) passed.push(await SECTIONS[name]());
  const endLoad = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${endLoad} at end`);
  if (passed.includes(false)) process.exitCode = 1;
}

void main();
