// Binary search in increasing offsets, shared by the object index and the layout that feeds it.

/** The index of the last value below `limit` in increasing `values`, or -1. */
export function lastBelow(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] < limit) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
