// The receive backlog per CPU from /proc/net/softnet_stat (hex, 32-bit). Before 5.10 a
// row is the n-th online CPU, not CPU n (FIELD-NOTES 6): such rows are labelled "row<n>"
// rather than mislabelled with a CPU id that may be wrong.
import type { TMetricPoint } from "@perflab/protocol";
import { parseSoftnetStat } from "../../proc/parsers/parse-softnet-stat";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";
import { SeriesCache } from "../series-cache";

const FIELDS = [["processed", "softnet.processed"], ["dropped", "softnet.dropped"], ["timeSqueeze", "softnet.time_squeezed"]] as const;

export function createSoftnetCollector(): TCollector {
  const rates = new RateTracker();
  const seriesOfCpu = new SeriesCache(FIELDS.map(([field]) => field), (cpu) => ({ cpu }));
  return {
    name: "softnet",
    isHighRes: true,
    collect(reader, nowMs) {
      const softnet = parseSoftnetStat(requireProcFile(reader, "net/softnet_stat"), `${reader.procRoot}/net/softnet_stat`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const row of softnet.rows) {
        const cpu = row.cpu === null ? `row${row.rowIndex}` : String(row.cpu);
        const series = seriesOfCpu.get(cpu);
        for (let index = 0; index < FIELDS.length; index++) {
          const [field, metric] = FIELDS[index]!;
          const rate = rates.rate(series.keys[index]!, row[field], nowMs, 32);
          if (rate !== undefined) points.push([metric, rate, series.labels]);
        }
      }
      return points;
    },
  };
}
