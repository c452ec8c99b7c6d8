// The per-run secret that /_emulator/* requests must carry: a web page cannot read it, so it
// cannot create users, read their tokens or inject faults while the emulator runs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const ADMIN_SECRET_HEADER = 'X-Emulator-Admin';

export function newAdminSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison; hashing first gives both sides the same length. */
export function adminSecretMatches(secret: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(secret), digest(given));
}
