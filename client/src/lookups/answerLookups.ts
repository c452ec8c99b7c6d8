// The client's side of the live checks: answers the server's platform lookups from the cache,
// and tells the server when sign-in or platform data changed so it re-runs them.
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PlatformChangedNotification, PlatformLookupRequest } from '../../../protocol/messages';
import type { PlatformCache } from './platformCache';
import { abortOn } from '../cancellation';

export function answerPlatformLookups(client: BaseLanguageClient, cache: PlatformCache) {
  return client.onRequest(PlatformLookupRequest, (query, token) => cache.answer(query, abortOn(token)));
}

export function notifyPlatformChanged(client: BaseLanguageClient, log: (message: string) => void): void {
  if (!client.isRunning()) return;
  client.sendNotification(PlatformChangedNotification).catch((error: unknown) => log(`Could not notify the language server: ${String(error)}`));
}
