// JSON text with object keys sorted, so two values compare equal whatever their key order: the
// emulator matches a replayed nonce's input with it, the client compares a file with a describe.
import { jsonText } from './jsonText';

export function canonicalJson(value: unknown): string {
  return jsonText(value, true);
}
