// Who a token belongs to: /system/whoami, used to verify a token before it is stored and to show
// the signed-in user.
import type { CallOptions, DxApiClient } from './apiClient';
import { DxApiError } from './errors';

/** The user ID (`user-<handle>`) the client's token belongs to. */
export async function whoami(client: DxApiClient, options: CallOptions = {}): Promise<string> {
  const answer = await client.call<{ id?: unknown }>('/system/whoami', {}, options);
  if (typeof answer?.id !== 'string') {
    throw new DxApiError('UnexpectedResponse', 200, '/system/whoami', 'whoami returned no user ID',
      'The server did not say who the token belongs to; is this a DNAnexus API server?');
  }
  return answer.id;
}

/** Whether a failure means the token itself is bad (as opposed to the server being unreachable). */
export function isTokenRejected(error: unknown): boolean {
  return error instanceof DxApiError && error.type === 'InvalidAuthentication';
}
