// Timing statistics: medians and nearest-rank percentiles in milliseconds.

export interface Summary {
  median: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p95: percentile(sorted, 95), runs: sorted.length };
}

export interface Sample {
  wall: number;
  /** Whole-process CPU ms (GC threads included): steadier than wall time on a shared machine. */
  cpu: number;
}

export async function timeOnce(run: () => unknown): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
