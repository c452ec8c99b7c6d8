import { makeNonce } from '../../common/nonce';

/**
 * How long the platform promises to answer a repeated nonce with the first response: one hour
 * from the first request (docs/platform-notes.md#nonces). Later, a repeat may create anew.
 */
export const NONCE_LIFETIME_MS = 60 * 60 * 1000;

/** The input with a nonce, keeping one the caller chose (dxpy's `update_nonce`). */
export function withNonce(input: Record<string, unknown>): Record<string, unknown> {
  return hasNonce(input) ? { ...input } : { ...input, nonce: makeNonce() };
}

export function hasNonce(input: Record<string, unknown>): boolean {
  return typeof input.nonce === 'string' && input.nonce !== '';
}
