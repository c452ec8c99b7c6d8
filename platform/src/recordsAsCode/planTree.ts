// The plan for a set of record files under one root, with the live records it needs looked up in
// bulk: the managed records of each project first, unkeyed ones only for files no record is keyed
// to yet (adoption candidates). The CLI plans a whole tree with it, the editor one file.
import type { DxApiClient } from '../apiClient';
import { recordInput } from '../records/createRecord';
import { findRecords, type LiveRecord } from './live';
import { planRecords, type Plan, type RecordFile } from './plan';
import { KEY_PROPERTY } from './root';

export interface LocalTree {
  root: string;
  /** The project the root manages (its config or --project), if any. */
  project?: string;
  files: RecordFile[];
  /** Whether a key lies under the paths asked about (prune and orphan notes look only there). */
  inScope(key: string): boolean;
}

export interface LiveRecords {
  managed: LiveRecord[];
  unmanaged: LiveRecord[];
}

export async function lookupTree(tree: LocalTree, client: DxApiClient, signal?: AbortSignal): Promise<LiveRecords> {
  const { files, project } = tree;
  const fileProjects = files.map((file) => projectOf(file.text));
  const projects = project ? [project] : [...new Set(fileProjects.flatMap((p) => p ?? []))];
  const managed: LiveRecord[] = [];
  for (const p of projects) managed.push(...(await findRecords(client, p, { managedOnly: true, signal })));
  const keyed = new Set(managed.map((r) => `${r.project}\0${r.properties[KEY_PROPERTY]}`));
  const unkeyedProjects = new Set(files.flatMap((file, i) => {
    const p = fileProjects[i];
    // With a managed project, a file naming another one is refused by the plan, not looked up.
    return p && projects.includes(p) && !keyed.has(`${p}\0${file.key}`) ? [p] : [];
  }));
  const unmanaged: LiveRecord[] = [];
  for (const p of unkeyedProjects) unmanaged.push(...(await findRecords(client, p, { signal })).filter((r) => !r.properties[KEY_PROPERTY]));
  return { managed, unmanaged };
}

export function planWith(tree: LocalTree, live: LiveRecords, prune: boolean): Plan {
  return planRecords({ files: tree.files, ...live, ...(tree.project ? { project: tree.project } : {}), prune, inScope: tree.inScope });
}

export async function planTree(tree: LocalTree, client: DxApiClient, prune: boolean, signal?: AbortSignal): Promise<Plan> {
  return planWith(tree, await lookupTree(tree, client, signal), prune);
}

function projectOf(text: string): string | undefined {
  try {
    const value = recordInput(text).project;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
