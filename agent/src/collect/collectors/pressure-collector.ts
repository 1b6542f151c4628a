// Pressure stall information. avg10 is what the kernel publishes (recomputed every 2 s,
// so it is sent at most twice a second: at 100 Hz the other 98 copies would be identical);
// the *_pct metrics come from the cumulative stall totals over the measured interval,
// exact at any sampling rate (FIELD-NOTES 8). Files that do not exist (no PSI, or
// /proc/pressure/irq before 6.1) are skipped: they are capabilities, not errors.
import type { TMetricPoint } from "@perflab/protocol";
import { parsePressure } from "../../proc/parsers/parse-pressure";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const PUBLISHED = [
  { resource: "cpu", line: "some", avg10: "psi.cpu.some_avg10", share: "psi.cpu.some_pct" },
  { resource: "memory", line: "some", avg10: "psi.memory.some_avg10", share: "psi.memory.some_pct" },
  { resource: "memory", line: "full", avg10: "psi.memory.full_avg10", share: "psi.memory.full_pct" },
  { resource: "io", line: "some", avg10: "psi.io.some_avg10", share: "psi.io.some_pct" },
  { resource: "io", line: "full", avg10: "psi.io.full_avg10", share: "psi.io.full_pct" },
] as const;

const AVERAGES_EVERY_MS = 500;

export function createPressureCollector(): TCollector {
  const rates = new RateTracker();
  let averagesSentAtMs = Number.NEGATIVE_INFINITY;
  return {
    name: "pressure",
    isHighRes: true,
    collect(reader, nowMs) {
      rates.beginRound();
      const points: TMetricPoint[] = [];
      const withAverages = nowMs - averagesSentAtMs >= AVERAGES_EVERY_MS;
      if (withAverages) averagesSentAtMs = nowMs;
      const parsed = new Map<string, ReturnType<typeof parsePressure> | null>();
      for (const { resource, line, avg10, share } of PUBLISHED) {
        if (!parsed.has(resource)) {
          const text = reader.proc(`pressure/${resource}`);
          parsed.set(resource, text === null ? null : parsePressure(text, `${reader.procRoot}/pressure/${resource}`));
        }
        const stall = parsed.get(resource)?.[line];
        if (!stall) continue;
        if (withAverages) points.push([avg10, stall.avg10Percent]);
        // Stall seconds per second of wall time, as a percentage.
        const stalledShare = rates.rate(`${resource}.${line}`, stall.totalSeconds, nowMs);
        if (stalledShare !== undefined) points.push([share, Math.min(100, Math.round(stalledShare * 10_000) / 100)]);
      }
      return points;
    },
  };
}
