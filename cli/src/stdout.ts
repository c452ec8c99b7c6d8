// Standard output of `validate` and the usage text, written straight to fd 1: process.stdout
// would first load Node's stream classes, a few milliseconds of a short run. Writes block, so all
// of it is out when the process ends; a reader that closed the pipe early (`| head`) is not an
// error of ours, and the rest is dropped quietly.
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      // A full pipe that another process made non-blocking: wait a millisecond for its reader, without spinning.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else throw err;
    }
  }
}
