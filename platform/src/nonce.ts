import { makeNonce } from '../../common/nonce';

/** The input with a nonce, keeping one the caller chose (dxpy's `update_nonce`). */
export function withNonce(input: Record<string, unknown>): Record<string, unknown> {
  const existing = input.nonce;
  if (typeof existing === 'string' && existing !== '') return { ...input };
  return { ...input, nonce: makeNonce() };
}
