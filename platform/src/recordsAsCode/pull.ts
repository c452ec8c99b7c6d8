// Pull: one file per live record of a project (or a folder's subtree), in a tree that mirrors the
// project's folders, each its create input without the properties dxrecord manages. A keyed record
// goes to its key's path; an unkeyed one to its folder and a file name made from its name. Existing
// files are never overwritten, replaced records are skipped, and nothing is written to the platform.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DxApiClient } from '../apiClient';
import { createInputFrom, createInputText } from '../records/pullRecord';
import { findRecords, type LiveRecord } from './live';
import { fileOfKey, initRoot, KEY_PROPERTY, ownProperties, RECORD_SUFFIX, REPLACED_BY_PROPERTY } from './root';

export interface PullResult {
  written: { path: string; record: string }[];
  kept: { path: string; record: string }[];
  /** Whether `.dxrecord/` was created in the output folder. */
  initialized: boolean;
}

export async function pullTree(client: DxApiClient, project: string, folder: string, outDir: string, signal?: AbortSignal): Promise<PullResult> {
  const records = (await findRecords(client, project, { folder, signal })).filter((r) => !r.properties[REPLACED_BY_PROPERTY]);
  const initialized = initRoot(outDir, project);
  const result: PullResult = { written: [], kept: [], initialized };
  const taken = new Set<string>();
  // Keyed records first, so their paths are theirs even when an unkeyed name would clash with them.
  const ordered = [...records].sort((a, b) => Number(!a.properties[KEY_PROPERTY]) - Number(!b.properties[KEY_PROPERTY]) || a.id.localeCompare(b.id));
  for (const record of ordered) {
    const key = record.properties[KEY_PROPERTY];
    const path = key ? fileOfKey(outDir, key) : freePath(outDir, record, taken);
    taken.add(path);
    if (existsSync(path)) {
      result.kept.push({ path, record: record.id });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, pulledText(record));
    result.written.push({ path, record: record.id });
  }
  return result;
}

/** `<folder>/<name>.dxrecord.json` with unsafe characters as `_`, and `-2`, `-3`, … on a clash. */
function freePath(outDir: string, record: LiveRecord, taken: Set<string>): string {
  const base = join(outDir, ...record.folder.split('/').filter(Boolean), record.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'record');
  let path = base + RECORD_SUFFIX;
  for (let n = 2; taken.has(path); n++) path = `${base}-${n}${RECORD_SUFFIX}`;
  return path;
}

/** A record's file text as pull writes it: its create input without the properties dxrecord manages. */
export function pulledText(record: LiveRecord): string {
  return createInputText(createInputFrom({ ...record, properties: ownProperties(record.properties) }));
}
