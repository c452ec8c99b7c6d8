// The live records a plan compares against, in bulk: findDataObjects pages of up to 1,000 records
// with the describe fields the plan needs (docs/platform-notes.md#search), never one request per file.
import type { DxApiClient } from '../apiClient';
import type { RecordDescription } from '../records/describeRecord';
import { KEY_PROPERTY } from './root';

export type LiveRecord = Pick<RecordDescription, 'id' | 'project' | 'name' | 'folder' | 'tags' | 'types' | 'hidden' | 'state' | 'modified'> & {
  properties: Record<string, string>;
  details: unknown;
};

const PAGE_SIZE = 1000;
const FIELDS = { name: true, folder: true, tags: true, types: true, hidden: true, state: true, modified: true, properties: true, details: true };

interface FindPage {
  results: { id: string; project: string; describe: Omit<LiveRecord, 'id' | 'project'> }[];
  next: unknown;
}

export interface FindOptions {
  /** Only records carrying the key property (the managed ones). */
  managedOnly?: boolean;
  /** A subtree of the project; default the whole project. */
  folder?: string;
  signal?: AbortSignal;
}

/** Every record (visible or hidden) in `project` matching the options, page by page. */
export async function findRecords(client: DxApiClient, project: string, options: FindOptions = {}): Promise<LiveRecord[]> {
  const records: LiveRecord[] = [];
  let starting: unknown;
  do {
    const input = {
      class: 'record',
      scope: { project, folder: options.folder ?? '/', recurse: true },
      visibility: 'either',
      ...(options.managedOnly ? { properties: { [KEY_PROPERTY]: true } } : {}),
      describe: { fields: FIELDS },
      limit: PAGE_SIZE,
      ...(starting ? { starting } : {}),
    };
    const page = await client.call<FindPage>('/system/findDataObjects', input, { signal: options.signal });
    for (const hit of page.results) {
      const d = hit.describe;
      records.push({ ...d, id: hit.id, project: hit.project, properties: d.properties ?? {}, details: d.details ?? {} });
    }
    starting = page.next;
  } while (starting);
  return records;
}
