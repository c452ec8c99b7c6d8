// Every custom message between the extension client and the language server, declared once as a
// typed message object that both sides pass to sendRequest/onRequest, so method names and payloads
// cannot drift apart. The server stays network-free: it asks the client, which answers from the
// DNAnexus API (or says it cannot).
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { DATA_OBJECT_CLASSES } from '../common/dxIds';

/** Settings the server reads from the `dxrecord` configuration section. */
export interface ServerSettings {
  validation: { enable: boolean; exclude: string[]; debounceMs: number };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  validation: { enable: true, exclude: [], debounceMs: 200 },
};

// ---- Live platform lookups (server -> client). The client answers from the DNAnexus API with a
// cache; `unavailable` (signed out, offline, timed out) tells the server to keep the pure results.


export type PlatformQuery =
  /** Projects the user can see, for `project` completion. */
  | { kind: 'projects' }
  /** One project by ID; answers `projects` with zero or one entry. */
  | { kind: 'project'; id: string }
  /** Every folder path of a project; `folders: null` when the project is not visible. */
  | { kind: 'folders'; project: string }
  /** Records and files in a project (first page, newest first), for link completion. */
  | { kind: 'objects'; project: string; classes: DataObjectClass[] }
  /**
   * Name, class and state of data objects by ID; IDs the user cannot see are absent. With
   * `project`, an object that has a copy there is described as that copy (else as any it has).
   */
  | { kind: 'describe'; ids: string[]; project?: string };

export type DataObjectClass = (typeof DATA_OBJECT_CLASSES)[number];

export interface ProjectSummary {
  id: string;
  name: string;
  /** The caller's access: VIEW, UPLOAD, CONTRIBUTE or ADMINISTER. */
  level: string;
}

export interface ObjectSummary {
  id: string;
  project: string;
  class: string;
  name: string;
  state: string;
  folder?: string;
}

export type PlatformAnswer =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'projects'; projects: ProjectSummary[] }
  | { kind: 'folders'; folders: string[] | null }
  | { kind: 'objects'; objects: ObjectSummary[] };

/** Server -> client: one platform query; the client answers from its cache or the API. */
export const PlatformLookupRequest = new RequestType<PlatformQuery, PlatformAnswer, void>('dxrecord/platform/lookup');

/** One of a record's types whose schema checks it: a built-in one or a workspace schema file. */
export interface AppliedTypeSchema {
  type: string;
  /** `built-in`, or the absolute path of the workspace's `.dxrecord/types/<type>.schema.json`. */
  source: string;
  /** A built-in schema's text: it ships inside the server bundle, not as a file the client could open. */
  text?: string;
}

/** Client -> server: the type schemas that apply to an open record (for the language status item). */
export const TypeSchemasRequest = new RequestType<{ uri: string }, AppliedTypeSchema[], void>('dxrecord/typeSchemas');

/** Client -> server: sign-in state or cached platform data changed; re-run the live checks. */
export const PlatformChangedNotification = new NotificationType0('dxrecord/platform/changed');
