// The language service's platform lookups, answered by the client over the connection. Every
// lookup has a short time limit; no answer in time means "unavailable", so the pure results stand.
import { CancellationTokenSource, type Connection } from 'vscode-languageserver';
import { PlatformLookupRequest, type PlatformAnswer } from '../../../protocol/messages';
import { unavailable, type PlatformLookup } from '../languageService/platform/lookup';

const LOOKUP_TIMEOUT_MS = 2_000;

export function connectionLookup(connection: Connection): PlatformLookup {
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
      connection.sendRequest(PlatformLookupRequest, query, source.token).then(
        (answer) => finish(answer ?? unavailable('no answer')),
        (error: unknown) => finish(unavailable(error instanceof Error ? error.message : String(error))),
      );
    });
}
