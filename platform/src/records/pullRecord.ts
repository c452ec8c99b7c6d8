// Pull Record into File: a record's create input (what /record/new would need to make it again),
// written so our own validator finds nothing to report.
import { jsonText } from '../../../common/jsonText';
import type { DxApiClient } from '../apiClient';
import { describeRecord, type RecordDescription } from './describeRecord';

/** What pulling reads of a record. */
export type PulledRecord = Pick<RecordDescription, 'project' | 'name' | 'folder' | 'tags' | 'types' | 'hidden' | 'properties' | 'details'>;

export function createInputFrom(record: PulledRecord): Record<string, unknown> {
  const folder = record.folder ?? '/';
  return {
    project: record.project,
    name: record.name,
    folder,
    // The folder exists where the record came from; elsewhere it may not, so let it be made.
    ...(folder !== '/' ? { parents: true } : {}),
    tags: record.tags ?? [],
    types: record.types ?? [],
    hidden: record.hidden ?? false,
    properties: record.properties ?? {},
    details: record.details ?? {},
  };
}

/** Laid out with 2 spaces; details too deep for V8's writer (it recurses) come out on one line instead. */
export function createInputText(input: Record<string, unknown>): string {
  try {
    return JSON.stringify(input, null, 2) + '\n';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return jsonText(input) + '\n';
  }
}

export async function pullRecord(client: DxApiClient, id: string, project?: string, signal?: AbortSignal) {
  const record = await describeRecord(client, id, project, signal);
  return { record, text: createInputText(createInputFrom(record)) };
}
