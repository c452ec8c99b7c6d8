import { randomInt } from 'node:crypto';

/** The platform mints IDs only from this 32-character alphabet (docs/platform-notes.md#ids, decision 4). */
export const ID_ALPHABET = '0123456789BFGJKPQVXYZbfgjkpqvxyz';

/** Returns an integer in [0, n). Injectable so seeded demo data is reproducible. */
export type RandomInt = (n: number) => number;

export const cryptoRandomInt: RandomInt = (n) => randomInt(n);

/** mulberry32: small, fast, deterministic; only used for --seed-demo. */
export function seededRandomInt(seed: number): RandomInt {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  };
}

export function mintId(cls: string, random: RandomInt): string {
  let body = '';
  for (let i = 0; i < 24; i++) body += ID_ALPHABET[random(ID_ALPHABET.length)];
  return `${cls}-${body}`;
}

// Shape accepted as an ID (dxpy's looser [0-9A-Za-z]{24}); IDs outside the alphabet simply never exist.
const HASH_ID = /^([a-z]+)-[0-9A-Za-z]{24}$/;

/** The class of a well-formed hash ID, or undefined when the string is not ID-shaped. */
export function hashIdClass(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return HASH_ID.exec(value)?.[1];
}
