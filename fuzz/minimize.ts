// Delta debugging (ddmin) over the units of a failing input: drop ever smaller chunks while the
// failure persists, within a budget of checks so a slow check cannot stall the run.

export async function minimize<T>(units: readonly T[], stillFails: (candidate: T[]) => boolean | Promise<boolean>, budget: number): Promise<T[]> {
  let current = [...units];
  let checks = 0;
  let chunks = 2;
  while (current.length > 1 && checks < budget) {
    const size = Math.ceil(current.length / chunks);
    let reduced = false;
    for (let start = 0; start < current.length && checks < budget; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      checks++;
      if (await stillFails(candidate)) {
        current = candidate;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size === 1) break;
      chunks = Math.min(chunks * 2, current.length);
    }
  }
  return current;
}

/** Minimizes a string by UTF-16 units (so a lone surrogate can be what remains). */
export async function minimizeText(text: string, stillFails: (candidate: string) => boolean | Promise<boolean>, budget: number): Promise<string> {
  return (await minimize(text.split(''), (units) => stillFails(units.join('')), budget)).join('');
}
