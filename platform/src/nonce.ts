import { makeNonce } from '../../common/nonce';

export { NONCE_LIFETIME_MS } from '../../common/nonce';

/** The input with a nonce, keeping one the caller chose (dxpy's `update_nonce`). */
export function withNonce(input: Record<string, unknown>): Record<string, unknown> {
  return hasNonce(input) ? { ...input } : { ...input, nonce: makeNonce() };
}

export function hasNonce(input: Record<string, unknown>): boolean {
  return typeof input.nonce === 'string' && input.nonce !== '';
}
