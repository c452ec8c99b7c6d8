// Entry of the validation worker thread (dist/validationWorker.js): runs the engine on a
// document's text (with the team type schemas that apply to it), off the server's main thread,
// and posts the packed result back.
import { parentPort } from 'node:worker_threads';
import { validateRecord } from '../engine';
import { packResult } from './resultTransfer';
import type { ValidationJob } from './validationWorkers';

const port = parentPort;
if (!port) throw new Error('validationWorker.js runs only as a worker thread');
port.on('message', ({ text, types }: ValidationJob) => {
  const { packed, transfer } = packResult(validateRecord(text, { types }));
  port.postMessage(packed, transfer);
});
