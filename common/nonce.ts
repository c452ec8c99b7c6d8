// Nonces for creation calls: the platform replays the original response when the same nonce
// arrives again with the same input, so a retried /record/new can never make a second record.
// The client adds them to creates; the language server's quick fix and completion insert them.
import { randomBytes } from 'node:crypto';

/**
 * How long the platform promises to answer a repeated nonce with the first response: one hour
 * from the first request (docs/platform-notes.md#nonces). Later, a repeat may create anew.
 */
export const NONCE_LIFETIME_MS = 60 * 60 * 1000;

/** A fresh nonce in dxpy's format: 64 hex characters, then the Unix time as `%f` (81 bytes; the limit is 128). */
export function makeNonce(nowMs: number = Date.now()): string {
  return randomBytes(32).toString('hex') + (nowMs / 1000).toFixed(6);
}
