// The debounce/cancel rules behind "only the latest version is published", with real timers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationScheduler } from '../../server/src/lsp/validationScheduler';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('a burst of schedules within the delay runs once', async () => {
  const runs: string[] = [];
  const scheduler = new ValidationScheduler(async (uri) => void runs.push(uri), assert.fail);
  for (let i = 0; i < 5; i++) scheduler.schedule('a', 30);
  scheduler.schedule('b', 30);
  await sleep(80);
  assert.deepEqual(runs.sort(), ['a', 'b']);
});

test('a newer schedule aborts the run still in flight, and cancel aborts too', async () => {
  const signals: AbortSignal[] = [];
  const scheduler = new ValidationScheduler(async (_uri, signal) => {
    signals.push(signal);
    await sleep(50);
  }, assert.fail);
  scheduler.schedule('a', 0);
  await sleep(10);
  scheduler.schedule('a', 0);
  await sleep(10);
  assert.equal(signals.length, 2);
  assert.equal(signals[0].aborted, true, 'the superseded run is cancelled');
  assert.equal(signals[1].aborted, false);
  scheduler.cancel('a');
  assert.equal(signals[1].aborted, true);
});

test('a failing run is reported, not thrown', async () => {
  const errors: unknown[] = [];
  const scheduler = new ValidationScheduler(async () => {
    throw new Error('boom');
  }, (_uri, error) => errors.push(error));
  scheduler.schedule('a', 0);
  await sleep(20);
  assert.equal((errors[0] as Error).message, 'boom');
  scheduler.dispose();
});
