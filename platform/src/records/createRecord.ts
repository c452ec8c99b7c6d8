// Create Record from File: the file is validated with the same engine as the editor, refused
// while errors remain, and sent as-is to /record/new (the API client adds a nonce and reuses it
// on every retry). The file itself is never written.
import { parse } from 'jsonc-parser';
import { validateRecord } from '../../../server/src/engine/index';
import type { RecordDiagnostic } from '../../../server/src/engine/types';
import type { DxApiClient } from '../apiClient';
import { DxApiError } from '../errors';
import { locateField, type FieldSpan } from './fileFields';

export type CreatePlan =
  | { kind: 'refused'; errors: RecordDiagnostic[] }
  | { kind: 'ready'; input: Record<string, unknown>; project: string; closes: boolean };

export function planCreate(text: string): CreatePlan {
  const errors = validateRecord(text).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { kind: 'refused', errors };
  const input = parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  return { kind: 'ready', input, project: input.project as string, closes: input.close === true };
}

export function refusalMessage(errors: RecordDiagnostic[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `Not created: the file has ${errors.length} error${errors.length > 1 ? 's' : ''}; fix them first (see the Problems panel). ` +
    `Line ${first.range.start.line + 1}: ${first.message}${more}`;
}

export async function createRecord(client: DxApiClient, plan: Extract<CreatePlan, { kind: 'ready' }>, signal?: AbortSignal) {
  const { id } = await client.newRecord(plan.input, { signal });
  return { id, project: plan.project };
}

/** For an InvalidInput the platform pinned on a field: where that field is in the file. */
export function locateRejection(text: string, error: unknown): FieldSpan | undefined {
  if (!(error instanceof DxApiError) || !error.fieldPath) return undefined;
  return locateField(text, error.fieldPath);
}
