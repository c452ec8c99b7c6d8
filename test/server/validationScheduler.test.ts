// The debounce/cancel rules behind "only the latest version is published", on node:test's mock
// clock: time moves only when the test ticks it.
import assert from 'node:assert/strict';
import { beforeEach, afterEach, mock, test } from 'node:test';
import { ValidationScheduler } from '../../server/src/lsp/validationScheduler';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

test('a burst of schedules within the delay runs once per document, when the delay has passed', () => {
  const runs: string[] = [];
  const scheduler = new ValidationScheduler(async (uri) => void runs.push(uri), assert.fail);
  for (let i = 0; i < 5; i++) scheduler.schedule('a', 30);
  scheduler.schedule('b', 30);
  mock.timers.tick(29);
  assert.deepEqual(runs, [], 'nothing runs before the delay');
  mock.timers.tick(1);
  assert.deepEqual(runs.sort(), ['a', 'b']);
});

test('a newer schedule aborts the run still in flight, and cancel aborts too', () => {
  const signals: AbortSignal[] = [];
  const scheduler = new ValidationScheduler((_uri, signal) => {
    signals.push(signal);
    return new Promise<void>(() => undefined);
  }, assert.fail);
  scheduler.schedule('a', 0);
  mock.timers.tick(0);
  scheduler.schedule('a', 0);
  mock.timers.tick(0);
  assert.equal(signals.length, 2);
  assert.equal(signals[0].aborted, true, 'the superseded run is cancelled');
  assert.equal(signals[1].aborted, false);
  scheduler.cancel('a');
  assert.equal(signals[1].aborted, true);
});

test('a failing run is reported, not thrown', async () => {
  let reported!: (error: unknown) => void;
  const error = new Promise<unknown>((resolve) => (reported = resolve));
  const scheduler = new ValidationScheduler(async () => {
    throw new Error('boom');
  }, (_uri, failure) => reported(failure));
  scheduler.schedule('a', 0);
  mock.timers.tick(0);
  assert.equal(((await error) as Error).message, 'boom');
  scheduler.dispose();
});
