// Softirqs raised per CPU and type from /proc/softirqs (32-bit per-CPU counters).
import type { TMetricPoint } from "@perflab/protocol";
import { parseSoftirqs } from "../../proc/parsers/parse-softirqs";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const ROWS: Record<string, string> = { NET_RX: "softirq.net_rx", TIMER: "softirq.timer" };

export function createSoftirqsCollector(): TCollector {
  const rates = new RateTracker();
  return {
    name: "softirqs",
    isHighRes: false,
    collect(reader, nowMs) {
      const softirqs = parseSoftirqs(requireProcFile(reader, "softirqs"), `${reader.procRoot}/softirqs`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const row of softirqs.rows) {
        const metric = ROWS[row.name];
        if (!metric) continue;
        for (const [cpu, count] of Object.entries(row.countsByCpu)) {
          const rate = rates.rate(`${row.name}/${cpu}`, count, nowMs, 32);
          if (rate !== undefined) points.push([metric, rate, { cpu }]);
        }
      }
      return points;
    },
  };
}
