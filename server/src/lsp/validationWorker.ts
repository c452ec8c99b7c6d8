// Entry of the validation worker thread (dist/validationWorker.js): runs the engine on a
// document's text (with the team type schemas that apply to it), off the server's main thread,
// and posts the packed result back; for a large text, with its objects as completion and hover
// locate a cursor in them.
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { validateRecord } from '../engine';
import { INDEX_FROM_OFFSET } from '../languageService/objectIndex';
import { unlessTooDeep, visitorLayout } from '../languageService/visitorLayout';
import { packResult } from './resultTransfer';
import { NICER_BY, type ValidationJob } from './validationWorkers';

const port = parentPort;
if (!port) throw new Error('validationWorker.js runs only as a worker thread');
// The thread that answers requests comes first when they compete for a core (see NICER_BY). Only
// on Linux is a nice value per thread; elsewhere this would lower the whole server. A sandbox that
// refuses it leaves the worker as it is: checks still run.
if (process.platform === 'linux') {
  try {
    setPriority(Math.min(getPriority() + NICER_BY, 19));
  } catch {
    // Same priority as the main thread.
  }
}
port.on('message', ({ text, types }: ValidationJob) => {
  const indexed = text.length > INDEX_FROM_OFFSET;
  const result = validateRecord(text, { types, objects: indexed });
  // No layout for a text too deep for the visitor: the check still stands.
  const { packed, transfer } = packResult(result, indexed ? unlessTooDeep(() => visitorLayout(text, result.objects)) : undefined);
  port.postMessage(packed, transfer);
});
