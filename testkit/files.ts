// Seeds a file on the emulator through its public API, the way dxpy uploads one: /file/new, one
// part (/upload, then PUT to the URL it hands out), then /close unless the file should stay open.
import { createHash } from 'node:crypto';

export interface SeedTarget {
  serverUrl: string;
  token: string;
  project: string;
}

async function api(target: SeedTarget, route: string, input: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${target.serverUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The new file's ID; closed (and described once, so it is past "closing") unless `open`. */
export async function seedFile(target: SeedTarget, name: string, content: string, options: { open?: boolean; project?: string } = {}): Promise<string> {
  const id = String((await api(target, '/file/new', { project: options.project ?? target.project, name })).id);
  const bytes = Buffer.from(content);
  const grant = await api(target, `/${id}/upload`, { index: 1, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex') });
  const put = await fetch(String(grant.url), { method: 'PUT', headers: grant.headers as Record<string, string>, body: bytes });
  if (!put.ok) throw new Error(`upload of ${name}: HTTP ${put.status}`);
  if (!options.open) {
    await api(target, `/${id}/close`, {});
    await api(target, `/${id}/describe`, {});
  }
  return id;
}
