// Wires the platform-aware checks, completions and hovers into the server's hooks. Every lookup
// is a request to the client with a short timeout; no answer in time means "unavailable".
import { CancellationTokenSource, type Connection } from 'vscode-languageserver';
import { PLATFORM_CHANGED_NOTIFICATION, PLATFORM_LOOKUP_REQUEST, type PlatformAnswer } from '../../common/protocol';
import type { ServerServices } from './features/hooks';
import { platformDiagnostics } from './platformChecks';
import { platformCompletions } from './platformCompletions';
import { platformHover } from './platformHover';
import { unavailable, type PlatformLookup } from './platformLookup';

const LOOKUP_TIMEOUT_MS = 2_000;

function connectionLookup(connection: Connection): PlatformLookup {
  return (query, signal) =>
    new Promise<PlatformAnswer>((resolve) => {
      const source = new CancellationTokenSource();
      const finish = (answer: PlatformAnswer) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        source.dispose();
        resolve(answer);
      };
      const giveUp = (reason: string) => {
        source.cancel();
        finish(unavailable(reason));
      };
      const onAbort = () => giveUp('cancelled');
      const timer = setTimeout(() => giveUp(`no answer within ${LOOKUP_TIMEOUT_MS} ms`), LOOKUP_TIMEOUT_MS);
      if (signal?.aborted) return giveUp('cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
      connection.sendRequest<PlatformAnswer>(PLATFORM_LOOKUP_REQUEST, query, source.token).then(
        (answer) => finish(answer ?? unavailable('no answer')),
        (error: unknown) => finish(unavailable(error instanceof Error ? error.message : String(error))),
      );
    });
}

export function registerPlatformFeatures(services: ServerServices): void {
  const lookup = connectionLookup(services.connection);
  services.hooks.extraDiagnostics.push((document, signal) => platformDiagnostics(document.facts, lookup, signal));
  services.hooks.extraCompletions.push((request, signal) => platformCompletions(request, lookup, signal));
  services.hooks.extraHovers.push((context, signal) => platformHover(context, lookup, signal));
  services.connection.onNotification(PLATFORM_CHANGED_NOTIFICATION, () => services.revalidateAll());
}
