// Per-interface traffic from /proc/net/dev (of the agent's network namespace). Scenario
// veth pairs come and go: a recreated interface restarts at 0, which the rate tracker
// treats as a reset rather than a huge negative spike (FIELD-NOTES 12).
import type { TMetricPoint } from "@perflab/protocol";
import { parseNetDev, type TNetDevInterface } from "../../proc/parsers/parse-net-dev";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";
import { SeriesCache } from "../series-cache";

const FIELDS: [keyof TNetDevInterface, string][] = [
  ["rxBytes", "net.rx_bytes"],
  ["txBytes", "net.tx_bytes"],
  ["rxPackets", "net.rx_packets"],
  ["txPackets", "net.tx_packets"],
  ["rxDropped", "net.rx_dropped"],
  ["txDropped", "net.tx_dropped"],
  ["rxErrors", "net.rx_errors"],
];

export function createNetDevCollector(): TCollector {
  const rates = new RateTracker();
  const series = new SeriesCache(FIELDS.map(([field]) => field), (name) => ({ interface: name }));
  return {
    name: "net-dev",
    isHighRes: true,
    collect(reader, nowMs) {
      const netDev = parseNetDev(requireProcFile(reader, "net/dev"), `${reader.procRoot}/net/dev`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const device of netDev.interfaces) {
        const { labels, keys } = series.get(device.name);
        for (let index = 0; index < FIELDS.length; index++) {
          const [field, metric] = FIELDS[index]!;
          const rate = rates.rate(keys[index]!, device[field] as number, nowMs);
          if (rate !== undefined) points.push([metric, rate, labels]);
        }
      }
      return points;
    },
  };
}
