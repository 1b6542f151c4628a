// The receive backlog per CPU from /proc/net/softnet_stat (hex, 32-bit). Before 5.10 a
// row is the n-th online CPU, not CPU n (FIELD-NOTES 6): such rows are labelled "row<n>"
// rather than mislabelled with a CPU id that may be wrong.
import type { TMetricPoint } from "@perflab/protocol";
import { parseSoftnetStat } from "../../proc/parsers/parse-softnet-stat";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const FIELDS = [["processed", "softnet.processed"], ["dropped", "softnet.dropped"], ["timeSqueeze", "softnet.time_squeezed"]] as const;

export function createSoftnetCollector(): TCollector {
  const rates = new RateTracker();
  // Per CPU label: its label object and rate keys, made once (this runs up to 100 times a second).
  const seriesByCpu = new Map<string, { labels: { cpu: string }; keys: string[] }>();
  return {
    name: "softnet",
    isHighRes: true,
    collect(reader, nowMs) {
      const softnet = parseSoftnetStat(requireProcFile(reader, "net/softnet_stat"), `${reader.procRoot}/net/softnet_stat`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const row of softnet.rows) {
        const cpu = row.cpu === null ? `row${row.rowIndex}` : String(row.cpu);
        let series = seriesByCpu.get(cpu);
        if (!series) seriesByCpu.set(cpu, (series = { labels: { cpu }, keys: FIELDS.map(([field]) => `${cpu}/${field}`) }));
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
