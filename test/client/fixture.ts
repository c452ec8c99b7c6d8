// A fresh emulator on an ephemeral port with one user and one project, and an API client for it.
import { startEmulator } from '../../emulator/src/index';
import { DxApiClient } from '../../platform/src/apiClient';

export async function platformFixture(handle = 'editor') {
  const emulator = await startEmulator();
  const { userId, token } = emulator.admin.createUser(handle);
  const project = emulator.admin.createProject(userId, 'Editor tests');
  const client = new DxApiClient({ serverUrl: emulator.url, token, deadlineMs: 10_000 });
  return { emulator, userId, token, project, client };
}

export type PlatformFixture = Awaited<ReturnType<typeof platformFixture>>;

/** The /record/new input of a small record file in `project`. */
export function recordFile(project: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ project, name: 'sample', tags: ['a'], properties: { lab: 'north' }, details: { reads: 12 }, ...fields }, null, 2) + '\n';
}
