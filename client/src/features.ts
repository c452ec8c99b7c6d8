// The extension's features, started by extension.ts right after activation: creates the language
// client, lets each feature register itself, then starts the client. Features add one
// `registerX(context, ...)` line each below.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { serverRunningMessage } from './deferredStart';
import { createLanguageClient } from './languageClient';
import { registerRecordFeatures } from './commands';
import { Session } from './session/signIn';

let client: LanguageClient | undefined;

/** Registers every command synchronously; `activatedAt` (performance.now()) dates the log line of the server start. */
export function start(context: vscode.ExtensionContext, activatedAt: number): void {
  const session = new Session(context);
  context.subscriptions.push(session);
  client = createLanguageClient(context);
  registerRecordFeatures(context, session, client);

  client.start().then(
    () => session.log.info(serverRunningMessage(Math.round(performance.now() - activatedAt))),
    (error: unknown) => session.log.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
}

export async function stop(): Promise<void> {
  await client?.stop();
  client = undefined;
}
