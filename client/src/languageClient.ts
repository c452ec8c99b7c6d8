// Starts the dxrecord language server (dist/server.js, over IPC) for files in the `dxrecord`
// language, saved or untitled, and keeps it told about the `dxrecord` settings section.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGE_ID = 'dxrecord';

/** Creates the client without starting it, so feature modules can add request handlers first. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverOptions: ServerOptions = { module: context.asAbsolutePath('dist/server.js'), transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'dxrecord' },
  };
  return new LanguageClient('dxrecord', 'DNAnexus Records Language Server', serverOptions, clientOptions);
}
