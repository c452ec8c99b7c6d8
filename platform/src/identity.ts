// Who a token belongs to (/system/whoami): verifies a token before it is stored.
import type { CallOptions, DxApiClient } from './apiClient';
import { DxApiError } from './errors';

export async function whoami(client: DxApiClient, options: CallOptions = {}): Promise<string> {
  const answer = await client.call<{ id?: unknown }>('/system/whoami', {}, options);
  if (typeof answer?.id !== 'string') {
    throw new DxApiError('UnexpectedResponse', 200, '/system/whoami', 'whoami returned no user ID',
      'The server did not say who the token belongs to; is this a DNAnexus API server?');
  }
  return answer.id;
}

export function isTokenRejected(error: unknown): boolean {
  return error instanceof DxApiError && error.type === 'InvalidAuthentication';
}
