// The one interface every collector implements, and what a round of sampling returns.
// A collector owns its previous readings (rates come from its own measured time deltas),
// reads its files through a TProcReader and returns points; if it throws, the registry
// reports the failure in the batch and the other collectors carry on.
import type { TMetricPoint } from "@perflab/protocol";
import type { TProcReader } from "../proc/proc-reader";

/** "all": a normal sample; "high-res": only collectors cheap and fast-moving enough for 10-100 ms. */
export type TCollectorSet = "all" | "high-res";

export interface TCollectorError {
  collector: string;
  message: string;
}

export interface TSampleResult {
  points: TMetricPoint[];
  errors: TCollectorError[];
}

export interface TCollector {
  name: string;
  /** Part of the high-resolution subset: stat, pressure, net/dev and softnet_stat (cheap, fast-moving). */
  isHighRes: boolean;
  /** Reads and returns points; may return none on its first call (no previous reading yet). */
  collect: (reader: TProcReader, nowMs: number) => TMetricPoint[];
}

export function sampleCollectors(collectors: readonly TCollector[], reader: TProcReader, set: TCollectorSet, nowMs: number): TSampleResult {
  const result: TSampleResult = { points: [], errors: [] };
  for (const collector of collectors) {
    if (set === "high-res" && !collector.isHighRes) continue;
    try {
      result.points.push(...collector.collect(reader, nowMs));
    } catch (error) {
      result.errors.push({ collector: collector.name, message: (error as Error).message.slice(0, 500) });
    }
  }
  return result;
}
