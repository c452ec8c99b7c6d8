// Node entry point of the language server (dist/server.js): stdio or IPC, as the client starts it.
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

startServer(createConnection(ProposedFeatures.all), { workerScript: join(__dirname, 'validationWorker.js') });
