// Nonces for creation calls: the platform replays the original response when the same nonce
// arrives again with the same input, so a retried /record/new can never make a second record.
import { randomBytes } from 'node:crypto';

/** The platform's limit on a nonce, in UTF-8 bytes. */
export const MAX_NONCE_BYTES = 128;

/** A fresh nonce in dxpy's format: 64 hex characters, then the Unix time as `%f` (81 characters). */
export function makeNonce(nowMs: number = Date.now()): string {
  return randomBytes(32).toString('hex') + (nowMs / 1000).toFixed(6);
}

/** A copy of `input` carrying a nonce; an existing non-empty nonce is kept (as dxpy does). */
export function withNonce(input: Record<string, unknown>): Record<string, unknown> {
  const existing = input.nonce;
  if (typeof existing === 'string' && existing !== '') return { ...input };
  return { ...input, nonce: makeNonce() };
}
