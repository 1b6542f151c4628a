// Percentiles by nearest rank: the p99 reported is a latency some viewer really waited.

/** Sorts a copy; null for no values. */
export function percentiles(values: readonly number[], wanted: readonly number[]): number[] | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return wanted.map((fraction) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!);
}
