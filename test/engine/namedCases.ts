// The awkward inputs that every path (engine, CLI) must survive, as text builders shared by
// the engine and CLI tests.
import { PROJECT } from './helpers';

export const NESTING = 100_000;
export const PROPERTIES = 100_000;

export const namedTexts = {
  empty: (): string => '',
  crlf: (): string => JSON.stringify({ project: PROJECT, name: '', tags: ['a', ''] }, null, 2).replace(/\n/g, '\r\n'),
  /** About 10 MB of valid details, pretty-printed. */
  tenMegabytes: (): string =>
    JSON.stringify({ project: PROJECT, details: Array.from({ length: 140_000 }, (_, i) => ({ i, note: `Échantillon données ${i}` })) }, null, 2),
  deepDetails: (): string => `{"project": "${PROJECT}", "details": ${'['.repeat(NESTING)}${']'.repeat(NESTING)}}`,
  deepUnclosed: (): string => `{"project": "${PROJECT}", "details": ${'{"a": ['.repeat(NESTING / 2)}`,
  fiveMegabyteString: (): string => `{"project": "${PROJECT}", "properties": {"notes": "${'é'.repeat(5 * 1024 * 512)}"}}`,
  manyProperties: (): string => JSON.stringify({ project: PROJECT, properties: Object.fromEntries(Array.from({ length: PROPERTIES }, (_, i) => [`key${i}`, `value ${i}`])) }),
};
