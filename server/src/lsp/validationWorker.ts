// Entry of the validation worker thread (dist/validationWorker.js): runs the engine on a
// document's text, off the server's main thread, and posts the packed result back.
import { parentPort } from 'node:worker_threads';
import { validateRecord } from '../engine';
import { packResult } from './resultTransfer';

const port = parentPort;
if (!port) throw new Error('validationWorker.js runs only as a worker thread');
port.on('message', (text: string) => {
  const { packed, transfer } = packResult(validateRecord(text));
  port.postMessage(packed, transfer);
});
