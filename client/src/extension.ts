// Extension entry point: creates the language client, lets each feature register itself, then
// starts the client. Features add one `registerX(context, ...)` line each below.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerRecordFeatures } from './commands';
import { Session } from './session/signIn';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const session = new Session(context);
  context.subscriptions.push(session);
  client = createLanguageClient(context);
  registerRecordFeatures(context, session, client);

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
