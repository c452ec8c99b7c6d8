// Projects the user can see, with names and access levels (Select Project, the tree's roots,
// `project` completion).
import type { DxApiClient } from '../apiClient';
import type { ProjectSummary } from '../../../protocol/messages';

interface FindProjectsPage {
  results: { id: string; level: string; describe?: { name?: string; folders?: string[] } }[];
  next: unknown;
}

export async function findProjects(client: DxApiClient, signal?: AbortSignal, withFolders = false): Promise<(ProjectSummary & { folders?: string[] })[]> {
  const projects: (ProjectSummary & { folders?: string[] })[] = [];
  const fields = withFolders ? { name: true, folders: true } : { name: true };
  let starting: unknown = undefined;
  do {
    const page: FindProjectsPage = await client.call<FindProjectsPage>(
      '/system/findProjects',
      { describe: { fields }, limit: 1000, ...(starting ? { starting } : {}) },
      { signal },
    );
    for (const r of page.results) {
      projects.push({ id: r.id, name: r.describe?.name ?? r.id, level: r.level, ...(r.describe?.folders ? { folders: r.describe.folders } : {}) });
    }
    starting = page.next;
  } while (starting);
  return projects.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function describeProject(client: DxApiClient, id: string, signal?: AbortSignal): Promise<ProjectSummary | undefined> {
  const d = await orNotFound(client.call<{ id: string; name: string; level: string }>(`/${id}/describe`, { fields: { name: true, level: true } }, { signal }));
  return d && { id: d.id, name: d.name, level: d.level };
}

export async function projectFolders(client: DxApiClient, id: string, signal?: AbortSignal): Promise<string[] | null> {
  const d = await orNotFound(client.call<{ folders: string[] }>(`/${id}/describe`, { fields: { folders: true } }, { signal }));
  return d ? d.folders : null;
}

/** ResourceNotFound (the platform also answers it for no access) becomes undefined. */
async function orNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The platform's answer for an object that does not exist and for one the caller may not see. */
export function isNotFound(error: unknown): boolean {
  const type = (error as { type?: unknown })?.type;
  return type === 'ResourceNotFound' || type === 'PermissionDenied';
}
