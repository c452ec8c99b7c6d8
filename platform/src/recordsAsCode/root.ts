// The root of a managed tree: the folder holding `.dxrecord/`, found by walking up from a path,
// with its config (`.dxrecord/config.json`, the default project). Keys are paths relative to it
// (docs/platform-notes.md#records-as-code).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const ROOT_MARKER = '.dxrecord';
export const RECORD_SUFFIX = '.dxrecord.json';
/** The property that ties a record to its file; managed by apply, never part of a diff. */
export const KEY_PROPERTY = 'dxrecord.key';
/** Set on a replaced record (which then loses its key): history, not live. */
export const REPLACED_BY_PROPERTY = 'dxrecord.replacedBy';
/** Properties under this prefix belong to dxrecord, not to the file. */
export const MANAGED_PREFIX = 'dxrecord.';

/** A record's properties less the ones dxrecord manages. */
export function ownProperties(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !k.startsWith(MANAGED_PREFIX)));
}

export interface RootConfig {
  project?: string;
}

/** The nearest folder at or above `path` that holds `.dxrecord/`, or undefined. */
export function findRoot(path: string): string | undefined {
  let dir = resolve(path);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, ROOT_MARKER)) && statSync(join(dir, ROOT_MARKER)).isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export class RootConfigError extends Error {}

export function readRootConfig(dir: string): RootConfig {
  const file = join(dir, ROOT_MARKER, 'config.json');
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RootConfigError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RootConfigError(`${file} must hold a JSON object`);
  const project = (parsed as { project?: unknown }).project;
  if (project !== undefined && typeof project !== 'string') throw new RootConfigError(`${file}: "project" must be a project ID`);
  return project ? { project } : {};
}

/** Creates `.dxrecord/` (and its config when a project is given); false when it already existed. */
export function initRoot(dir: string, project?: string): boolean {
  const marker = join(dir, ROOT_MARKER);
  if (existsSync(marker)) return false;
  mkdirSync(marker, { recursive: true });
  if (project) writeFileSync(join(marker, 'config.json'), JSON.stringify({ project }, null, 2) + '\n');
  return true;
}

/** The key of a record file: its path under the root, `/`-separated, without `.dxrecord.json`. */
export function keyOf(root: string, file: string): string {
  const path = relative(root, resolve(file)).split(sep).join('/');
  return path.endsWith(RECORD_SUFFIX) ? path.slice(0, -RECORD_SUFFIX.length) : path;
}

/** Where a record with `key` lives under the root. */
export function fileOfKey(root: string, key: string): string {
  return join(root, ...key.split('/')) + RECORD_SUFFIX;
}
