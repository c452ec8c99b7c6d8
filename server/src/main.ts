// Node entry point of the language server (dist/server.js): stdio or IPC, as the client starts it.
// Under --stdio the messages are read on a thread of their own (lsp/stdioConnection.ts).
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { stdioConnection } from './lsp/stdioConnection';

const connection = process.argv.includes('--stdio') ? stdioConnection(join(__dirname, 'stdinWorker.js')) : createConnection(ProposedFeatures.all);
startServer(connection, { workerScript: join(__dirname, 'validationWorker.js') });
