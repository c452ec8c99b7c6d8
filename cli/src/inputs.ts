// Turns the PATH arguments into record texts: files as given, directories searched for
// *.dxrecord.json (skipping node_modules and dot-folders), "-" read from standard input.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RECORD_SUFFIX = '.dxrecord.json';
export const STDIN_PATH = '-';

export interface Unreadable {
  path: string;
  reason: string;
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

/** Record files under `dir`, sorted so runs are repeatable; directories that fail go to `unreadable`. */
function walk(dir: string, files: string[], unreadable: Unreadable[]): void {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ path: current, reason: reasonOf(err) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) subdirs.push(path);
      } else if (entry.name.endsWith(RECORD_SUFFIX) && (entry.isFile() || entry.isSymbolicLink())) files.push(path);
    }
    // Reversed so the stack pops them in name order.
    pending.push(...subdirs.reverse());
  }
}

/** Expands PATH arguments to the files to check, in order ("-" stays as is). */
export function expandPaths(paths: readonly string[]): { files: string[]; unreadable: Unreadable[] } {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) {
      files.push(path);
      continue;
    }
    try {
      if (statSync(path).isDirectory()) walk(path, files, unreadable);
      else files.push(path);
    } catch (err) {
      unreadable.push({ path, reason: reasonOf(err) });
    }
  }
  return { files, unreadable };
}

/** The file's text without a byte-order mark (editors do not count it as a column). */
export function readRecordText(path: string): string | Unreadable {
  try {
    const text = readFileSync(path === STDIN_PATH ? 0 : path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    return { path, reason: reasonOf(err) };
  }
}
