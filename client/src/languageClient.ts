// Starts the dxrecord language server (dist/server.js, over IPC) for files in the `dxrecord`
// language, saved or untitled, and keeps it told about the `dxrecord` settings section and about
// changes to team type schemas (`.dxrecord/types/<TypeName>.schema.json`), which it also checks.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGE_ID = 'dxrecord';
const TYPE_SCHEMAS = '**/.dxrecord/types/*.schema.json';

/** Creates the client without starting it, so feature modules can add request handlers first. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const typeSchemaWatcher = vscode.workspace.createFileSystemWatcher(TYPE_SCHEMAS);
  context.subscriptions.push(typeSchemaWatcher);
  const serverOptions: ServerOptions = { module: context.asAbsolutePath('dist/server.js'), transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { scheme: 'file', pattern: TYPE_SCHEMAS },
    ],
    synchronize: { configurationSection: 'dxrecord', fileEvents: typeSchemaWatcher },
  };
  return new LanguageClient('dxrecord', 'DNAnexus Records Language Server', serverOptions, clientOptions);
}
