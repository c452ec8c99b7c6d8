// Nonces for creation calls: the platform replays the original response when the same nonce
// arrives again with the same input, so a retried /record/new can never make a second record.
// The client adds them to creates; the language server's quick fix and completion insert them.
import { randomBytes } from 'node:crypto';

/** A fresh nonce in dxpy's format: 64 hex characters, then the Unix time as `%f` (81 bytes; the limit is 128). */
export function makeNonce(nowMs: number = Date.now()): string {
  return randomBytes(32).toString('hex') + (nowMs / 1000).toFixed(6);
}
