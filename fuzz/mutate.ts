// Mutations of a record text, the damage typing and bad tools do: character and byte insertions,
// deletions, duplications, truncations, bracket and quote flips, line-end changes.
import type { Random } from '../bench/random';

/** Characters that matter to a JSON scanner or to UTF-16 positions. */
export const INTERESTING = [
  '{', '}', '[', ']', '"', "'", ',', ':', '\\', ' ', '\t', '\n', '\r', '\r\n', '\u0000', '\ufeff', '\u2028',
  '\ud83e\uddec', '𝄞', '\ud800', '\udc00', 'é', '東', '-', '0', 'e', 'true', 'null', '"$dnanexus_link"', '"name": "x"', '//', '/*',
];
const FLIPS: Record<string, string> = { '{': '[', '[': '{', '}': ']', ']': '}', '"': "'", "'": '"', ':': ',', ',': ':' };

type Mutation = (rnd: Random, text: string) => string;

/** A span of a few characters (sometimes a few dozen) anywhere in the text. */
function spanAt(rnd: Random, text: string): [number, number] {
  const start = rnd.int(text.length + 1);
  return [start, Math.min(text.length, start + 1 + rnd.int(rnd.chance(0.8) ? 4 : 64))];
}

const MUTATIONS: Mutation[] = [
  function insertCharacter(rnd, text) {
    const at = rnd.int(text.length + 1);
    return text.slice(0, at) + rnd.pick(INTERESTING) + text.slice(at);
  },
  function insertByte(rnd, text) {
    // Decoded the way a file reader would: U+FFFD for the broken sequence.
    return mutateBytes(rnd, Buffer.from(text, 'utf8')).toString('utf8');
  },
  function deleteSpan(rnd, text) {
    const [start, end] = spanAt(rnd, text);
    return text.slice(0, start) + text.slice(end);
  },
  function duplicateSpan(rnd, text) {
    const [start, end] = spanAt(rnd, text);
    const at = rnd.int(text.length + 1);
    return text.slice(0, at) + text.slice(start, end) + text.slice(at);
  },
  function truncate(rnd, text) {
    return text.slice(0, rnd.int(text.length + 1));
  },
  function flipBracket(rnd, text) {
    const positions: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] in FLIPS) positions.push(i);
    if (positions.length === 0) return text;
    const at = rnd.pick(positions);
    return text.slice(0, at) + FLIPS[text[at]] + text.slice(at + 1);
  },
  function changeLineEnds(rnd, text) {
    return text.replace(/\r\n|\r|\n/g, rnd.pick(['\n', '\r\n', '\r']));
  },
];

/** A stray byte in, or a cut through, the UTF-8 encoding (possibly inside a multi-byte character). */
export function mutateBytes(rnd: Random, bytes: Buffer): Buffer {
  const at = rnd.int(bytes.length + 1);
  if (rnd.chance(0.2)) return bytes.subarray(0, at);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([rnd.int(256)]), bytes.subarray(at)]);
}

export function mutate(rnd: Random, text: string, count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) out = rnd.pick(MUTATIONS)(rnd, out);
  return out;
}
