// Turns the PATH arguments into record texts: files as given, directories searched for
// *.dxrecord.json (skipping node_modules and dot-folders), "-" read from standard input.

import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { RECORD_SUFFIX } from '../../platform/src/recordsAsCode/root';
import { decodeRecordBytes, type DecodedText } from './decode';

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
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return err instanceof Error ? err.message : String(err);
}

/** What a path is when it is neither a file nor a directory; reading a FIFO would wait forever. */
function otherKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Stats through symbolic links, or undefined when the target is missing or loops. */
function targetStats(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
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
    // An entry's name is one plain segment, which join leaves as it is: every path in the folder
    // is the same normalized prefix plus the name, so one join per folder serves them all.
    const prefix = join(current, 'x').slice(0, -1);
    const subdirs: string[] = [];
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) subdirs.push(path);
      } else if (entry.name.endsWith(RECORD_SUFFIX)) {
        // Only regular files, directly or through a link: pipes, sockets, dangling links and link loops are skipped.
        if (entry.isFile() || (entry.isSymbolicLink() && targetStats(path)?.isFile())) files.push(path);
      }
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
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path, files, unreadable);
      else if (stats.isFile()) files.push(path);
      else unreadable.push({ path, reason: `${otherKind(stats)}, not a file: give a record file or a folder` });
    } catch (err) {
      unreadable.push({ path, reason: reasonOf(err) });
    }
  }
  return { files, unreadable };
}

/**
 * One buffer for every file that fits: a run over a thousand small records then allocates and
 * stats nothing per file. What it returns is overwritten by the next read.
 */
const shared = Buffer.allocUnsafe(64 * 1024);

function readBytes(path: string): Uint8Array {
  if (path === STDIN_PATH) return readFileSync(0);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, shared, 0, shared.length, 0);
    // A file that fills the buffer is read again whole; reading at a position left the fd at 0.
    return length < shared.length ? shared.subarray(0, length) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes decoded as an editor would (see decode.ts). */
export function readRecord(path: string): DecodedText | Unreadable {
  try {
    return decodeRecordBytes(readBytes(path));
  } catch (err) {
    return { path, reason: reasonOf(err) };
  }
}
