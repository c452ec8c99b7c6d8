// What a file's parts add up to: its size, its parts as describe shows them, and its bytes.
import type { FileContent } from './state.js';

/** Total bytes of the file's completed parts. */
export function fileSize(file: FileContent): number {
  return Object.values(file.parts).reduce((sum, part) => sum + (part.state === 'complete' ? part.size : 0), 0);
}

/** The parts as describe reports them, keyed by index. */
export function describeParts(file: FileContent): Record<string, { size: number; md5: string; state: string }> {
  return Object.fromEntries(Object.entries(file.parts).map(([index, part]) => [index, { size: part.size, md5: part.md5, state: part.state }]));
}

/** The bytes of a closed file, parts in index order. */
export function fileBytes(file: FileContent): Buffer {
  const indexes = Object.keys(file.parts).map(Number).sort((a, b) => a - b);
  return Buffer.concat(indexes.map((i) => Buffer.from(file.parts[String(i)].data ?? '', 'base64')));
}
