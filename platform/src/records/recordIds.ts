// Record IDs typed by the user or found in the editor, and the short list of recent ones.
import { idAtOffset, isHashId } from '../../../common/dxIds';

export function isRecordId(value: string): boolean {
  return isHashId(value) && value.startsWith('record-');
}

/** Input-box validation: undefined when `value` is a record ID, else what is wrong. */
export function recordIdProblem(value: string): string | undefined {
  const id = value.trim();
  if (isRecordId(id)) return undefined;
  if (/^record-/.test(id)) return 'A record ID is "record-" followed by 24 letters and digits.';
  return 'Enter a record ID such as record-Bxxxxxxxxxxxxxxxxxxxxxxx.';
}

export function recordIdAt(text: string, offset: number): string | undefined {
  const found = idAtOffset(text, offset);
  return found?.id.startsWith('record-') ? found.id : undefined;
}

export function rememberId(recent: readonly string[], id: string, max = 10): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
