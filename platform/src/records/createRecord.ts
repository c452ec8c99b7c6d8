// Create Record from File: the file is validated with the same engine as the editor, refused
// while errors remain, and sent as-is to /record/new with a nonce the API client reuses on every
// retry; a Create repeated after a failure of unknown outcome reuses it too (pendingCreates.ts).
// The file itself is never written.
import { validateRecord } from '../../../server/src/engine/index';
import type { RecordDiagnostic, ValidateOptions } from '../../../server/src/engine/types';
import type { DxApiClient } from '../apiClient';
import { DxApiError, mayHaveActed } from '../errors';
import { locateField, type FieldSpan } from './fileFields';
import type { PendingCreates } from './pendingCreates';

export type CreatePlan =
  | { kind: 'refused'; errors: RecordDiagnostic[] }
  | { kind: 'ready'; input: Record<string, unknown>; project: string; closes: boolean };

export type ReadyPlan = Extract<CreatePlan, { kind: 'ready' }>;

/** `options.types`: the team type schemas that apply to the file, as the editor checks it with. */
export function planCreate(text: string, options: ValidateOptions = {}): CreatePlan {
  const errors = validateRecord(text, options).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { kind: 'refused', errors };
  const input = recordInput(text);
  return { kind: 'ready', input, project: input.project as string, closes: input.close === true };
}

/**
 * The /record/new input of a file the engine found no errors in, so it is plain JSON: JSON.parse
 * reads it without recursion (details may nest 10,000 levels, past jsonc-parser's stack).
 */
export function recordInput(text: string): Record<string, unknown> {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

export function refusalMessage(errors: RecordDiagnostic[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `Not created: the file has ${errors.length} error${errors.length > 1 ? 's' : ''}; fix them first (see the Problems panel). ` +
    `Line ${first.range.start.line + 1}: ${first.message}${more}`;
}

export interface CreateOptions {
  signal?: AbortSignal;
  /** Where the nonce of a failed attempt is kept for the next Create of the same file and input. */
  pending?: { creates: PendingCreates; file: string };
}

export async function createRecord(client: DxApiClient, plan: ReadyPlan, options: CreateOptions = {}) {
  const { signal, pending } = options;
  const attempt = await pending?.creates.begin(pending.file, plan.input);
  const input = attempt ? { ...plan.input, nonce: attempt.nonce } : plan.input;
  try {
    const { id } = await client.newRecord(input, { signal });
    if (attempt) await pending?.creates.settle(pending.file, plan.input, attempt);
    return { id, project: plan.project };
  } catch (error) {
    if (attempt) await pending?.creates.settle(pending.file, plan.input, attempt, error);
    throw error;
  }
}

export const MAY_HAVE_CREATED =
  'The platform may have created the record; running Create again on the unchanged file within the hour will not make a second one.';

/** What to add to a failed Create's message: whether the record may exist after all. */
export function createFailureNote(error: unknown): string {
  return mayHaveActed(error) ? MAY_HAVE_CREATED : 'No record was created.';
}

const CLOCK_MARGIN_MS = 5 * 60 * 1000;

/**
 * Records that a Create of `plan` begun at `since` may have made: same project, folder and name,
 * created since then (less a margin for the platform's clock being behind ours).
 */
export async function findPossiblyCreated(client: DxApiClient, plan: ReadyPlan, since: number, signal?: AbortSignal): Promise<string[]> {
  const { folder, name } = plan.input;
  const answer = await client.call<{ results: { id: string }[] }>('/system/findDataObjects', {
    class: 'record',
    scope: { project: plan.project, folder: typeof folder === 'string' ? folder : '/', recurse: false },
    ...(typeof name === 'string' ? { name } : {}),
    created: { after: since - CLOCK_MARGIN_MS },
  }, { signal });
  return answer.results.map((result) => result.id);
}

/** For an InvalidInput the platform pinned on a field: where that field is in the file. */
export function locateRejection(text: string, error: unknown): FieldSpan | undefined {
  if (!(error instanceof DxApiError) || !error.fieldPath) return undefined;
  return locateField(text, error.fieldPath);
}
