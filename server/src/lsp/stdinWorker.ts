// Entry of the stdin reader thread (dist/stdinWorker.js): reads the client's messages from the
// process's stdin, splits them by their headers and parses each body, then posts the message to
// the main thread in arrival order. A 5 MB didOpen takes ~30 ms to decode and parse; here that
// holds up no request, and the main thread pays only the structured clone of the parsed message.
import { createReadStream, fstatSync } from 'node:fs';
import { Socket } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { ContentLengthFramer } from './contentLengthFramer';
import type { StdinEvent } from './stdinMessageReader';

const port = parentPort;
if (!port) throw new Error('stdinWorker.js runs only as a worker thread');
const post = (event: StdinEvent) => port.postMessage(event);

const framer = new ContentLengthFramer({
  body(bytes) {
    let message: unknown;
    try {
      message = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      return post({ error: `Message is not JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
    post({ message });
  },
  error: (error) => post({ error }),
});

// As Node opens process.stdin: a file is read as a file, a pipe or socket (what a client starts the server with) as a socket.
const stdin = fstatSync(0).isFile() ? createReadStream('', { fd: 0 }) : new Socket({ fd: 0, readable: true, writable: false });
stdin.on('data', (chunk: Buffer) => framer.push(chunk));
// The thread exits when stdin closes (nothing else keeps it alive); the main thread takes that as the end.
stdin.on('error', (error: Error) => post({ error: error.message }));
