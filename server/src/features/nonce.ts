// A fresh `/record/new` nonce in the shape dxpy makes: 64 hex characters of randomness followed by
// the Unix time with microseconds ("%f" % time.time()), 81 ASCII bytes, well under the 128-byte limit.
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(32).toString('hex') + (Date.now() / 1000).toFixed(6);
}
