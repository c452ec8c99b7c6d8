// Runs heapProbe.ts in a fresh child process per engine and file: each starts from a clean heap.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { HeapReport } from './heapProbe';

export function measureHeap(root: string, engine: 'ours' | 'baseline', label: string, broken: boolean): HeapReport {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'bench/heapProbe.ts'), engine, label, broken ? 'broken' : 'valid', root],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '') as HeapReport;
}
