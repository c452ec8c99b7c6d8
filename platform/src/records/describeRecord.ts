// Describe Record: the full describe output of one record (default fields plus details and
// properties), as the read-only document shows it.
import type { DxApiClient } from '../apiClient';
import { isNotFound } from './projects';

export interface RecordDescription {
  id: string;
  project: string;
  class: string;
  name: string;
  folder: string;
  tags: string[];
  types: string[];
  hidden: boolean;
  state: string;
  created: number;
  modified: number;
  links?: string[];
  properties?: Record<string, string>;
  details?: unknown;
  [field: string]: unknown;
}

export function describeRecord(client: DxApiClient, id: string, project?: string, signal?: AbortSignal): Promise<RecordDescription> {
  // `project` picks which copy's name/folder/tags/properties we see; never send it as null.
  const input = { ...(project ? { project } : {}), defaultFields: true, fields: { properties: true, details: true } };
  return client.call<RecordDescription>(`/${id}/describe`, input, { signal });
}

/**
 * The record, or undefined when no project the caller can see holds it. Like `dx describe`, the
 * project is only a hint: when describing with it fails, it is asked again without it.
 */
export async function findRecord(client: DxApiClient, id: string, project?: string, signal?: AbortSignal): Promise<RecordDescription | undefined> {
  for (const hint of project ? [project, undefined] : [undefined]) {
    try {
      return await describeRecord(client, id, hint, signal);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return undefined;
}

export function formatDescription(description: RecordDescription): string {
  const when = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : undefined);
  const shown = { ...description, createdAt: when(description.created), modifiedAt: when(description.modified) };
  return JSON.stringify(shown, null, 2) + '\n';
}
