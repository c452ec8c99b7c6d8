// The worker pool behind the server's validation, with the bundled worker (build first): results
// equal the engine's in process (a large text's objects the visitor's), an aborted run ends its
// worker, runs beyond the limit queue, and on Linux a worker yields a core to the main thread.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { validateRecord } from '../../server/src/engine';
import { INDEX_FROM_OFFSET } from '../../server/src/languageService/objectIndex';
import { layoutByVisit, type VisitorLayout } from '../../server/src/languageService/visitorLayout';
import { publishable } from '../../server/src/lsp/publication';
import { NICER_BY, ValidationWorkers } from '../../server/src/lsp/validationWorkers';
import { largeRecord, pathologicalRecord, PROJECT } from './records';

const workers = new ValidationWorkers(resolve(__dirname, '../../dist/validationWorker.js'));
after(() => workers.dispose());

const never = new AbortController().signal;

test('a worker result is the engine result, published part capped', async () => {
  const text = pathologicalRecord(50_000, 2_000).replace('{', `{"nmae": "x", "nonce": 3, "folder": "/a", "initializeFrom": {"project": "${PROJECT}"},`);
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  const expected = plain(validateRecord(text));
  const result = await workers.validate(text, never);
  assert.ok(result);
  assert.ok(expected.diagnostics.some((d) => d.data), 'a diagnostic carries data');
  assert.deepEqual(result.diagnostics, expected.diagnostics);
  assert.ok(expected.facts.links.length > 100 && expected.facts.folder && expected.facts.initializeFrom?.project);
  assert.deepEqual(plain(result.facts), expected.facts);
  assert.deepEqual(result.facts.links.map((link) => link.range), expected.facts.links.map((link) => link.range));
  assert.deepEqual(result.topLevel, expected.topLevel);
  assert.deepEqual(result.published, publishable(expected.diagnostics));
});

test('a large text comes with its objects as the visitor reads them, a small one without', async () => {
  const text = largeRecord(INDEX_FROM_OFFSET).replace('"sample_3": {', '"sample_3": {"bad": tru, ');
  const result = await workers.validate(text, never);
  const columns = (layout: VisitorLayout | undefined) => layout && { ...layout, opens: Array.from(layout.opens), closes: Array.from(layout.closes), parents: Array.from(layout.parents) };
  assert.deepEqual(columns(result?.visitorLayout), columns(layoutByVisit(text)));
  assert.equal((await workers.validate(largeRecord(1000), never))?.visitorLayout, undefined);
});

test('a text nested deeper than the visitor can read is still checked, without the layout', async () => {
  const depth = 20_000;
  const text = `{"project": "${PROJECT}", "details": ${'{"a": '.repeat(depth)}tru${'}'.repeat(depth)}, "name": "${'x'.repeat(INDEX_FROM_OFFSET)}"}`;
  assert.throws(() => layoutByVisit(text), RangeError);
  const result = await workers.validate(text, never);
  assert.deepEqual(result?.diagnostics, JSON.parse(JSON.stringify(validateRecord(text).diagnostics)));
  assert.equal(result?.visitorLayout, undefined);
});

test('a document that is not an object has no top-level layout', async () => {
  const result = await workers.validate('[1]', never);
  assert.equal(result?.topLevel, undefined);
  assert.deepEqual(result?.diagnostics.map((d) => d.code), ['not-an-object']);
});

test('aborting a run resolves it with nothing and ends its worker; later runs still work', async () => {
  const controller = new AbortController();
  const run = workers.validate(largeRecord(5_000_000), controller.signal);
  assert.equal(workers.threads, 1, 'the run has its worker');
  controller.abort();
  assert.equal(await run, undefined);
  assert.equal(workers.threads, 0, 'the aborted worker was not kept');
  assert.deepEqual((await workers.validate('{}', never))?.diagnostics.map((d) => d.code), ['missing-project']);
});

test('more runs than may run at once all complete; an aborted queued run never starts', async () => {
  const texts = Array.from({ length: 7 }, (_, i) => JSON.stringify({ project: PROJECT, [`key${i}`]: 1 }));
  const controller = new AbortController();
  const runs = texts.map((text, i) => workers.validate(text, i === 6 ? controller.signal : never));
  assert.ok(workers.threads <= 4, `${workers.threads} threads for 7 runs`);
  controller.abort();
  const results = await Promise.all(runs);
  assert.equal(results[6], undefined);
  results.slice(0, 6).forEach((result, i) => assert.match(result?.diagnostics[0].message ?? '', new RegExp(`"key${i}"`)));
});

test('on Linux a worker thread runs nicer than the main thread by NICER_BY', { skip: process.platform !== 'linux' }, async () => {
  await workers.validate(largeRecord(1000), never);
  // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the parenthesized command name.
  const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
  const main = niceOf(String(process.pid));
  const expected = Math.min(main + NICER_BY, 19);
  assert.notEqual(expected, main, 'the test process is already as nice as can be');
  assert.ok(readdirSync('/proc/self/task').some((tid) => niceOf(tid) === expected), `no thread at nice ${expected}`);
});
