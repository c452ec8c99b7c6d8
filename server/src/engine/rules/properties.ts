// Property limits (platform docs): keys 1–100 bytes and values up to 700 bytes, both in UTF-8.
// Non-string values are the schema's job (property-value-not-string in fields.ts).

import { quote } from './ids';
import { type RuleContext } from './context';
import { utf8Length } from '../utf8';

export const PROPERTY_KEY_MAX_BYTES = 100;
export const PROPERTY_VALUE_MAX_BYTES = 700;

/** A UTF-16 unit is at most 3 bytes in UTF-8, so most strings are within a limit without counting. */
function bytesOver(s: string, max: number): number | undefined {
  if (s.length * 3 <= max) return undefined;
  const bytes = utf8Length(s);
  return bytes > max ? bytes : undefined;
}

export function checkProperties(ctx: RuleContext): void {
  const node = ctx.field('properties');
  if (node?.type !== 'object') return;
  const { report } = ctx;
  for (const prop of node.props) {
    const keySpan = { offset: prop.keyOffset, length: prop.keyLength };
    if (prop.key === '') {
      report.error('property-key-empty', 'A property key cannot be empty: give the property a name.', keySpan);
    } else {
      const bytes = bytesOver(prop.key, PROPERTY_KEY_MAX_BYTES);
      if (bytes !== undefined) {
        report.error('property-key-too-long', `Property key ${quote(prop.key, 40)} is ${bytes} bytes in UTF-8; the limit is ${PROPERTY_KEY_MAX_BYTES}. Shorten the key.`, keySpan);
      }
    }
    const value = prop.value;
    if (value?.type === 'string') {
      const bytes = bytesOver(value.value as string, PROPERTY_VALUE_MAX_BYTES);
      if (bytes !== undefined) {
        report.error(
          'property-value-too-long',
          `Property value of ${quote(prop.key, 40)} is ${bytes} bytes in UTF-8; the limit is ${PROPERTY_VALUE_MAX_BYTES}. Shorten it, or move long text into "details".`,
          value,
        );
      }
    }
  }
}
