// The connection under --stdio: messages are read and parsed on a thread of their own
// (stdinMessageReader.ts), answers are written to stdout from the main thread. What the library
// does for its own stdio connection is kept: console output goes to the client's log (stdout
// carries the protocol), and the server exits when stdin ends, with 0 only after a shutdown request.
import { format } from 'node:util';
import { createConnection, Message, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { StdinMessageReader } from './stdinMessageReader';

/** `readerScript`: the bundled reader thread (dist/stdinWorker.js). */
export function stdioConnection(readerScript: string): Connection {
  const reader = new StdinMessageReader(readerScript);
  let shutdownRequested = false;
  const watched: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback) =>
      reader.listen((message) => {
        if (Message.isRequest(message) && message.method === 'shutdown') shutdownRequested = true;
        callback(message);
      }),
  };
  reader.onClose(() => process.exit(shutdownRequested ? 0 : 1));
  const connection = createConnection(ProposedFeatures.all, watched, new StreamMessageWriter(process.stdout));
  const toLog = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = console.debug = toLog((message) => connection.console.log(message));
  console.warn = toLog((message) => connection.console.warn(message));
  console.error = toLog((message) => connection.console.error(message));
  return connection;
}
